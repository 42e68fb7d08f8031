import * as vscode from 'vscode';
import type { DirectoryEntry, FileStat, FileSystemPort } from '../../core/ports/file-system';
import { normalizeUri } from '../../core/uri';

/**
 * The core's FileSystemPort over vscode.workspace.fs, so the same code works on disk, in remote
 * workspaces and in vscode.dev (virtual file systems). URIs cross the boundary as strings in the core's
 * normal form.
 */
export class WorkspaceFileSystem implements FileSystemPort {
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

  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(toVscodeUri(from), toVscodeUri(to), { overwrite: true });
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
