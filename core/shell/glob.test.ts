import { describe, expect, it } from 'vitest';
import { openShell } from '../../test/helpers/shellTerminal';

const files = {
  'a.c': '',
  'b.c': '',
  'notes.txt': '',
  '.hidden.c': '',
  'src/x.c': '',
  'src/y.h': '',
  'lib/z.c': '',
};

describe('glob', () => {
  it('expands * ? and [...] to sorted names when the pattern is unquoted', async () => {
    const s = await openShell(files);
    expect(await s.run('echo *.c')).toEqual(['a.c b.c']);
    expect(await s.run('echo ?.c [!a].c [a-b].c')).toEqual(['a.c b.c b.c a.c b.c']);
    expect(await s.run('echo */*.c')).toEqual(['lib/z.c src/x.c']);
    expect(await s.run('echo .*.c ~/src/*')).toEqual([
      '.hidden.c /home/student/src/x.c /home/student/src/y.h',
    ]);
  });

  it('keeps the pattern as typed when it is quoted or matches nothing', async () => {
    const s = await openShell(files);
    expect(await s.run('echo "*.c" \'*\' \\*.c *.o [z-a]')).toEqual(['*.c * *.c *.o [z-a]']);
  });

  it('hands every match to the command when rm is given a pattern', async () => {
    const s = await openShell(files);
    expect(await s.run('rm *.c; ls')).toEqual(['lib  notes.txt  src']);
    expect(s.workspace.stat('.hidden.c').ok).toBe(true);
  });

  it('refuses a redirection whose pattern matches several files', async () => {
    const s = await openShell(files);
    expect(await s.run('echo x > *.c')).toEqual(['socklab: *.c: ambiguous redirect']);
  });
});
