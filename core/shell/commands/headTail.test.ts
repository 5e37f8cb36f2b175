import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';

const n12 = Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join('');
const files = { 'n.txt': n12, 'a.txt': 'hello world\nfoo\n', 'c.txt': 'x', 'd/x': '' };

describe('head', () => {
  it('prints the first ten lines, or N with -n N, -nN and -N', async () => {
    const s = await openShell(files);
    expect(await s.run('head n.txt')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(await s.run('head -n 2 n.txt')).toEqual(['1', '2']);
    expect(await s.run('head -n2 n.txt')).toEqual(['1', '2']);
    expect(await s.run('head -3 n.txt')).toEqual(['1', '2', '3']);
    expect(await s.run('head -n -10 n.txt')).toEqual(['1', '2']);
  });

  it('prints a header per file and reports bad files when given several', async () => {
    const s = await openShell(files);
    expect(await s.run('head -n 1 a.txt nope c.txt d')).toEqual([
      '==> a.txt <==',
      'hello world',
      "head: cannot open 'nope' for reading: No such file or directory",
      '',
      '==> c.txt <==',
      'x',
      '==> d <==',
      "head: error reading 'd': Is a directory",
    ]);
    expect(await s.run('head -n 1 - a.txt < n.txt')).toEqual([
      '==> standard input <==',
      '1',
      '',
      '==> a.txt <==',
      'hello world',
    ]);
  });

  it('rejects a bad count or flag in coreutils words', async () => {
    const s = await openShell(files);
    expect(await s.run('head -n x n.txt')).toEqual(["head: invalid number of lines: 'x'"]);
    expect(await s.run('head -n')).toEqual([
      "head: option requires an argument -- 'n'",
      "Try 'help head' for more information.",
    ]);
    expect(await s.run('head -q n.txt')).toEqual([
      "head: invalid option -- 'q'",
      "Try 'help head' for more information.",
    ]);
  });
});

describe('tail', () => {
  it('prints the last ten lines, or N with -n N and -N, or from line N with -n +N', async () => {
    const s = await openShell(files);
    expect(await s.run('tail n.txt')).toEqual(['3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(await s.run('tail -n 2 n.txt')).toEqual(['11', '12']);
    expect(await s.run('tail -1 n.txt')).toEqual(['12']);
    expect(await s.run('tail -n +11 n.txt')).toEqual(['11', '12']);
    expect(await s.run('tail -n 0 n.txt')).toEqual([]);
    expect(await s.run('cat n.txt | tail -n 3')).toEqual(['10', '11', '12']);
  });

  it('prints headers for several files and keeps a last line without newline', async () => {
    const s = await openShell(files);
    expect(await s.run('tail -n 1 c.txt a.txt')).toEqual(['==> c.txt <==', 'x', '==> a.txt <==', 'foo']);
  });

  it('reports a missing file and a bad count in coreutils words', async () => {
    const s = await openShell(files);
    expect(await s.run('tail nope')).toEqual([
      "tail: cannot open 'nope' for reading: No such file or directory",
    ]);
    expect(await s.run('tail -n x n.txt')).toEqual(["tail: invalid number of lines: 'x'"]);
    expect(await s.run('tail d')).toEqual(["tail: error reading 'd': Is a directory"]);
  });
});
