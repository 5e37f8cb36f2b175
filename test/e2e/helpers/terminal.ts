// Reads the xterm terminal of the page back as text, through its DOM rows (the same text a
// screen reader gets), and types into it.
import type { Page } from 'playwright-core';

/** terminalRows returns the active terminal tab's visible rows, right-trimmed, trailing blank rows dropped. */
export async function terminalRows(page: Page): Promise<string[]> {
  const rows = await page
    .getByRole('region', { name: 'Terminal' })
    .locator('[role="tabpanel"]:not([hidden]) .xterm-rows > div')
    .evaluateAll((divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
  while (rows.length && rows[rows.length - 1] === '') rows.pop();
  return rows;
}

/** waitForRow waits until some terminal row satisfies the test, and returns the rows. */
export function waitForRow(page: Page, test: (row: string) => boolean, what: string): Promise<string[]> {
  return waitForRows(page, (rows) => rows.some(test), what);
}

/** waitForRows waits until the terminal's rows as a whole satisfy the test, and returns them. */
export async function waitForRows(
  page: Page,
  test: (rows: string[]) => boolean,
  what: string,
): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = await terminalRows(page);
    if (test(rows)) return rows;
    if (Date.now() > deadline)
      throw new Error(`terminal never showed ${what}; it shows:\n${rows.join('\n')}`);
    await page.waitForTimeout(25);
  }
}

/** typeLine types a command into the terminal and presses Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
