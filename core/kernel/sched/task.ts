// Tasks (a slice of struct task_struct) and their fd tables (fs/file.c): pid, credentials,
// capabilities, the fd → struct file → struct socket chain, run state, pending signals.

import type { KStruct } from '../host/kstruct';
import type { Socket } from '../include/linux/net';
import type { WaitQueue } from '../host/wait';

/** FILE_ZERO is struct file as alloc_file gives it, one field per line. */
// prettier-ignore
export const FILE_ZERO = {
  f_flags: 0, // O_RDWR | O_NONBLOCK …
  f_mode: 0, // FMODE_READ | FMODE_WRITE
  f_op: null as string | null, // socket_file_ops
  private_data: null as string | null, // struct socket *
  f_count: 0, // reference count
  dentry: '', // d_name, e.g. "TCP" (3.10+: sk_prot_creator->name)
};

/** KFile is a traced struct file with its socket. */
export interface KFile extends KStruct<typeof FILE_ZERO> {
  /** socket is private_data: the struct socket this file is, or null for a terminal. */
  readonly socket: Socket | null;
}

/** TaskState is the task's run state as the scheduler sees it. */
export type TaskState = 'TASK_RUNNING' | 'TASK_INTERRUPTIBLE';

/** Task is one process: identity, credentials, fd table, run state and pending signals. */
export interface Task {
  readonly pid: number;
  /** comm is the program name. */
  readonly comm: string;
  readonly uid: number;
  readonly gid: number;
  /** groups are the supplementary group ids. */
  readonly groups: readonly number[];
  /** caps are the effective capabilities by number (CAP_NET_RAW = 13). */
  readonly caps: ReadonlySet<number>;
  /** fds is the fd table: index = fd number. */
  readonly fds: Array<KFile | null>;
  /** nofile is RLIMIT_NOFILE (the fd table's size limit). */
  readonly nofile: number;
  state: TaskState;
  /** sleepingOn is the wait queue the task sleeps on, or null. */
  sleepingOn: WaitQueue | null;
  /** sigpending lists signals delivered and not yet handled. */
  readonly sigpending: number[];
  /** restart names the blocking call (connect, accept, send, recv) whose wait a re-invocation continues, or null. */
  restart: string | null;
  /** sendProgress is how many bytes a blocked send() already copied, so its re-invocation continues there. */
  sendProgress?: number;
  /** sendWait names where a blocked send() sleeps (sk_stream_wait_connect or sk_stream_wait_memory). */
  sendWait?: string;
}

/** TaskCreds are the credentials a new task starts with. */
export interface TaskCreds {
  readonly comm: string;
  readonly uid: number;
  readonly gid: number;
  readonly groups?: readonly number[];
  readonly caps?: readonly number[];
}

/** STUDENT is the default unprivileged user: uid/gid 1000, no capabilities. */
export const STUDENT: TaskCreds = { comm: 'a.out', uid: 1000, gid: 1000 };
/** ROOT is uid 0 with CAP_NET_RAW (13) and CAP_NET_BIND_SERVICE (10), as after sudo. */
export const ROOT: TaskCreds = { comm: 'a.out', uid: 0, gid: 0, caps: [10, 12, 13] };

/** TTY_FILE is the terminal file fds 0, 1 and 2 start on (tty_fops; not a socket, so ENOTSOCK). */
export const TTY_FILE: KFile = {
  addr: '0x0',
  struct: 'file',
  size: 0,
  f: { ...FILE_ZERO, f_op: 'tty_fops', f_count: 1 },
  socket: null,
};

/** newTask returns a running task whose fds 0, 1, 2 are the terminal, in a table of 1024 slots. */
export function newTask(pid: number, creds: TaskCreds): Task {
  return {
    pid,
    comm: creds.comm,
    uid: creds.uid,
    gid: creds.gid,
    groups: creds.groups ?? [],
    caps: new Set(creds.caps ?? []),
    fds: [TTY_FILE, TTY_FILE, TTY_FILE],
    nofile: 1024,
    state: 'TASK_RUNNING',
    sleepingOn: null,
    sigpending: [],
    restart: null,
  };
}

/** capable tells whether task holds capability cap (capable()/ns_capable() in one netns). */
export function capable(task: Task, cap: number): boolean {
  return task.caps.has(cap);
}

/** fdget returns the file at fd, or null when the fd is not open. */
export function fdget(task: Task, fd: number): KFile | null {
  if (!Number.isInteger(fd) || fd < 0) return null;
  return task.fds[fd] ?? null;
}

/** lowestFreeFd returns the lowest unused fd, or -1 when the table is full. */
export function lowestFreeFd(task: Task): number {
  for (let i = 0; i < task.nofile; i++) if (task.fds[i] == null) return i;
  return -1;
}
