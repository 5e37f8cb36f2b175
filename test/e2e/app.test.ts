// End to end: web mode as its own process, the real renderer in Chromium, the terminal read
// back from the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { launchChromium } from './helpers/browser';
import { terminalRows, typeLine, waitForRow, waitForRows } from './helpers/terminal';
import type { WebMode } from './helpers/webMode';
import { ROOT, startWebMode } from './helpers/webMode';

const PROMPT = 'student@client:~$';
const LONG = 'abcdefghij'.repeat(6);
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

let browser: Browser;
let web: WebMode;
let coldStartMs = 0;

async function openApp(options: { width?: number; height?: number; dark?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(web.url);
  await waitForRow(page, (row) => row.startsWith(PROMPT), 'the prompt');
  expect(errors).toEqual([]);
  return page;
}

/** terminalCols is the terminal's width in cells, measured from a row of the DOM renderer. */
function terminalCols(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.xterm-rows > div')?.textContent?.length ?? 0);
}

async function waitForCols(page: Page, test: (cols: number) => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(await terminalCols(page)); i++) await page.waitForTimeout(25);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  web = await startWebMode({
    'hello.c': '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n',
    'notes.txt': 'TCP is a byte stream.\n',
    'long.txt': LONG + '\n',
    'src/server.c': '',
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.url);
  await waitForRow(page, (row) => row.startsWith(PROMPT), 'the first prompt');
  coldStartMs = performance.now() - web.startedAt;
  console.log(`web-mode cold start (process spawn → first prompt in Chromium): ${coldStartMs.toFixed(0)} ms`);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('web mode in Chromium', () => {
  it('labels every region for screen readers and tests', async () => {
    const page = await openApp();
    for (const name of [
      'Terminal',
      'Editor',
      'Struct inspector',
      'Transmit path',
      'Packets',
      'Timeline',
      'Lab',
    ]) {
      await expect(page.getByRole('region', { name }).count()).resolves.toBe(1);
    }
    await page.close();
  });

  it('runs echo and shows its output in the terminal', async () => {
    const page = await openApp();
    await typeLine(page, 'echo hello');
    const rows = await waitForRow(page, (row) => row === 'hello', '"hello"');
    expect(rows.slice(-3)).toEqual([`${PROMPT} echo hello`, 'hello', PROMPT]);
    const tree = page.getByRole('region', { name: 'Terminal' }).getByRole('list');
    await expect.poll(() => tree.textContent(), { timeout: 5000 }).toContain('hello');
    await page.close();
  });

  it('lists and prints workspace files with ls and cat', async () => {
    const page = await openApp();
    await typeLine(page, 'ls');
    await waitForRow(page, (row) => row.includes('notes.txt'), 'the ls listing');
    expect((await terminalRows(page)).at(-2)).toBe('hello.c  long.txt  notes.txt  src');
    await typeLine(page, 'cat notes.txt');
    await waitForRow(page, (row) => row === 'TCP is a byte stream.', 'the file');
    await page.close();
  });

  it('recalls the previous command with the Up arrow', async () => {
    const page = await openApp();
    await typeLine(page, 'echo first');
    await waitForRow(page, (row) => row === 'first', '"first"');
    await page.keyboard.press('ArrowUp');
    await waitForRow(page, (row) => row === `${PROMPT} echo first`, 'the recalled line');
    await page.keyboard.press('Enter');
    const rows = await waitForRows(page, (r) => r.filter((row) => row === 'first').length === 2, 'the rerun');
    expect(rows.slice(-3)).toEqual([`${PROMPT} echo first`, 'first', PROMPT]);
    await page.close();
  });

  it('reflows the terminal when the window is resized', async () => {
    const page = await openApp({ width: 1280 });
    await typeLine(page, 'cat long.txt');
    await waitForRow(page, (row) => row === LONG, 'the long line on one row');
    const colsBefore = await terminalCols(page);
    await page.setViewportSize({ width: 1000, height: 800 });
    await waitForCols(page, (cols) => cols < colsBefore);
    await typeLine(page, 'cat long.txt');
    const rows = await waitForRows(page, (r) => r.at(-1) === PROMPT && r.at(-2) !== LONG, 'the wrapped line');
    const output = rows.slice(rows.lastIndexOf(`${PROMPT} cat long.txt`) + 1, -1);
    expect(output.length).toBeGreaterThan(1);
    expect(output.join('')).toBe(LONG);
    expect(output[0]).toHaveLength(await terminalCols(page));
    await page.close();
  });

  it('refuses a WebSocket without the token', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${web.port}/ipc`);
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('a WebSocket without the token was accepted')));
      ws.once('error', reject);
    });
    expect(status).toBe(401);
  });

  it('tells the student when the page was opened without the token', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${web.port}/`);
    // the window's banner says why; panes that could not load say so in their own alerts
    const banner = page.getByRole('alert').filter({ hasText: /^Disconnected from SockLab/ });
    await expect(banner.textContent({ timeout: 10_000 })).resolves.toMatch(/^Disconnected from SockLab/);
    await page.close();
  });

  it('saves screenshots of the window in the light and dark themes', async () => {
    for (const dark of [false, true]) {
      const page = await openApp({ dark });
      await typeLine(page, 'help');
      await waitForRow(page, (row) => row.startsWith('Keys:'), 'the help text');
      await typeLine(page, 'ls');
      await waitForRow(page, (row) => row.includes('notes.txt'), 'ls');
      const file = join(ARTIFACTS, `socklab-${dark ? 'dark' : 'light'}.png`);
      await page.screenshot({ path: file });
      await page.close();
    }
    expect(coldStartMs).toBeGreaterThan(0);
  });
});
