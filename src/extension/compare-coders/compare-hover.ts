import * as vscode from 'vscode';
import { disagreementSpan } from '../../core/index';
import type { LiveCodings } from '../study/live-codings';
import type { DocumentTexts } from '../study/document-text';
import type { CompareCoders } from './comparison';
import { COMPARE_CODERS_COMMANDS } from './commands';
import { CONSENSUS_MARK, FIRST_MARK, kindPhrase, SECOND_MARK, settlementPhrase } from './describe';

const RESOLVE_LINKS = [
  [COMPARE_CODERS_COMMANDS.keepFirst, `Keep ${FIRST_MARK}`],
  [COMPARE_CODERS_COMMANDS.keepSecond, `Keep ${SECOND_MARK}`],
  [COMPARE_CODERS_COMMANDS.keepBoth, 'Both'],
  [COMPARE_CODERS_COMMANDS.keepNeither, 'Neither'],
] as const;

/**
 * While coders are compared: names the coder behind each mark at the hovered position (A, B, C), and the
 * disagreements there with what differs, whether the consensus settled it, and links to settle it.
 */
export class CompareHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly compare: CompareCoders,
    private readonly live: LiveCodings,
    private readonly texts: DocumentTexts,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const comparison = this.compare.comparison;
    const entry = this.live.get(document);
    if (!comparison || !entry || entry.study.root !== comparison.study.root) return undefined;
    if (!comparison.compared.has(entry.transcript.uri)) return undefined;
    const offset = entry.text.toOffset(position);
    const { first, second, consensus } = comparison;
    const marks = [
      [FIRST_MARK, first],
      [SECOND_MARK, second],
      [CONSENSUS_MARK, consensus],
    ] as const;
    const codeName = (id: string) => comparison.study.codebook.codes.find((c) => c.id === id)?.name ?? id;
    const here = marks.flatMap(([mark, coder]) =>
      entry.codings
        .filter(({ coding }) => coding.by === coder && coding.start <= offset && offset < coding.end)
        .map(({ coding }) => `${mark} ${coder}: ${codeName(coding.code)}`),
    );
    const saved = this.texts.of(document).textHash === entry.transcript.textHash;
    const disagreements = saved
      ? comparison.disagreements.filter((item) => {
          if (item.disagreement.transcriptUri !== entry.transcript.uri) return false;
          const span = disagreementSpan(item.disagreement);
          return span.start <= offset && offset < span.end;
        })
      : [];
    if (here.length === 0 && disagreements.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: RESOLVE_LINKS.map(([command]) => command.id) };
    markdown.appendMarkdown('**Comparing coders** — ');
    markdown.appendText(`${FIRST_MARK} ${first} (solid underline) · ${SECOND_MARK} ${second} (dashed underline) · `);
    markdown.appendText(`${CONSENSUS_MARK} ${consensus}`);
    if (here.length > 0) markdown.appendText(`\n\nHere: ${here.join('; ')}`);
    for (const item of disagreements) {
      const d = item.disagreement;
      markdown.appendMarkdown('\n\n$(diff) ');
      markdown.appendText(`Disagreement on ${codeName(d.code)}: ${kindPhrase(d, first, second)}`);
      const resolved = settlementPhrase(item.settlement, first, second);
      if (resolved) markdown.appendText(` — resolved in ${consensus}: ${resolved}`);
      const args = encodeURIComponent(JSON.stringify([{ key: item.key }]));
      const links = RESOLVE_LINKS.map(([command, title]) => `[${title}](command:${command.id}?${args})`);
      markdown.appendMarkdown(`\n\n${links.join(' · ')}`);
    }
    return new vscode.Hover(markdown);
  }
}
