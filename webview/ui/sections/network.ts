import type { WebviewMessage } from '../../protocol';
import { codeNames } from '../../view-model/labels';
import { nodeInDirection, type Direction } from '../../view-model/network-geometry';
import {
  COOCCURRENCE_THRESHOLDS,
  LABELLED_EDGES,
  neighbours,
  type DrawnEdge,
  type NetworkDrawing,
} from '../../view-model/network';
import { EDGE_LABEL_BASELINE, EDGE_LABEL_FONT_SIZE } from '../../view-model/network-edge-labels';
import { LABEL_FONT_SIZE } from '../../view-model/network-spread';
import { networkDrawings } from '../../view-model/network-source';
import type { ThemeColors } from '../colors';
import type { PanelContext } from '../context';
import { append, h, linkButton, svgElement } from '../dom';
import { overlapList } from './cooccurrence';
import type { SectionArgs } from './section-args';
import { labelledSelect } from './select';

const OFF = 'off';

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The Network section: the codebook's relations (and, above a threshold, co-occurrence) as one network, or
 * one per group side by side. A node opens its quotes in Retrieve (with the panel's filter and the group);
 * an edge shows its memo or the overlapping quotes. Every node is a tab stop; arrow keys move to the
 * nearest node in that direction, Enter opens it.
 */
export function renderNetwork(args: SectionArgs): HTMLElement {
  const { report, state, context, update } = args;
  const drawings = networkDrawings(report, state.netThreshold);
  if (drawings.length === 0 || drawings.every((d) => d.nodes.length === 0))
    return h('div', { class: 'section' }, h('p', { class: 'empty' }, 'The codebook has no codes yet.'));
  const first = drawings[0] as NetworkDrawing;
  const grouped = drawings.length > 1 || first.group !== null;
  const relations = first.edges.filter((e) => e.kind === 'relation').length;
  const section = h('div', { class: 'section network-section' });
  const threshold = labelledSelect(
    'Co-occurrence edges',
    [
      { value: OFF, label: 'None' },
      ...COOCCURRENCE_THRESHOLDS.map((t) => ({ value: String(t), label: `Jaccard ≥ ${t}` })),
    ],
    state.netThreshold === null ? OFF : String(state.netThreshold),
    (value) => update({ netThreshold: value === OFF ? null : Number(value), netEdge: null }),
    'network-threshold',
  );
  // With a grouping each group's figure exports its own network; the whole study's would match no drawing.
  const [graphml, mermaid] = grouped ? [null, null] : networkFileButtons(context, state.netThreshold, null);
  append(
    section,
    h(
      'p',
      { class: 'lead' },
      `${first.nodes.length} codes, ${relations} relation${relations === 1 ? '' : 's'}. Circles grow with the participants who have the code; arrows point from a code to the code it relates to.`,
    ),
    h('div', { class: 'controls' }, threshold, grouped ? null : h('span', { class: 'exports' }, graphml, mermaid)),
    grouped
      ? h(
          'p',
          { class: 'hint' },
          `One network per ${report.options.by ?? 'group'}, codes in the same places, circles sized by each group's participants; co-occurrence edges are each group's own (Jaccard over that group's participants).`,
        )
      : null,
    relations === 0
      ? h(
          'p',
          { class: 'hint' },
          'No relations yet: relate two codes with "Grounded: Relate Codes…" (or drag a code onto another with Alt held in the Codebook view).',
        )
      : null,
  );
  const detail = h('div', { class: 'network-detail', 'aria-live': 'polite' });
  const selectEdge = (edge: DrawnEdge) => {
    update({ netEdge: edge.key });
    if (edge.kind === 'cooccurrence')
      context.post({
        type: 'requestOverlaps',
        a: edge.from,
        b: edge.to,
        ...(edge.group !== null ? { group: edge.group } : {}),
      });
  };
  const grid = h('div', { class: drawings.length > 1 ? 'network-grid' : 'network-single' });
  for (const drawing of drawings)
    grid.append(networkFigure(drawing, context, selectEdge, state.netEdge, state.netThreshold));
  section.append(grid, detail);
  fillDetail(detail, args, drawings);
  append(section, edgeList(drawings, args, selectEdge));
  return section;
}

/** The selected edge: a relation's memo, or the quotes where two co-occurring codes overlap. */
function fillDetail(detail: HTMLElement, args: SectionArgs, drawings: readonly NetworkDrawing[]): void {
  const edge = drawings.flatMap((d) => d.edges).find((e) => e.key === args.state.netEdge);
  if (!edge) {
    detail.append(
      h(
        'p',
        { class: 'hint' },
        'Click a code to retrieve its quotes; click an edge for its memo or overlapping quotes.',
      ),
    );
    return;
  }
  const names = codeNames(args.report);
  const name = (id: string) => names.get(id) ?? id;
  if (edge.kind === 'relation') {
    detail.append(
      h(
        'section',
        { class: 'relation-detail', 'data-edge': edge.key },
        h(
          'h3',
          {},
          `${name(edge.from)} ${edge.directed ? '→' : '—'} ${edge.text} ${edge.directed ? '→' : '—'} ${name(edge.to)}`,
        ),
        edge.memo
          ? h('p', { class: 'memo' }, edge.memo)
          : h('p', { class: 'hint' }, 'No memo yet (Codebook view: right-click the relation, Edit Relation Memo).'),
      ),
    );
    return;
  }
  detail.append(
    overlapList(args, { a: edge.from, b: edge.to, ...(edge.group !== null ? { group: edge.group } : {}) }) ?? h('p'),
  );
}

/**
 * Every edge as a button: the keyboard's way to an edge, and a plain reading of the network. The relations
 * once (every group's network has them all), then each network's co-occurrence edges.
 */
function edgeList(
  drawings: readonly NetworkDrawing[],
  args: SectionArgs,
  select: (edge: DrawnEdge) => void,
): HTMLElement | null {
  const [first] = drawings;
  if (!first) return null;
  const edges = [
    ...first.edges.filter((e) => e.kind === 'relation'),
    ...drawings.flatMap((d) => d.edges.filter((e) => e.kind === 'cooccurrence')),
  ];
  if (edges.length === 0) return null;
  const names = codeNames(args.report);
  const name = (id: string) => names.get(id) ?? id;
  const list = h('ul', { class: 'edge-list' });
  for (const edge of edges) {
    const text =
      edge.kind === 'relation'
        ? `${name(edge.from)} ${edge.directed ? '→' : '—'} ${edge.text} ${edge.directed ? '→' : '—'} ${name(edge.to)}${edge.memo ? ' (memo)' : ''}`
        : `${edge.group === null ? '' : `${args.report.options.by ?? 'group'} = ${edge.group}: `}${name(edge.from)} × ${name(edge.to)}: Jaccard ${edge.jaccard.toFixed(2)}`;
    const button = linkButton(text, () => select(edge), edge.title);
    button.dataset.edge = edge.key;
    if (edge.key === args.state.netEdge) button.setAttribute('aria-current', 'true');
    list.append(h('li', {}, button));
  }
  return h('details', { class: 'edges' }, h('summary', {}, `Edges (${edges.length})`), list);
}

/** GraphML and Mermaid buttons: the host builds the network (of `group`, when given) as `grounded export network` does. */
function networkFileButtons(
  context: PanelContext,
  threshold: number | null,
  group: string | null,
): [HTMLElement, HTMLElement] {
  const exportAs = (format: 'graphml' | 'mermaid') =>
    context.post({ type: 'exportNetwork', format, cooccurrence: threshold, ...(group !== null ? { group } : {}) });
  const whose = group === null ? 'the network' : `this group's network`;
  const graphml = linkButton('GraphML', () => exportAs('graphml'), `Export ${whose} as GraphML (yEd, Gephi)`);
  const mermaid = linkButton('Mermaid', () => exportAs('mermaid'), `Export ${whose} as a Mermaid diagram`);
  graphml.classList.add('export');
  mermaid.classList.add('export');
  return [graphml, mermaid];
}

function networkFigure(
  drawing: NetworkDrawing,
  context: PanelContext,
  selectEdge: (edge: DrawnEdge) => void,
  selected: string | null,
  threshold: number | null,
): HTMLElement {
  const svg = networkSvg(drawing, context, selectEdge, selected);
  const svgButton = linkButton('SVG', () => context.exportFigure(drawing.id, svg, 'svg'), 'Export this network as SVG');
  const pngButton = linkButton('PNG', () => context.exportFigure(drawing.id, svg, 'png'), 'Export this network as PNG');
  svgButton.classList.add('export');
  pngButton.classList.add('export');
  const files = drawing.group === null ? [] : networkFileButtons(context, threshold, drawing.group);
  return h(
    'figure',
    { class: 'chart-block network-figure', 'data-network': drawing.group ?? '' },
    h('div', { class: 'table-title' }, h('figcaption', {}, drawing.title), svgButton, pngButton, ...files),
    svg as unknown as HTMLElement,
  );
}

/** The network as SVG: presentation attributes only (the CSP refuses inline styles), colours resolved now. */
function networkSvg(
  drawing: NetworkDrawing,
  context: PanelContext,
  selectEdge: (edge: DrawnEdge) => void,
  selected: string | null,
): SVGSVGElement {
  const colors = context.colors();
  const markerId = `arrow-${drawing.id}`;
  const svg = svgElement('svg', {
    class: 'grounded-chart network',
    width: drawing.width,
    height: drawing.height,
    viewBox: `0 0 ${drawing.width} ${drawing.height}`,
    role: 'group',
    'aria-label': drawing.title,
    'font-size': 11,
  }) as SVGSVGElement;
  svg.append(
    svgElement(
      'defs',
      {},
      svgElement(
        'marker',
        {
          id: markerId,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
          markerUnits: 'userSpaceOnUse',
        },
        svgElement('path', { d: 'M0,0L10,5L0,10z', fill: colors.foreground }),
      ),
    ),
  );
  const edgeLayer = svgElement('g', { class: 'edges' });
  const labelLayer = svgElement('g', { class: 'edge-labels' });
  const nodeLayer = svgElement('g', { class: 'nodes' });
  for (const edge of drawing.edges) edgeLayer.append(edgeMark(edge, colors, markerId, selectEdge, selected));
  // Many relations: their labels would cover the drawing, so they show around the code in focus (every label
  // is also in its edge's tooltip and in the Edges list).
  const relationCount = drawing.edges.filter((e) => e.kind === 'relation').length;
  const dense = relationCount > LABELLED_EDGES;
  for (const edge of drawing.edges)
    if (edge.kind === 'relation') labelLayer.append(edgeLabel(edge, colors, dense && edge.key !== selected));
  const positions = new Map(drawing.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  const marks = new Map<string, SVGElement>();
  for (const node of drawing.nodes) {
    const mark = svgElement(
      'g',
      {
        class: `node${node.absent ? ' absent' : ''}${node.core ? ' core' : ''}`,
        'data-code': node.id,
        transform: `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`,
        tabindex: 0,
        role: 'button',
        'aria-label': `${node.title}. Enter: retrieve its quotes`,
      },
      svgElement('title', {}, node.title),
      node.core
        ? svgElement('circle', {
            r: (node.radius + 4).toFixed(1),
            fill: 'none',
            stroke: node.color,
            'stroke-width': 2,
            'stroke-dasharray': '3 2',
          })
        : null,
      svgElement('circle', {
        class: 'disc',
        r: node.radius.toFixed(1),
        fill: node.color,
        'fill-opacity': node.absent ? 0.25 : 0.9,
        stroke: colors.background,
        'stroke-width': 1.5,
      }),
      svgElement(
        'text',
        {
          y: (node.radius + LABEL_FONT_SIZE).toFixed(1),
          'text-anchor': 'middle',
          fill: 'currentColor',
          stroke: colors.background,
          'stroke-width': 3,
          'paint-order': 'stroke',
          'stroke-linejoin': 'round',
          'font-weight': node.core ? 'bold' : undefined,
          'fill-opacity': node.absent ? 0.55 : undefined,
        },
        node.label,
      ),
    );
    const open = () => context.post(retrieveMessage(node.id, drawing.group));
    mark.addEventListener('click', open);
    mark.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        open();
        return;
      }
      const direction = ARROWS[key];
      if (!direction) return;
      event.preventDefault();
      const next = nodeInDirection(node.id, positions, direction);
      if (next) (marks.get(next) as unknown as HTMLElement | undefined)?.focus();
    });
    const highlight = (on: boolean) => {
      svg.classList.toggle('focused', on);
      const near = neighbours(drawing, node.id);
      for (const [id, other] of marks) other.classList.toggle('near', on && near.has(id));
      svg.querySelectorAll('.edge, .edge-label').forEach((line) => {
        const element = line as SVGElement;
        const touches = element.dataset.from === node.id || element.dataset.to === node.id;
        element.classList.toggle('near', on && touches);
        if (dense && element.classList.contains('edge-label'))
          element.setAttribute('visibility', on && touches ? 'visible' : 'hidden');
      });
    };
    mark.addEventListener('focus', () => highlight(true));
    mark.addEventListener('blur', () => highlight(false));
    mark.addEventListener('mouseenter', () => highlight(true));
    mark.addEventListener('mouseleave', () => highlight(false));
    marks.set(node.id, mark);
    nodeLayer.append(mark);
  }
  // Code names over relation labels: where they meet, the name stays readable (the label is in the edge's tooltip).
  svg.append(edgeLayer, labelLayer, nodeLayer);
  return svg;
}

function retrieveMessage(code: string, group: string | null): WebviewMessage {
  return { type: 'retrieveCode', code, group };
}

function edgeMark(
  edge: DrawnEdge,
  colors: ThemeColors,
  markerId: string,
  select: (edge: DrawnEdge) => void,
  selected: string | null,
): SVGElement {
  const relation = edge.kind === 'relation';
  const mark = svgElement(
    'g',
    {
      class: `edge ${edge.kind}${edge.key === selected ? ' selected' : ''}`,
      'data-edge': edge.key,
      'data-from': edge.from,
      'data-to': edge.to,
    },
    svgElement('title', {}, edge.title),
    // A wide invisible stroke makes a thin line easy to hit.
    svgElement('path', { class: 'hit', d: edge.d, fill: 'none', stroke: 'transparent', 'stroke-width': 10 }),
    svgElement('path', {
      class: 'line',
      d: edge.d,
      fill: 'none',
      stroke: relation ? colors.foreground : colors.series('blue'),
      'stroke-width': relation ? 1.4 : edge.width,
      'stroke-opacity': relation ? 0.75 : 0.45,
      'stroke-dasharray': relation ? undefined : '4 3',
      'marker-end': relation && edge.directed ? `url(#${markerId})` : undefined,
    }),
  );
  mark.addEventListener('click', () => select(edge));
  return mark;
}

function edgeLabel(edge: Extract<DrawnEdge, { kind: 'relation' }>, colors: ThemeColors, hidden: boolean): SVGElement {
  return svgElement(
    'text',
    {
      class: 'edge-label',
      visibility: hidden ? 'hidden' : undefined,
      'pointer-events': 'none',
      'data-edge': edge.key,
      'data-from': edge.from,
      'data-to': edge.to,
      x: edge.label.x.toFixed(1),
      y: (edge.label.y + EDGE_LABEL_BASELINE).toFixed(1),
      'text-anchor': 'middle',
      'font-size': EDGE_LABEL_FONT_SIZE,
      'font-style': 'italic',
      fill: 'currentColor',
      'fill-opacity': 0.85,
      stroke: colors.background,
      'stroke-width': 3,
      'paint-order': 'stroke',
      'stroke-linejoin': 'round',
    },
    edge.text,
  );
}
