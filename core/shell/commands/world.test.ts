// The built-ins over the world itself: kernel (with its confirmation), reset, trace levels,
// sleep's errors, edit with and without an editor pane, and job control's errors.
import { describe, expect, it } from 'vitest';
import { openShell } from '../../../test/helpers/shellTerminal';
import { LabSession } from '../../session/index';

async function shell(openEditor?: (path: string) => void) {
  const session = new LabSession({ seed: 1 });
  const screen = await openShell({ 'a.c': 'int main(void) { return 0; }\n', 'src/b.c': '' }, 120, 30, {
    session,
    ...(openEditor === undefined ? {} : { openEditor }),
  });
  return { session, screen, run: (line: string) => screen.run(line) };
}

describe('kernel', () => {
  it('switches the era only after a yes, with a fresh world', async () => {
    const { session, screen, run } = await shell();
    expect(await run('kernel')).toEqual(['kernel 3.10 (available: 2.6.32, 3.10, 6.x)']);
    const world = session.world;
    await screen.type('kernel 6.x\r');
    expect(screen.cursorLine()).toBe(
      'Switch to kernel 6.x? The world restarts: running programs end, files are kept. [y/N] ',
    );
    expect(await run('n')).toEqual(['kernel: not switched']);
    expect(session.kernel).toBe('3.10');
    await screen.type('kernel 6.x\r');
    expect(await run('y')).toEqual(['kernel 6.x: the world restarted (programs ended, files kept)']);
    expect(session.kernel).toBe('6.x');
    expect(session.world).not.toBe(world);
    expect(await run('kernel 5.4')).toEqual(['kernel: 5.4: unknown version (available: 2.6.32, 3.10, 6.x)']);
  });

  it('restarts the world on reset and keeps the files', async () => {
    const { session, run } = await shell();
    const world = session.world;
    expect(await run('reset')).toEqual(['world reset: kernel 3.10, hosts client, server; files kept']);
    expect(session.world).not.toBe(world);
    expect(await run('ls')).toEqual(['a.c  src']);
  });
});

describe('trace', () => {
  it('shows and sets the level', async () => {
    const { session, run } = await shell();
    expect(await run('trace')).toEqual(['trace level: syscalls']);
    expect(await run('trace off')).toEqual(['trace level: off']);
    expect(session.world.trace.level).toBe('off');
    expect(await run('trace level full')).toEqual(['trace level: full']);
    expect(await run('trace last')).toEqual([
      'trace last: no system call recorded on client (trace level: full)',
    ]);
  });
});

describe('edit', () => {
  it('asks the window to open a workspace file, and refuses paths outside it', async () => {
    const opened: string[] = [];
    const { run } = await shell((path) => opened.push(path));
    expect(await run('edit src/b.c')).toEqual([]);
    expect(await run('edit new.c')).toEqual([]);
    expect(opened).toEqual(['src/b.c', 'new.c']);
    expect(await run('edit /etc/passwd')).toEqual(['edit: /etc/passwd: Permission denied']);
    expect(await run('edit src')).toEqual(['edit: src: Is a directory']);
  });

  it('is refused with a reason where there is no editor pane', async () => {
    const { run } = await shell();
    expect(await run('edit a.c')).toEqual([
      'edit: no editor pane in this terminal (socklab shell): open a.c in your own editor',
    ]);
  });
});

describe('wait', () => {
  it('waits in simulated time for background jobs and returns the status of the one named', async () => {
    const { session, screen } = await shell();
    const run = async (line: string) => {
      const before = screen.lines().length;
      await screen.type(line + '\r');
      for (let i = 0; i < 50 && session.settle(20) && screen.shell.busy; i++) await screen.type('');
      await screen.type('');
      return screen.lines().slice(before, -1);
    };
    const t0 = session.world.sim.now;
    expect(await run('sleep 2 &')).toEqual(['[1]']);
    expect(await run('sleep 1 &')).toEqual(['[2]']);
    expect(await run('wait')).toEqual([]);
    expect(session.world.sim.now - t0).toBe(2_000_000_000);
    expect(await run('jobs')).toEqual([]);
    expect(await run('ls nothere & wait %1; echo $?')).toEqual([
      '[1]',
      "ls: cannot access 'nothere': No such file or directory",
      '2',
    ]);
  });
});

describe('sleep and job control errors', () => {
  it('answers in coreutils and bash words', async () => {
    const { run } = await shell();
    expect(await run('sleep')).toEqual([
      'sleep: missing operand',
      "Try 'sleep --help' for more information.",
    ]);
    expect(await run('sleep x')).toEqual([
      'sleep: invalid time interval ‘x’',
      "Try 'sleep --help' for more information.",
    ]);
    expect(await run('jobs -x')).toEqual(['jobs: -x: invalid option', 'jobs: usage: jobs [-l]']);
    expect(await run('wait %2')).toEqual(['wait: %2: no such job']);
    expect(await run('bg')).toEqual(['bg: current: no such job']);
    expect(await run('ps')).toEqual(['    PID TTY          TIME CMD']);
    expect(await run('sudo')).toEqual(['usage: sudo command']);
    expect(await run('on')).toEqual(['on: usage: on HOST COMMAND [ARG]...']);
    expect(await run('on server pwd')).toEqual(['/home/student']);
  });
});
