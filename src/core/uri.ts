/**
 * Helpers over URI strings (`scheme://authority/path` or `scheme:/path`). The core never sees OS paths:
 * the same code serves file:// on the desktop, vscode-vfs:// in vscode.dev and memory:/ in tests.
 * URIs are kept in one normal form (normalizeUri): each path segment percent-encoded with
 * encodeURIComponent, so that the same file always has the same string whichever adapter produced it and
 * URIs can be compared and used as map keys. Relative paths handed to joinUri are plain, not encoded.
 */

interface SplitUri {
  readonly head: string; // scheme + authority, e.g. "file://" or "memory:"
  readonly path: string; // starts with '/'
}

function split(uri: string): SplitUri {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*:(?:\/\/[^/]*)?)(\/.*)?$/.exec(uri);
  if (!match) throw new Error(`Not a URI: ${uri}`);
  return { head: match[1] ?? '', path: match[2] ?? '/' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Decoded path segments with '.', '..' and empty segments resolved. */
function resolveSegments(encodedPath: string, plainRelative: readonly string[] = []): string[] {
  const out: string[] = [];
  const push = (segment: string) => {
    if (segment === '' || segment === '.') return;
    if (segment === '..') out.pop();
    else out.push(segment);
  };
  for (const segment of encodedPath.split('/')) push(safeDecode(segment));
  for (const part of plainRelative) for (const segment of part.split('/')) push(segment);
  return out;
}

function encodePath(segments: readonly string[]): string {
  return '/' + segments.map(encodeURIComponent).join('/');
}

/** The one normal form of a URI (see the file comment). */
export function normalizeUri(uri: string): string {
  const { head, path } = split(uri);
  return head + encodePath(resolveSegments(path));
}

/** Joins plain (not encoded) '/'-separated relative paths onto a URI, resolving '.' and '..'. */
export function joinUri(base: string, ...relative: string[]): string {
  const { head, path } = split(base);
  return head + encodePath(resolveSegments(path, relative));
}

export function dirnameUri(uri: string): string {
  const { head, path } = split(uri);
  return head + encodePath(resolveSegments(path).slice(0, -1));
}

/** Decoded last path segment: the file name. */
export function basenameUri(uri: string): string {
  const { path } = split(uri);
  return resolveSegments(path).at(-1) ?? '';
}

/** File name without its last extension: "P01.txt" → "P01". */
export function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** '/'-separated path of `uri` relative to `base`, or undefined when `uri` is not inside `base`. */
export function relativeUri(base: string, uri: string): string | undefined {
  const a = split(base);
  const b = split(uri);
  if (a.head !== b.head) return undefined;
  const baseSegments = resolveSegments(a.path);
  const segments = resolveSegments(b.path);
  if (segments.length < baseSegments.length) return undefined;
  if (baseSegments.some((segment, index) => segments[index] !== segment)) return undefined;
  return segments.slice(baseSegments.length).join('/');
}

/** Whether `uri` is `base` or lies below it. */
export function isInside(base: string, uri: string): boolean {
  return relativeUri(base, uri) !== undefined;
}
