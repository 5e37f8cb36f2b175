// Drives the Editor pane of the page: its region, its buttons, the code as text, and a wait
// for a file on disk to reach some content.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** editorRegion is the Editor pane. */
export function editorRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Editor' });
}

/** editorCode is CodeMirror's editable content inside the Editor pane. */
export function editorCode(page: Page): Locator {
  return editorRegion(page).getByRole('textbox', { name: 'Code' });
}

/** editorText is the code the editor shows, one string with \n between lines. */
export async function editorText(page: Page): Promise<string> {
  const lines = await editorCode(page)
    .locator('.cm-line')
    .evaluateAll((divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ')));
  return lines.join('\n');
}

/** editorFileLabel is what the pane's bar says to a screen reader about the open file: its path, and "(modified)". */
export async function editorFileLabel(page: Page): Promise<string> {
  const text = await editorRegion(page)
    .getByRole('toolbar', { name: 'Editor actions' })
    .locator('.file')
    .textContent();
  return (text ?? '').replace('●', ' ').replace(/\s+/g, ' ').trim();
}

/** waitFor polls a condition until it holds, failing after 10 s with what was awaited. */
export async function waitFor(test: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`never saw ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** fileText reads a workspace file on disk, or undefined when it does not exist. */
export function fileText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
