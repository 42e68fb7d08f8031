import { execFileSync } from 'node:child_process';
import type { FileSystemPort } from '../core/index';

/**
 * Everything the CLI takes from its surroundings. `main` uses the real process; tests pass their own,
 * so they can capture output, pick a working folder and a coder without touching the process.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Folder that relative paths on the command line are resolved against and messages are relative to. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `git config user.name` for the folder, or undefined when git or the setting is missing. */
  readonly gitUserName: (folder: string) => string | undefined;
  /** Milliseconds, for the "took 0.4 s" summaries. */
  readonly now: () => number;
  /** The files commands work on; the real ones (cliFileSystem) unless a test brings its own, e.g. one that fails. */
  readonly fileSystem?: FileSystemPort;
}

export function processIo(): CliIo {
  quietOnClosedPipe();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    gitUserName: gitConfigUserName,
    now: () => performance.now(),
  };
}

let pipeHandled = false;

/** `grounded retrieve | head` closes stdout early: stop quietly instead of crashing with EPIPE. */
function quietOnClosedPipe(): void {
  if (pipeHandled) return;
  pipeHandled = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function gitConfigUserName(folder: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined; // git not installed, not configured, or the folder is gone: the caller explains what to do
  }
}
