import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';

describe('cat', () => {
  it('prints files and standard input in operand order when given -', async () => {
    const s = await openShell({ 'a.txt': 'A\n', 'c.txt': 'C\n' });
    expect(await s.run('echo B | cat a.txt - c.txt')).toEqual(['A', 'B', 'C']);
    expect(await s.run('echo B | cat - -')).toEqual(['B']);
  });

  it('goes on after a missing file and fails with status 1', async () => {
    const s = await openShell({ 'a.txt': 'A\n' });
    expect(await s.run('cat nope a.txt')).toEqual(['cat: nope: No such file or directory', 'A']);
    expect(s.shell.lastStatus).toBe(1);
  });

  it('rejects a flag in coreutils words', async () => {
    const s = await openShell();
    expect(await s.run('cat -n x')).toEqual([
      "cat: invalid option -- 'n'",
      "Try 'help cat' for more information.",
    ]);
  });

  it('describes itself and the new file commands when help runs', async () => {
    const s = await openShell();
    const list = await s.run('help');
    for (const name of ['cp', 'mv', 'rm', 'mkdir', 'rmdir', 'touch', 'head', 'tail', 'wc']) {
      expect(list.some((line) => line.startsWith(`  ${name} `))).toBe(true);
    }
    expect(await s.run('help wc')).toEqual([
      'wc - count lines, words and bytes',
      '  usage:   wc [-l] [-w] [-c] [FILE]...',
      '  example: wc -l hello.c',
    ]);
  });
});
