// The figures of scripts/vscode-test/bench.mjs as text, and its goals (issue 17) judged PASS / MISS the way
// `npm run bench` judges its own (scripts/bench/report.ts).

/** The q-quantile (0..1) of values, nearest rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const median = (values) => quantile(values, 0.5);
const maxOf = (values) => (values.length === 0 ? NaN : Math.max(...values));
const f = (value, width = 6) => (Number.isFinite(value) ? value.toFixed(1) : '–').padStart(width);

function spread(values) {
  return `median ${f(median(values))}   p90 ${f(quantile(values, 0.9))}   max ${f(maxOf(values))}   min ${f(quantile(values, 0))}`;
}

const lag = (l) => `max ${f(l.max, 5)}   p99 ${f(l.p99, 5)}  (${l.ticks} ticks over ${(l.ms / 1000).toFixed(1)} s)`;

/** The printed section of one study. */
export function formatSize(name, r) {
  const lines = [];
  const a = r.activation?.grounded;
  const others = (r.activation?.others ?? []).filter((o) => o.total > 0).sort((x, y) => y.total - x.total);
  lines.push("activation (the host's own marks: loading the bundle, then activate() until it returned), ms:");
  lines.push(
    a
      ? `  grounded                   total ${f(a.total)}   (load ${a.load.toFixed(0)}, activate() ${a.activate.toFixed(0)})`
      : '  grounded                   – (the host recorded no activation)',
  );
  if (others.length > 0)
    lines.push(
      `  baseline: the other extensions this host activated: ${others
        .slice(0, 4)
        .map((o) => `${o.id} ${o.total.toFixed(0)}`)
        .join(', ')}`,
    );
  if (r.open) {
    const drawn = r.open.samples.map((s) => s.drawn);
    lines.push(
      `opening a transcript with ${r.open.codings} codings (no editor open before), ${drawn.length} times, ms:`,
    );
    lines.push(`  editor shown               ${spread(r.open.samples.map((s) => s.shown))}`);
    const onScreen = r.open.samples.map((s) => s.onScreen).filter((t) => t !== undefined);
    if (onScreen.length > 0)
      lines.push(
        `  first decorations: codings on screen drawn ${spread(onScreen)}   (first open ${f(onScreen[0] ?? NaN)})`,
      );
    // Grounded's part of a figure: from the host telling the decorations the editor is visible to that drawing
    // (before it, the time is the window's, as in the plain-text baseline).
    const afterVisible = (key) =>
      r.open.samples.filter((s) => s.visible !== undefined && s[key] !== undefined).map((s) => s[key] - s.visible);
    const ownFirst = afterVisible('onScreen');
    if (ownFirst.length > 0) lines.push(`    of which after the host saw the editor ${spread(ownFirst)}`);
    lines.push(`  all codings drawn          ${spread(drawn)}   (first open ${f(drawn[0] ?? NaN)})`);
    // A dense transcript in many colours gets the gutter marks of the lines off screen in the next task.
    const complete = r.open.samples.map((s) => s.complete).filter((t) => t !== undefined);
    if (complete.length > 0)
      lines.push(`  gutter marks off screen too ${spread(complete)}   (first open ${f(complete[0] ?? NaN)})`);
    const own = afterVisible('drawn');
    if (own.length > 0) lines.push(`    of which after the host saw the editor ${spread(own)}`);
    const lags = r.open.samples.map((s) => s.lagMax).filter((l) => l !== undefined);
    if (lags.length > 0)
      lines.push(
        `  host lag while it opened, max ${spread(lags)}   (first open ${f(lags[0] ?? NaN)}: its decoration types made)`,
      );
    if (r.open.plainLag?.length > 0)
      lines.push(`  baseline: host lag while the same text outside the study opened ${spread(r.open.plainLag)}`);
    lines.push(`  baseline: the same text outside the study, editor shown ${spread(r.open.plain)}`);
    const explorer = r.open.fromExplorer ?? [];
    if (explorer.length > 0) {
      lines.push(
        `  opened as the Explorer opens it (vscode.open; another transcript of ${r.open.codings} codings, its document closed before), ${explorer.length} times:`,
      );
      const first = (key) => f(explorer[0]?.[key] ?? NaN);
      lines.push(
        `    first colours drawn        ${spread(explorer.map((s) => s.onScreen))}   (first open ${first('onScreen')})`,
      );
      lines.push(
        `    all drawn, transcript language ${spread(explorer.map((s) => s.drawn))}   (first open ${first('drawn')})`,
      );
      if (r.open.plainFromExplorer?.length > 0)
        lines.push(
          `    baseline: the same text outside the study opened that way, shown ${spread(r.open.plainFromExplorer)}`,
        );
    }
  }
  if (r.coding) {
    const pick = (key) => r.coding.samples.map((s) => s[key]);
    lines.push(
      `grounded.codeSelection on a transcript with ${r.coding.codings} codings (${Math.round(r.coding.sidecarBytes / 1024)} KB sidecar), panel closed, ${r.coding.samples.length} runs, ms:`,
    );
    lines.push(`  command promise resolved   ${spread(pick('command'))}`);
    lines.push(`  sidecar on disk has it     ${spread(pick('disk'))}`);
    lines.push(`  decorations draw it        ${spread(pick('drawn'))}`);
    lines.push(`  written and drawn          ${spread(pick('total'))}`);
    lines.push(`  baseline: serializeSidecar + writeFile of that sidecar ${spread(r.coding.baseline)}`);
  }
  if (r.panel) {
    const p = r.panel;
    lines.push(
      `analysis panel (Grounded: Open Analysis; reports computed ${p.where}; first report ${(p.firstReportMs / 1000).toFixed(2)} s; report message ${(p.reportChars / 1e6).toFixed(1)} M characters; host heap ${p.heapUsedMb.toFixed(0)} MB), extension host event-loop lag of a 10 ms timer, ms:`,
    );
    lines.push(`  baseline: idle host        ${lag(p.idle)}`);
    p.episodes.forEach((e, i) => {
      lines.push(`  coding → rebuilt (${i + 1})     ${lag(e.episode)}`);
      lines.push(
        `    worst tick at +${e.episode.maxAt.toFixed(0)} ms after the coding; rebuild from +${e.startedAfter.toFixed(0)}, report posted at +${e.postedAfter.toFixed(0)}`,
      );
      lines.push(`    the rebuild alone        ${lag(e.rebuild)}   (it waited ${e.delayMs} ms after the change)`);
    });
    const total = p.coding.map((s) => s.total);
    lines.push(`  coding while it rebuilds, written and drawn (${total.length} runs) ${spread(total)}`);
  }
  return lines.join('\n');
}

/** Every goal applies to every size measured (issue 17: "at any study size we benchmark"). */
const GOALS = [
  {
    what: 'activation ≤ 300 ms',
    value: (r) => r.activation?.grounded?.total,
    baseline: (r) => {
      const others = (r.activation?.others ?? []).map((o) => o.total);
      return others.length > 0 ? `slowest other extension ${maxOf(others).toFixed(0)} ms` : undefined;
    },
    limit: 300,
  },
  {
    what: 'first decorations of 10,000 codings ≤ 100 ms (median)',
    // An opening's first drawing: every coding and gutter mark on screen (and a hundred lines either way). The
    // others follow in the next task; when they were handed over is printed beside it.
    value: (r) => r.open && median(r.open.samples.map((s) => s.onScreen ?? s.drawn)),
    baseline: (r) =>
      r.open &&
      `plain text shown ${median(r.open.plain).toFixed(1)} ms; all codings drawn ${median(r.open.samples.map((s) => s.drawn)).toFixed(1)} ms`,
    limit: 100,
  },
  {
    what: 'coding at 2,000 codings ≤ 16 ms median',
    value: (r) => r.coding && median(r.coding.samples.map((s) => s.total)),
    baseline: (r) => r.coding && `serialize + write ${median(r.coding.baseline).toFixed(1)} ms`,
    limit: 16,
  },
  {
    what: 'coding at 2,000 codings ≤ 33 ms p90',
    value: (r) =>
      r.coding &&
      quantile(
        r.coding.samples.map((s) => s.total),
        0.9,
      ),
    baseline: (r) => r.coding && `serialize + write ${quantile(r.coding.baseline, 0.9).toFixed(1)} ms`,
    limit: 33,
  },
  {
    what: 'lag during a rebuild after a coding ≤ 50 ms max',
    value: (r) => r.panel && maxOf(r.panel.episodes.map((e) => e.episode.max)),
    baseline: (r) => r.panel && `idle host ${r.panel.idle.max.toFixed(1)} ms`,
    limit: 50,
  },
  {
    what: 'coding while the panel rebuilds ≤ 50 ms median',
    value: (r) => r.panel && median(r.panel.coding.map((s) => s.total)),
    baseline: (r) => r.coding && `panel closed ${median(r.coding.samples.map((s) => s.total)).toFixed(1)} ms`,
    limit: 50,
  },
];

/** PASS / MISS of every goal on every study measured; `passed` is false if any was missed or not measured. */
export function judge(sizes) {
  const lines = ['Goals (issue 17), each on every study measured:'];
  let passed = true;
  for (const goal of GOALS) {
    for (const { name, results } of sizes) {
      const value = goal.value(results);
      const baseline = goal.baseline(results);
      const ok = value !== undefined && Number.isFinite(value) && value <= goal.limit;
      passed &&= ok;
      lines.push(
        `  ${ok ? 'PASS' : 'MISS'}  ${name.padEnd(7)} ${goal.what.padEnd(52)} ${value === undefined ? 'not measured' : `${value.toFixed(1)} ms`}${baseline ? `  (baseline: ${baseline})` : ''}`,
      );
    }
  }
  return { text: lines.join('\n'), passed };
}
