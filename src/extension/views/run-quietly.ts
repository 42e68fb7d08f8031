/** Calls a command of another feature from a view action. Those commands already showed their own error
 * message; a view's action runner would show a second, generic one for a rejected promise. */
export async function runQuietly<T>(run: () => Thenable<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch {
    return undefined;
  }
}
