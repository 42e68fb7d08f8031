import * as vscode from 'vscode';
import type { Coding } from '../../core/index';
import type { LiveCodings, LiveTranscript } from '../study/live-codings';
import { codeColor, colorOverrides } from './code-colors';
import { codingOptions, gutterOptions, overlapOptions } from './decoration-options';
import { affectsLook, currentLook, type DecorationLook } from './decoration-settings';
import type { AppliedCoding, AppliedDecorations, DecorationState } from './decoration-state';
import { DecorationTypes } from './decoration-types';
import { gutterStripes } from './gutter-stripes';
import { LineSpans } from './line-spans';
import { overlapSegments } from './overlaps';

/** Typing fires a change per keystroke; redrawing a long transcript on each would lag the editor. */
const UPDATE_DELAY_MS = 40;
/**
 * A transcript with more codings than this, shown in a new editor (opened, reopened, its tab switched back to),
 * is drawn in two steps: the codings around the lines on screen (and the gutter marks of the lines on screen)
 * first, the rest in the next task. Every range handed to VS Code is serialized and sent to the window before it
 * can draw any: 10,000 codings with their overlaps and gutter marks are some 14,000 ranges, 10–25 ms of the
 * extension host's thread, while the screen shows a few hundred of them. On a first opening in a window the
 * rest also waits for its decoration types (hundreds for a transcript in many colours).
 */
const NEAR_FIRST_CODINGS = 1000;
/** Lines around the visible ones drawn in the first step: a screen or two of scrolling either way. */
const NEAR_MARGIN_LINES = 100;
/**
 * Decoration types made per task in the second step. Making one is a message to the window; a thousand at once
 * held the extension host's thread for hundreds of milliseconds, sliced they leave it free between tasks.
 */
const TYPES_PER_TASK = 150;
/**
 * Ranges handed to VS Code per task when a whole drawing follows its first step. VS Code serializes every range
 * of a setDecorations call before the task ends (through a replacer in a remote window: 10–20 ms for the 14,000
 * ranges of 10,000 codings), and a transcript in many colours sends a thousand types, a message each: sent in one
 * task they held the extension host 86 ms on a first opening.
 */
const RANGES_PER_TASK = 4000;
/**
 * A transcript whose drawing uses more decoration types than this, shown in a new editor, gets the gutter marks
 * of the lines off screen in the next task. Each type is a message of its own to the window: a dense transcript
 * in many colours has a gutter mark for nearly every set of colours on a line (a thousand types for 10,000
 * codings in 36 colours), and sending those with the codings took about 15 ms of each opening.
 */
const TYPES_AT_ONCE = 100;
const OVERLAP_KEY = 'overlap';
const GUTTER_PREFIX = 'gutter:';

/**
 * Draws the codings of every visible transcript editor in their codes' colours, from LiveCodings (so the
 * colours follow typing before the file is saved). Only visible editors are drawn; updates are debounced
 * per document.
 */
export class TranscriptDecorator implements vscode.Disposable, DecorationState {
  private readonly types = new DecorationTypes();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The second step of a drawing made in two (see NEAR_FIRST_CODINGS), by document. */
  private readonly rest = new Map<string, ReturnType<typeof setTimeout>>();
  /** The lines a first step drew, by document, until the whole drawing is handed over. */
  private readonly nearDrawn = new Map<string, { first: number; last: number }>();
  /**
   * The last whole layout of each open transcript and what it was made from. Shown again with nothing changed
   * (an editor reopened, a tab switched back to), a transcript is drawn from it: laying out 10,000 codings
   * again would hold the extension host while the person waits for the colours.
   */
  private readonly laidBy = new Map<string, LaidOut>();
  /** What each document's editors were given (ranges by type key), so stale types are cleared and unchanged ones skipped. */
  private readonly drawnBy = new Map<string, DrawnDecorations>();
  private readonly appliedBy = new Map<string, AppliedDecorations>();
  private readonly drew = new vscode.EventEmitter<{ readonly uri: string; readonly applied: AppliedDecorations }>();
  readonly onDidDraw = this.drew.event;
  private readonly disposables: vscode.Disposable[] = [this.drew];
  private visibleAt = 0;
  private look: DecorationLook = currentLook();
  private overrides = colorOverrides();
  private version = 0;

  constructor(private readonly live: LiveCodings) {
    this.disposables.push(
      this.types,
      live.onDidChange((entry) => {
        if (!entry) this.scheduleVisible();
        else if (entry.cause === 'typing') this.schedule(entry.document.uri.toString());
        else this.drawNow(entry.document.uri.toString());
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.visibleChanged()),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.scrolled(textEditor)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Not on a change of language, which reports the document closed though it stays open.
        if (document.isClosed) this.laidBy.delete(document.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsLook(event)) this.restyle();
      }),
      vscode.window.onDidChangeActiveColorTheme(() => {
        if (currentLook().highContrast !== this.look.highContrast) this.restyle();
      }),
    );
    this.scheduleVisible();
  }

  get applied(): ReadonlyMap<string, AppliedDecorations> {
    return this.appliedBy;
  }

  get visibleEditorsChangedAt(): number {
    return this.visibleAt;
  }

  get generation(): number {
    return this.types.generation;
  }

  get style(): DecorationLook['style'] {
    return this.look.style;
  }

  get highContrast(): boolean {
    return this.look.highContrast;
  }

  get typeKeys(): readonly string[] {
    return this.types.keys();
  }

  /** The colour codings of a code are drawn in (overrides applied), for the hover and the status bar. */
  colorOf(codeId: string, entry: LiveTranscript): string {
    return codeColor(codeId, entry.study.codebook, this.overrides);
  }

  dispose(): void {
    for (const timer of [...this.pending.values(), ...this.rest.values()]) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document.uri.toString());
  }

  private schedule(documentUri: string): void {
    if (this.pending.has(documentUri)) return;
    this.pending.set(
      documentUri,
      setTimeout(() => {
        this.pending.delete(documentUri);
        this.draw(documentUri);
      }, UPDATE_DELAY_MS),
    );
  }

  /** After a load or a coding action: the person waits for the colours, and there is no burst to batch. */
  private drawNow(documentUri: string): void {
    const pending = this.pending.get(documentUri);
    if (pending) clearTimeout(pending);
    this.pending.delete(documentUri);
    this.draw(documentUri);
  }

  private visibleChanged(): void {
    this.visibleAt = performance.now();
    const editorsOf = new Map<string, vscode.TextEditor[]>();
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri.toString();
      editorsOf.set(uri, [...(editorsOf.get(uri) ?? []), editor]);
    }
    for (const uri of [...this.drawnBy.keys()]) {
      if (!editorsOf.has(uri)) {
        this.drawnBy.delete(uri);
        this.appliedBy.delete(uri);
      }
    }
    // A TextEditor that becomes visible (again) is a new object with no decorations: it is drawn at once, the
    // person is looking at it (the debounce is for typing). Editors that stayed visible keep what they have.
    for (const [uri, editors] of editorsOf) {
      const drawn = this.drawnBy.get(uri);
      if (!drawn || !sameEditors(drawn.editors, editors)) this.drawNow(uri);
    }
    this.collect();
  }

  private restyle(): void {
    this.look = currentLook();
    this.overrides = colorOverrides();
    // Disposing the types clears them from every editor: what was drawn is gone until redrawn.
    this.types.reset();
    this.laidBy.clear();
    this.drawnBy.clear();
    this.appliedBy.clear();
    this.scheduleVisible();
  }

  private draw(documentUri: string): void {
    const editors = editorsOf(documentUri);
    this.cancelRest(documentUri);
    if (editors.length === 0) return;
    const entry = this.live.get(editors[0]!.document);
    const previous = this.drawnBy.get(documentUri);
    const shownBefore = previous !== undefined && sameEditors(previous.editors, editors);
    if (entry && !shownBefore && entry.codings.length > NEAR_FIRST_CODINGS) {
      const first = this.nearFirst(documentUri, entry, editors);
      if (first) {
        this.sendNear(documentUri, editors, first);
        return;
      }
    }
    const whole = entry && this.wholeLayout(documentUri, entry, editors.length);
    if (whole && !shownBefore && whole.options.size > TYPES_AT_ONCE) {
      this.send(documentUri, editors, onScreenGutter(whole, nearVisibleLines(editors, 0), ++this.version));
      this.later(documentUri, () => this.drawRest(documentUri));
      return;
    }
    this.send(documentUri, editors, whole);
  }

  /** Sends a first step and schedules the rest, remembering which lines the first step drew. */
  private sendNear(documentUri: string, editors: readonly vscode.TextEditor[], first: Layout): void {
    this.send(documentUri, editors, first);
    this.nearDrawn.set(documentUri, nearVisibleLines(editors));
    this.later(documentUri, () => this.drawRest(documentUri));
  }

  /**
   * An editor scrolled, or revealed a line (VS Code shows an editor opened at a coding from its top, then
   * scrolls): if the rest of a drawing in two is still on its way and the lines on screen are beyond what the
   * first step drew, those lines get a first step of their own, and the rest starts again (from what it made).
   */
  private scrolled(editor: vscode.TextEditor): void {
    const documentUri = editor.document.uri.toString();
    const drawn = this.nearDrawn.get(documentUri);
    if (!drawn) return;
    const screen = nearVisibleLines([editor], 0);
    if (screen.first >= drawn.first && screen.last <= drawn.last) return;
    const editors = editorsOf(documentUri);
    const entry = this.live.get(editor.document);
    if (!entry || !editors.includes(editor)) return;
    this.cancelRest(documentUri);
    const first = this.nearFirst(documentUri, entry, editors);
    if (first) this.sendNear(documentUri, editors, first);
    else this.draw(documentUri);
  }

  /**
   * The first step of a dense transcript shown in a new editor: its codings and overlaps around the lines on
   * screen, with the gutter types some line on screen uses (each made here: a message to the window and a style
   * sheet rule). Taken from the layout kept from its last drawing when nothing changed since; otherwise only the
   * codings near the screen are laid out, the whole layout waits for the second step. Undefined when the codings
   * near the screen are all of them (one step does).
   */
  private nearFirst(
    documentUri: string,
    entry: LiveTranscript,
    editors: readonly vscode.TextEditor[],
  ): Layout | undefined {
    const near = nearVisibleLines(editors);
    const onScreen = nearVisibleLines(editors, 0);
    const kept = this.keptLayout(documentUri, entry, editors.length);
    if (kept) {
      const part = linesOf(kept, near, ++this.version);
      return part.applied.codings.length < entry.codings.length
        ? onScreenGutter(part, onScreen, part.applied.version)
        : undefined;
    }
    // By offsets, not ranges: a transcript's first drawing has no range of a coding yet, and converting 10,000
    // offsets to positions took 20 ms of this task. The rest's layout converts them, in a task of its own.
    const from = entry.text.toOffset(new vscode.Position(near.first, 0));
    const to =
      near.last + 1 < editors[0]!.document.lineCount
        ? entry.text.toOffset(new vscode.Position(near.last + 1, 0))
        : Infinity;
    const codings = entry.codings.filter(({ coding }) => coding.end >= from && coding.start < to);
    if (codings.length === entry.codings.length) return undefined;
    const part = this.layout({ ...entry, codings }, editors.length);
    return onScreenGutter(part, onScreen, part.applied.version);
  }

  /**
   * The second step of a drawing in two, over as many tasks as it needs: the whole layout if none is kept
   * (layOut), the decoration types still missing (TYPES_PER_TASK per task), then every coding (sendInSlices). The layout is made once for all those tasks: a draw meanwhile (after a coding, typing, another
   * editor) cancels them and draws it all at once instead, so it stays current.
   */
  private drawRest(documentUri: string, laid?: Layout): void {
    this.rest.delete(documentUri);
    const editors = editorsOf(documentUri);
    const entry = editors[0] && this.live.get(editors[0].document);
    if (!entry) return this.draw(documentUri);
    if (!laid && !this.keptLayout(documentUri, entry, editors.length)) return this.layOut(documentUri, entry, 0);
    const full = laid ?? this.wholeLayout(documentUri, entry, editors.length);
    const missing = [...full.options].filter(([key]) => !this.types.lookup(key));
    if (missing.length > TYPES_PER_TASK) {
      for (const [key, options] of missing.slice(0, TYPES_PER_TASK)) this.types.get(key, options);
      this.later(documentUri, () => this.drawRest(documentUri, full));
      return;
    }
    this.sendInSlices(documentUri, editors, full, this.changes(documentUri, editors, full.ranges), 0);
  }

  /**
   * A whole layout made over several tasks: the codings' ranges from `from` on, RANGES_PER_TASK per task
   * (converting 10,000 offsets takes 20 ms), then the layout in a task of its own (in one task with the ranges it
   * held the host for 50 ms and more), then the rest of drawRest.
   */
  private layOut(documentUri: string, entry: LiveTranscript, from: number): void {
    this.rest.delete(documentUri);
    const editors = editorsOf(documentUri);
    // Typing meanwhile gives a new entry before its debounced redraw: not laid out from the old one.
    if (!editors[0] || this.live.get(editors[0].document) !== entry) return this.draw(documentUri);
    if (from < entry.codings.length) {
      const to = Math.min(from + RANGES_PER_TASK, entry.codings.length);
      for (let index = from; index < to; index++) entry.text.rangeOf(entry.codings[index]!.coding);
      this.later(documentUri, () => this.layOut(documentUri, entry, to));
      return;
    }
    const full = this.wholeLayout(documentUri, entry, editors.length);
    this.later(documentUri, () => this.drawRest(documentUri, full));
  }

  /**
   * Sends a whole layout from `changes[from]` on, RANGES_PER_TASK ranges or TYPES_PER_TASK types per task, and
   * records it when the last is sent. Until then the record says nothing is known to be drawn (a draw meanwhile
   * cancels the rest and sends everything again), with every type some slice may have set, so none stays stale.
   */
  private sendInSlices(
    documentUri: string,
    editors: readonly vscode.TextEditor[],
    laid: Layout,
    changes: readonly (readonly [string, readonly vscode.Range[]])[],
    from: number,
  ): void {
    this.rest.delete(documentUri);
    const now = editorsOf(documentUri);
    if (!sameEditors(now, editors)) return this.draw(documentUri);
    if (from === 0) {
      const previous = this.drawnBy.get(documentUri)?.ranges ?? new Map<string, readonly vscode.Range[]>();
      this.drawnBy.set(documentUri, { version: NaN, editors, ranges: new Map([...previous, ...laid.ranges]) });
    }
    let next = from;
    for (
      let budget = RANGES_PER_TASK, types = 0;
      next < changes.length && budget > 0 && types < TYPES_PER_TASK;
      types++
    ) {
      const [key, list] = changes[next++]!;
      // A type of the layout is made if missing; a type it lacks is only cleared, and exists (changes() said so).
      const options = laid.options.get(key);
      const type = options ? this.types.get(key, options) : this.types.lookup(key);
      if (type) for (const editor of editors) editor.setDecorations(type, list);
      budget -= list.length;
    }
    if (next < changes.length) {
      this.later(documentUri, () => this.sendInSlices(documentUri, editors, laid, changes, next));
      return;
    }
    this.appliedBy.set(documentUri, laid.applied);
    this.drew.fire({ uri: documentUri, applied: laid.applied });
    this.record(documentUri, editors, laid);
  }

  /** Cancels the next step of a drawing in two, if one is waiting. */
  private cancelRest(documentUri: string): void {
    const rest = this.rest.get(documentUri);
    if (rest !== undefined) clearTimeout(rest);
    this.rest.delete(documentUri);
  }

  /** The next step of a drawing in two, in a task of its own; draw() cancels it. */
  private later(documentUri: string, step: () => void): void {
    this.rest.set(documentUri, setTimeout(step, 0));
  }

  /** Gives the editors of a document the decorations laid out (none when it is not a transcript). */
  private send(documentUri: string, editors: readonly vscode.TextEditor[], laid: Layout | undefined): void {
    // Made if missing: a layout kept from an earlier drawing may use types dropped since.
    for (const [key, options] of laid?.options ?? []) this.types.get(key, options);
    if (laid) {
      this.appliedBy.set(documentUri, laid.applied);
      this.drew.fire({ uri: documentUri, applied: laid.applied });
    }
    for (const [key, list] of this.changes(documentUri, editors, laid?.ranges ?? new Map()))
      for (const editor of editors) editor.setDecorations(this.types.lookup(key)!, list);
    this.record(documentUri, editors, laid);
  }

  /**
   * The setDecorations calls that give a document's editors `ranges`: each type whose ranges differ from what
   * they were given, and an empty list for each type they were given that `ranges` lacks.
   */
  private changes(
    documentUri: string,
    editors: readonly vscode.TextEditor[],
    ranges: ReadonlyMap<string, readonly vscode.Range[]>,
  ): [string, readonly vscode.Range[]][] {
    const previous = this.drawnBy.get(documentUri);
    // Each setDecorations ships its ranges to the window. After a coding action the text is the same and
    // one or two types changed: only those are sent. After typing (VS Code moved its copies of the ranges
    // by its own rules) or in other editors, everything is.
    const unchanged =
      previous !== undefined &&
      previous.version === editors[0]!.document.version &&
      sameEditors(previous.editors, editors)
        ? (key: string, list: readonly vscode.Range[]) => sameRanges(previous.ranges.get(key), list)
        : () => false;
    const changes: [string, readonly vscode.Range[]][] = [];
    for (const [key, list] of ranges) if (!unchanged(key, list)) changes.push([key, list]);
    for (const key of previous?.ranges.keys() ?? [])
      if (!ranges.has(key) && this.types.lookup(key)) changes.push([key, []]);
    return changes;
  }

  /** Records what a document's editors were given, and lets the types no visible document uses go. */
  private record(documentUri: string, editors: readonly vscode.TextEditor[], laid: Layout | undefined): void {
    this.nearDrawn.delete(documentUri);
    if (laid) this.drawnBy.set(documentUri, { version: editors[0]!.document.version, editors, ranges: laid.ranges });
    else {
      this.drawnBy.delete(documentUri);
      this.appliedBy.delete(documentUri);
    }
    this.collect();
  }

  /**
   * The layout of all of a transcript's codings: the one kept from its last drawing when nothing it was made
   * from has changed (the same codings, text and codebook objects, as many editors: typing, a coding or a reload
   * replaces them), else a new one, kept in its place. The look is not compared: a change of look clears them all.
   */
  private wholeLayout(documentUri: string, entry: LiveTranscript, editors: number): Layout {
    const kept = this.keptLayout(documentUri, entry, editors);
    if (kept) return { ...kept, applied: { ...kept.applied, version: ++this.version } };
    const layout = this.layout(entry, editors);
    this.laidBy.set(documentUri, {
      codings: entry.codings,
      text: entry.text,
      codebook: entry.study.codebook,
      layout,
    });
    return layout;
  }

  /** The layout kept from the transcript's last drawing, if nothing it was made from has changed since. */
  private keptLayout(documentUri: string, entry: LiveTranscript, editors: number): Layout | undefined {
    const kept = this.laidBy.get(documentUri);
    const current =
      kept &&
      kept.codings === entry.codings &&
      kept.text === entry.text &&
      kept.codebook === entry.study.codebook &&
      kept.layout.applied.editors === editors;
    return current ? kept.layout : undefined;
  }

  /** Groups the ranges of a transcript's codings by decoration type, with the options of each type. */
  private layout(entry: LiveTranscript, editors: number): Layout {
    const look = this.look;
    const byType = new Map<string, vscode.Range[]>();
    const options = new Map<string, () => vscode.DecorationRenderOptions>();
    const listFor = (key: string, optionsOf: () => vscode.DecorationRenderOptions): vscode.Range[] => {
      let list = byType.get(key);
      if (!list) {
        options.set(key, optionsOf);
        byType.set(key, (list = []));
      }
      return list;
    };
    // A transcript has thousands of codings on a few dozen codes: each code's colour, and each colour and
    // status's list of ranges, is looked up once, not per coding (an anchored coding's list by its code, without
    // building a key).
    const colorByCode = new Map<string, string>();
    const anchoredListByCode = new Map<string, vscode.Range[]>();
    const listByLook = new Map<string, vscode.Range[]>();
    const lookList = (color: string, status: Coding['status']): vscode.Range[] => {
      const lookKey = `${color}:${status ?? 'anchored'}`;
      let list = listByLook.get(lookKey);
      if (!list) {
        list = listFor(`coding:${lookKey}`, () => codingOptions(look, color, status));
        listByLook.set(lookKey, list);
      }
      return list;
    };
    const applied: AppliedCoding[] = [];
    // By line number (an array, in line order): the colours of the codings on each line.
    const colorsByLine: (string[] | undefined)[] = [];
    for (const { coding } of entry.codings) {
      let color = colorByCode.get(coding.code);
      if (color === undefined) colorByCode.set(coding.code, (color = this.colorOf(coding.code, entry)));
      const range = entry.text.rangeOf(coding);
      const { status } = coding;
      applied.push(
        status
          ? { codeId: coding.code, codingId: coding.id, color, range, status }
          : { codeId: coding.code, codingId: coding.id, color, range },
      );
      let list = status ? undefined : anchoredListByCode.get(coding.code);
      if (!list) {
        list = lookList(color, status);
        if (!status) anchoredListByCode.set(coding.code, list);
      }
      list.push(range);
      const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
      for (let line = range.start.line; line <= last; line++) {
        const colors = colorsByLine[line];
        if (!colors) colorsByLine[line] = [color];
        else if (!colors.includes(color)) colors.push(color);
      }
    }
    const overlaps = overlapSegments(entry.codings.map(({ coding }) => coding)).map((span) =>
      entry.text.toRange(span.start, span.end),
    );
    if (overlaps.length > 0) {
      const list = listFor(OVERLAP_KEY, () => overlapOptions(look));
      for (const range of overlaps) list.push(range);
    }
    const gutterLines: number[] = [];
    if (look.gutter) {
      // Most coded lines have one colour: its list is found by the colour, without sorting or joining.
      const singleColorList = new Map<string, vscode.Range[]>();
      colorsByLine.forEach((colors, line) => {
        if (!colors) return;
        let list = colors.length === 1 ? singleColorList.get(colors[0] as string) : undefined;
        if (!list) {
          const shown = colors.length > 1 ? gutterStripes(colors) : colors;
          list = listFor(`${GUTTER_PREFIX}${shown.join(',')}`, () => gutterOptions(shown));
          if (colors.length === 1) singleColorList.set(colors[0] as string, list);
        }
        list.push(lineStart(line));
        gutterLines.push(line);
      });
    }
    const drawn: AppliedDecorations = {
      version: ++this.version,
      editors,
      codings: applied,
      overlaps,
      gutterLines,
    };
    return { ranges: byType, options, applied: drawn };
  }

  /** Tells the types which ones visible documents use: the others (a hidden transcript's, a recoloured code's) may go. */
  private collect(): void {
    const used = new Set<string>();
    for (const drawn of this.drawnBy.values()) for (const key of drawn.ranges.keys()) used.add(key);
    this.types.retain(used);
  }
}

/** The visible editors of a document. */
function editorsOf(documentUri: string): vscode.TextEditor[] {
  return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === documentUri);
}

/** The lines on screen in any of the editors, with `margin` more on either side. */
function nearVisibleLines(
  editors: readonly vscode.TextEditor[],
  margin = NEAR_MARGIN_LINES,
): { first: number; last: number } {
  const visible = editors.flatMap((editor) => editor.visibleRanges);
  const first = visible.length > 0 ? Math.min(...visible.map((range) => range.start.line)) : 0;
  const last = visible.length > 0 ? Math.max(...visible.map((range) => range.end.line)) : 0;
  return { first: Math.max(0, first - margin), last: last + margin };
}

/** The lines of a kept layout's ranges, its codings' and its overlaps', made at its first cut (see LineSpans). */
interface LayoutLines {
  readonly byType: ReadonlyMap<string, LineSpans>;
  readonly codings: LineSpans;
  readonly overlaps: LineSpans;
}

const linesByLayout = new WeakMap<Layout, LayoutLines>();

function layoutLines(layout: Layout): LayoutLines {
  let lines = linesByLayout.get(layout);
  if (!lines) {
    lines = {
      byType: new Map([...layout.ranges].map(([key, list]) => [key, LineSpans.of(list)])),
      codings: LineSpans.of(layout.applied.codings.map(({ range }) => range)),
      overlaps: LineSpans.of(layout.applied.overlaps),
    };
    linesByLayout.set(layout, lines);
  }
  return lines;
}

/**
 * The part of a layout on the lines between `near.first` and `near.last`: each type's ranges touching them, and
 * the record of those codings, overlaps and gutter lines.
 */
function linesOf(layout: Layout, near: { first: number; last: number }, version: number): Layout {
  const { first, last } = near;
  const lines = layoutLines(layout);
  const ranges = new Map<string, vscode.Range[]>();
  for (const [key, list] of layout.ranges) {
    const part = lines.byType.get(key)!.pick(list, first, last);
    if (part.length > 0) ranges.set(key, part);
  }
  const { applied } = layout;
  return {
    ranges,
    options: new Map([...layout.options].filter(([key]) => ranges.has(key))),
    applied: {
      ...applied,
      version,
      codings: lines.codings.pick(applied.codings, first, last),
      overlaps: lines.overlaps.pick(applied.overlaps, first, last),
      gutterLines: applied.gutterLines.filter((line) => line >= first && line <= last),
    },
  };
}

/**
 * A whole layout with only the gutter marks of the lines between `near.first` and `near.last`: every coding, every
 * overlap, and each gutter type some line there uses (with all its lines). Its record lists the gutter lines given.
 */
function onScreenGutter(whole: Layout, near: { first: number; last: number }, version: number): Layout {
  const ranges = new Map<string, vscode.Range[]>();
  const gutterLines: number[] = [];
  for (const [key, list] of whole.ranges) {
    const onScreen =
      !key.startsWith(GUTTER_PREFIX) || list.some(({ start }) => start.line >= near.first && start.line <= near.last);
    if (!onScreen) continue;
    ranges.set(key, list);
    if (key.startsWith(GUTTER_PREFIX)) for (const { start } of list) gutterLines.push(start.line);
  }
  const options = new Map([...whole.options].filter(([key]) => ranges.has(key)));
  return {
    ranges,
    options,
    applied: { ...whole.applied, version, gutterLines: gutterLines.sort((a, b) => a - b) },
  };
}

/**
 * The empty range at the start of each line, where a gutter mark is drawn: made once per line, not per line
 * per redraw (a transcript of a thousand coded lines is redrawn after every coding), and the same objects
 * each time, so an unchanged gutter compares by reference.
 */
const lineStarts: vscode.Range[] = [];

function lineStart(line: number): vscode.Range {
  return (lineStarts[line] ??= new vscode.Range(line, 0, line, 0));
}

/** What a drawing gives a document's editors: ranges by type key, each type's options, and its record. */
interface Layout {
  readonly ranges: Map<string, vscode.Range[]>;
  readonly options: ReadonlyMap<string, () => vscode.DecorationRenderOptions>;
  readonly applied: AppliedDecorations;
}

/** A whole layout kept for a transcript shown again, with what it was made from. */
interface LaidOut {
  readonly codings: LiveTranscript['codings'];
  readonly text: LiveTranscript['text'];
  readonly codebook: LiveTranscript['study']['codebook'];
  readonly layout: Layout;
}

interface DrawnDecorations {
  readonly version: number;
  readonly editors: readonly vscode.TextEditor[];
  readonly ranges: ReadonlyMap<string, readonly vscode.Range[]>;
}

function sameEditors(a: readonly vscode.TextEditor[], b: readonly vscode.TextEditor[]): boolean {
  return a.length === b.length && a.every((editor, index) => editor === b[index]);
}

function sameRanges(a: readonly vscode.Range[] | undefined, b: readonly vscode.Range[]): boolean {
  return (
    a !== undefined &&
    a.length === b.length &&
    // Mostly the very same objects (DocumentText.rangeOf keeps them): compared by reference first.
    a.every((range, index) => range === b[index] || range.isEqual(b[index] as vscode.Range))
  );
}
