/**
 * The host's side of jobs run in a worker: one at a time, in the order asked (each job first ships the study
 * the worker reads, so two must not interleave), each numbered and answered by its number. The report worker
 * and the similar-passage worker both hold one.
 */
export class WorkerJobs<Result> {
  private readonly waiting = new Map<number, { resolve: (value: Result) => void; reject: (error: Error) => void }>();
  private queue: Promise<unknown> = Promise.resolve();
  private nextJob = 0;

  /** Runs `task` once every task queued before it has settled. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Numbers a job, lets `post` send it, and waits for the worker's answer to that number. */
  send(post: (job: number) => void): Promise<Result> {
    const job = this.nextJob++;
    return new Promise((resolve, reject) => {
      this.waiting.set(job, { resolve, reject });
      post(job);
    });
  }

  /** The worker answered `job` (a job nobody waits for any more is ignored). */
  settle(job: number, answer: { readonly value: Result } | { readonly error: Error }): void {
    const waiting = this.waiting.get(job);
    this.waiting.delete(job);
    if (!waiting) return;
    if ('value' in answer) waiting.resolve(answer.value);
    else waiting.reject(answer.error);
  }

  /** Every job still waiting fails with `error`: the worker stopped, or its user closed it. */
  rejectAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
