import * as vscode from 'vscode';
import { type Code, relationsOf, reviewNote } from '../../core/index';
import type { LiveCodings, LiveTranscript } from '../study/live-codings';
import { codingsAt } from './codings-at';
import { relationFrom } from '../shared/relation-text';
import type { TranscriptDecorator } from './transcript-decorator';

/** Commands the hover may link to: isTrusted is limited to exactly these. */
const LINKED_COMMANDS = ['grounded.editMemo', 'grounded.removeCoding'] as const;

const STATUS_ICON = { 'needs-review': '$(warning)', orphan: '$(error)' } as const;

/**
 * Lists the codes at the hovered position: colour swatch, name, category, coder, memo, status and quote
 * length, with links to edit the memo or remove the coding when those commands are registered.
 */
export class CodingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly live: LiveCodings,
    private readonly decorator: TranscriptDecorator,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const entry = this.live.get(document);
    if (!entry) return undefined;
    const here = codingsAt(entry, position);
    if (here.length === 0) return undefined;
    const registered = new Set(await vscode.commands.getCommands(true));
    const linked = LINKED_COMMANDS.filter((id) => registered.has(id));
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.supportHtml = true;
    markdown.isTrusted = { enabledCommands: [...linked] };
    here.forEach(({ coding }, index) => {
      if (index > 0) markdown.appendMarkdown('\n\n---\n\n');
      const code = entry.study.codebook.codes.find((c) => c.id === coding.code);
      const color = this.decorator.colorOf(coding.code, entry);
      markdown.appendMarkdown(`<span style="color:${color};">■</span> **${escape(code?.name ?? coding.code)}**`);
      const category = categoryOf(code, entry);
      if (category) markdown.appendMarkdown(` — ${escape(category)}`);
      if (!code) markdown.appendMarkdown(' — $(warning) not in the codebook');
      const length = coding.end - coding.start;
      markdown.appendMarkdown(`\n\nby ${escape(coding.by)} · ${length} character${length === 1 ? '' : 's'}`);
      const note = reviewNote(coding, entry.text.map.slice(coding.start, coding.end));
      if (coding.status && note) {
        const confirm =
          coding.status === 'needs-review' ? ' — check the passage, then confirm it with Adjust Coding' : '';
        markdown.appendMarkdown(`\n\n${STATUS_ICON[coding.status]} ${escape(note)}${confirm}`);
      }
      if (coding.memo) markdown.appendMarkdown(`\n\n*Memo:* ${escape(coding.memo)}`);
      const relations = relationsText(coding.code, entry);
      if (relations) markdown.appendMarkdown(`\n\n*Relations:* ${escape(relations)}`);
      const links = linked.map((command) => {
        const args = encodeURIComponent(JSON.stringify([{ id: coding.id, uri: document.uri.toString() }]));
        const label = command === 'grounded.editMemo' ? (coding.memo ? 'Edit memo' : 'Add memo') : 'Remove coding';
        return `[${label}](command:${command}?${args})`;
      });
      if (links.length > 0) markdown.appendMarkdown(`\n\n${links.join(' · ')}`);
    });
    const first = here[0]!.coding;
    const range = here.length === 1 ? entry.text.toRange(first.start, first.end) : undefined;
    return new vscode.Hover(markdown, range);
  }
}

/** Hover lines stay short: a code related to many others lists the first few and how many more. */
const HOVER_RELATIONS = 5;

/** The code's relations read from it ("causes → Silence · ← Hierarchy causes"), or undefined when it has none. */
function relationsText(code: string, entry: LiveTranscript): string | undefined {
  const { codebook, settings } = entry.study;
  const lines = relationsOf(codebook)
    .filter((r) => r.from === code || r.to === code)
    .map((r) => relationFrom(codebook, settings.relationTypes, r, code));
  if (lines.length === 0) return undefined;
  const more = lines.length - HOVER_RELATIONS;
  return lines.slice(0, HOVER_RELATIONS).join(' · ') + (more > 0 ? ` · and ${more} more` : '');
}

function categoryOf(code: Code | undefined, entry: LiveTranscript): string | undefined {
  if (code?.parent === undefined) return undefined;
  const parent = entry.study.codebook.codes.find((c) => c.id === code.parent);
  return parent?.name ?? code.parent;
}

/** Code names, coder ids and memos are user text: keep markdown and HTML in them inert. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&$~]/g, (char) =>
    char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : `\\${char}`,
  );
}
