import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { overlappingPairs } from '../../src/extension/analysis-panel/overlaps';
import type { HostMessage, ReportRequestState, WebviewMessage } from '../../webview/protocol';
import { HOSTILE, hostileReport, loadExample, scaledReport, type Example } from './fixtures';
import { largeNetwork } from './network-fixtures';
import { startServer, type TestServer } from './server';
import type { ThemeKind } from './themes';

// The panel's webview in headless Chromium with a fake host: the page has the real panel's CSP, a stub
// acquireVsCodeApi records what the panel posts, and the host's messages are reports built in Node from
// the example study with the core's buildStudyReport.

const CHROMIUM = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const BY_GENDER: ReportRequestState = { by: 'gender', coders: null, filters: [] };

type ReportMessage = Extract<HostMessage, { type: 'report' }>;

let server: TestServer;
let browser: Browser;
let example: Example;
let byGender: ReportMessage;
const pageErrors: string[] = [];

async function openPanel(theme: ThemeKind = 'dark', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${server.url}/panel/${theme}`);
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  return page;
}

async function posted(page: Page): Promise<WebviewMessage[]> {
  return page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
}

async function clearPosted(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __posted: unknown[] }).__posted.length = 0;
  });
}

/**
 * Posts a host message and waits until the panel has handled it and the browser has painted. The message is
 * handed to the page first, so the time returned is the panel's alone (receipt, validation, DOM, layout,
 * paint), not the transfer from this Node process.
 */
async function send(page: Page, message: unknown): Promise<number> {
  await page.evaluate((m) => {
    (window as unknown as { __next: unknown }).__next = m;
  }, message);
  return page.evaluate(() => (window as unknown as { __timedSend: () => Promise<number> }).__timedSend());
}

/** Time to show a section from a click on its tab until it is drawn and painted (measured in the page). */
async function timeSection(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (section) => (window as unknown as { __timedSection: (s: string) => Promise<number> }).__timedSection(section),
    id,
  );
}

/** Selects a section's tab the way a click does and waits for its content. */
async function showSection(page: Page, id: string): Promise<void> {
  await page.click(`vscode-tab-header[data-section="${id}"]`);
  await page.waitForSelector(`vscode-tab-panel[data-section="${id}"] .section`);
}

async function sectionText(page: Page, id: string): Promise<string> {
  return page.locator(`vscode-tab-panel[data-section="${id}"]`).innerText();
}

before(async function () {
  this.timeout(180_000);
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or node scripts/vscode-test/setup.mjs)`);
  if (!existsSync(path.resolve(__dirname, '../../dist/webview/main.js')))
    throw new Error('dist/webview/main.js is missing: node scripts/build.mjs');
  example = await loadExample();
  byGender = example.reportMessage(BY_GENDER);
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(function () {
  const errors = pageErrors.splice(0);
  if (this.currentTest?.state === 'passed') assert.deepEqual(errors, [], 'no page errors or dialogs');
});

describe('analysis panel webview (headless Chromium, fake host)', () => {
  it('says it is ready, renders the overview under the strict CSP with no violations', async () => {
    const page = await openPanel();
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    const ms = await send(page, byGender);
    console.log(
      `      example study (44 transcripts, ${byGender.report.codes.filter((c) => c.depth === 0).reduce((s, c) => s + c.codings, 0)} codings): report handled and overview drawn in ${ms.toFixed(0)} ms`,
    );
    const text = await sectionText(page, 'overview');
    const p = byGender.report.participants;
    for (const figure of [
      `Participants\n${p.total}`,
      `Transcripts\n${example.study.transcripts.length}`,
      `Coders\n2 of 2`,
      `Survey rows matched\n${p.withSurvey}`,
      'Survey rows unmatched\n0',
    ]) {
      assert.ok(text.includes(figure), `overview shows ${JSON.stringify(figure)}`);
    }
    assert.ok(text.includes('No problems found in the study.'));
    assert.match(text, /Coding progress: \d+ \/ 44 coded by amara, \d+ \/ 44 by jonas/);
    assert.ok(text.includes(`Coding progress: ${byGender.report.progress.text}`));
    assert.equal(await page.locator('ul.denominator').count(), 0, 'every participant is coded: nothing left out');
    // Lit styles the components with constructable stylesheets, which the CSP allows without 'unsafe-inline'.
    const styled = await page.evaluate(() => {
      const tabs = document.querySelector('vscode-tabs');
      return customElements.get('vscode-tabs') !== undefined && (tabs?.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0;
    });
    assert.equal(styled, true, 'vscode-elements registered and styled');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });

  it('names the denominator and who is left out as not coded (one coder), in the overview and Codes', async () => {
    const jonas = example.reportMessage({ ...BY_GENDER, coders: ['jonas'] });
    const p = jonas.report.participants;
    assert.ok(p.notCoded > 0, 'jonas coded only some transcripts');
    const page = await openPanel('light', { width: 1200, height: 1000 });
    await send(page, jonas);
    const overview = await sectionText(page, 'overview');
    assert.ok(overview.includes(`Not coded\n${p.notCoded}`), overview);
    assert.ok(overview.includes(`In code figures\n${p.coded}`));
    assert.ok(overview.includes(`${p.notCoded} participants left out as not coded: no sidecar by jonas`));
    assert.ok(overview.includes('grounded mark --coded FILES…'));
    assert.ok(overview.includes('Grounded: Mark Transcript as Coded'));
    assert.ok(overview.includes('analysis.uncoded: absent'));
    await page.screenshot({ path: path.join(tmpdir(), 'grounded-panel-denominator-overview.png') });
    await showSection(page, 'codes');
    const codes = await sectionText(page, 'codes');
    assert.ok(
      codes.includes(`Prevalence: share of the ${p.codesKnown} coded participants with at least one coding`),
      codes.slice(0, 400),
    );
    assert.ok(codes.includes(`${p.notCoded} participants left out as not coded`));
    const first = jonas.report.codesByGroup[0]!.groups[0]!;
    assert.ok(codes.includes(`${first.participants} of ${first.total} (`), 'by-group cells say "x of n"');
    assert.ok(codes.includes(`Of (coded participants)`), 'the prevalence table names its denominator');
    await page.screenshot({ path: path.join(tmpdir(), 'grounded-panel-denominator-codes.png') });
    // "Not coded: counted as 0" asks the host for a report with uncoded: absent, which then says so.
    await clearPosted(page);
    await page.evaluate(() => {
      const select = document.querySelector('#uncoded') as HTMLElement & { value: string };
      select.value = 'absent';
      select.dispatchEvent(new Event('change'));
    });
    const absentRequest: ReportRequestState = { ...BY_GENDER, coders: ['jonas'], uncoded: 'absent' };
    assert.deepEqual(await posted(page), [{ type: 'setRequest', request: absentRequest }]);
    const absent = example.reportMessage(absentRequest);
    await send(page, absent);
    const counted = await sectionText(page, 'codes');
    assert.ok(counted.includes('Prevalence: share of the 44 interviewed participants'), counted.slice(0, 400));
    assert.ok(counted.includes(`${p.notCoded} participants with transcripts not coded by jonas count as not having`));
    await page.close();
  });

  it('Variables: descriptives with CIs and a distribution chart per variable', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await showSection(page, 'variables');
    const rating = byGender.report.variables.find((v) => v.name === 'overall_mentoring_rating');
    assert.ok(rating && rating.kind === 'numeric' && rating.mean !== null);
    const row = await page
      .locator('[data-table="variables-numeric"] tr', { hasText: 'overall_mentoring_rating' })
      .innerText();
    assert.match(row, new RegExp(`\\b${rating.mean.toFixed(2)}\\b`), 'mean 3.20 of the overall rating');
    assert.equal(rating.mean.toFixed(1), '3.2');
    const charted = byGender.report.variables.filter((v) => v.kind !== 'other').length;
    assert.equal(await page.locator('.variable-card figure.chart-block').count(), charted, 'one chart per variable');
    // Charts draw as they come near the viewport.
    const last = page.locator('.variable-card figure.chart-block').last();
    await last.scrollIntoViewIfNeeded();
    await last.locator('svg.grounded-chart').waitFor();
    await page.close();
  });

  it('Compare groups: per-group statistics, tests with p and effect size, charts with error bars', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await showSection(page, 'groups');
    const comparison = byGender.report.comparisons.find((c) => c.variable === 'active_mentors');
    assert.ok(comparison && comparison.kind === 'numeric');
    const female = comparison.groups.find((g) => g.level === 'female');
    const male = comparison.groups.find((g) => g.level === 'male');
    assert.equal(female?.mean?.toFixed(1), '2.7');
    assert.equal(male?.mean?.toFixed(1), '2.9');
    const article = page.locator('article.comparison[data-variable="active_mentors"]');
    const text = await article.innerText();
    assert.ok(
      text.includes((female?.mean as number).toFixed(2)) && text.includes((male?.mean as number).toFixed(2)),
      '2.72 vs 2.89 active mentors',
    );
    const welch = comparison.tests.find((t) => t.name === 'welch-t');
    assert.ok(text.includes('Welch t') && text.includes((welch?.p as number).toFixed(3)), 'Welch t and its p');
    assert.ok(text.includes("Hedges' g"), 'effect size');
    await article.locator('figure.chart-block').scrollIntoViewIfNeeded();
    await article.locator('svg.grounded-chart').waitFor();
    assert.equal(
      (await article.locator('svg.grounded-chart g[aria-label="rule"] line').count()) >= 2,
      true,
      'error bars',
    );
    await page.close();
  });

  it('Codes: prevalence by group with Holm and BH adjusted p, bar chart, variables by code presence', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await showSection(page, 'codes');
    const table = page.locator('[data-table="codes-by-group"]');
    assert.equal(await table.locator('tbody tr').count(), Math.min(50, byGender.report.codesByGroup.length));
    const header = await table.locator('thead').innerText();
    assert.ok(header.includes('p (Holm)') && header.includes('p (BH)'));
    const first = byGender.report.codesByGroup[0];
    assert.ok(first);
    const row = await table.locator('tbody tr').first().innerText();
    for (const g of first.groups)
      assert.ok(row.includes(`${g.participants} of ${g.total}`), `prevalence ${g.participants} of ${g.total}`);
    await page.locator('[data-chart="codes-by-group-chart"]').scrollIntoViewIfNeeded();
    await page.locator('[data-chart="codes-by-group-chart"] svg.grounded-chart').waitFor();
    assert.ok(
      (await page.locator('[data-table^="codes-variable-"] tbody tr').count()) > 0,
      'a numeric variable with vs without each code',
    );
    await page.close();
  });

  it('Co-occurrence: a heatmap cell lists the overlapping quotes, and a quote opens its coding', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await showSection(page, 'cooccurrence');
    const withOverlap = byGender.report.coOccurrence.find((p) => p.overlaps > 0);
    assert.ok(withOverlap, 'the example has overlapping codings');
    // Switch the heatmap to overlaps, as a user would.
    await page.evaluate(() => {
      const select = document.querySelector('#co-metric') as HTMLElement & { value: string };
      select.value = 'overlaps';
      select.dispatchEvent(new Event('change'));
    });
    await page.waitForSelector('[data-chart="cooccurrence-overlaps"]');
    await clearPosted(page);
    await page.click(`rect.heat-cell[data-a="${withOverlap.a}"][data-b="${withOverlap.b}"]`);
    const requests = (await posted(page)).filter((m) => m.type === 'requestOverlaps');
    assert.deepEqual(requests, [{ type: 'requestOverlaps', a: withOverlap.a, b: withOverlap.b }]);
    const { pairs, total } = overlappingPairs(example.study, example.survey, BY_GENDER, withOverlap.a, withOverlap.b);
    assert.equal(total, withOverlap.overlaps, 'the host lists as many pairs as the report counts');
    await send(page, { type: 'overlaps', a: withOverlap.a, b: withOverlap.b, pairs, total });
    const first = pairs[0];
    assert.ok(first);
    await clearPosted(page);
    await page.locator('.overlaps button.quote').first().click();
    assert.deepEqual((await posted(page)).at(-1), {
      type: 'openCoding',
      transcript: first.a.transcript,
      start: first.a.start,
      end: first.a.end,
      codingId: first.a.codingId,
    });
    await page.close();
  });

  it('Joint display: prevalence and quotes per group; a quote posts openCoding with its place', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await showSection(page, 'joint');
    const row = byGender.report.jointDisplay?.rows[0];
    const cell = row?.cells[0];
    const quote = cell?.quotes[0];
    assert.ok(row && cell && quote);
    const text = await page.locator(`table.joint tr[data-code="${row.code}"]`).innerText();
    assert.ok(text.includes(`${cell.participants}/${cell.total}`));
    assert.ok(text.includes(quote.text.slice(0, 40)));
    await clearPosted(page);
    await page.locator(`table.joint tr[data-code="${row.code}"] td`).first().locator('button.quote').first().click();
    assert.deepEqual(await posted(page), [
      {
        type: 'openCoding',
        transcript: quote.transcript,
        start: quote.start,
        end: quote.end,
        codingId: quote.codingId,
      },
    ]);
    await page.close();
  });

  it('Agreement: each κ with its four counts and band, sorts by a column, and a code posts openDisagreements', async () => {
    const page = await openPanel('light', { width: 1200, height: 1000 });
    await send(page, byGender);
    await showSection(page, 'agreement');
    const agreement = byGender.report.agreement;
    assert.ok(agreement);
    const pooled = await page.locator('table.agreement-table tr.pooled').innerText();
    assert.ok(pooled.includes('0.747') && pooled.includes('11243 / 2358 / 5185 / 1730523'), pooled);
    assert.ok(pooled.includes('0.835') && pooled.includes('130 / 16 / 8 / 136'), pooled);
    const hierarchy = page.locator('table.agreement-table tr[data-code="barriers-hierarchy"]');
    const character = hierarchy.locator('td[data-col="character"]');
    assert.equal(await character.getAttribute('class'), 'num band-moderate');
    assert.ok((await character.innerText()).includes('0.559'), 'the number is shown, not the colour alone');
    assert.ok((await character.getAttribute('title'))?.startsWith('moderate'));
    await page.screenshot({ path: path.join(tmpdir(), 'grounded-panel-agreement.png') });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'panel-agreement-light.png') });

    const codesInOrder = () =>
      page
        .locator('table.agreement-table tbody tr[data-code]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')));
    assert.deepEqual(
      await codesInOrder(),
      agreement.codes.map((c) => c.code),
      'codebook order at first',
    );
    await page.locator('table.agreement-table th[data-col="transcript"] button').click();
    const descending = [...agreement.codes]
      .filter((c) => c.transcript.kappa !== null)
      .sort((a, b) => (b.transcript.kappa ?? 0) - (a.transcript.kappa ?? 0));
    const sorted = await codesInOrder();
    assert.equal(sorted[0], descending[0]?.code);
    assert.equal(sorted[descending.length - 1], descending.at(-1)?.code, 'lowest κ last among the defined');
    assert.ok(
      sorted
        .slice(descending.length)
        .every((code) => agreement.codes.find((c) => c.code === code)?.transcript.kappa === null),
      'undefined κ sorts last',
    );
    assert.equal(await page.locator('th[data-col="transcript"]').getAttribute('aria-sort'), 'descending');
    await page.locator('table.agreement-table th[data-col="transcript"] button').click();
    assert.equal(await page.locator('th[data-col="transcript"]').getAttribute('aria-sort'), 'ascending');
    assert.equal((await codesInOrder())[0], descending.at(-1)?.code);
    assert.ok((await page.locator('table.agreement-table tbody tr').last().getAttribute('class')) === 'pooled');

    await clearPosted(page);
    await hierarchy.locator('td[data-col="code"] button').click();
    assert.deepEqual(await posted(page), [
      { type: 'openDisagreements', first: 'amara', second: 'jonas', code: 'barriers-hierarchy' },
    ]);
    await page.close();
  });

  it('grouping, coder and filters go to the host as one request; the panel keeps its state across a reload', async () => {
    const page = await openPanel();
    await send(page, example.reportMessage({ by: null, coders: null, filters: [] }));
    await clearPosted(page);
    await page.evaluate(() => {
      const select = document.querySelector('#group-by') as HTMLElement & { value: string };
      select.value = 'role';
      select.dispatchEvent(new Event('change'));
    });
    assert.deepEqual(await posted(page), [{ type: 'setRequest', request: { by: 'role', coders: null, filters: [] } }]);
    const byRole = example.reportMessage({ by: 'role', coders: null, filters: [] });
    await send(page, byRole);
    await clearPosted(page);
    await page.evaluate(() => {
      const column = document.querySelector('#filter-column') as HTMLElement & { value: string };
      column.value = 'role';
      column.dispatchEvent(new Event('change'));
    });
    await page.evaluate(() => {
      const value = document.querySelector('#filter-value') as HTMLElement & { value: string };
      value.value = 'resident';
      value.dispatchEvent(new Event('change'));
    });
    await page.click('#filter-apply');
    const filtered: ReportRequestState = { by: 'role', coders: null, filters: [{ column: 'role', value: 'resident' }] };
    assert.deepEqual(await posted(page), [{ type: 'setRequest', request: filtered }]);
    const residents = example.reportMessage(filtered);
    await send(page, residents);
    assert.ok((await page.locator('.chip').innerText()).includes('role = resident'));
    await showSection(page, 'codes');

    // Reload: VS Code keeps the state (here the stub's sessionStorage); the panel comes back on the same tab.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    const state = await page.evaluate(
      () =>
        JSON.parse(sessionStorage.getItem('grounded-state') ?? 'null') as { tab: string; request: ReportRequestState },
    );
    assert.equal(state.tab, 'codes');
    assert.deepEqual(state.request, filtered);
    await send(page, residents);
    assert.equal(
      await page.locator('vscode-tab-panel[data-section="codes"] .section').count(),
      1,
      'the codes section is drawn after the reload',
    );
    await page.close();
  });

  it('exports tables as CSV rows, charts as SVG and PNG, the report in both formats, and for R', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await showSection(page, 'groups');
    await clearPosted(page);
    const article = page.locator('article.comparison[data-variable="active_mentors"]');
    await article.locator('[data-table="groups-active_mentors-groups"] button.export').click();
    await article.locator('[data-chart="groups-active_mentors-chart"] button.export', { hasText: 'SVG' }).click();
    await article.locator('[data-chart="groups-active_mentors-chart"] button.export', { hasText: 'PNG' }).click();
    await page.waitForFunction(() =>
      (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'exportPng'),
    );
    await page.click('#export-markdown');
    await page.click('#export-html');
    await page.click('#export-r');
    const messages = await posted(page);
    const table = messages.find((m) => m.type === 'exportTable');
    assert.ok(table && table.type === 'exportTable');
    assert.deepEqual(table.header.slice(0, 4), ['gender', 'n', 'Missing', 'Mean']);
    assert.equal(
      table.rows.find((r) => r[0] === 'female')?.[3],
      (byGender.report.comparisons.find((c) => c.variable === 'active_mentors')?.groups[0] as { mean: number }).mean,
      'CSV keeps full-precision numbers',
    );
    const svg = messages.find((m) => m.type === 'exportSvg');
    assert.ok(
      svg &&
        svg.type === 'exportSvg' &&
        svg.svg.startsWith('<svg') &&
        svg.svg.includes('xmlns="http://www.w3.org/2000/svg"'),
    );
    const png = messages.find((m) => m.type === 'exportPng');
    assert.ok(png && png.type === 'exportPng' && png.dataUrl.startsWith('data:image/png;base64,'));
    assert.ok(
      Buffer.from(png.dataUrl.split(',')[1] as string, 'base64')
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    );
    assert.deepEqual(
      messages.filter((m) => m.type === 'exportReport'),
      [
        { type: 'exportReport', format: 'markdown' },
        { type: 'exportReport', format: 'html' },
      ],
    );
    assert.deepEqual(
      messages.filter((m) => m.type === 'exportR'),
      [{ type: 'exportR' }],
      'Export for R… asks the host, which builds the package for the panel’s request',
    );
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations),
      [],
      'PNG export stays within the CSP',
    );
    await page.close();
  });

  it('shows code names, quotes, levels and problems with markup, script URLs and formulas as inert text', async () => {
    const page = await openPanel();
    const hostile = hostileReport(byGender);
    await send(page, hostile);
    for (const id of ['overview', 'variables', 'groups', 'codes', 'cooccurrence', 'joint', 'network']) {
      if (id !== 'overview') await showSection(page, id);
    }
    // Each group's network with its co-occurrence edges: group levels in titles, keys and the edge list.
    await page.evaluate(() => {
      const select = document.querySelector('#network-threshold') as HTMLElement & { value: string };
      select.value = '0.5';
      select.dispatchEvent(new Event('change'));
    });
    await page.locator('figure.network-figure g.edge.cooccurrence').first().waitFor({ state: 'attached' });
    assert.ok((await sectionText(page, 'network')).includes('<script>window.__xss=2</script>'));
    const overview = await sectionText(page, 'overview');
    assert.ok(overview.includes('<img src=x onerror="window.__xss=1">'), 'markup shown as text');
    const joint = await sectionText(page, 'joint');
    assert.ok(
      joint.includes('<script>window.__xss=2</script>') &&
        joint.includes('javascript:window.__xss=3') &&
        joint.includes('=HYPERLINK('),
    );
    const inert = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      images: document.querySelectorAll('#app img').length,
      scripts: document.querySelectorAll('#app script').length,
      links: document.querySelectorAll('#app a[href]').length,
      handlers: [...document.querySelectorAll('#app *')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
    }));
    assert.deepEqual(inert, { xss: undefined, images: 0, scripts: 0, links: 0, handlers: 0 });
    // A problem with a hostile file name opens through the host with the name as data.
    await clearPosted(page);
    await showSection(page, 'overview');
    await page.locator('[data-table="overview-problems"] button.link', { hasText: 'javascript:' }).click();
    assert.deepEqual(await posted(page), [
      { type: 'openProblem', file: 'javascript:window.__xss=3', line: 1, column: 1 },
    ]);
    // The CSV export carries the text unchanged; the host's toCsv escapes formulas (unit-tested).
    await clearPosted(page);
    await showSection(page, 'codes');
    await page.locator('[data-table="codes-prevalence"] button.export').click();
    const csv = (await posted(page)).find((m) => m.type === 'exportTable');
    assert.ok(csv && csv.type === 'exportTable' && csv.rows.some((r) => String(r[0]).includes('=HYPERLINK(')));
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });

  it('ignores host messages that are not in the protocol', async () => {
    const page = await openPanel();
    await send(page, byGender);
    const before = await page.locator('#app').innerText();
    for (const bad of [
      { type: 'report', report: {} },
      { type: 'eval', code: 'window.__xss=4' },
      'report',
      null,
      { type: 'overlaps', a: 'x', b: 'y', pairs: [{}], total: 1 },
    ]) {
      await page.evaluate((m) => window.postMessage(m, '*'), bad);
    }
    await send(page, byGender);
    assert.equal(await page.locator('#app').innerText(), before);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    await page.close();
  });

  it('says plainly why a report could not be built', async () => {
    const page = await openPanel();
    await send(page, byGender);
    await send(page, {
      type: 'reportError',
      message: 'no survey column "cohort"',
      request: { by: 'cohort', coders: null, filters: [] },
      study: byGender.study,
    });
    assert.ok((await page.locator('.status').innerText()).includes('no survey column "cohort"'));
    await clearPosted(page);
    await page.click('#reset-request');
    assert.deepEqual(await posted(page), [{ type: 'setRequest', request: { by: null, coders: null, filters: [] } }]);
    await page.close();
  });

  it('stays responsive on a very large report: tables paged by 50, figures printed', async function () {
    this.timeout(300_000);
    const page = await openPanel();
    const large = scaledReport(byGender, 20);
    const ms = await send(page, large);
    const sections: string[] = [];
    for (const id of ['variables', 'groups', 'codes', 'cooccurrence', 'joint'])
      sections.push(`${id} ${(await timeSection(page, id)).toFixed(0)} ms`);
    console.log(
      `      scaled report (${large.report.codes.length} codes, ${large.report.coOccurrence.length} pairs, ${large.report.codeComparisons.length} code comparisons): overview ${ms.toFixed(0)} ms; ${sections.join(', ')}`,
    );
    await showSection(page, 'codes');
    assert.equal(await page.locator('[data-table="codes-prevalence"] tbody tr').count(), 50, 'paged by 50');
    assert.ok(
      (await page.locator('[data-table="codes-prevalence"] .page-info').innerText()).includes(
        `of ${large.report.codes.length}`,
      ),
    );
    await page.locator('[data-table="codes-prevalence"] .pager button', { hasText: 'Next' }).click();
    assert.ok((await page.locator('[data-table="codes-prevalence"] .page-info').innerText()).startsWith('Rows 51–100'));
    await page.close();
  });

  it('looks right in light, dark and high-contrast themes (screenshots)', async function () {
    this.timeout(60_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      const page = await openPanel(theme, { width: 1200, height: 1000 });
      await send(page, byGender);
      await showSection(page, 'groups');
      await page.locator('vscode-tab-panel[data-section="groups"] svg.grounded-chart').first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `panel-${theme}.png`) });
      await showSection(page, 'joint');
      await page.screenshot({ path: path.join(SCREENSHOTS, `panel-joint-${theme}.png`) });
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
      await page.close();
    }
  });
});

/**
 * Relation labels drawn over (or touching) code names in a rendered network: pairs of an edge label's box and
 * a node label's box (as the browser lays the text out) closer than 4 pixels, and the worst share of an edge
 * label covered. Hidden labels (shown around the code in focus) count too: they show when it is focused.
 */
async function edgeLabelsOnNames(page: Page, scope: string): Promise<{ pairs: number; labels: number; worst: number }> {
  const rects = (selector: string) =>
    page.locator(`${scope} ${selector}`).evaluateAll((texts) =>
      texts
        .map((t) => t.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
    );
  const names = await rects('g.node text');
  const labels = await rects('text.edge-label');
  let pairs = 0;
  let worst = 0;
  // Touching is as bad as covering: two lines of text stacked without a gap read as one.
  const GAP = 4;
  for (const label of labels)
    for (const name of names) {
      const w = Math.min(label.right, name.right + GAP) - Math.max(label.left, name.left - GAP);
      const h = Math.min(label.bottom, name.bottom + GAP) - Math.max(label.top, name.top - GAP);
      if (w > 0 && h > 0) {
        pairs++;
        worst = Math.max(worst, (w * h) / ((label.right - label.left) * (label.bottom - label.top)));
      }
    }
  return { pairs, labels: labels.length, worst };
}

describe('analysis panel: the Network section', () => {
  const WHOLE: ReportRequestState = { by: null, coders: null, filters: [] };

  /** The example's relations, as the core puts them in the report. */
  function relationEdges(message: ReportMessage) {
    return message.report.network.edges.filter((e) => e.kind === 'relation');
  }

  it('draws codes as nodes sized by participants and relations as labelled arrows; a node click opens Retrieve', async () => {
    const whole = example.reportMessage(WHOLE);
    const relations = relationEdges(whole);
    assert.ok(relations.length >= 3, 'the example study has relations');
    const page = await openPanel('light', { width: 1280, height: 1000 });
    await send(page, whole);
    await showSection(page, 'network');
    const network = page.locator('vscode-tab-panel[data-section="network"]');
    assert.equal(await network.locator('svg.network g.node').count(), whole.report.network.nodes.length);
    assert.equal(await network.locator('svg.network g.edge.relation').count(), relations.length);
    assert.equal(
      await network.locator('svg.network g.edge.relation path.line[marker-end]').count(),
      relations.filter((r) => r.directed).length,
      'directed relations end in an arrow head, undirected ones do not',
    );
    const first = relations[0]!;
    assert.equal(
      await network.locator(`text.edge-label[data-edge="${first.from}|${first.type}|${first.to}"]`).textContent(),
      first.label,
    );
    // The most used code has the largest circle.
    const radii = await network
      .locator('svg.network g.node')
      .evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-code'), Number(n.querySelector('circle.disc')?.getAttribute('r'))]),
      );
    const most = [...whole.report.network.nodes].sort((a, b) => b.participants - a.participants)[0]!;
    const largest = [...radii].sort((a, b) => (b[1] as number) - (a[1] as number))[0]!;
    assert.equal(
      whole.report.network.nodes.find((n) => n.id === largest[0])?.participants,
      most.participants,
      'the largest circle is a code with the most participants',
    );
    await clearPosted(page);
    await network.locator(`g.node[data-code="${first.from}"]`).click();
    assert.deepEqual(await posted(page), [{ type: 'retrieveCode', code: first.from, group: null }]);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });

  it('an edge click shows the relation memo; a co-occurrence edge asks for and lists the overlapping quotes', async () => {
    const whole = example.reportMessage(WHOLE);
    const withMemo = relationEdges(whole).find((r) => r.memo);
    assert.ok(withMemo, 'an example relation has a memo');
    const page = await openPanel('dark');
    await send(page, whole);
    await showSection(page, 'network');
    const network = page.locator('vscode-tab-panel[data-section="network"]');
    const key = `${withMemo.from}|${withMemo.type}|${withMemo.to}`;
    // An edge is a thin line among others: the click goes to the edge itself, as a pointer exactly on it would.
    await network.locator(`g.edge[data-edge="${key}"]`).dispatchEvent('click');
    await network.locator('.relation-detail').waitFor();
    assert.equal(await network.locator('.relation-detail .memo').innerText(), withMemo.memo);

    await clearPosted(page);
    await page.evaluate(() => {
      const select = document.querySelector('#network-threshold') as HTMLElement & { value: string };
      select.value = '0.3';
      select.dispatchEvent(new Event('change'));
    });
    const co = network.locator('svg.network g.edge.cooccurrence');
    await co.first().waitFor();
    const drawn = await co.count();
    const expected = whole.report.coOccurrence.filter((p) => (p.jaccard ?? 0) >= 0.3).length;
    assert.ok(drawn > 0 && drawn <= expected, `co-occurrence edges at Jaccard ≥ 0.3: ${drawn} of ${expected} pairs`);
    const [a, b] = (await co.first().getAttribute('data-edge'))!.split('|').slice(1) as [string, string];
    await co.first().dispatchEvent('click');
    assert.deepEqual(await posted(page), [{ type: 'requestOverlaps', a, b }]);
    const { pairs, total } = overlappingPairs(example.study, example.survey, WHOLE, a, b);
    await send(page, { type: 'overlaps', a, b, pairs, total });
    await network.locator(`.overlaps[data-pair="${a}|${b}"]`).waitFor();
    if (pairs.length > 0) assert.ok((await network.locator('.overlaps button.quote').count()) > 0);
    await page.close();
  });

  it('with a grouping, one network per group side by side, same positions, sizes from each group; a node asks for that group', async () => {
    const page = await openPanel('light', { width: 1400, height: 1000 });
    await send(page, byGender);
    await showSection(page, 'network');
    const figures = page.locator('vscode-tab-panel[data-section="network"] figure.network-figure');
    const levels = byGender.report.codesByGroup[0]!.groups.map((g) => g.level);
    assert.equal(await figures.count(), levels.length);
    const placeOf = (level: string, code: string) =>
      page.locator(`figure[data-network="${level}"] g.node[data-code="${code}"]`).getAttribute('transform');
    const code = byGender.report.codesByGroup.find((c) => c.groups.every((g) => g.participants > 0))!;
    assert.equal(await placeOf(levels[0]!, code.code), await placeOf(levels[1]!, code.code), 'the same place');
    const radius = (level: string) =>
      page.locator(`figure[data-network="${level}"] g.node[data-code="${code.code}"] circle.disc`).getAttribute('r');
    const [p0, p1] = code.groups.map((g) => g.participants) as [number, number];
    if (p0 !== p1) assert.notEqual(await radius(levels[0]!), await radius(levels[1]!), 'sized by each group');
    await clearPosted(page);
    await page.locator(`figure[data-network="${levels[1]}"] g.node[data-code="${code.code}"]`).click();
    assert.deepEqual(await posted(page), [{ type: 'retrieveCode', code: code.code, group: levels[1] }]);
    await page.screenshot({ path: path.join(tmpdir(), 'grounded-panel-network-by-gender.png'), fullPage: true });
    // A filter is a new report: the network then shows only the filtered participants' figures.
    const women = example.reportMessage({ by: null, coders: null, filters: [{ column: 'gender', value: 'female' }] });
    await send(page, women);
    await showSection(page, 'network');
    const female = women.report.network.nodes.find((n) => n.id === code.code)!;
    assert.equal(female.participants, code.groups.find((g) => g.level === 'female')!.participants);
    assert.match(
      (await page.locator(`g.node[data-code="${code.code}"] title`).textContent()) ?? '',
      new RegExp(`${female.participants} participants?`),
    );
    await page.close();
  });

  it("with a grouping, each group's network has its own co-occurrence edges; a click lists that group's overlapping quotes", async () => {
    const page = await openPanel('light', { width: 1500, height: 1000 });
    await send(page, byGender);
    await showSection(page, 'network');
    await page.evaluate(() => {
      const select = document.querySelector('#network-threshold') as HTMLElement & { value: string };
      select.value = '0.7';
      select.dispatchEvent(new Event('change'));
    });
    const levels = byGender.report.coOccurrenceByGroup.map((g) => g.level);
    const drawn = async (level: string) =>
      (
        await page
          .locator(`figure[data-network="${level}"] svg.network g.edge.cooccurrence`)
          .evaluateAll((edges) => edges.map((e) => `${e.getAttribute('data-from')}|${e.getAttribute('data-to')}`))
      ).sort();
    await page.locator('figure.network-figure g.edge.cooccurrence').first().waitFor({ state: 'attached' });
    const codes = new Set(byGender.report.network.nodes.map((n) => n.id));
    const perGroup: string[][] = [];
    for (const level of levels) {
      const expected = byGender.report.coOccurrenceByGroup
        .find((g) => g.level === level)!
        .pairs.filter((p) => (p.jaccard ?? 0) >= 0.7 && codes.has(p.a) && codes.has(p.b))
        .map((p) => `${p.a}|${p.b}`)
        .sort();
      const edges = await drawn(level);
      assert.deepEqual(edges, expected, `${level}: the group's own pairs at Jaccard ≥ 0.7`);
      perGroup.push(edges);
    }
    assert.notDeepEqual(perGroup[0], perGroup[1], 'the groups differ in what goes together');
    // An edge only one group has: clicking it asks for that group's overlapping quotes.
    const level = levels[1]!;
    const own = perGroup[1]!.find((e) => !perGroup[0]!.includes(e)) ?? perGroup[1]![0]!;
    const [a, b] = own.split('|') as [string, string];
    await clearPosted(page);
    await page
      .locator(`figure[data-network="${level}"] g.edge.cooccurrence[data-from="${a}"][data-to="${b}"]`)
      .dispatchEvent('click');
    assert.deepEqual(await posted(page), [{ type: 'requestOverlaps', a, b, group: level }]);
    const request = { ...BY_GENDER, filters: [{ column: 'gender', value: level }] };
    const { pairs, total } = overlappingPairs(example.study, example.survey, request, a, b);
    await send(page, { type: 'overlaps', a, b, group: level, pairs, total });
    const list = page.locator(`.overlaps[data-pair="${a}|${b}"][data-group="${level}"]`);
    await list.waitFor();
    assert.match(await list.locator('h3').innerText(), new RegExp(`\\(gender = ${level}\\)`));
    if (pairs.length > 0) assert.ok((await list.locator('button.quote').count()) > 0, 'the quotes are listed');
    const inGroup = new Set(example.survey!.rows.filter((row) => row.values['gender'] === level).map((row) => row.id));
    assert.ok(
      pairs.every((p) => inGroup.has(p.a.participant)),
      "only the group's participants' quotes",
    );
    // The pooled answer (no group) does not fill the group's list.
    await send(page, { type: 'overlaps', a, b, pairs: [], total: 0 });
    assert.equal(await page.locator(`.overlaps[data-group="${level}"] .empty`).count(), 0);
    // Circles take each group's size, so names sit differently in each network: labels avoid them in every one.
    for (const group of levels) {
      const covered = await edgeLabelsOnNames(page, `figure[data-network="${group}"] svg.network`);
      assert.equal(covered.pairs, 0, `${group}: ${covered.pairs} relation labels over code names`);
    }
    // Each group's figure exports its own network; the whole study's buttons would match no drawing.
    assert.equal(await page.locator('.controls .exports').count(), 0);
    await clearPosted(page);
    await page.locator(`figure[data-network="${level}"] button.export`, { hasText: 'GraphML' }).click();
    assert.deepEqual(await posted(page), [
      { type: 'exportNetwork', format: 'graphml', cooccurrence: 0.7, group: level },
    ]);
    await page.locator('.network-grid').screenshot({ path: path.join(SCREENSHOTS, 'panel-network-by-gender.png') });
    await page.close();
  });

  it('keyboard: Tab reaches a node, arrows move between nodes, Enter opens the focused one', async () => {
    const page = await openPanel();
    await send(page, example.reportMessage(WHOLE));
    await showSection(page, 'network');
    await page.locator('g.node').first().focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
    const start = await focused();
    assert.ok(start, 'a node takes focus');
    await page.keyboard.press('Tab');
    const next = await focused();
    assert.ok(next && next !== start, 'Tab moves to the next node');
    const visited = new Set<string | null>([start, next]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
      await page.keyboard.press(key);
      visited.add(await focused());
    }
    assert.ok(visited.size >= 3, `arrow keys move through nodes (${[...visited].join(', ')})`);
    assert.ok(!visited.has(null), 'focus stays on nodes');
    await clearPosted(page);
    const here = await focused();
    await page.keyboard.press('Enter');
    assert.deepEqual(await posted(page), [{ type: 'retrieveCode', code: here, group: null }]);
    await page.close();
  });

  it('exports the network as SVG, PNG, GraphML and Mermaid', async () => {
    const page = await openPanel();
    await send(page, example.reportMessage(WHOLE));
    await showSection(page, 'network');
    await clearPosted(page);
    const figure = page.locator('figure.network-figure');
    await figure.locator('button.export', { hasText: 'SVG' }).click();
    await figure.locator('button.export', { hasText: 'PNG' }).click();
    await page.waitForFunction(() =>
      (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'exportPng'),
    );
    await page.locator('button.export', { hasText: 'GraphML' }).click();
    await page.locator('button.export', { hasText: 'Mermaid' }).click();
    const messages = await posted(page);
    const svg = messages.find((m) => m.type === 'exportSvg');
    assert.ok(svg && svg.type === 'exportSvg' && svg.name === 'network');
    assert.ok(svg.svg.includes('xmlns="http://www.w3.org/2000/svg"') && svg.svg.includes('marker'));
    assert.ok(!/tabindex|role="button"/.test(svg.svg), 'no interaction attributes in the file');
    const png = messages.find((m) => m.type === 'exportPng');
    assert.ok(png && png.type === 'exportPng' && png.dataUrl.startsWith('data:image/png;base64,'));
    assert.deepEqual(
      messages.filter((m) => m.type === 'exportNetwork'),
      [
        { type: 'exportNetwork', format: 'graphml', cooccurrence: null },
        { type: 'exportNetwork', format: 'mermaid', cooccurrence: null },
      ],
    );
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations), []);
    await page.close();
  });

  it('code names with markup are drawn as text', async () => {
    const hostile = hostileReport(example.reportMessage(WHOLE));
    hostile.report.network.nodes.forEach((n, i) => {
      n.name = `${Object.values(HOSTILE)[i % 7]} ${n.name}`;
    });
    const page = await openPanel();
    await send(page, hostile);
    await showSection(page, 'network');
    assert.equal(await page.locator('svg.network script, svg.network foreignObject, svg.network [onerror]').count(), 0);
    assert.ok(((await page.locator('g.node title').first().textContent()) ?? '').length > 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.close();
  });

  it('stays readable at 40 codes and 100 relations (screenshots)', async function () {
    this.timeout(180_000);
    const large = largeNetwork(example.reportMessage(WHOLE));
    const page = await openPanel('light', { width: 1280, height: 900 });
    const ms = await send(page, large);
    await showSection(page, 'network');
    const started = Date.now();
    await page.locator('svg.network g.node').first().waitFor();
    console.log(
      `      40 codes, 100 relations: report handled in ${ms.toFixed(0)} ms, network drawn in ${Date.now() - started} ms`,
    );
    assert.equal(await page.locator('svg.network g.node').count(), 40);
    assert.equal(await page.locator('svg.network g.edge.relation').count(), 100);
    // No two node labels overlap much, and every node sits inside the drawing.
    const boxes = await page.locator('svg.network g.node text').evaluateAll((texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (w > 0 && h > 0 && w * h > 0.3 * Math.min(a.w * a.h, b.w * b.h)) overlapping++;
      }
    console.log(`      label pairs overlapping by more than 30%: ${overlapping} of ${(40 * 39) / 2}`);
    assert.ok(overlapping <= 4, `labels overlap: ${overlapping} pairs`);
    // Relation labels slide along their edge off code names.
    const covered = await edgeLabelsOnNames(page, 'svg.network');
    console.log(
      `      relation labels over code names: ${covered.pairs} pairs of ${covered.labels} labels × 40 names (worst ${(100 * covered.worst).toFixed(0)}% of a label)`,
    );
    assert.ok(covered.pairs <= 8, `relation labels over code names: ${covered.pairs}`);
    await page.locator('figure.network-figure').screenshot({ path: path.join(SCREENSHOTS, 'panel-network-large.png') });
    await page.close();

    for (const theme of ['light', 'dark'] as const) {
      const shown = await openPanel(theme, { width: 1280, height: 900 });
      await send(shown, example.reportMessage(WHOLE));
      await showSection(shown, 'network');
      const covered = await edgeLabelsOnNames(shown, 'svg.network');
      assert.equal(covered.pairs, 0, `${theme}: ${covered.pairs} relation labels over code names`);
      await shown
        .locator('figure.network-figure')
        .screenshot({ path: path.join(SCREENSHOTS, `panel-network-${theme}.png`) });
      await shown.close();
    }
  });
});
