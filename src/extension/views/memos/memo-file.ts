import { slugify, yamlQuoted, yamlString } from '../../../core/index';

/** Today as YYYY-MM-DD in the researcher's time zone (memo names sort by date). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2026-11-25-sponsorship-and-gender.md"; `attempt` > 1 adds "-2", "-3" when the name is taken. */
export function memoFileName(date: string, title: string, attempt = 1): string {
  return `${date}-${slugify(title)}${attempt > 1 ? `-${attempt}` : ''}.md`;
}

/**
 * A new memo: YAML front matter the study reads (title, linked codes, date) and a heading, so it reads
 * well on GitHub too. Code ids are written so YAML gives them back as strings ("2" would be a number).
 */
export function memoText(title: string, codes: readonly string[], date: string): string {
  return [
    '---',
    `title: ${yamlQuoted(title)}`,
    `codes: [${codes.map((code) => (/^[0-9.+-]/.test(code) ? yamlQuoted(code) : yamlString(code))).join(', ')}]`,
    `date: ${date}`,
    '---',
    '',
    `# ${title.replace(/\s+/g, ' ')}`,
    '',
    '',
  ].join('\n');
}
