import { describe, expect, it } from 'vitest';
import { builtinCommands } from './commands/index';
import { complete } from './complete';
import { MemoryWorkspace } from './memoryWorkspace';

const ws = new MemoryWorkspace({ 'hello.c': '', 'notes.txt': '' });
const tab = (line: string) => complete(line, [...line].length, '/home/student', ws, builtinCommands).line;

describe('complete', () => {
  it('completes the new file commands by name when they start a command', () => {
    expect(tab('mkd')).toBe('mkdir ');
    expect(tab('tou')).toBe('touch ');
    expect(tab('echo x | wc')).toBe('echo x | wc ');
    expect(tab('cat hello.c && hea')).toBe('cat hello.c && head ');
    expect(tab('ls;rmd')).toBe('ls;rmdir ');
  });

  it('completes file names after a command, a pipe or a redirection', () => {
    expect(tab('cp he')).toBe('cp hello.c ');
    expect(tab('cat hello.c | head no')).toBe('cat hello.c | head notes.txt ');
    expect(tab('echo hi > no')).toBe('echo hi > notes.txt ');
    expect(tab('wc <he')).toBe('wc <hello.c ');
    expect(tab('pwd > he')).toBe('pwd > hello.c ');
  });

  it('offers no file names to a command that takes none', () => {
    expect(tab('pwd he')).toBe('pwd he');
  });
});
