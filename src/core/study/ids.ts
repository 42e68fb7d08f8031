/** New stable ids (UUID v4). Web Crypto exists in Node ≥ 19, browsers and web workers alike. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** A code id from a free-text name: "Rejected assigned mentor" → "rejected-assigned-mentor". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug === '' ? 'code' : slug;
}

/**
 * A coder id (used in sidecar file names) from a person's name: "Amara N'Diaye" → "amara-ndiaye",
 * "王芳" → "王芳", "Søren Ødegård" → "søren-ødegard". Letters and digits of every script are kept (lowercased),
 * so different names give different ids and the id reads as the name; only what a person would not call
 * a different name is folded: case, apostrophes, accents on the letters a–z (ids made before Unicode
 * letters were kept stay the same), and runs of spaces and punctuation (one "-"). A name without a letter
 * or digit is spelled out by its code points ("?!" → "u3f-u21"), so it still has an id of its own.
 */
export function coderIdFrom(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}_-]+/gu, '-')
    .replace(/^[\p{M}_-]+|-+$/gu, '');
  if (id !== '') return id;
  const spelled = [...name.trim()].map((char) => 'u' + (char.codePointAt(0) as number).toString(16)).join('-');
  return spelled === '' ? 'coder' : spelled;
}
