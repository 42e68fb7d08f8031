import type { DirectoryEntry, FileStat, FileSystemPort, ReleaseLock } from '../../core/index';

/**
 * On the desktop, local files (file://) go straight to Node's file system and everything else (remote,
 * virtual) through vscode.workspace.fs. Every workspace.fs call is a round trip through the workbench
 * process; a coding action makes several (read, compare, write a temp file, rename), which cost the better
 * part of a second on large sidecars. The web entry does not use this: there, workspace.fs is the only way.
 */
export class LocalFirstFileSystem implements FileSystemPort {
  constructor(
    private readonly local: FileSystemPort,
    private readonly workspace: FileSystemPort,
  ) {}

  private pick(uri: string): FileSystemPort {
    return uri.startsWith('file://') ? this.local : this.workspace;
  }

  readFile(uri: string): Promise<Uint8Array> {
    return this.pick(uri).readFile(uri);
  }

  writeFile(uri: string, data: Uint8Array): Promise<void> {
    return this.pick(uri).writeFile(uri, data);
  }

  replaceIfUnchanged(
    uri: string,
    expected: Uint8Array | undefined,
    data: Uint8Array,
    committing?: () => void,
  ): Promise<boolean> {
    return this.pick(uri).replaceIfUnchanged(uri, expected, data, committing);
  }

  lock(uri: string): Promise<ReleaseLock> {
    return this.pick(uri).lock(uri);
  }

  tryLock(uri: string): Promise<ReleaseLock | undefined> {
    const port = this.pick(uri);
    return port.tryLock ? port.tryLock(uri) : Promise.resolve(undefined);
  }

  isWriteArtifact(uri: string): boolean {
    return this.pick(uri).isWriteArtifact(uri);
  }

  /** Links are followed where the adapter can (the Node one); workspace.fs cannot say where a link leads. */
  realPath(uri: string): Promise<string | undefined> {
    const port = this.pick(uri);
    return port.realPath ? port.realPath(uri) : Promise.resolve(undefined);
  }

  delete(uri: string): Promise<void> {
    return this.pick(uri).delete(uri);
  }

  stat(uri: string): Promise<FileStat | undefined> {
    return this.pick(uri).stat(uri);
  }

  list(uri: string): Promise<readonly DirectoryEntry[]> {
    return this.pick(uri).list(uri);
  }
}
