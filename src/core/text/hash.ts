import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * Content hashes. Synchronous (unlike WebCrypto's subtle.digest) so that loaders and caches stay simple,
 * and pure JS so it runs in the browser, the webview and Node alike.
 */
export function hashBytes(bytes: Uint8Array): string {
  return 'sha256:' + bytesToHex(sha256(bytes));
}

/** Hash of a canonical text, the value stored as a sidecar's `textHash`. */
export function hashText(text: string): string {
  return hashBytes(new TextEncoder().encode(text));
}
