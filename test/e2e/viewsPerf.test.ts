// Performance figures for the lab views (printed, not asserted: speed belongs to benchmarks):
// web mode shows a 10 MB TCP transfer's trace (through main's test-only SOCKLAB_TEST_BULK_BYTES
// hook) and the test scrubs the timeline across it. Per pane it prints, as the renderer measured
// them (performance API, see renderer/views/latest.ts), the update — from main's answer
// arriving to the pane's DOM holding it — and the latency from the move to the frame that shows
// it drawn; and the intervals between frames while scrubbing (a frame over 16.7 ms is a stall). Then it scrolls the packet list and counts its
// DOM rows, and reads the renderer's JS heap through the DevTools protocol.
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import type { WebMode } from './helpers/webMode';
import { startWebMode } from './helpers/webMode';

const BYTES = 10 * 1024 * 1024;
let browser: Browser;
let web: WebMode;

beforeAll(async () => {
  browser = await launchChromium();
  process.env.SOCKLAB_TEST_BULK_BYTES = String(BYTES);
  try {
    web = await startWebMode({});
  } finally {
    delete process.env.SOCKLAB_TEST_BULK_BYTES;
  }
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** distribution renders min / median / p95 / max of a list of milliseconds. */
function distribution(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1);
  return `n=${s.length} min ${at(0)} median ${at(0.5)} p95 ${at(0.95)} max ${at(1)} ms`;
}

async function total(page: Page): Promise<number> {
  return page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('slider')
    .evaluate((el) => Number((el as HTMLInputElement).max) + 1);
}

describe('lab views with a 10 MB transfer loaded', () => {
  it('prints pane update times while scrubbing, the packet list’s DOM rows and the JS heap', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(web.url);
    const slider = page.getByRole('region', { name: 'Timeline' }).getByRole('slider');
    await expect
      .poll(() => total(page).catch(() => 0), { timeout: 120_000, interval: 500 })
      .toBeGreaterThan(1_000_000);
    const events = await total(page);
    await page
      .getByRole('region', { name: 'Struct inspector' })
      .getByRole('tree')
      .waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      performance.clearMeasures();
      const w = window as unknown as { frameTimes: number[] };
      w.frameTimes = [];
      let last = performance.now();
      const tick = (now: number) => {
        w.frameTimes.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

    for (let i = 1; i <= 60; i++) {
      const seq = Math.floor((events * i) / 61);
      await slider.evaluate((el, v) => {
        const input = el as HTMLInputElement;
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, seq);
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(500);
    const measures = await page.evaluate(() =>
      performance.getEntriesByType('measure').map((m) => ({ name: m.name, ms: m.duration })),
    );
    console.log(
      `trace: ${events} events, ${BYTES} bytes moved; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} CPUs`,
    );
    for (const pane of ['inspector', 'path', 'packets']) {
      const ms = measures.filter((m) => m.name === `socklab:${pane}`).map((m) => m.ms);
      const latency = measures.filter((m) => m.name === `socklab:${pane}:latency`).map((m) => m.ms);
      expect(ms.length, `${pane} updates`).toBeGreaterThan(0);
      console.log(`pane update while scrubbing (answer → DOM), ${pane}: ${distribution(ms)}`);
      console.log(`pane latency while scrubbing (move → drawn), ${pane}: ${distribution(latency)}`);
    }
    const frames = await page.evaluate(() => (window as unknown as { frameTimes: number[] }).frameTimes);
    console.log(`frame intervals while scrubbing: ${distribution(frames)}`);

    const list = page.getByRole('region', { name: 'Packets' }).getByRole('listbox');
    const scroll = await list.evaluate(async (box) => {
      const frames: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        box.scrollTop = (box.scrollHeight * i) / 60;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      return { frames, rows: box.querySelectorAll('[role="option"]').length, height: box.scrollHeight };
    });
    console.log(
      `packet list: ${scroll.height / 20} frames, ${scroll.rows} rows in the DOM; frame times while scrolling: ${distribution(scroll.frames)}`,
    );

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    console.log(
      `renderer JS heap: ${(heap.usedSize / 2 ** 20).toFixed(1)} MB used of ${(heap.totalSize / 2 ** 20).toFixed(1)} MB`,
    );
    await page.close();
  }, 300_000);
});
