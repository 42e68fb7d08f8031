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

/** A coder id (used in sidecar file names) from a person's name: "Amara N'Diaye" → "amara-ndiaye". */
export function coderIdFrom(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '');
  return id === '' ? 'coder' : id;
}
