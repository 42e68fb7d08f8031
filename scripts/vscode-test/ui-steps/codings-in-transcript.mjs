// UI step: the "Codings in Transcript" view in Grounded's side bar lists the coding just made in the transcript
// open in the editor, as a person sees it (not through the API: the view once stayed on its "Open a
// transcript" welcome text in code-server while the API said it had rows).

const VIEW_TITLE = 'Codings in Transcript';

/** Shows Grounded's view container (a click on its activity bar entry toggles it, so only when hidden). */
export async function showGroundedViews(page) {
  const codebookHeader = page.locator('.sidebar .pane-header', { hasText: 'Codebook' }).first();
  if (await codebookHeader.isVisible().catch(() => false)) return;
  await page
    .locator('.activitybar .action-item a[aria-label^="Grounded"], .activitybar .action-label[aria-label^="Grounded"]')
    .first()
    .click({ timeout: 10_000 });
  await codebookHeader.waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Resolves once the view has a row for the coding: its code's name, and "<coder> · <first words of the
 * quote>" as the description. Fails with what the view shows instead (rows or welcome text).
 * @param {import('playwright-core').Page} page
 * @param {{ codeName: string, coder: string, quote: string, timeoutMs?: number }} expected
 */
export async function checkCodingsInTranscriptView(page, { codeName, coder, quote, timeoutMs = 30_000 }) {
  await showGroundedViews(page);
  const pane = page
    .locator('.sidebar .pane')
    .filter({ has: page.locator('.pane-header', { hasText: VIEW_TITLE }) })
    .first();
  const header = pane.locator('.pane-header').first();
  await header.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const firstWords = quote.split(/\s+/).slice(0, 3).join(' ');
  const row = pane
    .locator('.monaco-list-row', { hasText: codeName })
    .filter({ hasText: `${coder} · ` })
    .filter({ hasText: firstWords })
    .first();
  try {
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const shown = await pane
      .locator('.pane-body')
      .first()
      .innerText({ timeout: 2000 })
      .catch(() => '(no view body)');
    throw new Error(
      `the ${VIEW_TITLE} view has no row "${codeName}" / "${coder} · ${firstWords}…" within ${timeoutMs} ms; ` +
        `it shows: ${shown.replace(/\s+/g, ' ').trim().slice(0, 300) || '(nothing)'}`,
    );
  }
}
