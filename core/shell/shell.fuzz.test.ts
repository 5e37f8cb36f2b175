import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabShell } from './shell';
import { MemoryWorkspace } from './memoryWorkspace';

const words = [
  ...['cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'touch', 'head', 'tail', 'wc', 'ls', 'echo', 'cd', 'help'],
  ...['history', 'pwd', 'nosuch', '-r', '-rf', '-p', '-n', '-3', '-l', '-w', '-c', '-z', '-', '--'],
  ...['a.c', 'src', 'src/main.c', 'new', '~', '..', '../..', '/etc/passwd', '.', '/dev/null', 'x/y/z'],
  ...['|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '>&', '1>&2', '$?', '$HOME', "'", '"', '\\'],
  ...['#', '"a b"', "'$?'", '$', '你好', '*', '*.c', '[a', '[z-a]', 's*/*', '?'],
];

const keys = fc.oneof(
  fc.constantFrom(...words).map((w) => w + ' '),
  fc.constantFrom('\r', '\x03', '\x04', '\x15', '\x17', '\x7f', '\t', '\x0c', '\x01', '\x05', '\x0b', '\x19'),
  fc.constantFrom('\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[3~', '\x1b', '\x1b[', '\x1bO', '\x1b[1;5C'),
  fc.string({ maxLength: 6 }),
);

function newShell(): { shell: LabShell; output: () => string } {
  let out = '';
  const workspace = new MemoryWorkspace({ 'a.c': 'int main;\n', 'src/main.c': 'x\ny\n', 'notes.txt': '' });
  const shell = new LabShell({ workspace, write: (data) => (out += data), cols: 40, rows: 10 });
  shell.start();
  return { shell, output: () => out };
}

describe('LabShell fuzz', () => {
  it('never throws and always gets its prompt back when random keys are typed', () => {
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 80, size: 'medium' }), (typed) => {
        const { shell } = newShell();
        for (const data of typed) shell.input(data);
        shell.input('\x03\x03'); // twice: a pending ESC makes the first one Meta-Ctrl-C
        expect(shell.busy).toBe(false);
        shell.input('echo alive\r');
        expect(shell.busy).toBe(false);
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('never throws when random command lines are run', () => {
    const line = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8, size: 'medium' }), (lines) => {
        const { shell, output } = newShell();
        for (const l of lines) shell.input(l + '\r\x04\x04\x03');
        expect(shell.busy).toBe(false);
        expect(output()).not.toContain('internal error');
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});
