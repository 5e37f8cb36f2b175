// Starts the built web mode (out/main/web.js) as its own process on a free port with a fresh
// workspace folder, exactly as `npm run web -- --no-open --port 0` does.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** ROOT is the project folder. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** WebMode is a running web-mode process. */
export interface WebMode {
  url: string;
  port: number;
  workspace: string;
  /** startedAt is when the process was spawned (performance.now()). */
  startedAt: number;
  stop(): Promise<void>;
}

/** startWebMode spawns web mode and waits for it to print its URL. */
export async function startWebMode(files: Record<string, string> = {}, workspace?: string): Promise<WebMode> {
  const entry = join(ROOT, 'out', 'main', 'web.js');
  if (!existsSync(entry))
    throw new Error('out/main/web.js is missing: run `npm run build` first (npm test does).');
  const dir = workspace ?? mkdtempSync(join(tmpdir(), 'socklab-e2e-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const startedAt = performance.now();
  const child = spawn(process.execPath, [entry, '--no-open', '--port', '0', '--workspace', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL in 20 s:\n${out}`)), 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${out}`)));
  });
  return { url, port: Number(new URL(url).port), workspace: dir, startedAt, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null) return resolveStop();
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}
