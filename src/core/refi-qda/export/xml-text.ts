/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. A code name or memo holding one would
 * make the whole project file unreadable to every other tool, so they are removed (and reported), not refused:
 * they are invisible, almost always pasted by accident, and refusing would block the export of a whole study
 * over one stray byte. Escaping of `<`, `&`, `"` and `'` is the XML builder's job, never done by hand.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Collects what had to change in the user's text on its way into XML, for the export's warnings. */
export class XmlText {
  readonly warnings: string[] = [];

  /** Element content: forbidden characters removed, CRLF as LF (what any XML reader makes of it anyway). */
  content(value: string, where: string): string {
    return this.clean(value, where).replace(/\r\n?/g, '\n');
  }

  /**
   * An attribute value (a name): forbidden characters removed, and line breaks and tabs as spaces — an XML
   * reader turns them into spaces anyway (attribute-value normalisation), so say so rather than pretend.
   */
  attribute(value: string, where: string): string {
    const cleaned = this.clean(value, where);
    const flat = cleaned.replace(/\r\n|[\r\n\t]/g, ' ');
    if (flat !== cleaned) this.warnings.push(`${where}: line breaks and tabs written as spaces`);
    return flat;
  }

  private clean(value: string, where: string): string {
    const cleaned = value.replace(FORBIDDEN, '');
    const removed = value.length - cleaned.length;
    if (removed > 0) this.warnings.push(`${where}: ${removed} control character(s) XML cannot hold removed`);
    return cleaned;
  }
}
