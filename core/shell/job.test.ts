import { describe, expect, it } from 'vitest';
import { openShell } from '../../test/helpers/shellTerminal';
import type { JobTask } from './job';
import { Job } from './job';

const PROMPT = 'student@client:~$ ';
const CTRL_C = '\x03';
const CTRL_D = '\x04';
const CTRL_U = '\x15';
const BACKSPACE = '\x7f';

describe('foreground job', () => {
  it('writes the typed lines to the file when cat > file ends with Ctrl-D', async () => {
    const s = await openShell();
    await s.type('cat > hello.c\r');
    expect(s.shell.busy).toBe(true);
    expect(s.cursorLine()).toBe('');
    await s.type('#include <stdio.h>\rint main(void) { return 0; }\r');
    expect(s.cursorLine()).toBe('');
    await s.type(CTRL_D);
    expect(s.lines().slice(-4)).toEqual([
      PROMPT + 'cat > hello.c',
      '#include <stdio.h>',
      'int main(void) { return 0; }',
      PROMPT,
    ]);
    expect(s.workspace.readText('hello.c')).toEqual({
      ok: true,
      value: '#include <stdio.h>\nint main(void) { return 0; }\n',
    });
    expect(s.shell.busy).toBe(false);
    expect(s.shell.lastStatus).toBe(0);
  });

  it('echoes each line back after Enter when cat reads the terminal', async () => {
    const s = await openShell();
    await s.type('cat\rhello\r');
    expect(s.lines().slice(-3)).toEqual([PROMPT + 'cat', 'hello', 'hello']);
    await s.type(CTRL_D);
    expect(s.cursorLine()).toBe(PROMPT);
  });

  it('counts the typed lines when wc -l reads the terminal', async () => {
    const s = await openShell();
    await s.type('wc -l\rone\rtwo\rthree\r' + CTRL_D);
    expect(s.lines().slice(-3)).toEqual(['three', '3', PROMPT]);
  });

  it('erases with Backspace and Ctrl-U before the line is delivered', async () => {
    const s = await openShell();
    await s.type('cat > t.txt\rabx' + BACKSPACE + 'c\r');
    await s.type('junk' + CTRL_U + 'ok\r' + CTRL_D);
    expect(s.workspace.readText('t.txt')).toEqual({ ok: true, value: 'abc\nok\n' });
    expect(s.lines().slice(-3)).toEqual(['abc', 'ok', PROMPT]);
  });

  it('delivers a partial line without a newline when Ctrl-D ends a typed line', async () => {
    const s = await openShell();
    await s.type('cat > t.txt\rno newline' + CTRL_D + CTRL_D);
    expect(s.workspace.readText('t.txt')).toEqual({ ok: true, value: 'no newline' });
  });

  it('stops the job with ^C and status 130 when Ctrl-C is pressed', async () => {
    const s = await openShell();
    await s.type('wc -l\rone\rtw');
    await s.type(CTRL_C);
    expect(s.lines().slice(-3)).toEqual(['one', 'tw^C', PROMPT]);
    expect(s.shell.lastStatus).toBe(130);
    expect(s.shell.busy).toBe(false);
  });

  it('abandons the rest of the list when Ctrl-C stops a job', async () => {
    const s = await openShell();
    await s.type('cat; echo after\r' + CTRL_C);
    expect(s.lines().slice(-2)).toEqual(['^C', PROMPT]);
    await s.type('echo $?\r');
    expect(s.lines().at(-2)).toBe('130');
  });

  it('keeps the lines typed before Ctrl-C when cat > file is interrupted', async () => {
    const s = await openShell();
    await s.type('cat > t.txt\rkept\rlost' + CTRL_C);
    expect(s.workspace.readText('t.txt')).toEqual({ ok: true, value: 'kept\n' });
  });

  it('runs the next command of the list after the job that read the terminal ends', async () => {
    const s = await openShell();
    await s.type('cat > a.txt && wc -l a.txt\rx\ry\r' + CTRL_D);
    expect(s.lines().slice(-2)).toEqual(['2 a.txt', PROMPT]);
  });

  it('ends head as soon as it has its lines from the terminal', async () => {
    const s = await openShell();
    await s.type('head -n 1\rfirst\r');
    expect(s.lines().slice(-3)).toEqual(['first', 'first', PROMPT]);
    expect(s.shell.busy).toBe(false);
  });

  it('feeds the terminal through a pipe when the first command reads it', async () => {
    const s = await openShell();
    await s.type('cat | wc -l\ra\rb\r' + CTRL_D);
    expect(s.lines().slice(-2)).toEqual(['2', PROMPT]);
  });

  it('hands keys typed after the job ends back to the line editor', async () => {
    const s = await openShell();
    await s.type('cat > x.txt\rhi\r' + CTRL_D + 'echo back\r');
    expect(s.lines().slice(-2)).toEqual(['back', PROMPT]);
  });

  it('runs stdin-reading commands without the terminal when input is redirected', async () => {
    const s = await openShell({ 'a.txt': 'x\n' });
    await s.type('cat < a.txt\r');
    expect(s.lines().slice(-2)).toEqual(['x', PROMPT]);
  });
});

describe('Job', () => {
  it('reports the last task status only after an asynchronous task exits', () => {
    let later: ((status: number) => void) | undefined;
    const slow: JobTask = { start: (exit) => (later = exit), signal: () => later?.(130) };
    const fast: JobTask = { start: (exit) => exit(3), signal: () => {} };
    const statuses: number[] = [];
    const closed: string[] = [];
    const job = new Job(
      [
        { task: fast, owned: [{ close: () => closed.push('pipe') }] },
        { task: slow, owned: [] },
      ],
      (status) => statuses.push(status),
    );
    job.start();
    expect(closed).toEqual(['pipe']);
    expect(statuses).toEqual([]);
    expect(job.running).toBe(true);
    later?.(0);
    expect(statuses).toEqual([0]);
    expect(job.running).toBe(false);
  });

  it('delivers SIGINT to each task still running when signalled', () => {
    let exit: ((status: number) => void) | undefined;
    const signals: string[] = [];
    const task: JobTask = {
      start: (e) => (exit = e),
      signal: (sig) => {
        signals.push(sig);
        exit?.(130);
      },
    };
    const statuses: number[] = [];
    const job = new Job([{ task, owned: [] }], (s) => statuses.push(s));
    job.start();
    job.signal('SIGINT');
    job.signal('SIGINT');
    expect(signals).toEqual(['SIGINT']);
    expect(statuses).toEqual([130]);
  });
});

describe('broken pipe', () => {
  it('ends a reader of the terminal with SIGPIPE when the next command has exited', async () => {
    const s = await openShell();
    await s.type('cat | head -n 1\rfirst\r');
    expect(s.shell.busy).toBe(true);
    await s.type('second\r');
    expect(s.lines().slice(-4)).toEqual(['first', 'first', 'second', PROMPT]);
    expect(s.shell.busy).toBe(false);
    expect(s.shell.lastStatus).toBe(0);
  });
});

describe('LabShell.run', () => {
  it('refuses a second command line while a job still reads the terminal', async () => {
    const s = await openShell();
    await s.type('cat\r');
    const statuses: number[] = [];
    s.shell.run('echo hi', (status) => statuses.push(status));
    expect(statuses).toEqual([1]);
    await s.type('\x04');
    expect(s.lines().slice(-3)).toEqual([
      PROMPT + 'cat',
      'socklab: a command is still running; wait for it to end',
      PROMPT,
    ]);
  });

  it('reports the status through its callback once the job reading the terminal ends', async () => {
    const s = await openShell();
    const statuses: number[] = [];
    s.shell.run('wc -l > n.txt', (status) => statuses.push(status));
    expect(statuses).toEqual([]);
    await s.type('a\r\x04');
    expect(statuses).toEqual([0]);
    expect(s.workspace.readText('n.txt')).toEqual({ ok: true, value: '1\n' });
  });
});

describe('typed-ahead input', () => {
  it('hands lines typed during a program that never read them to the shell when it ends', async () => {
    let finish: ((status: number) => void) | undefined;
    const s = await openShell({}, 80, 24, {
      spawn: (argv) =>
        argv[0] === 'sleepy' ? { start: (exit) => (finish = exit), signal: () => finish?.(130) } : undefined,
    });
    await s.type('sleepy\recho later\rec');
    expect(s.shell.busy).toBe(true);
    finish?.(0);
    await s.type('');
    // As in bash: the tty echoed the typed-ahead text, then the shell reads it at its prompts.
    expect(s.lines().slice(-5)).toEqual([
      PROMPT + 'sleepy',
      'echo later',
      'ec' + PROMPT + 'echo later',
      'later',
      PROMPT + 'ec',
    ]);
    expect(s.cursorLine()).toBe(PROMPT + 'ec');
  });

  it('drops lines typed ahead when Ctrl-C stops the program', async () => {
    let finish: ((status: number) => void) | undefined;
    const s = await openShell({}, 80, 24, {
      spawn: () => ({ start: (exit) => (finish = exit), signal: () => finish?.(130) }),
    });
    await s.type('sleepy\recho never\r' + CTRL_C);
    expect(s.lines().slice(-4)).toEqual([PROMPT + 'sleepy', 'echo never', '^C', PROMPT]);
    expect(s.shell.lastStatus).toBe(130);
  });
});
