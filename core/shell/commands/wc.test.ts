import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';

const n2000 = Array.from({ length: 2000 }, (_, i) => `${i + 1}\n`).join('');
const files = { 'a.txt': 'hello world\nfoo\n', 'b.txt': n2000, 'c.txt': 'x', 'd/x': '', 'e.txt': '' };

describe('wc', () => {
  it('prints lines, words and bytes in columns as wide as the total size when given files', async () => {
    const s = await openShell(files);
    expect(await s.run('wc a.txt')).toEqual([' 2  3 16 a.txt']);
    expect(await s.run('wc a.txt b.txt')).toEqual([
      '   2    3   16 a.txt',
      '2000 2000 8893 b.txt',
      '2002 2003 8909 total',
    ]);
    expect(await s.run('wc -l a.txt b.txt')).toEqual(['   2 a.txt', '2000 b.txt', '2002 total']);
    expect(await s.run('wc e.txt a.txt')).toEqual([' 0  0  0 e.txt', ' 2  3 16 a.txt', ' 2  3 16 total']);
  });

  it('uses width 1 for a single count of a single input', async () => {
    const s = await openShell(files);
    expect(await s.run('wc -l a.txt')).toEqual(['2 a.txt']);
    expect(await s.run('wc -c c.txt')).toEqual(['1 c.txt']);
    expect(await s.run('wc -cl b.txt')).toEqual(['2000 8893 b.txt']);
    expect(await s.run('wc -lw a.txt')).toEqual([' 2  3 a.txt']);
  });

  it('uses width 7 when standard input or a folder is counted', async () => {
    const s = await openShell(files);
    expect(await s.run('cat a.txt | wc')).toEqual(['      2       3      16']);
    expect(await s.run('cat a.txt | wc a.txt -')).toEqual([
      '      2       3      16 a.txt',
      '      2       3      16 -',
      '      4       6      32 total',
    ]);
    expect(await s.run('wc d a.txt')).toEqual([
      'wc: d: Is a directory',
      '      0       0       0 d',
      '      2       3      16 a.txt',
      '      2       3      16 total',
    ]);
  });

  it('counts UTF-8 bytes and reports errors in coreutils words', async () => {
    const s = await openShell({ 'zh.txt': '你好 世界\n' });
    expect(await s.run('wc zh.txt')).toEqual([' 1  2 14 zh.txt']);
    expect(await s.run('wc nope zh.txt')).toEqual([
      'wc: nope: No such file or directory',
      ' 1  2 14 zh.txt',
      ' 1  2 14 total',
    ]);
    expect(await s.run('wc -z')).toEqual([
      "wc: invalid option -- 'z'",
      "Try 'help wc' for more information.",
    ]);
  });
});
