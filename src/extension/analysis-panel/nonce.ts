/** A fresh CSP nonce: 128 random bits from the platform's CSPRNG (works in Node and in the web worker host). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
