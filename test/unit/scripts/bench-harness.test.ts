// The pieces of `npm run bench:vscode` that run outside VS Code: one harness session per study in one process
// (scripts/vscode-test/workbench.mjs), the CPU-profile summary and the goals' verdicts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(__dirname, '../../..');
const load = (file: string) => import(pathToFileURL(path.join(repoRoot, 'scripts/vscode-test', file)).href);

interface Session {
  cleanup(): Promise<void>;
}
type HarnessSession = (options: {
  scratch: { root: string; remove(): void };
  keep: boolean;
  note(message: string): void;
  timeoutSeconds: number;
  onTimeout(): void;
}) => Session;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId: string };
  children?: number[];
}

function frame(id: number, functionName: string, children: number[] = [], url = 'node:test'): ProfileNode {
  return { id, callFrame: { functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' }, children };
}

describe('bench:vscode harness', () => {
  it('a finished session neither times out nor keeps its signal handlers, so the next study runs', async () => {
    const { harnessSession } = (await load('workbench.mjs')) as { harnessSession: HarnessSession };
    const signals = process.listenerCount('SIGINT');
    const exits: unknown[] = [];
    const exit = process.exit;
    let timeouts = 0;
    process.exit = ((code?: number) => void exits.push(code)) as typeof process.exit;
    try {
      const session = harnessSession({
        scratch: { root: '/nonexistent', remove: () => undefined },
        keep: true,
        note: () => undefined,
        timeoutSeconds: 0.05,
        onTimeout: () => timeouts++,
      });
      await session.cleanup();
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      process.exit = exit;
    }
    assert.equal(timeouts, 0, "the finished session's deadline fired");
    assert.deepEqual(exits, []);
    assert.equal(process.listenerCount('SIGINT'), signals);
  });

  it('the profile summary finds the blocks of work, their heaviest path and the collector apart', async () => {
    const { summarizeProfile } = await load('cpu-profile-summary.mjs');
    // (root) › post › serialize; (root) › (garbage collector); (root) › (idle)
    const nodes = [
      frame(1, '(root)', [2, 4, 5], ''),
      frame(2, 'post', [3]),
      frame(3, 'serialize'),
      frame(4, '(garbage collector)', [], ''),
      frame(5, '(idle)', [], ''),
    ];
    // 1 ms per sample: 30 idle, then 40 in serialize, 20 in post, 10 collecting, then 30 idle, then 5 in post.
    const samples = [
      ...Array<number>(30).fill(5),
      ...Array<number>(40).fill(3),
      ...Array<number>(20).fill(2),
      ...Array<number>(10).fill(4),
      ...Array<number>(30).fill(5),
      ...Array<number>(5).fill(2),
      5,
    ];
    const profile = {
      nodes,
      startTime: 0,
      endTime: samples.length * 1000,
      samples,
      timeDeltas: samples.map(() => 1000),
    };
    const summary = summarizeProfile(profile, { minBlockMs: 20 });
    assert.equal(summary.blockCount, 1);
    const [block] = summary.blocks;
    assert.equal(Math.round(block.ms), 70);
    assert.equal(Math.round(block.start), 31);
    assert.equal(Math.round(block.gc), 10);
    assert.deepEqual(block.path, ['post (node:test) 60 ms', 'serialize (node:test) 40 ms']);
    assert.deepEqual(
      summary.self.map(([name, ms]: [string, number]) => [name, Math.round(ms)]),
      [
        ['serialize (node:test)', 40],
        ['post (node:test)', 20],
        ['(garbage collector)', 10],
      ],
    );
  });

  it("prints Grounded's part of the first decorations and of every coding drawn, from when the host saw the editor", async () => {
    const { formatSize } = await load('bench-report.mjs');
    const samples = [
      { shown: 50, visible: 40, onScreen: 43, drawn: 70 },
      { shown: 60, visible: 50, onScreen: 55, drawn: 90 },
      { shown: 70, visible: 60, onScreen: 61, drawn: 80 },
    ];
    const lines: string[] = formatSize('S', { open: { codings: 10000, samples, plain: [45] } }).split('\n');
    const first = lines.findIndex((l) => l.includes('first decorations: codings on screen drawn'));
    assert.match(lines[first] ?? '', /median +55\.0 /);
    assert.match(lines[first + 1] ?? '', /of which after the host saw the editor median +3\.0 .* max +5\.0 /);
    const all = lines.findIndex((l) => l.includes('all codings drawn'));
    assert.match(lines[all + 1] ?? '', /of which after the host saw the editor median +30\.0 /);
  });

  it('judges every goal on every study, and a figure not measured is a miss', async () => {
    const { judge } = await load('bench-report.mjs');
    const fast = { total: 10, disk: 5, drawn: 10, command: 10 };
    const results = {
      activation: { grounded: { id: 'grounded-qda.grounded', load: 100, activate: 50, total: 200 }, others: [] },
      open: { codings: 10000, samples: [{ shown: 20, onScreen: 60, drawn: 130 }], plain: [15] },
      coding: { codings: 2000, sidecarBytes: 1, samples: [fast, fast], baseline: [3] },
    };
    const verdict = judge([{ name: 'XL', results }]);
    assert.equal(verdict.passed, false);
    const lines: string[] = verdict.text.split('\n');
    assert.match(lines.find((l) => l.includes('activation')) ?? '', /^ {2}PASS {2}XL .*200\.0 ms/);
    assert.match(
      lines.find((l) => l.includes('first decorations')) ?? '',
      /PASS .* 60\.0 ms .*plain text shown 15\.0 ms; all codings drawn 130\.0 ms/,
    );
    assert.match(lines.find((l) => l.includes('lag during a rebuild')) ?? '', /MISS .*not measured/);
  });
});
