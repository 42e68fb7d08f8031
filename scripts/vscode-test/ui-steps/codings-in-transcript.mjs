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

/** The rows of the tree the list renders now: position (aria-posinset), list size (aria-setsize), text. */
function renderedRows(pane) {
  return pane.locator('.customview-tree .monaco-list-row').evaluateAll((elements) =>
    elements.map((row) => ({
      position: Number(row.getAttribute('aria-posinset')),
      size: Number(row.getAttribute('aria-setsize')),
      text: row.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * One turn of the mouse wheel over the list. The list is measured each time (the side bar's panes settle
 * their heights while the other views load), and the mouse comes from outside it, so no item's hover card
 * has had time to open and take the wheel instead.
 */
async function wheel(page, list, deltaY) {
  const box = await list.boundingBox();
  if (!box) return false;
  await page.mouse.move(0, 0);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, deltaY);
  await sleep(200);
  return true;
}

/**
 * Every row of the tree in order, read by scrolling through it with the mouse wheel (the list renders only
 * the rows in view, and keeps its scroll position when it shows another transcript): from the top down.
 */
async function readRows(page, pane) {
  const list = pane.locator('.customview-tree .monaco-list').first();
  for (let i = 0; i < 20 && !(await renderedRows(pane)).some((row) => row.position === 1); i++)
    if (!(await wheel(page, list, -1000))) break;
  const rows = new Map();
  let size = 0;
  for (let i = 0; i < 50; i++) {
    for (const row of await renderedRows(pane)) {
      rows.set(row.position, row.text);
      size = Math.max(size, row.size);
    }
    if (rows.size >= size || !(await wheel(page, list, 66))) break;
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
    const description = header.locator('.description');
    const firstRow = pane.locator('.customview-tree .monaco-list-row').first();
    const headerText = () =>
      description.innerText({ timeout: 2000 }).then(
        (text) => text.trim(),
        () => '',
      );
    const deadline = Date.now() + timeoutMs;
    // Until the view lists codings under a header naming this transcript (it may still show the one before).
    for (;;) {
      // Expanded by a click on its header if it is collapsed (the side bar restores panes as it lays out).
      if ((await header.getAttribute('aria-expanded')) === 'false') {
        await header.click();
        await sleep(300);
      }
      // The header settles on "<participant> · <count>" once the study has reloaded after the coding; until then
      // it may still say "· not coded by <you>" (the sidecar the coding created is not loaded yet).
      if ((await firstRow.isVisible()) && /^(.*) · (\d+)$/.test(await headerText())) {
        if ((await headerText()).startsWith(`${participant} · `)) break;
      }
      if (Date.now() > deadline) {
        if (options.screenshot) await page.screenshot({ path: options.screenshot });
        const body = pane.locator('.pane-body').first();
        const shown = (await body.innerText({ timeout: 2000 }).catch(() => '')).replace(/\s+/g, ' ').trim();
        const welcome = (await pane.locator('.pane-body.welcome').count()) > 0;
        throw new Error(
          `after ${timeoutMs} ms with ${transcript} the active editor, the view does not list its codings: ` +
            `${welcome ? 'it shows its welcome' : 'its body shows'} "${shown}", its header "${await headerText()}", ` +
            `expanded: ${await header.getAttribute('aria-expanded')}`,
        );
      }
      await sleep(200);
    }

    // The view as it first shows, the first codings in reading order (before scrolling through the rows).
    if (options.screenshot) await page.screenshot({ path: options.screenshot });
    const named = await headerText();
    const match = /^(.*) · (\d+)$/.exec(named);
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
    return { description: named, rows };
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

/** Shows Grounded's view container for the screenshots (a click on its activity bar entry toggles it, so only when hidden). */
export async function showGroundedViews(page) {
  const codebookHeader = page.locator('.sidebar .pane-header', { hasText: 'Codebook' }).first();
  if (await codebookHeader.isVisible().catch(() => false)) return;
  await page.locator(GROUNDED_ITEM).first().click({ timeout: 10_000 });
  await codebookHeader.waitFor({ state: 'visible', timeout: 15_000 });
}
