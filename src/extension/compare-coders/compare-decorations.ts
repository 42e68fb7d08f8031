import * as vscode from 'vscode';
import { disagreementSpan } from '../../core/index';
import type { LiveCodings } from '../study/live-codings';
import type { DocumentTexts } from '../study/document-text';
import type { CompareCoders, Comparison } from './comparison';
import { CONSENSUS_MARK, FIRST_MARK, SECOND_MARK } from './describe';

/** What each visible compared transcript was given, by decoration: for the integration tests. */
export type DrawnComparison = ReadonlyMap<string, Readonly<Record<Layer, readonly vscode.Range[]>>>;

type Layer = 'first' | 'second' | 'consensus' | 'open' | 'current';

const label = (mark: string, color: string): vscode.ThemableDecorationAttachmentRenderOptions => ({
  contentText: mark,
  color: new vscode.ThemeColor(color),
  border: '1px solid',
  borderColor: new vscode.ThemeColor(color),
  fontWeight: 'bold',
  margin: '0 2px 0 1px',
});

/**
 * How each layer looks. The coders never differ by colour alone: every coding of the first coder starts with
 * a boxed "A" and is underlined with a solid line, the second coder's with "B" and a dashed line, the
 * consensus coder's with "C"; open disagreements are outlined with dots, the one the person is on with a
 * solid frame. The codes' own colours stay as the editor draws them.
 */
const LOOKS: Readonly<Record<Layer, vscode.DecorationRenderOptions>> = {
  first: { before: label(FIRST_MARK, 'charts.blue'), textDecoration: 'underline solid' },
  second: {
    before: label(SECOND_MARK, 'charts.orange'),
    borderStyle: 'none none dashed none',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('charts.orange'),
  },
  consensus: { before: label(CONSENSUS_MARK, 'charts.green') },
  open: {
    outlineStyle: 'dotted',
    outlineWidth: '1px',
    outlineColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  },
  current: {
    outlineStyle: 'solid',
    outlineWidth: '2px',
    outlineColor: new vscode.ThemeColor('focusBorder'),
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
  },
};

const LAYERS = Object.keys(LOOKS) as Layer[];

/**
 * Draws the comparison in every visible editor of a compared transcript, on top of the usual colours: the
 * two coders' codings (and the consensus coder's) marked apart, and the disagreements. Codings follow typing
 * (they come from LiveCodings); disagreements are drawn only while the editor holds the text they were found
 * in, i.e. the saved transcript.
 */
export class CompareDecorations implements vscode.Disposable {
  private readonly types = new Map<Layer, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly drawnBy = new Map<string, Record<Layer, vscode.Range[]>>();

  constructor(
    private readonly compare: CompareCoders,
    private readonly live: LiveCodings,
    private readonly texts: DocumentTexts,
  ) {
    for (const layer of LAYERS) this.types.set(layer, vscode.window.createTextEditorDecorationType(LOOKS[layer]));
    this.disposables.push(
      compare.onDidChange(() => this.drawAll()),
      live.onDidChange((entry) => (entry ? this.drawDocument(entry.document) : this.drawAll())),
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawAll()),
    );
  }

  /** What was drawn last, by document URI. */
  get drawn(): DrawnComparison {
    return this.drawnBy;
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private drawAll(): void {
    // Nothing compared and nothing drawn: nothing to clear either. Each visible editor would get an empty list per
    // layer, in the task that shows a transcript and hands over its colours.
    if (!this.compare.comparison && this.drawnBy.size === 0) return;
    this.drawnBy.clear();
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor);
  }

  private drawDocument(document: vscode.TextDocument): void {
    if (!this.compare.comparison && !this.drawnBy.has(document.uri.toString())) return;
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    const comparison = this.compare.comparison;
    const layers = comparison ? this.layout(editor.document, comparison) : undefined;
    if (layers) this.drawnBy.set(editor.document.uri.toString(), layers);
    else this.drawnBy.delete(editor.document.uri.toString());
    for (const layer of LAYERS) editor.setDecorations(this.types.get(layer)!, layers?.[layer] ?? []);
  }

  private layout(document: vscode.TextDocument, comparison: Comparison): Record<Layer, vscode.Range[]> | undefined {
    const entry = this.live.get(document);
    if (!entry || entry.study.root !== comparison.study.root || !comparison.compared.has(entry.transcript.uri))
      return undefined;
    const layers: Record<Layer, vscode.Range[]> = { first: [], second: [], consensus: [], open: [], current: [] };
    const layerOf: Readonly<Record<string, Layer>> = {
      [comparison.first]: 'first',
      [comparison.second]: 'second',
      [comparison.consensus]: 'consensus',
    };
    for (const { coding } of entry.codings) {
      const layer = layerOf[coding.by];
      if (layer) layers[layer].push(entry.text.toRange(coding.start, coding.end));
    }
    const text = this.texts.of(document);
    if (text.textHash === entry.transcript.textHash) {
      const current = this.compare.current?.key;
      for (const item of comparison.disagreements) {
        if (item.disagreement.transcriptUri !== entry.transcript.uri) continue;
        const span = disagreementSpan(item.disagreement);
        const range = text.toRange(span.start, span.end);
        if (item.key === current) layers.current.push(range);
        else if (!item.settlement.settled) layers.open.push(range);
      }
    }
    return layers;
  }
}
