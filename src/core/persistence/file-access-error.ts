import { basenameUri } from '../uri';

/** What Grounded was doing with a file when the system refused. */
export type FileOperation = 'open' | 'read' | 'write' | 'replace' | 'lock' | 'delete' | 'inspect' | 'list';

/**
 * The system refused a file operation (no permission, a full disk, a read-only drive…). Says which file,
 * what happened and what to do in plain words; keeps the system's `code` (EACCES, ENOSPC, or a VS Code
 * FileSystemError code) so code that tests for ENOENT still sees it.
 *
 * `uri` is the file the person knows. A failed compare-and-swap left that file as it was (`unchanged`): the
 * adapter writes a complete copy elsewhere first and swaps it in last.
 */
export class FileAccessError extends Error {
  override readonly name = 'FileAccessError';
  readonly uri: string;
  readonly unchanged: boolean;
  readonly reason: string;
  readonly advice: string;

  constructor(
    readonly operation: FileOperation,
    uri: string,
    readonly code: string | undefined,
    readonly systemMessage: string,
    unchanged = operation === 'replace',
  ) {
    const { reason, advice } = plainWords(code, systemMessage, operation);
    super(`could not ${VERBS[operation]} ${basenameUri(uri)}: ${reason}`);
    this.uri = uri;
    this.unchanged = unchanged;
    this.reason = reason;
    this.advice = this.unchanged ? `${advice} ${basenameUri(uri)} itself was not changed.` : advice;
  }

  /** What went wrong, with the file shown as the caller shows paths (relative to a folder, in a workspace). */
  describe(shownPath: string): string {
    return `could not ${VERBS[this.operation]} ${shownPath}: ${this.reason}`;
  }
}

/** `error` as a FileAccessError about `uri` when it is a system refusal (it has a string `code`); else unchanged. */
export function asFileAccessError(
  error: unknown,
  operation: FileOperation,
  uri: string,
  unchanged = operation === 'replace',
): unknown {
  if (error instanceof FileAccessError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // ERR_* codes are Node's own (a bad argument, an invalid URL): a bug to show as it is, not a refusal.
  if (typeof code !== 'string' || code.startsWith('ERR_')) return error;
  return new FileAccessError(operation, uri, code, error instanceof Error ? error.message : String(error), unchanged);
}

/**
 * A refusal from a direct system call rather than through a port: Node's errors carry the OS `path` and
 * the call (`syscall`), which say which file and what was being done. `toUri` turns the path into a URI.
 */
export function fileAccessErrorFromSystem(
  error: unknown,
  toUri: (path: string) => string,
): FileAccessError | undefined {
  const { path, syscall } = (error ?? {}) as { path?: unknown; syscall?: unknown };
  if (typeof path !== 'string') return undefined;
  const refusal = asFileAccessError(error, SYSCALL_OPERATIONS[String(syscall)] ?? 'inspect', toUri(path));
  return refusal instanceof FileAccessError ? refusal : undefined;
}

const SYSCALL_OPERATIONS: Readonly<Record<string, FileOperation>> = {
  open: 'open', // for reading or for writing: the error does not say which
  read: 'read',
  write: 'write',
  mkdir: 'write',
  rename: 'replace',
  unlink: 'delete',
  rm: 'delete',
  scandir: 'list',
  stat: 'inspect',
  lstat: 'inspect',
};

/** What a permission refusal kept you from doing. */
const ACCESS: Record<FileOperation, string> = {
  open: 'open',
  read: 'read',
  write: 'change',
  replace: 'change',
  lock: 'change',
  delete: 'delete',
  inspect: 'read',
  list: 'read',
};

const VERBS: Record<FileOperation, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  replace: 'replace',
  lock: 'take the write lock of',
  delete: 'delete',
  inspect: 'look at',
  list: 'list the folder',
};

/** Codes of files Grounded refuses to replace itself (WriteRefusedError), beside the system's. */
export const READ_ONLY_FILE = 'READ_ONLY_FILE';
export const SYMBOLIC_LINK = 'SYMBOLIC_LINK';

/** The system's codes in words a researcher can act on. Node's errno names and VS Code's FileSystemError codes. */
function plainWords(
  code: string | undefined,
  systemMessage: string,
  operation: FileOperation,
): { reason: string; advice: string } {
  const again = 'then run the command again.';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'NoPermissions':
      return {
        reason: `permission denied (${code})`,
        advice: `You are not allowed to ${ACCESS[operation]} it: check the permissions of the file and its folder (ls -l), or ask their owner; ${again}`,
      };
    case 'EROFS':
      return {
        reason: 'the drive is read-only (EROFS)',
        advice: `Copy the study to a folder you can write to, or mount the drive read-write; ${again}`,
      };
    case 'ENOSPC':
      return { reason: 'the disk is full (ENOSPC)', advice: `Free some space on the disk; ${again}` };
    case 'EFBIG':
      return {
        reason: 'the file would be larger than this system allows (EFBIG)',
        advice: `Free space or raise the file size limit (ulimit -f), or write somewhere else; ${again}`,
      };
    case 'EDQUOT':
      return {
        reason: 'your disk quota is used up (EDQUOT)',
        advice: `Free some space or ask for a larger quota; ${again}`,
      };
    case READ_ONLY_FILE:
      return {
        reason: 'it is read-only, and Grounded does not change read-only files',
        advice: `Make it writable (chmod u+w, or uncheck "Read-only" in its properties) if it should change; ${again}`,
      };
    case SYMBOLIC_LINK:
      return {
        reason: 'it is a symbolic link, and Grounded does not write through links',
        advice: `Replace the link with the file itself (or code the file it points to in its own study); ${again}`,
      };
    case 'EISDIR':
    case 'FileIsADirectory':
      return {
        reason: `it is a folder, not a file (${code})`,
        advice: `Move or rename that folder, or choose another file name; ${again}`,
      };
    case 'ENOTDIR':
    case 'FileNotADirectory':
      return {
        reason: `part of its path is a file, not a folder (${code})`,
        advice: `Check the path: a file stands where a folder is expected; ${again}`,
      };
    case 'EEXIST':
    case 'FileExists':
      return {
        reason: `a file of that name is in the way (${code})`,
        advice: `Check the path: a file stands where a folder is needed, or where a new file was to be created; ${again}`,
      };
    case 'ENOENT':
    case 'FileNotFound':
      return {
        reason: `it does not exist (${code})`,
        advice: `Check the path, or whether another program moved or deleted it; ${again}`,
      };
    case 'EMFILE':
    case 'ENFILE':
      return {
        reason: `too many files are open (${code})`,
        advice: `Close other programs, or raise the limit of open files (ulimit -n); ${again}`,
      };
    case 'ELOOP':
      return {
        reason: 'its path has a loop of symbolic links (ELOOP)',
        advice: `Fix the link that points back to itself (ls -l shows where each link points); ${again}`,
      };
    case 'ENAMETOOLONG':
      return { reason: 'its name or path is too long (ENAMETOOLONG)', advice: `Use a shorter name or path; ${again}` };
    case 'EBUSY':
    case 'ETXTBSY':
      return {
        reason: `another program holds it (${code})`,
        advice: `Close the program using it (an editor, a sync client, an antivirus scan); ${again}`,
      };
    case 'EIO':
      return {
        reason: 'the disk reported an input/output error (EIO)',
        advice: 'The drive or network share may be failing or disconnected: check it, and back the study up.',
      };
    case 'Unavailable':
      return {
        reason: 'the file system is unavailable (Unavailable)',
        advice: `Check the connection to the remote or virtual folder; ${again}`,
      };
    default:
      return { reason: systemMessage, advice: `Check the file and its folder; ${again}` };
  }
}
