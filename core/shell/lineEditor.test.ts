import { describe, expect, it } from 'vitest';
import { openShell } from '../../test/helpers/shellTerminal';

const PROMPT = 'student@client:~$ ';
const LEFT = '\x1b[D';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('LineEditor', () => {
  it('inserts at the cursor when text is typed after moving left', async () => {
    const s = await openShell();
    await s.type('echo hllo' + LEFT.repeat(3) + 'e');
    expect(s.cursorLine()).toBe(PROMPT + 'echo hello');
    expect(s.cursorX()).toBe(PROMPT.length + 'echo he'.length);
    await s.type('\r');
    expect(s.lines().at(-2)).toBe('hello');
  });

  it('recalls earlier lines with Up and returns to the draft with Down', async () => {
    const s = await openShell();
    await s.type('echo first\recho second\r');
    await s.type('ec');
    await s.type(UP);
    expect(s.cursorLine()).toBe(PROMPT + 'echo second');
    await s.type(UP);
    expect(s.cursorLine()).toBe(PROMPT + 'echo first');
    await s.type(UP);
    expect(s.cursorLine()).toBe(PROMPT + 'echo first');
    await s.type(DOWN + DOWN);
    expect(s.cursorLine()).toBe(PROMPT + 'ec');
    await s.type(UP + '\r');
    expect(s.lines().at(-2)).toBe('second');
  });

  it('does not store a repeated or empty line in the history', async () => {
    const s = await openShell();
    await s.type('echo a\recho a\r\r   \r');
    expect(s.shell.history).toEqual(['echo a']);
  });

  it('moves to the start with Ctrl-A and the end with Ctrl-E', async () => {
    const s = await openShell();
    await s.type('cho x\x01e');
    expect(s.cursorLine()).toBe(PROMPT + 'echo x');
    expect(s.cursorX()).toBe(PROMPT.length + 1);
    await s.type('\x05!');
    expect(s.cursorLine()).toBe(PROMPT + 'echo x!');
  });

  it('kills to the end with Ctrl-K, to the start with Ctrl-U and a word with Ctrl-W', async () => {
    const s = await openShell();
    await s.type('echo one two three' + LEFT.repeat(6) + '\x0b');
    expect(s.cursorLine()).toBe(PROMPT + 'echo one two');
    await s.type('\x17');
    expect(s.cursorLine()).toBe(PROMPT + 'echo one ');
    await s.type('\x15');
    expect(s.cursorLine()).toBe(PROMPT);
    await s.type('\x19x');
    expect(s.cursorLine()).toBe(PROMPT + 'echo one x');
  });

  it('deletes before the cursor with Backspace and under it with Delete', async () => {
    const s = await openShell();
    await s.type('echo abcd\x7f' + LEFT + LEFT + '\x1b[3~');
    expect(s.cursorLine()).toBe(PROMPT + 'echo ac');
  });

  it('cancels the line and prints ^C when Ctrl-C is pressed', async () => {
    const s = await openShell();
    await s.type('echo never');
    await s.type('\x03');
    expect(s.lines().slice(-2)).toEqual([PROMPT + 'echo never^C', PROMPT]);
    expect(s.shell.lastStatus).toBe(130);
    expect(s.shell.history).toEqual([]);
  });

  it('clears the screen and keeps the line when Ctrl-L is pressed', async () => {
    const s = await openShell();
    await s.type('echo one\r');
    await s.type('echo two\x0c');
    expect(s.term.buffer.active.cursorY).toBe(0);
    expect(s.cursorLine()).toBe(PROMPT + 'echo two');
  });

  it('completes a command name and a unique file name with Tab', async () => {
    const s = await openShell({ 'hello.c': '', 'world.c': '' });
    await s.type('hi\t');
    expect(s.cursorLine()).toBe(PROMPT + 'history ');
    await s.type('\x15cat he\t');
    expect(s.cursorLine()).toBe(PROMPT + 'cat hello.c ');
  });

  it('completes the common prefix, then lists the candidates on a second Tab', async () => {
    const s = await openShell({ 'server.c': '', 'serial.c': '', 'src/a.c': '' });
    await s.type('cat se\t');
    expect(s.cursorLine()).toBe(PROMPT + 'cat ser');
    await s.type('\t');
    expect(s.lines().slice(-2)).toEqual(['serial.c  server.c', PROMPT + 'cat ser']);
    await s.type('\x15ls s\t');
    expect(s.lines().at(-2)).toBe('serial.c  server.c  src/');
  });

  it('completes inside a folder and adds a slash to a folder name', async () => {
    const s = await openShell({ 'src/main.c': '' });
    await s.type('cat sr\t');
    expect(s.cursorLine()).toBe(PROMPT + 'cat src/');
    await s.type('m\t');
    expect(s.cursorLine()).toBe(PROMPT + 'cat src/main.c ');
  });

  it('keeps the cursor right when the line wraps past the terminal width', async () => {
    const s = await openShell({}, 30, 10);
    const long = 'echo ' + 'x'.repeat(40);
    await s.type(long);
    await s.type('\x01');
    expect(s.cursorX()).toBe(PROMPT.length);
    await s.type('\x05\r');
    expect(s.lines().at(-2)).toBe('x'.repeat(10));
    expect(s.lines().at(-3)).toBe('x'.repeat(30));
  });

  it('handles an escape sequence split across two inputs', async () => {
    const s = await openShell();
    await s.type('echo ab\x1b');
    await s.type('[D!\r');
    expect(s.lines().at(-2)).toBe('a!b');
  });

  it('runs every line of a pasted block in order', async () => {
    const s = await openShell();
    await s.type('echo 1\r\necho 2\r\n');
    expect(s.lines().slice(-4)).toEqual([PROMPT + 'echo 1', '1', PROMPT + 'echo 2', '2', PROMPT].slice(-4));
  });
});
