// The shell's table of background jobs, numbered and reported as bash reports them: `[1] 1234`
// when one starts, `jobs` lines such as `[1]+  Running                 ./srv &`, and
// `[1]+  Done                    ./srv` before the next prompt once it has ended, and
// `[1]+  Stopped                 ./srv` once it has stopped (Ctrl-Z, kill -STOP).
import type { Job } from './job';
import { SIGNALS } from './job';

/** ShellJob is one background job of a shell. */
export interface ShellJob {
  readonly id: number;
  /** command is the command line the job runs (without the &). */
  readonly command: string;
  readonly job: Job;
  /** status is the job's status once it has ended, else null. */
  status: number | null;
  /** waiters hear the job's status when it ends (fg, wait). */
  readonly waiters: ((status: number) => void)[];
  /** reportedStop is the stop state last reported before a prompt (the stopping signal, or null). */
  reportedStop: number | null;
}

/** STOP_TEXT is strsignal's text for the stop signals, as `jobs -l` prints a stopped job's state. */
const STOP_TEXT: Record<number, string> = {
  [SIGNALS.SIGSTOP]: 'Stopped (signal)',
  [SIGNALS.SIGTSTP]: 'Stopped',
  [SIGNALS.SIGTTIN]: 'Stopped (tty input)',
  [SIGNALS.SIGTTOU]: 'Stopped (tty output)',
};

/** SIGNAL_TEXT is how bash describes a job killed by a signal (strsignal). */
const SIGNAL_TEXT: Record<number, string> = {
  [SIGNALS.SIGHUP]: 'Hangup',
  [SIGNALS.SIGINT]: 'Interrupt',
  [SIGNALS.SIGQUIT]: 'Quit',
  4: 'Illegal instruction',
  6: 'Aborted',
  8: 'Floating point exception',
  [SIGNALS.SIGKILL]: 'Killed',
  [SIGNALS.SIGUSR1]: 'User defined signal 1',
  11: 'Segmentation fault',
  [SIGNALS.SIGUSR2]: 'User defined signal 2',
  [SIGNALS.SIGPIPE]: 'Broken pipe',
  [SIGNALS.SIGALRM]: 'Alarm clock',
  [SIGNALS.SIGTERM]: 'Terminated',
};

/**
 * statusText is a job's state as `jobs` prints it: Running, Stopped (with long, as `jobs -l`,
 * strsignal's text for the stopping signal), Done, Exit N, or the signal that killed it.
 */
export function statusText(status: number | null, stoppedBy: number | null = null, long = false): string {
  if (status === null && stoppedBy !== null) return long ? (STOP_TEXT[stoppedBy] ?? 'Stopped') : 'Stopped';
  if (status === null) return 'Running';
  if (status === 0) return 'Done';
  if (status > 128 && SIGNAL_TEXT[status - 128] !== undefined) return SIGNAL_TEXT[status - 128]!;
  return `Exit ${status}`;
}

/** signalDeathText is what bash prints after a foreground job killed by a signal ('' for SIGINT and SIGPIPE). */
export function signalDeathText(status: number): string {
  if (status <= 128 || status === 128 + SIGNALS.SIGINT || status === 128 + SIGNALS.SIGPIPE) return '';
  const text = SIGNAL_TEXT[status - 128] ?? '';
  return status - 128 === 11 || status - 128 === 6 || status - 128 === 8 ? `${text} (core dumped)` : text;
}

/** JobTable numbers a shell's background jobs and remembers them until reported. */
export class JobTable {
  #jobs: ShellJob[] = [];

  /** add registers a started background job and returns it. */
  add(job: Job, command: string): ShellJob {
    const id = (this.#jobs.at(-1)?.id ?? 0) + 1;
    const entry: ShellJob = { id, command, job, status: null, waiters: [], reportedStop: null };
    this.#jobs.push(entry);
    return entry;
  }

  /** ended records a job's status and tells its waiters. */
  ended(job: ShellJob, status: number): void {
    job.status = status;
    for (const w of job.waiters.splice(0)) w(status);
  }

  /** list is every job not yet reported as ended, oldest first. */
  list(): readonly ShellJob[] {
    return this.#jobs;
  }

  /** find resolves a job spec (%N, %+, %%, %-, %name, or nothing for the current job); a string is the error. */
  find(spec: string | undefined): ShellJob | string {
    const jobs = this.#jobs;
    if (spec === undefined || spec === '%%' || spec === '%+' || spec === '%')
      return jobs.at(-1) ?? 'current: no such job';
    if (spec === '%-') return jobs.at(-2) ?? jobs.at(-1) ?? '%-: no such job';
    const n = /^%(\d+)$/.exec(spec);
    if (n !== null) return jobs.find((j) => j.id === Number(n[1])) ?? `${spec}: no such job`;
    if (spec.startsWith('%')) {
      const hits = jobs.filter((j) => j.command.startsWith(spec.slice(1)));
      if (hits.length === 1) return hits[0]!;
      return hits.length === 0 ? `${spec}: no such job` : `${spec}: ambiguous job spec`;
    }
    return `${spec}: no such job`;
  }

  /** reported marks a job's state as told (`jobs` listed it): an ended job is forgotten, a stopped one not reported again. */
  reported(job: ShellJob): void {
    if (job.status !== null) this.forget(job);
    else job.reportedStop = job.job.stoppedBy;
  }

  /** forget drops a job (fg took it to the foreground, or wait collected it). */
  forget(job: ShellJob): void {
    this.#jobs = this.#jobs.filter((j) => j !== job);
  }

  /** marker is bash's `+` for the current job, `-` for the previous one, else a space. */
  marker(job: ShellJob): string {
    const i = this.#jobs.indexOf(job);
    if (i === this.#jobs.length - 1) return '+';
    return i === this.#jobs.length - 2 ? '-' : ' ';
  }

  /** line is a job's line as `jobs` prints it (with -l, the pid of its last program after the marker). */
  line(job: ShellJob, withPid = false): string {
    const pid = withPid ? ` ${job.job.pids.at(-1) ?? ''}` : ' ';
    const stoppedBy = job.job.stoppedBy;
    const state = statusText(job.status, stoppedBy, withPid);
    const command = job.status === null && stoppedBy === null ? `${job.command} &` : job.command;
    return `[${job.id}]${this.marker(job)}${pid} ${state.padEnd(24)}${command}\n`;
  }

  /** takeFinished returns the lines reporting jobs that ended or stopped since the last prompt, and forgets the ended ones. */
  takeFinished(): string {
    const stopped = (j: ShellJob) => j.status === null && j.job.stoppedBy !== null;
    const done = this.#jobs.filter((j) => j.status !== null || (stopped(j) && j.reportedStop === null));
    for (const j of this.#jobs) j.reportedStop = j.status === null ? j.job.stoppedBy : null;
    const text = done.map((j) => this.line(j)).join('');
    this.#jobs = this.#jobs.filter((j) => j.status === null);
    return text;
  }
}
