import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/**
 * GUIDs as REFI-QDA writes them: 8-4-4-4-12 hex digits, either case, optionally in braces. Grounded writes
 * them lowercase and without braces, as `crypto.randomUUID()` makes them.
 */
export const GUID =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** The UUID namespace of Grounded's derived GUIDs (made once, at random; never change it). */
const GROUNDED_NAMESPACE = 'a92c9516-264d-434e-a95e-b80ff395d3cc';

/**
 * A GUID derived from `kind` and `parts`: the same inputs give the same GUID in every export, on every
 * machine. Used for things that have a stable key but no stored GUID (a transcript's path, a coder id, a
 * participant id); never fed a display name a person renames. Parts are joined with NUL, which no path or id
 * contains, so ("a", "bc") and ("ab", "c") differ.
 */
export function stableGuid(kind: string, ...parts: readonly string[]): string {
  return uuidV5(GROUNDED_NAMESPACE, [kind, ...parts].join('\u0000'));
}

/** A UUID version 5 (RFC 9562): SHA-1 of the namespace's 16 bytes and the name's UTF-8, lowercase. */
export function uuidV5(namespace: string, name: string): string {
  const space = hexToBytes(namespace.replace(/-/g, ''));
  const bytes = new TextEncoder().encode(name);
  const input = new Uint8Array(space.length + bytes.length);
  input.set(space);
  input.set(bytes, space.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50; // version 5
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytesToHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
