// End to end: lab 1 (socket-create) in web mode in Chromium. The student opens the lab in the
// Lab pane, types the program into the terminal (cat > socket.c … Ctrl-D) and runs it; the
// steps the run satisfies tick by themselves, the last one (another sysctl) passes with Check,
// a predict question is answered; then web mode restarts on the same workspace and the lab
// list still shows every step passed.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { typeLine, waitForRow } from './helpers/terminal';
import type { WebMode } from './helpers/webMode';
import { startWebMode } from './helpers/webMode';

const PROMPT = 'student@client:~';

/** PROGRAM is the reference solution of socket-create, as the student types it. */
const PROGRAM = [
  '#include <stdio.h>',
  '#include <sys/socket.h>',
  '#include <netinet/in.h>',
  '#include <unistd.h>',
  'int main(void) {',
  '  int fd = socket(AF_INET, SOCK_STREAM, 0);',
  '  printf("tcp fd = %d\\n", fd);',
  '  if (socket(AF_INET, SOCK_STREAM, IPPROTO_UDP) < 0) perror("stream+udp");',
  '  if (socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) < 0) perror("raw");',
  '  int ping = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);',
  '  if (ping < 0) perror("ping");',
  '  else printf("ping fd = %d\\n", ping);',
  '  return 0;',
  '}',
];

let browser: Browser;
let web: WebMode | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function openApp(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => localStorage.setItem('socklab.locale', 'en'));
  await page.goto(web!.url);
  await waitForRow(page, (row) => row.startsWith(PROMPT), 'the prompt');
  expect(errors).toEqual([]);
  return page;
}

const lab = (page: Page): Locator => page.getByRole('region', { name: 'Lab' });
const passedSteps = (page: Page) => lab(page).locator('nav .mark[data-passed="true"]').count();

describe('lab 1 in Chromium', () => {
  it('completes socket-create by typing in the terminal and keeps the progress after a restart', async () => {
    web = await startWebMode();
    const page = await openApp();
    await lab(page)
      .getByRole('button', { name: /From socket\(\) to inet_create/ })
      .click();
    await expect.poll(() => lab(page).locator('nav li').count()).toBe(5);
    expect(await passedSteps(page)).toBe(0);

    // Predict before running: the sk_protocol the wildcard will choose.
    await lab(page).getByRole('textbox', { name: 'Your answer' }).fill('6');
    await lab(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => lab(page).getByText('Saved: 6').count()).toBe(1);

    await page.getByRole('region', { name: 'Terminal' }).click();
    await typeLine(page, 'cd socket-create');
    await typeLine(page, 'cat > socket.c');
    for (const line of PROGRAM) await typeLine(page, line);
    await page.keyboard.press('Control+D');
    await typeLine(page, 'run socket.c');
    await waitForRow(page, (row) => row === 'tcp fd = 3', '"tcp fd = 3"');

    // The run satisfies four steps; they tick by themselves.
    await expect.poll(() => passedSteps(page), { timeout: 10_000 }).toBe(4);

    // The first step's check also judges the prediction against the trace.
    await lab(page).locator('nav button', { hasText: 'A TCP socket with protocol 0' }).click();
    await lab(page).getByRole('button', { name: 'Check', exact: true }).click();
    const result = lab(page).getByRole('status', { name: 'Check result' });
    await expect.poll(() => result.textContent()).toContain('right: the run shows 6');
    expect(await result.textContent()).toContain('Checked against what you ran in the terminal.');

    // The last step needs another ping_group_range: Check runs the files as the lab does.
    await lab(page).locator('nav button', { hasText: 'Opening the range' }).click();
    await lab(page).getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => result.textContent())
      .toContain('Checked by running your files in ~/socket-create');
    await expect.poll(() => passedSteps(page)).toBe(5);
    await page.close();

    const workspace = web.workspace;
    await web.stop();
    web = await startWebMode({}, workspace);
    const again = await openApp();
    const row = lab(again).getByRole('button', { name: /From socket\(\) to inet_create/ });
    await expect.poll(() => row.textContent()).toContain('5/5 steps');
    await again.close();
  });
});
