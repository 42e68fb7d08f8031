// What held the extension host's thread in a V8 CPU profile (.cpuprofile): the stretches of uninterrupted work
// ("blocks": consecutive samples that are not idle) of at least `minBlockMs`, each with its heaviest call path
// and the functions that spent the most time in it themselves, named by function and source file. Frames of a
// bundle built by esbuild (dist/extension/node.js) are mapped to their source module by the `// src/…` comment
// esbuild writes before each module, so no source-map library is needed.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** For a bundle file: the module each line belongs to (sorted start lines of `// <module path>` comments). */
function moduleIndex(file) {
  const starts = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = /^\/\/ ((?:src|webview|test|node_modules)\/[^\s]+)$/.exec(line);
      if (match) starts.push({ line: index, module: match[1] });
    });
  return starts;
}

function moduleAt(index, line) {
  let low = 0;
  let high = index.length - 1;
  let found;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (index[mid].line <= line) {
      found = index[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found?.module;
}

/** A readable place for a call frame: the source module for bundled code, else the file's last two parts. */
function makeLocator() {
  const indexes = new Map();
  return (frame) => {
    const url = frame.url ?? '';
    if (!url) return '';
    if (url.startsWith('node:')) return url;
    let file = url;
    try {
      if (url.startsWith('file:')) file = fileURLToPath(url);
    } catch {
      // keep the url as it is
    }
    if (/dist\/(extension|test)\/.*\.js$/.test(file) && existsSync(file)) {
      if (!indexes.has(file)) indexes.set(file, moduleIndex(file));
      const module = moduleAt(indexes.get(file), frame.lineNumber);
      if (module) return module;
    }
    if (file.includes('/lib/vscode/')) return `VS Code ${file.split('/').slice(-1)[0]}`;
    return file.split('/').slice(-2).join('/');
  };
}

const IDLE = new Set(['(idle)']);
const NOT_CODE = new Set(['(garbage collector)', '(program)']);
const UNINTERESTING = new Set([
  '(root)',
  '(program)',
  'processTicksAndRejections',
  'runMicrotasks',
  'listOnTimeout',
  'processTimers',
]);

/**
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }[], startTime: number, samples: number[], timeDeltas: number[] }} profile
 * @param {{ from?: number, to?: number, minBlockMs?: number, top?: number }} options times in ms after the profile's start
 */
export function summarizeProfile(profile, { from = 0, to = Infinity, minBlockMs = 20, top = 8 } = {}) {
  const locate = makeLocator();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node) => {
    const where = locate(node.callFrame);
    return `${node.callFrame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
  };
  // Each sample lasts until the next one.
  const times = [];
  let t = 0;
  for (const delta of profile.timeDeltas) times.push((t += delta) / 1000);
  const blocks = [];
  let current;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const start = times[i];
    const duration = (times[i + 1] ?? start) - start;
    const idle = !node || IDLE.has(node.callFrame.functionName);
    if (idle || start < from || start > to) {
      if (current) blocks.push(current);
      current = undefined;
      continue;
    }
    current ??= { start, ms: 0, samples: [] };
    current.ms += duration;
    current.samples.push({ id: node.id, duration });
  }
  if (current) blocks.push(current);
  const long = blocks.filter((b) => b.ms >= minBlockMs).sort((a, b) => b.ms - a.ms);
  const selfTotals = new Map();
  const described = long.map((block) => {
    const inclusive = new Map();
    const self = new Map();
    let gc = 0;
    let code = 0;
    for (const { id, duration } of block.samples) {
      const node = byId.get(id);
      const key = name(node);
      self.set(key, (self.get(key) ?? 0) + duration);
      selfTotals.set(key, (selfTotals.get(key) ?? 0) + duration);
      // The collector and (program) hang off the root: the path follows the JavaScript that ran.
      if (NOT_CODE.has(node.callFrame.functionName)) {
        if (node.callFrame.functionName === '(garbage collector)') gc += duration;
        continue;
      }
      code += duration;
      for (let at = id; at !== undefined; at = parent.get(at)) inclusive.set(at, (inclusive.get(at) ?? 0) + duration);
    }
    // The heaviest path: from the root, the child that holds most of the code's time, while it holds at least half.
    const path = [];
    let node = profile.nodes.find((n) => !parent.has(n.id));
    for (;;) {
      const children = (node?.children ?? []).map((id) => byId.get(id)).filter((c) => inclusive.has(c.id));
      const heaviest = children.sort((a, b) => inclusive.get(b.id) - inclusive.get(a.id))[0];
      if (!heaviest || inclusive.get(heaviest.id) < code / 2) break;
      if (!UNINTERESTING.has(heaviest.callFrame.functionName))
        path.push(`${name(heaviest)} ${inclusive.get(heaviest.id).toFixed(0)} ms`);
      node = heaviest;
    }
    const selfTop = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
    return { start: block.start, ms: block.ms, gc, path, self: selfTop };
  });
  const busy = blocks.reduce((n, b) => n + b.ms, 0);
  return {
    busyMs: busy,
    blocks: described.slice(0, top),
    blockCount: long.length,
    self: [...selfTotals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12),
  };
}

/** The summary as lines of text. */
export function formatProfileSummary(summary, minBlockMs = 20) {
  const lines = [
    `  ${summary.blockCount} blocks of ≥ ${minBlockMs} ms (the host's thread busy ${summary.busyMs.toFixed(0)} ms in all); the longest:`,
  ];
  for (const block of summary.blocks) {
    lines.push(
      `  ${block.ms.toFixed(0).padStart(6)} ms at +${block.start.toFixed(0)} ms${block.gc > 0 ? ` (garbage collection ${block.gc.toFixed(0)} ms)` : ''}`,
    );
    if (block.path.length > 0) lines.push(`           path: ${block.path.slice(-6).join(' › ')}`);
    lines.push(`           self: ${block.self.map(([key, ms]) => `${key} ${ms.toFixed(0)} ms`).join('; ')}`);
  }
  lines.push('  self time in those blocks, by function:');
  for (const [key, ms] of summary.self) lines.push(`  ${ms.toFixed(0).padStart(6)} ms  ${key}`);
  return lines.join('\n');
}
