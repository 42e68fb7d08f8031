import { constants, promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { tempUriFor } from '../core/index';
import { pathToUri, uriToPath } from './node-file-system';

/**
 * Writes a file so that it is either the old file or the whole new one, never a part: the bytes go to a
 * temp file in the same folder (named as the Node adapter names its own, so the rename replaces the target
 * in one step and `grounded check` recognises a leftover), are flushed, and the temp file is renamed over
 * the target. A full disk or a crash leaves the old file (or none) and no temp file behind. A link at `path`
 * keeps pointing at its file, which gets the new bytes; an existing file keeps its permissions, and a
 * read-only one is refused as a plain write would be. Missing parent folders are created.
 */
export async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  const target = await fs.realpath(path).catch(() => path);
  const existing = await fs.stat(target).catch(() => undefined);
  if (existing) await fs.access(target, constants.W_OK);
  else await fs.mkdir(dirname(target), { recursive: true });
  const temp = uriToPath(tempUriFor(pathToUri(target)));
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      // Exactly the old file's permissions (open's mode would pass through the umask).
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
