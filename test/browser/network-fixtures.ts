import type { StudyReport } from '../../src/core/analysis/report-types';
import type { HostMessage } from '../../webview/protocol';
import { Random } from '../unit/support/random';

type ReportMessage = Extract<HostMessage, { type: 'report' }>;

/** Code names of the size real codebooks use, some long, so labels must be shortened and still tell codes apart. */
const WORDS = [
  'hierarchy',
  'silence',
  'peer support',
  'night shifts',
  'assigned mentor',
  'feedback',
  'burnout',
  'career doubts',
  'role models',
  'family',
  'exam pressure',
  'belonging',
  'gender bias',
  'sleep',
  'informal teaching',
  'patient deaths',
];

const TYPES = [
  { type: 'causes', label: 'causes', directed: true },
  { type: 'is-condition-for', label: 'is condition for', directed: true },
  { type: 'is-consequence-of', label: 'is consequence of', directed: true },
  { type: 'contradicts', label: 'contradicts', directed: false },
  { type: 'associated-with', label: 'associated with', directed: false },
];

/**
 * The example's report with a network of `codes` codes and `relations` typed relations (seeded, so every run
 * draws the same): the size at which the network must stay readable.
 */
export function largeNetwork(message: ReportMessage, codes = 40, relations = 100): ReportMessage {
  const random = new Random(15);
  const report = JSON.parse(JSON.stringify(message.report)) as StudyReport;
  const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7'];
  const nodes = Array.from({ length: codes }, (_, i) => {
    const first = WORDS[i % WORDS.length] as string;
    const second = i >= WORDS.length ? ` and ${WORDS[(i * 7) % WORDS.length]}` : '';
    const name = `${first}${second}`.replace(/^./, (c) => c.toUpperCase());
    return {
      id: `code-${i}`,
      name,
      color: palette[i % palette.length] as string,
      participants: random.int(0, 44),
      core: i === 0,
      parent: null,
    };
  });
  const seen = new Set<string>();
  const edges: StudyReport['network']['edges'] = [];
  while (edges.length < relations) {
    // Hubs like a real theory: a few codes take part in many relations.
    const from = Math.min(codes - 1, Math.floor(random.next() ** 2 * codes));
    const to = random.int(0, codes - 1);
    const kind = random.pick(TYPES);
    const key = `${from}|${kind.type}|${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    edges.push({
      kind: 'relation',
      from: `code-${from}`,
      to: `code-${to}`,
      type: kind.type,
      label: kind.label,
      directed: kind.directed,
      knownType: true,
      memo: random.next() < 0.3 ? `Memo ${edges.length}: seen in P${random.int(1, 44)}.` : null,
    });
  }
  report.network = { ...report.network, nodes, edges };
  report.codes = nodes.map((n) => ({
    id: n.id,
    name: n.name,
    parent: null,
    depth: 0,
    inCodebook: true,
    category: false,
    codings: n.participants,
    ownCodings: n.participants,
    transcripts: n.participants,
    participants: n.participants,
    total: 44,
    proportion: n.participants / 44,
    ci: null,
  }));
  return { ...message, report };
}
