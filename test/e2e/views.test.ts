// End to end: the lab views in web mode in Chromium. A C server runs on `server`, a C client
// in the terminal connects to it and sends data; the test then reads the Struct inspector,
// the Transmit path and the Packets pane as of chosen points on the Timeline, switches to
// Chinese, and saves a screenshot of each pane in both themes under test/artifacts/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { typeLine, waitForRow } from './helpers/terminal';
import type { WebMode } from './helpers/webMode';
import { ROOT, startWebMode } from './helpers/webMode';

const PROMPT = 'student@client:~$';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

const SERVER_C = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(8080);
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    bind(l, (struct sockaddr *)&a, sizeof a);
    listen(l, 5);
    int c = accept(l, NULL, NULL);
    char buf[64];
    ssize_t n = recv(c, buf, sizeof buf, 0);
    printf("got %d\\n", (int)n);
    close(c);
    close(l);
    return 0;
}
`;

const CLIENT_C = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

int main(void) {
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo("server", "8080", &hints, &res);
    if (rc != 0) {
        printf("getaddrinfo: %s\\n", gai_strerror(rc));
        return 1;
    }
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
        perror("connect");
        return 1;
    }
    ssize_t n = send(fd, "hello", 5, 0);
    printf("sent %d\\n", (int)n);
    close(fd);
    freeaddrinfo(res);
    return 0;
}
`;

let browser: Browser;
let web: WebMode;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  web = await startWebMode({
    'server.c': SERVER_C,
    'client.c': CLIENT_C,
    'broken.c': 'int main(void) {\n  return missing;\n}\n',
  });
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function openApp(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => localStorage.setItem('socklab.locale', 'en'));
  await page.goto(web.url);
  await waitForRow(page, (row) => row.startsWith(PROMPT), 'the prompt');
  expect(errors).toEqual([]);
  return page;
}

const region = (page: Page, name: string): Locator => page.getByRole('region', { name });

/** selectCall clicks the timeline marker of the n-th (from 1) call named name on host. */
async function selectCall(page: Page, host: string, name: string): Promise<void> {
  await region(page, 'Timeline').locator(`.mark[title^="${host} "][title*=": ${name} = "]`).first().click();
}

/** fieldValue reads an inspector field's value by its name (first match). */
async function fieldValue(page: Page, field: string): Promise<string> {
  const row = region(page, 'Struct inspector').locator('.field', {
    has: page.locator(`.name:text-is("${field}")`),
  });
  return ((await row.first().locator('.value').textContent()) ?? '').trim();
}

/** soloScreenshot hides every pane but one (by its toolbar title), saves a screenshot of the window in each theme as `<name>-<theme>.png`, and shows them again. */
async function soloScreenshot(page: Page, pane: string, name: string): Promise<void> {
  const group = page.getByRole('group', { name: 'Panes' });
  const others = (await group.locator('button[aria-pressed="true"]').allTextContents()).filter(
    (n) => n !== pane,
  );
  for (const other of others) await group.getByRole('button', { name: other, exact: true }).click();
  // the one pane left takes the whole window, whichever column it lives in
  const shown = page.locator('main [role="region"]:visible');
  expect(await shown.count()).toBe(1);
  const box = (await shown.boundingBox())!;
  expect([box.width > 1200, box.height > 700]).toEqual([true, true]);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${theme}.png`) });
  }
  await page.emulateMedia({ colorScheme: null });
  for (const other of others) await group.getByRole('button', { name: other, exact: true }).click();
}

describe('lab views in Chromium', () => {
  let page: Page;

  it('shows a C client’s socket, path and packets as of the chosen system call', async () => {
    page = await openApp();
    await typeLine(page, 'on server run server.c &');
    await waitForRow(
      page,
      (row) => row.startsWith(PROMPT) && row.length === PROMPT.length,
      'the prompt after &',
    );
    await typeLine(page, 'run client.c');
    await waitForRow(page, (row) => row === 'sent 5', '"sent 5"');

    await selectCall(page, 'client', 'send');
    const inspector = region(page, 'Struct inspector');
    await expect.poll(() => fieldValue(page, 'sk_state'), { timeout: 5000 }).toBe('TCP_ESTABLISHED (1)');
    await expect(inspector.getByRole('tree', { name: 'Struct inspector' }).count()).resolves.toBe(1);
    expect(await fieldValue(page, 'ops')).toBe('inet_stream_ops');

    const path = region(page, 'Transmit path').getByRole('tree', { name: 'Transmit path' });
    const fns = await path.locator('.row.call .fn').allTextContents();
    const chain = [
      'tcp_sendmsg',
      'tcp_push',
      '__tcp_push_pending_frames',
      'tcp_write_xmit',
      'tcp_transmit_skb',
      'ip_queue_xmit',
      'ip_local_out',
      'ip_output',
      'ip_finish_output',
      'ip_finish_output2',
      'dev_queue_xmit',
    ];
    const at = chain.map((fn) => fns.indexOf(fn));
    expect(
      at.every((i) => i >= 0),
      `chain ${chain.join(' → ')} within ${fns.join(' ')}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const summaries = await region(page, 'Packets').locator('.row .sum').allTextContents();
    const tcp = summaries.filter((s) => s.includes('8080'));
    expect(tcp.slice(0, 4).map((s) => /Flags \[([^\]]+)\]/.exec(s)?.[1])).toEqual(['S', 'S.', '.', 'P.']);
    expect(tcp[3]).toContain('length 5');
  });

  it('shows the send under Linux 2.6.32 beside 3.10, differences marked', async () => {
    await selectCall(page, 'client', 'send');
    const pane = region(page, 'Transmit path');
    await pane.getByRole('combobox', { name: 'Compare with kernel' }).selectOption('2.6.32');
    const other = pane.getByRole('tree', { name: 'Transmit path on Linux 2.6.32', exact: true });
    await other.waitFor({ timeout: 10_000 });
    const there = await other.locator('.row.call .fn').allTextContents();
    expect(there.slice(0, 5)).toEqual([
      'sys_sendto',
      'sockfd_lookup_light',
      'sock_sendmsg',
      '__sock_sendmsg',
      'tcp_sendmsg',
    ]);
    expect(there).not.toContain('inet_sendmsg');
    const here = pane.getByRole('tree', { name: 'Transmit path', exact: true });
    expect(await here.locator('.row.call.differs .fn').allTextContents()).toContain('inet_sendmsg');
    // tcp_sendmsg differs by how it was reached: 2.6.32's inet_stream_ops.sendmsg is tcp_sendmsg
    expect(await other.locator('.row.call.differs .fn').allTextContents()).toEqual([
      'tcp_sendmsg',
      'skb_add_data',
      'tcp_cwnd_validate',
    ]);
    const diff = pane.getByRole('region', { name: 'Kernel differences' });
    expect(await diff.locator('.hop').allTextContents()).toEqual([
      'sock->ops->sendmsg (inet_stream_ops): 3.10 → inet_sendmsg, 2.6.32 → tcp_sendmsg',
      'sk->sk_prot->sendmsg (tcp_prot): 3.10 → tcp_sendmsg, 2.6.32 → (none)',
    ]);
    expect(await diff.locator('.member').allTextContents()).toContain(
      'inet_stream_ops.sendmsg: inet_sendmsg / tcp_sendmsg',
    );
    await soloScreenshot(page, 'Transmit Path', 'views-path-compare');
    await pane.getByRole('combobox', { name: 'Compare with kernel' }).selectOption('');
    await here.waitFor();
  });

  it('plays the sk_buff steps as the headers go on, and holds still under reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await selectCall(page, 'client', 'socket');
    await selectCall(page, 'client', 'send');
    const skb = region(page, 'Transmit path').getByRole('region', { name: 'sk_buff' });
    const current = () => skb.locator('li[aria-current="step"] .stepbtn').textContent();
    await expect.poll(current, { timeout: 5000 }).toBe('skb_push (Ethernet II)');
    expect(await skb.locator('.steps .stepbtn').allTextContents()).toEqual([
      'skb_alloc',
      'skb_reserve',
      'skb_queue → sk_write_queue',
      'skb_put',
      'skb_clone',
      'skb_push (TCP)',
      'skb_push (IPv4)',
      'skb_push (Ethernet II)',
    ]);
    expect(await skb.locator('.bar .hdr').allTextContents()).toEqual(['Ethernet II 14', 'IPv4 20', 'TCP 32']);
    await skb.getByRole('button', { name: 'Previous sk_buff step' }).click();
    const ip = skb.getByRole('definition').filter({ hasText: /^64$/ });
    expect(await ip.count()).toBe(1);
    expect(await skb.locator('.note').textContent()).toBe(
      'ip_queue_xmit pushes 20 bytes for the IPv4 header: data moves back to 108, len is 57.',
    );
    await soloScreenshot(page, 'Transmit Path', 'views-skb');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await selectCall(page, 'client', 'socket');
    await selectCall(page, 'client', 'send');
    // it starts from skb_alloc and plays on by itself to the last push
    await expect.poll(current, { timeout: 5000 }).toBe('skb_alloc');
    await expect.poll(current, { timeout: 15_000 }).toBe('skb_push (Ethernet II)');
  });

  it('links a byte of the hex dump to its header field, and exports the frames as pcap', async () => {
    const packets = region(page, 'Packets');
    const data = packets.locator('.row', { has: page.locator('.sum', { hasText: 'Flags [P.]' }) }).first();
    await data.click({ timeout: 5000 });
    await expect.poll(() => packets.locator('.by').textContent()).toContain('Sent by socklab_eth_xmit');
    // byte 23 of an IPv4 frame is the IP header's protocol field
    await packets.getByRole('gridcell').nth(23).hover({ timeout: 5000 });
    await expect.poll(() => packets.locator('li.lit .fname').allTextContents()).toEqual(['protocol']);
    // keep the exported Blob where the test can read it (the page's CSP forbids fetching blob: URLs)
    await page.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        (window as unknown as { exported: Blob }).exported = blob;
        return create(blob);
      };
    });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5000 }),
      packets.getByRole('button', { name: 'Export pcap', exact: true }).click({ timeout: 5000 }),
    ]);
    expect(download.suggestedFilename()).toBe('socklab.pcap');
    const magic = await page.evaluate(async () => {
      const blob = (window as unknown as { exported: Blob }).exported;
      return new DataView(await blob.arrayBuffer()).getUint32(0, true).toString(16);
    });
    await download.cancel();
    expect(magic).toBe('a1b23c4d');
  });

  it('shows a field’s meaning and history on hover, and follows a pointer on click', async () => {
    await selectCall(page, 'client', 'send');
    const inspector = region(page, 'Struct inspector');
    const state = inspector.locator('.field', { has: page.locator('.name:text-is("sk_state")') }).first();
    await state.hover();
    const card = page.getByRole('tooltip');
    await expect
      .poll(() => card.textContent())
      .toContain('TCP_SYN_SENT (2) → TCP_ESTABLISHED (1) by tcp_set_state');
    expect(await card.textContent()).toContain('include/net/sock.h');
    // the card shows whole inside the window, beside the field it explains
    const [box, field] = [await card.boundingBox(), await state.boundingBox()];
    expect(box && field).toBeTruthy();
    expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= 1280 && box!.y + box!.height <= 800).toBe(
      true,
    );
    expect(
      Math.min(Math.abs(box!.y - (field!.y + field!.height)), Math.abs(box!.y + box!.height - field!.y)),
    ).toBeLessThan(200);
    await inspector.getByRole('button', { name: 'inet_stream_ops' }).first().click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('proto_ops ops = &inet_stream_ops');
  });

  it('steps back to before connect() and shows TCP_CLOSE', async () => {
    await selectCall(page, 'client', 'socket');
    await expect.poll(() => fieldValue(page, 'sk_state'), { timeout: 5000 }).toBe('TCP_CLOSE (7)');
  });

  it('switches the labels to Chinese', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect
      .poll(() => region(page, 'Struct inspector').locator('h2').textContent())
      .toBe('结构体查看器');
    expect(await region(page, 'Transmit path').locator('h2').textContent()).toBe('发送路径');
    expect(await region(page, 'Timeline').getByRole('button', { name: '后退一步' }).count()).toBe(1);
    // main's reasons come in both languages: a recv() cannot be compared, and says why
    await selectCall(page, 'server', 'recv');
    const compare = region(page, 'Transmit path').locator('select');
    expect(await compare.locator('option[value="3.10"]').textContent()).toBe('Linux 3.10（本会话）');
    expect(await compare.locator('option[value="3.10"]').isDisabled()).toBe(true);
    await compare.selectOption('6.x');
    await expect
      .poll(() =>
        region(page, 'Transmit path')
          .getByText('recv() 无法比较：请选择 socket()、connect() 或 TCP 套接字上的发送调用')
          .count(),
      )
      .toBe(1);
    await compare.selectOption('');
    await page.screenshot({ path: join(ARTIFACTS, 'views-window-zh-CN.png') });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  });

  it('marks a compile error inline in the editor', async () => {
    const editor = region(page, 'Editor');
    await editor.getByRole('button', { name: 'Open…' }).click();
    const picker = page.getByRole('dialog', { name: 'Open a file' });
    await picker.getByRole('combobox', { name: 'Filter workspace files' }).fill('broken');
    await picker.getByRole('option', { name: /^broken\.c/ }).waitFor();
    await page.keyboard.press('Enter');
    const mark = editor.locator('.cm-lintRange-error');
    await mark.waitFor({ timeout: 10_000 });
    expect(await mark.textContent()).toBe('missing');
  });

  it('opens a file in the editor when the shell runs edit FILE', async () => {
    await region(page, 'Terminal').locator('.xterm').click();
    await typeLine(page, 'edit client.c');
    const file = region(page, 'Editor').getByRole('toolbar', { name: 'Editor actions' }).locator('.file');
    await expect.poll(() => file.textContent(), { timeout: 5000 }).toContain('client.c');
  });

  it('saves a screenshot of each pane in both themes', async () => {
    await selectCall(page, 'client', 'send');
    await expect.poll(() => fieldValue(page, 'sk_state'), { timeout: 5000 }).toBe('TCP_ESTABLISHED (1)');
    await region(page, 'Packets').locator('.row').nth(3).click();
    await page.evaluate(() => document.querySelectorAll('.body').forEach((el) => el.scrollTo({ top: 0 })));
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `views-window-${theme}.png`) });
      // UPDATE_SCREENSHOT=1 refreshes the README's screenshot from this window
      if (theme === 'light' && process.env.UPDATE_SCREENSHOT === '1')
        copyFileSync(join(ARTIFACTS, 'views-window-light.png'), join(ROOT, 'docs', 'screenshot.png'));
      for (const [name, file] of [
        ['Struct inspector', 'inspector'],
        ['Transmit path', 'path'],
        ['Packets', 'packets'],
        ['Timeline', 'timeline'],
      ] as const) {
        await region(page, name).screenshot({ path: join(ARTIFACTS, `views-${file}-${theme}.png`) });
      }
    }
  });

  it('lists the listening socket’s accept queue while the server waits in accept()', async () => {
    // The accept() that returned the child dequeued it: just before that call began, the child
    // sat on the queue. So select the server's last accept() and step back through its events
    // until the queue shows the child (the number of steps depends on the call's own events).
    const marks = region(page, 'Timeline').locator('.mark[title^="server "][title*=": accept"]');
    const queue = region(page, 'Struct inspector').locator(
      '[aria-label="request_sock_queue icsk_accept_queue"]',
    );
    const rows = async () =>
      (await queue.locator('.field').allTextContents()).map((r) =>
        r.replace(/\s+/g, ' ').replace(/●/, '').trim(),
      );
    // (the markers sit under the client's, so they are clicked through the DOM)
    await marks.last().evaluate((el) => (el as HTMLElement).click());
    await expect.poll(async () => (await rows()).join('|'), { timeout: 5000 }).toMatch(/sk_ack_backlog = \d/);
    const back = region(page, 'Timeline').getByRole('button', { name: 'Step back' });
    const where = region(page, 'Timeline').locator('.where');
    for (let i = 0; i < 200 && !(await rows()).includes('sk_ack_backlog = 1 unsigned short'); i++) {
      const before = await where.textContent();
      await back.click();
      await expect.poll(() => where.textContent(), { timeout: 5000 }).not.toBe(before);
      await expect.poll(async () => (await rows()).length, { timeout: 5000 }).toBeGreaterThan(0);
    }
    const shown = await rows();
    const [qlen, backlog, child] = ['qlen', 'sk_ack_backlog', 'rskq_accept_head[0]'].map((name) =>
      shown.find((r) => r.startsWith(`${name} = `)),
    );
    expect(qlen).toMatch(/^qlen = \d+ int$/);
    expect(backlog).toBe('sk_ack_backlog = 1 unsigned short');
    expect(child).toMatch(
      /^rskq_accept_head\[0\] = 0x[0-9a-f]+ 10\.0\.0\.1:\d+ TCP_ESTABLISHED \(1\) struct sock \*$/,
    );
    await queue.scrollIntoViewIfNeeded();
    await soloScreenshot(page, 'Struct Inspector', 'views-accept-queue');
  });
});
