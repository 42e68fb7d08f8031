import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadStudy, SETTINGS_FILE, type Study } from '../core/index';
import { pathToUri } from '../node/node-file-system';
import { nodeLoadOptions } from '../node/node-study-cache';
import { version } from '../../package.json';
import type { CommandContext } from './command';
import { CliError } from './errors';

/** An argument path made absolute against the CLI's working folder (not the process's: tests differ). */
export function resolvePath(context: CommandContext, path: string): string {
  return resolve(context.io.cwd, path);
}

/**
 * The study a folder belongs to: the nearest folder at or above it with a grounded.yaml, so commands work
 * from inside transcripts/ too; the folder itself when there is none (a study without settings).
 */
export function findStudyRoot(folder: string): string {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, SETTINGS_FILE))) return current;
    if (dirname(current) === current) return folder;
  }
}

/**
 * Resolves a folder argument (default: the working folder), finds its study and loads it, with the
 * native hash and the derived-data cache in the user's cache folder (GROUNDED_CACHE=off disables it,
 * GROUNDED_CACHE=verify reads and hashes every file instead of trusting the stat index).
 */
export async function openStudy(context: CommandContext, folderArgument: string | undefined): Promise<Study> {
  const folder = resolvePath(context, folderArgument ?? '.');
  requireFolder(folder, folderArgument ?? '.');
  const root = findStudyRoot(folder);
  return loadStudy(context.fs, pathToUri(root), nodeLoadOptions(root, context.io.env, cacheVersion(version)));
}

/** Written into the bundle by the build (scripts/build-config.mjs); absent when the CLI runs from source. */
declare const GROUNDED_PARSER_FINGERPRINT: string | undefined;

/**
 * What the on-disk cache is keyed by: the version and, in a built CLI, a fingerprint of its parsers' source.
 * Builds between releases share the version while what they parse into changes, and an entry of another shape
 * must never be read back.
 */
export function cacheVersion(
  release: string,
  fingerprint = typeof GROUNDED_PARSER_FINGERPRINT === 'string' ? GROUNDED_PARSER_FINGERPRINT : undefined,
): string {
  return fingerprint === undefined ? release : `${release}+${fingerprint}`;
}

export function requireFolder(folder: string, shown: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new CliError(`${shown}: no such folder`, 2);
  }
  if (!isFolder) throw new CliError(`${shown} is a file; give the study folder`, 2);
}
