/**
 * File names made from names people gave things in another program ("Interview 3: Dr. Lee / follow-up"),
 * safe on every system the study may be cloned to: no characters Windows forbids (< > : " / \ | ? *) or
 * control characters, no name Windows reserves (CON, NUL, COM1…), no leading dot (hidden on Unix) or trailing
 * dot or space (dropped by Windows), NFC (macOS would otherwise show two spellings of é as one name), at most
 * MAX_STEM code points; and unique ignoring case, because Windows and macOS file systems ignore it.
 */
const MAX_STEM = 80;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** A safe stem (no extension) from a name; `fallback` when nothing usable is left. */
export function safeStem(name: string, fallback: string): string {
  const cleaned = [
    ...name
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+/, ''),
  ]
    .slice(0, MAX_STEM)
    .join('')
    .replace(/[.\s]+$/, '');
  if (cleaned === '') return fallback;
  return RESERVED.test(cleaned.split('.')[0] ?? '') ? `${cleaned}_` : cleaned;
}

/** Hands out names unique ignoring case: "Interview", "Interview (2)", … */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** Marks a name as used (a fixed file such as survey.csv). */
  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  /** `stem + extension`, with " (2)", " (3)"… before the extension when taken. */
  claim(stem: string, extension: string): string {
    let candidate = `${stem}${extension}`;
    for (let i = 2; this.taken.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${extension}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** Drops an extension the source name carries from its original file ("Interview 1.docx" → "Interview 1"). */
export function withoutDocumentExtension(name: string): string {
  return name.replace(/\.(txt|docx?|rtf|odt|pdf|md|html?)$/i, '');
}
