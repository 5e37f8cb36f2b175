// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, Debian's chromium, or Google
// Chrome. As root on Debian with none present it installs Debian's chromium (saying so);
// otherwise it fails with one line saying what to install. `npx playwright install` cannot
// download browsers on these machines, so playwright-core drives the system's browser.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROMIUM_FLAGS are the flags headless Chromium needs on these machines (TOOLCHAIN.md). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function which(name: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : undefined;
}

/** findChromium returns a browser executable, installing Debian's chromium as root if needed. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const name of candidates) {
    const path = which(name);
    if (path) return path;
  }
  const root = process.getuid?.() === 0;
  if (root && existsSync('/etc/debian_version')) {
    console.log(
      "No Chromium found: installing Debian's chromium package for the end-to-end tests (apt-get)…",
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const path = which('chromium');
    if (path) return path;
  }
  throw new Error(
    'The end-to-end tests need Chromium or Google Chrome: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.',
  );
}

/** launchChromium starts a headless browser for a test file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
}
