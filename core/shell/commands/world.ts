// Built-ins over the simulated world itself: sleep in simulated time, ps, the trace level and
// the last system call's call tree, the kernel era, reset, and edit (the app's editor pane).
import type { KernelVersion } from '../../kernel/index';
import { PROFILES } from '../../kernel/index';
import type { TraceLevel } from '../../trace/index';
import type { SleepHandle } from '../../session/index';
import type { CommandIo, LabIo, ShellCommand } from '../command';
import { SIGNALS } from '../job';
import { fsErrorText, resolvePath } from '../workspace';

function world(io: CommandIo, name: string): LabIo | undefined {
  if (io.lab === undefined) io.err(`${name}: this shell has no simulated world\n`);
  return io.lab;
}

const UNIT_NS: Record<string, number> = { '': 1e9, s: 1e9, m: 60e9, h: 3600e9, d: 86400e9 };

/** sleep waits a number of seconds (s, m, h, d suffixes) in simulated time; the world runs meanwhile. */
export const sleep: ShellCommand = {
  name: 'sleep',
  summary: 'let simulated time pass: sleep SECONDS',
  usage: 'sleep NUMBER[s|m|h|d]...',
  example: 'sleep 0.5',
  completesFiles: false,
  run(argv, io) {
    const lab = world(io, 'sleep');
    if (lab === undefined) return 1;
    if (argv.length === 1) {
      io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let ns = 0;
    for (const arg of argv.slice(1)) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (m === null) {
        io.err(`sleep: invalid time interval ‘${arg}’\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      ns += Math.round(Number(m[1]) * UNIT_NS[m[2]!]!);
    }
    let handle: SleepHandle | undefined;
    let exit: ((status: number) => void) | undefined;
    return {
      start(onExit) {
        exit = onExit;
        handle = lab.session.sleep(ns, () => exit?.(0), !lab.background);
      },
      foreground() {
        handle?.foreground();
      },
      signal(signal) {
        if (signal === 'SIGCHLD' || signal === 'SIGCONT') return;
        handle?.cancel();
        const report = exit;
        exit = undefined;
        report?.(128 + SIGNALS[signal]);
      },
    };
  },
};

/** ps lists the programs running on the command's host, as procps's ps does. */
export const ps: ShellCommand = {
  name: 'ps',
  summary: 'list the programs running on this host',
  usage: 'ps',
  example: 'on server ps',
  completesFiles: false,
  run(argv, io) {
    const lab = world(io, 'ps');
    if (lab === undefined) return 1;
    if (argv.length > 1) {
      io.err(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n`);
      return 1;
    }
    io.out('    PID TTY          TIME CMD\n');
    for (const p of lab.session.exec.procs) {
      if (p.host.name !== lab.host || p.state === 'exited') continue;
      const comm = p.host.tasks.get(p.pid)?.comm ?? '?';
      io.out(`${String(p.pid).padStart(7)} pts/0    00:00:00 ${comm}\n`);
    }
    return 0;
  },
};

const LEVELS: Record<string, TraceLevel> = { on: 'full', off: 'off', syscalls: 'syscalls', full: 'full' };

/** trace sets what the world records, or prints the call tree of the last system call. */
export const trace: ShellCommand = {
  name: 'trace',
  summary: 'trace on|off|level syscalls|full|last: what the kernel records',
  usage: 'trace [on|off|level syscalls|full|last]',
  example: 'trace last',
  completesFiles: false,
  run(argv, io) {
    const lab = world(io, 'trace');
    if (lab === undefined) return 1;
    const [, what, level] = argv;
    if (what === undefined) {
      io.out(`trace level: ${lab.session.traceLevel}\n`);
      return 0;
    }
    if (what === 'last') return traceLast(io, lab);
    const wanted = what === 'level' ? level : argv.length === 2 ? what : undefined;
    const next = wanted === undefined ? undefined : LEVELS[wanted];
    if (next === undefined || (what === 'level' && wanted === 'on')) {
      io.err(`trace: usage: ${trace.usage}\n`);
      return 2;
    }
    lab.session.setTraceLevel(next);
    io.out(`trace level: ${next}\n`);
    return 0;
  },
};

/** traceLast prints the events from the last syscall_enter on the command's host to its exit. */
function traceLast(io: CommandIo, lab: LabIo): number {
  const rec = lab.session.world.trace;
  let start = -1;
  for (let i = rec.length - 1; i >= 0; i--) {
    if (rec.kindAt(i) !== 'syscall_enter') continue;
    if (rec.get(i).host === lab.host) {
      start = i;
      break;
    }
  }
  if (start < 0) {
    io.err(`trace last: no system call recorded on ${lab.host} (trace level: ${lab.session.traceLevel})\n`);
    return 1;
  }
  let returned = false;
  for (let i = start; i < rec.length && !returned; i++) {
    const e = rec.get(i);
    if (e.host !== lab.host) continue;
    if (e.kind === 'syscall_enter') {
      if (i !== start) break;
      io.out(`${e.name}(${e.args})  pid ${e.pid}\n`);
    } else if (e.kind === 'call') io.out(`${'  '.repeat(e.depth + 1)}${e.fn}(${e.args})  ${e.file}\n`);
    else if (e.kind === 'syscall_exit') {
      io.out(`= ${e.ret}${e.errno === '' ? '' : ` ${e.errno} (${e.errfn}: ${e.errwhy})`}\n`);
      returned = true;
    }
  }
  if (!returned) io.out('(not returned yet: the task sleeps in this call)\n');
  if (lab.session.traceLevel !== 'full')
    io.out('(trace level syscalls: `trace on` records the kernel calls too)\n');
  return 0;
}

/** kernel shows or switches the kernel era; switching restarts the world after a confirmation. */
export const kernel: ShellCommand = {
  name: 'kernel',
  summary: 'show or switch the kernel version (restarts the world)',
  usage: 'kernel [-y] [2.6.32|3.10|6.x]',
  example: 'kernel 6.x',
  completesFiles: false,
  run(argv, io) {
    const lab = world(io, 'kernel');
    if (lab === undefined) return 1;
    const yes = argv.includes('-y');
    const args = argv.slice(1).filter((a) => a !== '-y');
    if (args.length === 0) {
      io.out(`kernel ${lab.session.kernel} (available: ${Object.keys(PROFILES).join(', ')})\n`);
      return 0;
    }
    const version = args[0]!;
    if (args.length > 1 || !Object.hasOwn(PROFILES, version)) {
      io.err(`kernel: ${version}: unknown version (available: ${Object.keys(PROFILES).join(', ')})\n`);
      return 1;
    }
    const apply = () => {
      lab.session.switchKernel(version as KernelVersion);
      io.out(`kernel ${version}: the world restarted (programs ended, files kept)\n`);
      return 0;
    };
    if (yes || !io.isatty(0)) return apply();
    io.out(`Switch to kernel ${version}? The world restarts: running programs end, files are kept. [y/N] `);
    let answer = '';
    return {
      data(text) {
        answer += text;
        if (!answer.includes('\n')) return undefined;
        if (/^y(es)?$/i.test(answer.trim())) return apply();
        io.out('kernel: not switched\n');
        return 1;
      },
      end() {
        io.out('\nkernel: not switched\n');
        return 1;
      },
    };
  },
};

/** reset gives a fresh world (same kernel and seed); the files stay. */
export const reset: ShellCommand = {
  name: 'reset',
  summary: 'restart the simulated world (files are kept)',
  usage: 'reset',
  example: 'reset',
  completesFiles: false,
  run(argv, io) {
    const lab = world(io, 'reset');
    if (lab === undefined) return 1;
    if (argv.length > 1) {
      io.err('reset: usage: reset\n');
      return 2;
    }
    lab.session.reset();
    io.out(
      `world reset: kernel ${lab.session.kernel}, hosts ${[...lab.session.world.hosts.keys()].join(', ')}; files kept\n`,
    );
    return 0;
  },
};

/** edit opens a workspace file in the app's editor pane. */
export const edit: ShellCommand = {
  name: 'edit',
  summary: "open a file in the app's editor",
  usage: 'edit FILE',
  example: 'edit echo.c',
  completesFiles: true,
  run(argv, io) {
    const file = argv[1];
    if (file === undefined || argv.length > 2) {
      io.err('edit: usage: edit FILE\n');
      return 2;
    }
    const open = io.lab?.openEditor;
    if (open === undefined) {
      io.err(`edit: no editor pane in this terminal (socklab shell): open ${file} in your own editor\n`);
      return 1;
    }
    const rel = resolvePath(io.cwd, file);
    if (!rel.ok) {
      io.err(`edit: ${file}: ${fsErrorText[rel.errno]}\n`);
      return 1;
    }
    const stat = io.workspace.stat(rel.value);
    if (stat.ok && stat.value.kind === 'dir') {
      io.err(`edit: ${file}: Is a directory\n`);
      return 1;
    }
    open(rel.value);
    return 0;
  },
};
