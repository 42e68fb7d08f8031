/**
 * A promise's outcome as a value, so it can be waited for beside another (Promise.all) and its failure judged
 * afterwards, in the light of the other's answer; a failure is never left unobserved.
 */
export function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
