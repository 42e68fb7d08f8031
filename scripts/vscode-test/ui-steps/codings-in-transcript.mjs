// A UI step: Grounded's "Codings in Transcript" view, read the way a person reads it. With a transcript
// the active editor, it opens the Grounded container from the activity bar (as after Quick Open of a
// transcript), and checks the view lists that transcript's codings: tree rows, not its welcome text
// ("Open a transcript: …"), a header naming the participant, and optionally a given coding among the rows.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const ACTIVITY_ITEM = '.activitybar .action-item';
const GROUNDED_ITEM = `${ACTIVITY_ITEM} .action-label[aria-label^="Grounded"]`;

/** Whitespace collapsed, the first `count` characters (code points): how a coding's quote starts in its row. */
function opening(text, count = 30) {
  return Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, count).join('');
}

/** The aria-label of the checked activity-bar item (the side bar's container), if any. */
async function checkedContainer(page) {
  return page
    .locator(`${ACTIVITY_ITEM}.checked .action-label`)
    .first()
    .getAttribute('aria-label', { timeout: 2000 })
    .catch(() => null);
}

/**
 * The rows of the tree in order, scrolled through with the mouse wheel (the list renders only the rows in
 * view). Each row: its position (aria-posinset), the size of the list (aria-setsize) and its text.
 */
async function readRows(page, pane) {
  const rows = new Map();
  let size = 0;
  const list = pane.locator('.customview-tree .monaco-list').first();
  const box = await list.boundingBox();
  for (let i = 0; i < 50; i++) {
    const seen = await pane.locator('.customview-tree .monaco-list-row').evaluateAll((elements) =>
      elements.map((row) => ({
        position: Number(row.getAttribute('aria-posinset')),
        size: Number(row.getAttribute('aria-setsize')),
        text: row.innerText.replace(/\s+/g, ' ').trim(),
      })),
    );
    for (const row of seen) {
      rows.set(row.position, row.text);
      size = Math.max(size, row.size);
    }
    if (!box || rows.size >= size) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, Math.max(44, box.height - 22));
    await sleep(150);
  }
  return { size, rows: [...rows.entries()].sort(([a], [b]) => a - b).map(([, text]) => text) };
}

/**
 * Checks the "Codings in Transcript" view while `transcript` is the active editor. Opens the Grounded
 * container by clicking its activity-bar item (and expands the view if it is collapsed), then waits for
 * the view to list codings. Afterwards it clicks back the container that was showing before, so the side
 * bar is left as it was found. Throws, saying what the view showed, when the view stays on its welcome.
 *
 * @param {import('playwright-core').Page} page
 * @param {{ transcript?: string, participant?: string, expectCodingQuote?: string, expectCount?: number,
 *   screenshot?: string, timeoutMs?: number }} [options]
 *   transcript: the file name on the active tab (default P07.txt); participant: what the view's header
 *   names (default the file name without .txt); expectCodingQuote: a coding whose quote must be listed;
 *   expectCount: how many codings the header and the tree must show; screenshot: a PNG path for the page
 *   as the view first shows (its codings, or its welcome when it fails).
 * @returns {Promise<{ description: string, rows: string[] }>}
 */
export async function checkCodingsInTranscriptView(page, options = {}) {
  const transcript = options.transcript ?? 'P07.txt';
  const participant = options.participant ?? transcript.replace(/\.txt$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;

  const activeTab = (await page.locator('.tabs-container .tab.active').first().innerText({ timeout: 5000 })).trim();
  if (!activeTab.includes(transcript))
    throw new Error(`${transcript} is not the active editor (the active tab is "${activeTab}")`);

  const before = await checkedContainer(page);
  const opened = !before?.startsWith('Grounded');
  if (opened) await page.locator(GROUNDED_ITEM).first().click({ timeout: 10_000 });
  try {
    const pane = page.locator('.sidebar .pane', {
      has: page.locator('.pane-header', { hasText: 'Codings in Transcript' }),
    });
    const header = pane.locator('.pane-header').first();
    await header.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

    const description = header.locator('.description');
    const firstRow = pane.locator('.customview-tree .monaco-list-row').first();
    const deadline = Date.now() + timeoutMs;
    while (!(await firstRow.isVisible())) {
      if (Date.now() > deadline) {
        if (options.screenshot) await page.screenshot({ path: options.screenshot });
        const shown = (
          await pane
            .locator('.pane-body')
            .first()
            .innerText({ timeout: 2000 })
            .catch(() => '')
        )
          .replace(/\s+/g, ' ')
          .trim();
        const welcome = await pane.locator('.pane-body.welcome').count();
        throw new Error(
          `after ${timeoutMs} ms with ${transcript} the active editor, the view lists no codings; it shows ` +
            `${welcome ? 'its welcome' : 'no rows'}: "${shown}" (header description: "${await description.innerText().catch(() => '')}")`,
        );
      }
      await sleep(200);
    }

    // The view as it first shows, the first codings in reading order (before scrolling through the rows).
    if (options.screenshot) await page.screenshot({ path: options.screenshot });
    const named = await description.innerText({ timeout: 5000 }).catch(() => '');
    const match = /^(.*) · (\d+)$/.exec(named.trim());
    if (!match || match[1] !== participant)
      throw new Error(`the view's header says "${named}", not "${participant} · <number of codings>"`);
    const { size, rows } = await readRows(page, pane);
    if (Number(match[2]) !== size) throw new Error(`the header counts ${match[2]} codings, the tree lists ${size}`);
    if (options.expectCount !== undefined && size !== options.expectCount)
      throw new Error(`the view lists ${size} codings, expected ${options.expectCount}`);
    if (rows.length !== size) throw new Error(`read ${rows.length} of the ${size} rows while scrolling the view`);
    if (options.expectCodingQuote !== undefined) {
      const start = opening(options.expectCodingQuote);
      if (!rows.some((row) => row.includes(start)))
        throw new Error(`no row quotes "${start}…"; the rows:\n${rows.join('\n')}`);
    }
    return { description: named.trim(), rows };
  } finally {
    // Back to the container that was showing, or to a hidden side bar (clicking the checked item hides it).
    if (opened)
      await page
        .locator(before ? `${ACTIVITY_ITEM} .action-label[aria-label="${before}"]` : GROUNDED_ITEM)
        .first()
        .click({ timeout: 5000 })
        .catch(() => undefined);
  }
}
