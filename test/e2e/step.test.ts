// End to end: single-stepping a C program with the shell's `step` in web mode. The editor
// opens the program's file and highlights the line it is paused before; the editor's Step
// button and Enter at the terminal's `(step)` prompt both move the highlight on, Continue
// lets the program finish and removes it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { editorFileLabel, editorRegion, waitFor } from './helpers/editor';
import { typeLine, waitForRow, waitForRows } from './helpers/terminal';
import type { WebMode } from './helpers/webMode';
import { ROOT, startWebMode } from './helpers/webMode';

const PROMPT = 'student@client:~$';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const HELLO = '#include <stdio.h>\n\nint main(void)\n{\n    printf("hello\\n");\n    return 0;\n}\n';
const COUNT = [
  '#include <stdio.h>',
  'int main(int argc, char **argv) {',
  '    int a = argc;',
  '    a = a + 1;',
  '    printf("a=%d\\n", a);',
  '    return 0;',
  '}',
  '',
].join('\n');

let browser: Browser;
let web: WebMode;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  web = await startWebMode({ 'hello.c': HELLO, 'count.c': COUNT });
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** executing is the text of the highlighted (executing) line, or undefined when none is. */
async function executing(page: Page): Promise<string | undefined> {
  const lines = await editorRegion(page)
    .locator('.cm-line[aria-current="step"]')
    .evaluateAll((divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ')));
  return lines.length === 1 ? lines[0] : lines.length === 0 ? undefined : `${lines.length} lines`;
}

async function waitForExecuting(page: Page, text: string | undefined): Promise<void> {
  await waitFor(async () => (await executing(page)) === text, `the executing line ${JSON.stringify(text)}`);
}

describe('stepping a program', () => {
  it('highlights the paused line in the editor and moves it on Step and on Enter at the prompt', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(web.url);
    await waitForRow(page, (row) => row.startsWith(PROMPT), 'the prompt');
    await waitFor(async () => (await editorFileLabel(page)) === 'hello.c', 'hello.c opened at start');

    await typeLine(page, 'step count.c');
    await waitFor(async () => (await editorFileLabel(page)) === 'count.c', 'count.c opened by step');
    await waitForExecuting(page, '    int a = argc;');
    await waitForRows(page, (rows) => rows.at(-1) === '(step)', 'the step prompt');

    await editorRegion(page).getByRole('button', { name: 'Step', exact: true }).click();
    await waitForExecuting(page, '    a = a + 1;');
    expect(await editorRegion(page).getByText('Paused before line 4').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'step.png') });

    await page
      .getByRole('region', { name: 'Terminal' })
      .locator('[role="tabpanel"]:not([hidden]) .xterm')
      .click();
    await typeLine(page, '');
    await waitForExecuting(page, '    printf("a=%d\\n", a);');

    await editorRegion(page).getByRole('button', { name: 'Continue' }).click();
    await waitForExecuting(page, undefined);
    const rows = await waitForRows(page, (r) => r.at(-1) === PROMPT, 'the prompt after the program');
    expect(rows.slice(-3)).toEqual(['(step)', 'a=2', PROMPT]);
    expect(await editorRegion(page).getByRole('button', { name: 'Step', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
