// Job control built-ins with bash's output and messages: jobs, fg, bg, wait and kill, over the
// shell's background jobs and the programs running on the command's host.
import type { CommandIo, LabIo, ShellCommand } from '../command';
import type { JobSignal, JobTask } from '../job';
import { SIGNALS, signalName } from '../job';
import type { ShellJob } from '../jobTable';

function noJobs(io: CommandIo, name: string): number {
  io.err(`${name}: no job control in this shell\n`);
  return 1;
}

/** jobs lists the background jobs (-l adds their pids). */
export const jobs: ShellCommand = {
  name: 'jobs',
  summary: 'list background jobs',
  usage: 'jobs [-l]',
  example: 'jobs -l',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return noJobs(io, 'jobs');
    const bad = argv.slice(1).find((a) => a !== '-l');
    if (bad !== undefined) {
      io.err(`jobs: ${bad}: invalid option\njobs: usage: jobs [-l]\n`);
      return 2;
    }
    const listed = [...lab.jobs.list()];
    for (const job of listed) io.out(lab.jobs.line(job, argv[1] === '-l'));
    for (const job of listed) lab.jobs.reported(job);
    return 0;
  },
};

function findJob(io: CommandIo, lab: LabIo, name: string, spec: string | undefined): ShellJob | number {
  const job = lab.jobs.find(spec);
  if (typeof job === 'string') {
    io.err(`${name}: ${job}\n`);
    return 1;
  }
  return job;
}

/** fg brings a background job to the foreground (continuing it when stopped) and waits for it. */
export const fg: ShellCommand = {
  name: 'fg',
  summary: 'bring a background job to the foreground',
  usage: 'fg [%JOB]',
  example: 'fg %1',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return noJobs(io, 'fg');
    const job = findJob(io, lab, 'fg', argv[1]);
    if (typeof job === 'number') return job;
    io.out(`${job.command}\n`);
    if (job.job.stoppedBy !== null) job.job.signal('SIGCONT');
    return lab.foreground(job, io.stdin);
  },
};

/** bg resumes a stopped job in the background (SIGCONT); a running one is already there, as bash says. */
export const bg: ShellCommand = {
  name: 'bg',
  summary: 'resume a stopped job in the background',
  usage: 'bg [%JOB]',
  example: 'bg %1',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return noJobs(io, 'bg');
    const job = findJob(io, lab, 'bg', argv[1]);
    if (typeof job === 'number') return job;
    if (job.job.stoppedBy === null) {
      io.err(`bg: job ${job.id} already in background\n`);
      return 0;
    }
    io.out(`[${job.id}]${lab.jobs.marker(job)} ${job.command} &\n`);
    job.job.signal('SIGCONT');
    return 0;
  },
};

/** wait waits for background jobs (all, or the ones named) and returns the last one's status. */
export const wait: ShellCommand = {
  name: 'wait',
  summary: 'wait for background jobs to end',
  usage: 'wait [%JOB|PID]...',
  example: 'wait %1',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return noJobs(io, 'wait');
    const targets: ShellJob[] = [];
    if (argv.length === 1) targets.push(...lab.jobs.list());
    for (const spec of argv.slice(1)) {
      const job = /^\d+$/.test(spec)
        ? lab.jobs.list().find((j) => j.job.pids.includes(Number(spec)))
        : lab.jobs.find(spec);
      if (job === undefined || typeof job === 'string') {
        io.err(
          /^\d+$/.test(spec)
            ? `wait: pid ${spec} is not a child of this shell\n`
            : `wait: ${spec}: no such job\n`,
        );
        return 127;
      }
      targets.push(job);
    }
    return waitAll(lab, targets, argv.length === 1);
  },
};

function waitAll(lab: LabIo, targets: ShellJob[], all: boolean): JobTask {
  let left = targets.length;
  let last = 0;
  return {
    start(exit) {
      if (left === 0) return exit(0);
      for (const job of targets) {
        lab.jobs.forget(job);
        const done = (status: number) => {
          last = status;
          if (--left === 0) exit(all ? 0 : last);
        };
        if (job.status !== null) done(job.status);
        else {
          job.waiters.push(done);
          job.job.foreground();
        }
      }
    },
    signal() {}, // Ctrl-C interrupts wait itself; the jobs go on
  };
}

/** signalByName reads a signal given as a number, a name or a name without SIG. */
export function signalByName(text: string): JobSignal | undefined {
  const up = text.toUpperCase();
  const name = (up.startsWith('SIG') ? up : `SIG${up}`) as JobSignal;
  if (Object.hasOwn(SIGNALS, name)) return name;
  return (Object.keys(SIGNALS) as JobSignal[]).find((n) => String(SIGNALS[n]) === text);
}

/**
 * listSignals is `kill -l`: without arguments bash's table of every signal number and name, five
 * to a line; with arguments each number's name (an exit status over 128 counts as 128 + N) or
 * each name's number.
 */
function listSignals(args: string[], io: CommandIo): number {
  if (args.length === 0) {
    let out = '';
    let column = 0;
    for (let n = 1; n <= 64; n++) {
      const name = signalName(n);
      if (name === undefined) continue;
      out += `${String(n).padStart(2)}) ${name}${++column % 5 === 0 ? '\n' : '\t'}`;
    }
    io.out(column % 5 === 0 ? out : `${out}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const number = /^\d+$/.test(arg) ? Number(arg) : undefined;
    const name = number === undefined ? undefined : signalName(number > 128 ? number - 128 : number);
    const byName = number === undefined ? signalByName(arg) : undefined;
    if (name !== undefined) io.out(`${name.slice(3)}\n`);
    else if (byName !== undefined) io.out(`${SIGNALS[byName]}\n`);
    else {
      io.err(`kill: ${arg}: invalid signal specification\n`);
      status = 1;
    }
  }
  return status;
}

/** kill sends a signal (TERM by default) to programs on the command's host or to jobs. */
export const kill: ShellCommand = {
  name: 'kill',
  summary: 'send a signal to a process or job',
  usage: 'kill [-SIGNAL|-s SIGNAL] PID|%JOB...  or  kill -l',
  example: 'kill -INT %1',
  completesFiles: false,
  run(argv, io) {
    const lab = io.lab;
    if (lab === undefined) return noJobs(io, 'kill');
    let args = argv.slice(1);
    if (args[0] === '-l') return listSignals(args.slice(1), io);
    let signal: JobSignal = 'SIGTERM';
    const spec = args[0] === '-s' ? args[1] : args[0]?.startsWith('-') ? args[0].slice(1) : undefined;
    if (spec !== undefined) {
      const named = signalByName(spec);
      if (named === undefined) {
        io.err(`kill: ${spec}: invalid signal specification\n`);
        return 1;
      }
      signal = named;
      args = args.slice(args[0] === '-s' ? 2 : 1);
    }
    if (args.length === 0) {
      io.err(
        'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
      );
      return 2;
    }
    let status = 0;
    for (const target of args) {
      if (target.startsWith('%')) {
        const job = lab.jobs.find(target);
        if (typeof job === 'string') {
          io.err(`kill: ${job}\n`);
          status = 1;
        } else job.job.signal(signal);
        continue;
      }
      if (!/^\d+$/.test(target)) {
        io.err(`kill: ${target}: arguments must be process or job IDs\n`);
        status = 1;
        continue;
      }
      const host = lab.session.world.hosts.get(lab.host)!;
      const proc = lab.session.exec.find(host, Number(target));
      if (proc === undefined || proc.state === 'exited') {
        io.err(`kill: (${target}) - No such process\n`);
        status = 1;
        continue;
      }
      if (signal === 'SIGINT') lab.session.interrupt(proc);
      else lab.session.exec.signal(proc, SIGNALS[signal]);
      lab.session.wake();
    }
    return status;
  },
};
