// The `c` REPL through the terminal API: persistent declarations and fds, printed values,
// gcc-style errors that lose nothing, a blocking call that Ctrl-C ends, and piped input.
import { beforeAll, describe, expect, it } from 'vitest';
import { testParser } from '../../../test/helpers/cParser';
import { openLabShell } from '../../../test/helpers/shellTerminal';
import type { CParser } from '../../lang/index';

let parser: CParser;
beforeAll(async () => {
  parser = await testParser();
});

async function lab(files: Record<string, string> = {}) {
  const { screen, settle } = await openLabShell(parser, files, { cols: 100, rows: 30 });
  /** type sends keys, lets the world run, and returns the rows written since (from the cursor's row). */
  const type = async (keys: string): Promise<string[]> => {
    const before = screen.lines().length;
    await screen.type(keys);
    await settle();
    return screen.lines().slice(before - 1);
  };
  return { type };
}

describe('c, the C REPL', () => {
  it('keeps declarations and fds between lines and prints values', async () => {
    const { type } = await lab();
    expect(await type('c\r')).toEqual(['student@client:~$ c', 'c> ']);
    expect(await type('int fd = socket(AF_INET, SOCK_STREAM, 0);\r')).toEqual([
      'c> int fd = socket(AF_INET, SOCK_STREAM, 0);',
      'fd = 3',
      'c> ',
    ]);
    expect(await type('fd + 1\r')).toEqual(['c> fd + 1', 'fd + 1 = 4', 'c> ']);
    // the socket stays open between lines: the first close succeeds, the second finds no fd
    expect(await type('close(fd)\r')).toEqual(['c> close(fd)', 'close(fd) = 0', 'c> ']);
    expect(await type('close(fd) == -1 && errno == EBADF\r')).toEqual([
      'c> close(fd) == -1 && errno == EBADF',
      'close(fd) == -1 && errno == EBADF = 1',
      'c> ',
    ]);
    expect(await type('\x04')).toEqual(['c> ', 'student@client:~$ ']);
  });

  it('reports a compile error gcc-style and keeps the scope', async () => {
    const { type } = await lab();
    await type('c\r');
    await type('int x = 41;\r');
    const rows = await type('x = ;\r');
    expect(rows[0]).toBe('c> x = ;');
    expect(rows.some((r) => r.includes('error:'))).toBe(true);
    expect(await type('x + 1\r')).toEqual(['c> x + 1', 'x + 1 = 42', 'c> ']);
  });

  it('lets Ctrl-C end a line blocked in accept() and goes on', async () => {
    const { type } = await lab();
    await type('c\r');
    await type('int s = socket(AF_INET, SOCK_STREAM, 0);\r');
    await type('struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(7000) };\r');
    await type('bind(s, (struct sockaddr *)&a, sizeof a)\r');
    await type('listen(s, 5)\r');
    const blocked = await type('accept(s, NULL, NULL)\r');
    expect(blocked).toEqual(['c> accept(s, NULL, NULL)']);
    expect(await type('\x03')).toEqual(['c> accept(s, NULL, NULL)', '^C', 'c> ']);
    expect(await type('int half = (1 +\r')).toEqual(['c> int half = (1 +', '...> ']);
    expect(await type('\x03')).toEqual(['...> ^C', 'c> ']);
    expect(await type('s\r')).toEqual(['c> s', 's = 3', 'c> ']);
  });

  it('reads lines from a file without prompts', async () => {
    const { type } = await lab({ 'lines.c': 'int a = 6;\nint b = 7;\na * b\n' });
    expect(await type('c < lines.c\r')).toEqual([
      'student@client:~$ c < lines.c',
      'a = 6',
      'b = 7',
      'a * b = 42',
      'student@client:~$ ',
    ]);
  });
});
