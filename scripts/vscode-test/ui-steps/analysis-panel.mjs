// A UI step: the analysis panel opened the way a person opens it (F1 "Grounded: Open Analysis"), read inside
// its webview. The report reaches the webview as bytes from the extension host; this checks the page decoded
// and drew it: the Codes tab lists a given code with a given count of coded participants.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The webview's page: VS Code nests it in two iframes (the webview host, then the active frame). Found by
 * the panel's tab strip, which only Grounded's page has.
 */
async function panelFrame(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const tabs = await frame
        .locator('vscode-tab-header[data-section="codes"]')
        .count()
        .catch(() => 0);
      if (tabs > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error('no analysis panel page among the frames');
    await sleep(250);
  }
}

/**
 * Opens the panel from the palette, waits for the page to show the report, selects the Codes tab and returns
 * its text. `runCommandFromPalette` is the workbench helper (F1, title, Enter).
 */
export async function openAnalysisPanel(page, runCommandFromPalette, { timeoutMs = 120_000, screenshot } = {}) {
  await runCommandFromPalette(page, 'Grounded: Open Analysis');
  const frame = await panelFrame(page, timeoutMs);
  // The page counts the host's messages it rendered; a report has arrived once the overview has a title.
  await frame.locator('body[data-messages]').waitFor({ timeout: timeoutMs });
  await frame.locator('vscode-tab-header[data-section="codes"]').click();
  const codes = frame.locator('vscode-tab-panel[data-section="codes"]');
  await codes.locator('table').first().waitFor({ timeout: timeoutMs });
  if (screenshot) await page.screenshot({ path: screenshot });
  return { frame, codesText: await codes.innerText() };
}
