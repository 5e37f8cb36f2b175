import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, loadWindowState, parseWindowState, saveWindowState } from './windowState';

const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('round-trips the bounds through the state file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'socklab-ws-')), 'window-state.json');
    saveWindowState(path, { width: 1000, height: 700, x: 50, y: 60, maximized: true });
    expect(loadWindowState(path, display)).toEqual({
      width: 1000,
      height: 700,
      x: 50,
      y: 60,
      maximized: true,
    });
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
  });

  it('uses the default when the file is missing, corrupt or out of range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'socklab-ws-'));
    expect(loadWindowState(join(dir, 'none.json'), display)).toEqual(DEFAULT_WINDOW);
    writeFileSync(join(dir, 'bad.json'), '{"version":1,"width":');
    expect(loadWindowState(join(dir, 'bad.json'), display)).toEqual(DEFAULT_WINDOW);
    expect(parseWindowState('{"version":1,"width":5,"height":5,"maximized":false}', display)).toEqual(
      DEFAULT_WINDOW,
    );
  });

  it('drops a position that is on no display any more', () => {
    const text = JSON.stringify({ version: 1, width: 900, height: 600, x: 3000, y: 100, maximized: false });
    expect(parseWindowState(text, display)).toEqual({ width: 900, height: 600, maximized: false });
  });
});
