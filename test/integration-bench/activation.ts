/** One extension's activation as the extension host itself timed it (its performance marks), ms. */
export interface ActivationTimes {
  id: string;
  /** Loading the extension's code (require of its main bundle). */
  load: number;
  /** From calling its activate() to the returned value (or promise) settling. */
  activate: number;
  /** From the start of loading to activated: what the host waits for before the extension's features exist. */
  total: number;
}

interface Mark {
  name: string;
  startTime: number;
}

/**
 * The extension host marks every activation (code/extHost/willLoadExtensionCode/<id> …
 * didActivateExtension/<id>) in the performance marks it keeps on globalThis.MonacoPerformanceMarks; the
 * same marks feed "Developer: Show Running Extensions". Reading them measures the activation the host did
 * at startup, not a second activation staged by the benchmark.
 */
export function activationTimes(): ActivationTimes[] {
  const store = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Mark[] } }).MonacoPerformanceMarks;
  if (!store) return [];
  const at = new Map<string, number>();
  for (const mark of store.getMarks()) at.set(mark.name, mark.startTime);
  const times: ActivationTimes[] = [];
  for (const [name, willLoad] of at) {
    const prefix = 'code/extHost/willLoadExtensionCode/';
    if (!name.startsWith(prefix)) continue;
    const id = name.slice(prefix.length);
    const didLoad = at.get(`code/extHost/didLoadExtensionCode/${id}`);
    const willActivate = at.get(`code/extHost/willActivateExtension/${id}`);
    const didActivate = at.get(`code/extHost/didActivateExtension/${id}`);
    if (didLoad === undefined || willActivate === undefined || didActivate === undefined) continue;
    times.push({ id, load: didLoad - willLoad, activate: didActivate - willActivate, total: didActivate - willLoad });
  }
  return times;
}
