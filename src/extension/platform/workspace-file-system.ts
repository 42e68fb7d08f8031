import * as vscode from 'vscode';
import {
  type DirectoryEntry,
  type FileStat,
  type FileSystemPort,
  isWriteArtifactUri,
  type LockPrimitives,
  LockTable,
  normalizeUri,
  type ReleaseLock,
  sameBytes,
  tempUriFor,
  WriteRefusedError,
} from '../../core/index';

/**
 * The core's FileSystemPort over vscode.workspace.fs, so the same code works on disk, in remote
 * workspaces and in vscode.dev (virtual file systems). URIs cross the boundary as strings in the core's
 * normal form.
 */
export class WorkspaceFileSystem implements FileSystemPort {
  // workspace.fs cannot tell whether another window's process still runs: its stale locks are found by age.
  private readonly locks = new LockTable(workspaceLockPrimitives(this), {
    holder: { pid: Math.floor(Math.random() * 2 ** 31), host: vscode.env.machineId, tool: 'VS Code' },
  });

  async readFile(uri: string): Promise<Uint8Array> {
    try {
      return await vscode.workspace.fs.readFile(toVscodeUri(uri));
    } catch (error) {
      throw withCode(error);
    }
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(toVscodeUri(uri), data);
  }

  /**
   * Temp file beside the target, renamed over it. The comparison and the rename are two calls here: across
   * processes, the lock the caller holds is what keeps them together (on the desktop, local files do not come
   * here at all but go to the Node adapter).
   */
  async replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean> {
    const target = toVscodeUri(uri);
    const found = await this.vscodeStat(target);
    if (found && found.type & vscode.FileType.SymbolicLink) throw new WriteRefusedError(uri, 'symbolic-link');
    if (found && found.type & vscode.FileType.Directory) throw new WriteRefusedError(uri, 'folder');
    if (found && (found.permissions ?? 0) & vscode.FilePermission.Readonly)
      throw new WriteRefusedError(uri, 'read-only');
    const current = found ? await this.readIfExists(uri) : undefined;
    if (!sameBytes(current, expected)) return false;
    const temp = toVscodeUri(tempUriFor(uri));
    try {
      await vscode.workspace.fs.writeFile(temp, data);
      const renaming = vscode.workspace.fs.rename(temp, target, { overwrite: true });
      committing?.();
      await renaming;
    } catch (error) {
      await vscode.workspace.fs.delete(temp, { useTrash: false }).then(undefined, () => undefined);
      throw error;
    }
    return true;
  }

  lock(uri: string): Promise<ReleaseLock> {
    return this.locks.lock(uri);
  }

  tryLock(uri: string): Promise<ReleaseLock | undefined> {
    return this.locks.tryLock(uri);
  }

  isWriteArtifact(uri: string): boolean {
    return isWriteArtifactUri(uri);
  }

  async readIfExists(uri: string): Promise<Uint8Array | undefined> {
    try {
      return await this.readFile(uri);
    } catch (error) {
      if (withCode(error).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async vscodeStat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
    try {
      return await vscode.workspace.fs.stat(uri);
    } catch (error) {
      if (withCode(error).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(uri: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(toVscodeUri(uri), { useTrash: false });
    } catch (error) {
      if (withCode(error).code !== 'ENOENT') throw error;
    }
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(toVscodeUri(uri));
      return { type: stat.type & vscode.FileType.Directory ? 'directory' : 'file', size: stat.size, mtime: stat.mtime };
    } catch (error) {
      if (withCode(error).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(uri: string): Promise<readonly DirectoryEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(toVscodeUri(uri));
    return entries
      .filter(
        ([, type]) => (type & (vscode.FileType.File | vscode.FileType.Directory | vscode.FileType.SymbolicLink)) !== 0,
      )
      .map(([name, type]) => ({
        name,
        type: type & vscode.FileType.Directory ? ('directory' as const) : ('file' as const),
        ...(type & vscode.FileType.SymbolicLink ? { symbolicLink: true } : {}),
      }));
  }
}

/** Lock files over workspace.fs: exclusive creation is a rename that refuses to overwrite. */
function workspaceLockPrimitives(fs: WorkspaceFileSystem): LockPrimitives {
  return {
    async createExclusive(uri, content) {
      const temp = toVscodeUri(tempUriFor(uri));
      await vscode.workspace.fs.writeFile(temp, content);
      try {
        await vscode.workspace.fs.rename(temp, toVscodeUri(uri), { overwrite: false });
        return true;
      } catch (error) {
        await vscode.workspace.fs.delete(temp, { useTrash: false }).then(undefined, () => undefined);
        if (error instanceof vscode.FileSystemError && error.code === 'FileExists') return false;
        throw error;
      }
    },
    read: (uri) => fs.readIfExists(uri),
    async age(uri) {
      const stat = await fs.stat(uri);
      return stat && Date.now() - stat.mtime;
    },
    async touch(uri) {
      const content = await fs.readIfExists(uri);
      if (content) await vscode.workspace.fs.writeFile(toVscodeUri(uri), content);
    },
    remove: (uri) => fs.delete(uri),
    isAlive: () => undefined,
  };
}

export function toVscodeUri(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri, true);
}

/** The core's string form of a VS Code URI. */
export function fromVscodeUri(uri: vscode.Uri): string {
  // Untitled buffers and other path-less documents (untitled:Untitled-1) are never study files; they keep
  // their own string so comparisons with study URIs are simply false instead of throwing.
  if (!uri.path.startsWith('/')) return uri.toString();
  return normalizeUri(uri.with({ query: '', fragment: '' }).toString());
}

function withCode(error: unknown): Error & { code?: string } {
  const err = (error instanceof Error ? error : new Error(String(error))) as Error & { code?: string };
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') err.code = 'ENOENT';
  return err;
}
