// A running C program as the scheduler sees it: the VM state, the kernel task it runs as, why
// it is not running (blocked on a kernel wait queue, asleep, waiting for a child or for
// input), the signals waiting to be delivered, and how it ended.

import * as k from '../kernel/index';
import type { Host, TaskCreds } from '../kernel/index';
import type { Fault, VmState } from '../lang/index';
import type { StdinQueue } from './stdin';

/** Sink receives the bytes a program writes to stdout or stderr. */
export type Sink = (bytes: Uint8Array) => void;

/** ProcState is where a program is: runnable, blocked waiting for something, or ended (a zombie until reaped); a stopped program keeps its state, with Proc.stoppedBy set. */
export type ProcState = 'runnable' | 'blocked' | 'exited';

/** Wait says what a blocked program waits for; `kernel` means a socket wait queue (the kernel wakes it); `repl` means a REPL process between two lines. */
export type Wait =
  | { readonly k: 'kernel'; readonly timer: number | null }
  | { readonly k: 'sleep'; readonly until: number; readonly timer: number }
  | { readonly k: 'pause' }
  | { readonly k: 'child' }
  | { readonly k: 'stdin' }
  | { readonly k: 'repl' };

/** Proc is one program running as a task on a host. */
export interface Proc {
  /** pid is the kernel task's pid on its host. */
  readonly pid: number;
  /** host is the kernel host the task lives on. */
  readonly host: Host;
  /** vm is the program's whole state (plain data); a REPL process gets a new one for each line. */
  vm: VmState;
  /** parent is the process that forked this one, or null for a program the caller started. */
  readonly parent: Proc | null;
  /** children are the processes this one forked, in fork order (reaped ones removed). */
  readonly children: Proc[];
  state: ProcState;
  /** wait is what a blocked program waits for, or null. */
  wait: Wait | null;
  /** pending are signals sent and not yet delivered, in order. */
  readonly pending: number[];
  /** interrupted is set when a signal handler ran while the program slept outside the kernel (its call then fails with EINTR). */
  interrupted: boolean;
  /** status is the exit status as a shell reports it (128+N after signal N), once exited. */
  status: number | null;
  /** fault is the runtime fault that ended the program (its message names the line), or null. */
  fault: Fault | null;
  /** waitStatus is the wait(2) status word (code << 8, or the signal number), once exited. */
  waitStatus: number;
  /** alarm is the pending SIGALRM timer: its event seq and due time, or null. */
  alarm: { readonly seq: number; readonly at: number } | null;
  /** sleepUntil is the deadline of an interrupted nanosleep in progress, so a re-made call knows it. */
  sleepUntil: number | null;
  /** io holds the program's stdin, its stdout and stderr sinks, and whether they are a terminal. */
  readonly io: ProcIo;
  /** stoppedBy is the signal that stopped the program (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) until SIGCONT, else null. */
  stoppedBy: number | null;
  /** repl is set on a REPL process: a line's end (exit, fault or fatal signal) goes to it instead of ending the process. */
  repl: LineEnd | null;
  /** pausedAt is the source line a single-stepped program is paused before (it runs no more until Exec.resume), else null. */
  pausedAt: number | null;
}

/** LineEnd receives the end of one REPL line: its exit status (128+N after signal N) and its fault, if any. */
export type LineEnd = (status: number, fault: Fault | null) => void;

/** ProcIo is where a program's standard streams go. */
export interface ProcIo {
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** stdin is the program's own input (fd 0); without it the program reads the world's shared terminal (Exec.writeStdin). */
  readonly stdin?: StdinQueue;
  /** tty tells isatty(0/1/2): a terminal makes stdout line-buffered, as glibc does. */
  readonly tty: boolean;
}

/** SIG holds the signal numbers the scheduler itself sends or treats specially (x86-64 Linux). */
// prettier-ignore
export const SIG = {
  SIGINT: 2, SIGKILL: 9, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
} as const;

/** STOP_BY_DEFAULT are the signals whose default action is to stop the program (SIGSTOP always stops). */
export const STOP_BY_DEFAULT: ReadonlySet<number> = new Set([
  SIG.SIGSTOP,
  SIG.SIGTSTP,
  SIG.SIGTTIN,
  SIG.SIGTTOU,
]);

/** IGNORED_BY_DEFAULT are the signals whose default action is to do nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). */
export const IGNORED_BY_DEFAULT: ReadonlySet<number> = new Set([17, 18, 23, 28]);

/** SA_RESETHAND is sigaction's "restore the default after one delivery" flag (signal() in SysV style sets it). */
export const SA_RESETHAND = 0x80000000;

/** disposition returns what signal sig does to proc: run the handler at an address, ignore, stop, or terminate. */
export function disposition(
  p: Proc,
  sig: number,
): { k: 'handler'; addr: number } | { k: 'ignore' | 'stop' | 'terminate' } {
  if (sig === SIG.SIGKILL) return { k: 'terminate' };
  if (sig === SIG.SIGSTOP) return { k: 'stop' };
  const h = p.vm.libc.handlers[sig] ?? 0;
  if (h === 1) return { k: 'ignore' };
  if (h === 0) {
    if (STOP_BY_DEFAULT.has(sig)) return { k: 'stop' };
    return IGNORED_BY_DEFAULT.has(sig) ? { k: 'ignore' } : { k: 'terminate' };
  }
  return { k: 'handler', addr: h };
}

/** credsFor returns the task credentials of uid: root with every capability, or an unprivileged user. */
export function credsFor(uid: number): TaskCreds {
  if (uid === 0) return { ...k.ROOT, caps: Array.from({ length: 41 }, (_, i) => i) };
  return { ...k.STUDENT, uid, gid: uid };
}
