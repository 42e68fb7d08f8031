import * as inspector from 'node:inspector';

/** A V8 CPU profile of the extension host's main thread (the .cpuprofile format of DevTools). */
export interface CpuProfile {
  /** µs, on the clock of process.hrtime. */
  startTime: number;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/**
 * Profiles the extension host's own thread through the inspector protocol, sampling every `intervalUs` µs.
 * Only the episode that is profiled pays the profiler's cost; the measured figures are taken without it.
 */
export async function startProfile(intervalUs = 500): Promise<() => Promise<CpuProfile>> {
  const session = new inspector.Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
  await post(session, 'Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    await post(session, 'Profiler.disable');
    session.disconnect();
    return profile;
  };
}
