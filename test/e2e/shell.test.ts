// End to end: the lab shell in the browser terminal (web mode, real renderer, Chromium) runs C
// programs in the session's world, and Ctrl-C stops both a server blocked in accept() and a
// program spinning in a loop, giving the prompt back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { terminalRows, typeLine, waitForRows } from './helpers/terminal';
import type { WebMode } from './helpers/webMode';
import { startWebMode } from './helpers/webMode';

const PROMPT = 'student@client:~$';

const ACCEPT = `#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(7007);
    bind(s, (struct sockaddr *)&a, sizeof a);
    listen(s, 5);
    printf("waiting in accept\\n");
    accept(s, NULL, NULL);
    return 0;
}
`;

const SPIN = `#include <stdio.h>
int main(void) {
    printf("spinning\\n");
    volatile unsigned long n = 0;
    for (;;) n++;
}
`;

let browser: Browser;
let web: WebMode;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode({ 'accept.c': ACCEPT, 'spin.c': SPIN });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.url);
  await waitForRows(page, (rows) => rows.some((r) => r.startsWith(PROMPT)), 'the prompt');
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** promptCount counts the rows that start with the prompt. */
async function promptCount(): Promise<number> {
  return (await terminalRows(page)).filter((r) => r.startsWith(PROMPT)).length;
}

/** runUntil types a command and waits for a row, then presses Ctrl-C and waits for the next prompt. */
async function interruptAfter(command: string, shown: string): Promise<string[]> {
  const prompts = await promptCount();
  await typeLine(page, command);
  await waitForRows(page, (rows) => rows.includes(shown), `"${shown}"`);
  await page.keyboard.press('Control+C');
  return waitForRows(
    page,
    (rows) => rows.filter((r) => r.startsWith(PROMPT)).length > prompts && rows.at(-1) === PROMPT,
    'the prompt after Ctrl-C',
  );
}

describe('the lab shell in the browser terminal', () => {
  it('stops a server blocked in accept() with Ctrl-C', async () => {
    const rows = await interruptAfter('run accept.c', 'waiting in accept');
    expect(rows.slice(-3)).toEqual(['waiting in accept', '^C', PROMPT]);
    await typeLine(page, 'echo $?');
    await waitForRows(page, (r) => r.at(-2) === '130', 'status 130');
  });

  it('stops a program spinning in a loop with Ctrl-C', async () => {
    const rows = await interruptAfter('run spin.c', 'spinning');
    expect(rows.slice(-3)).toEqual(['spinning', '^C', PROMPT]);
    await typeLine(page, 'echo $?');
    await waitForRows(page, (r) => r.at(-2) === '130', 'status 130');
  });

  it('opens a tab with a shell on server that shares the world with the client tab', async () => {
    await page.getByRole('button', { name: '+ server' }).click();
    const server = 'student@server:~$';
    await waitForRows(page, (rows) => rows.at(-1) === server, 'the server prompt');
    await typeLine(page, 'ip addr show eth0');
    await waitForRows(page, (rows) => rows.some((r) => r.includes('inet 10.0.0.2/24')), "server's address");
    await page.getByRole('tab', { name: 'student@client' }).click();
    const rows = await waitForRows(page, (r) => r.at(-1) === PROMPT, 'the client tab again');
    expect(rows.some((r) => r.startsWith(server))).toBe(false);
    await page.getByRole('button', { name: 'Close the shell on server' }).click();
    expect(await page.getByRole('tab').count()).toBe(1);
  });
});
