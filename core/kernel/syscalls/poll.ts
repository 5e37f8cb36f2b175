// poll(2) and select(2) over sockets and the terminal fds (fs/select.c: do_sys_poll → do_poll,
// core_sys_select → do_select). Each pass asks every fd's file for its mask (sock_poll for a
// socket; the terminal's mask comes from the caller, since the scheduler owns stdin). With
// nothing ready the task sleeps on every polled socket's wait queue at once (the poll table)
// until a wake-up, a signal (EINTR) or the timeout (then the call returns 0), and is called
// again as every blocking syscall is (see index.ts).

import type { Host } from '../host/host';
import { newWaitQueue, type WaitQueue } from '../host/wait';
import { fdget, type Task } from '../sched/task';
import { POLL, sock_poll } from '../net/socket/poll';
import { finish, interrupted, sleepOn } from '../net/socket/wait';
import { syscall, type SysResult } from './entry';

/** PollFd is struct pollfd: the fd, the events asked for, and revents filled in by poll. */
export interface PollFd {
  readonly fd: number;
  readonly events: number;
  revents: number;
}

/** PollOptions let the caller answer for the terminal fds (0, 1, 2), whose input the scheduler owns. */
export interface PollOptions {
  /** ttyMask returns the POLL* mask of a terminal fd; by default it is writable and has no input. */
  readonly ttyMask?: (fd: number) => number;
  /** ttyWait is the terminal's wait queue: a sleeping poll also waits there, so the scheduler wakes it (wake_up_interruptible) when input arrives. */
  readonly ttyWait?: WaitQueue;
}

/** TimeVal is struct timeval: seconds and microseconds. */
export interface TimeVal {
  readonly sec: number;
  readonly usec: number;
}

const TTY_DEFAULT = POLL.POLLOUT | POLL.POLLWRNORM;
const POLLIN_SET = POLL.POLLRDNORM | POLL.POLLRDBAND | POLL.POLLIN | POLL.POLLHUP | POLL.POLLERR;
const POLLOUT_SET = POLL.POLLWRBAND | POLL.POLLWRNORM | POLL.POLLOUT | POLL.POLLERR;
const POLLEX_SET = POLL.POLLPRI;
const ALWAYS = POLL.POLLERR | POLL.POLLHUP | POLL.POLLNVAL;

/** fileMask is f_op->poll of the file at fd: sock_poll for a socket, ttyMask for the terminal, POLLNVAL when not open. */
function fileMask(h: Host, task: Task, fd: number, opts: PollOptions, queues: WaitQueue[]): number {
  const file = fdget(task, fd);
  if (file === null) return POLL.POLLNVAL;
  if (file.socket === null) {
    if (opts.ttyWait !== undefined && !queues.includes(opts.ttyWait)) queues.push(opts.ttyWait);
    return opts.ttyMask?.(fd) ?? TTY_DEFAULT;
  }
  if (!queues.includes(file.socket.wait)) queues.push(file.socket.wait);
  return sock_poll(h, file.socket);
}

/** poll_freewait takes the task off every wait queue its last poll pass slept on. */
function poll_freewait(task: Task): void {
  for (const wq of task.pollQueues ?? []) {
    const i = wq.sleepers.indexOf(task.pid);
    if (i >= 0) wq.sleepers.splice(i, 1);
  }
  task.pollQueues = [];
  task.sleepingOn = null;
}

/** pollWait runs one pass: the ready count, 0 after the deadline, -EINTR, or a Block on every polled queue. */
function pollWait(
  h: Host,
  task: Task,
  name: string,
  timeoutNs: number | null,
  pass: (queues: WaitQueue[]) => number,
): SysResult {
  const restarted = task.restart === name;
  poll_freewait(task);
  if (restarted) {
    const e = interrupted(h, task, 'poll_schedule_timeout');
    if (e < 0) return e;
  } else task.deadline = timeoutNs === null ? null : h.now + timeoutNs;
  const queues: WaitQueue[] = [];
  const n = pass(queues);
  if (n !== 0 || timeoutNs === 0 || (task.deadline != null && h.now >= task.deadline)) {
    finish(task);
    return n;
  }
  if (queues.length === 0) queues.push(newWaitQueue(`poll-${task.pid}`));
  task.pollQueues = queues;
  const block = sleepOn(h, task, queues[0]!, 'poll_schedule_timeout', name);
  for (const wq of queues.slice(1)) {
    wq.sleepers.push(task.pid);
    h.trace.record('wait', h.now, h.name, { pid: task.pid, wq: wq.addr, by: 'poll_schedule_timeout' });
  }
  return block;
}

/** do_poll is one pass over the pollfds: it fills each revents and returns how many are non-zero. */
function do_poll(h: Host, t: Task, fds: PollFd[], opts: PollOptions, queues: WaitQueue[]): number {
  return h.kcall(
    'do_poll',
    '',
    () => {
      let count = 0;
      for (const p of fds) {
        p.revents = p.fd < 0 ? 0 : fileMask(h, t, p.fd, opts, queues) & (p.events | ALWAYS);
        if (p.revents !== 0) count++;
      }
      return count;
    },
    'fs/select.c',
  );
}

/** poll is poll(2): fills each revents and returns how many fds are ready, 0 on timeout (ms; < 0 waits forever), -errno, or a Block. */
export function poll(
  h: Host,
  pid: number,
  fds: PollFd[],
  timeoutMs: number,
  opts: PollOptions = {},
): SysResult {
  const shown = fds.map((p) => `{${p.fd}, 0x${p.events.toString(16)}}`).join(', ');
  return syscall(h, pid, 'poll', `[${shown}], ${fds.length}, ${timeoutMs}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__do_sys_poll' : 'sys_poll',
      `nfds=${fds.length}, timeout=${timeoutMs}`,
      () =>
        h.kcall(
          'do_sys_poll',
          '',
          () => {
            if (fds.length > t.nofile)
              return h.kerr('EINVAL', `nfds ${fds.length} exceeds RLIMIT_NOFILE (${t.nofile})`);
            const ns = timeoutMs < 0 ? null : timeoutMs * 1_000_000;
            return pollWait(h, t, 'poll', ns, (queues) => do_poll(h, t, fds, opts, queues));
          },
          'fs/select.c',
        ),
      'fs/select.c',
    ),
  );
}

/** FdSets are select's three fd sets; on return each keeps only its ready fds. */
export interface FdSets {
  readonly read: Set<number> | null;
  readonly write: Set<number> | null;
  readonly except: Set<number> | null;
}

/** SELECT_BITS are the poll bits that make an fd ready in the read, write and except sets. */
const SELECT_BITS = [POLLIN_SET, POLLOUT_SET, POLLEX_SET] as const;

/** do_select is one pass over fds below n: it adds each ready fd to its ready set and returns the number of ready bits. */
function do_select(
  h: Host,
  t: Task,
  n: number,
  sets: ReadonlyArray<Set<number> | null>,
  ready: ReadonlyArray<Set<number>>,
  opts: PollOptions,
  queues: WaitQueue[],
): number {
  return h.kcall(
    'do_select',
    '',
    () => {
      let count = 0;
      for (let fd = 0; fd < n; fd++) {
        const want = sets.map((s) => s?.has(fd) ?? false);
        if (!want.some(Boolean)) continue;
        const mask = fileMask(h, t, fd, opts, queues);
        SELECT_BITS.forEach((bits, i) => {
          if (!want[i] || (mask & bits) === 0) return;
          ready[i]!.add(fd);
          count++;
        });
      }
      return count;
    },
    'fs/select.c',
  );
}

/** core_sys_select checks the arguments, runs do_select passes (sleeping between them) and writes the ready sets back. */
function core_sys_select(
  h: Host,
  t: Task,
  nfds: number,
  sets: FdSets,
  timeout: TimeVal | null,
  opts: PollOptions,
): SysResult {
  if (nfds < 0) return h.kerr('EINVAL', `nfds ${nfds} is negative`);
  if (timeout !== null && (timeout.sec < 0 || timeout.usec < 0 || timeout.usec >= 1_000_000))
    return h.kerr('EINVAL', `timeout {${timeout.sec}, ${timeout.usec}} is not a valid timeval`);
  const n = Math.min(nfds, t.nofile);
  const all = [sets.read, sets.write, sets.except];
  for (const s of all)
    for (const fd of s ?? [])
      if (fd < n && fdget(t, fd) === null) return h.kerr('EBADF', `fd ${fd} in an fd_set is not open`);
  const ns = timeout === null ? null : timeout.sec * 1e9 + timeout.usec * 1000;
  const ready = [new Set<number>(), new Set<number>(), new Set<number>()];
  const r = pollWait(h, t, 'select', ns, (queues) => do_select(h, t, n, all, ready, opts, queues));
  if (typeof r === 'number' && r >= 0)
    all.forEach((s, i) => {
      if (s === null) return;
      s.clear();
      for (const fd of ready[i]!) s.add(fd);
    });
  return r;
}

/** select is select(2) over fds below nfds: the number of ready bits (sets reduced to them), 0 on timeout (null waits forever), -errno, or a Block. */
export function select(
  h: Host,
  pid: number,
  nfds: number,
  sets: FdSets,
  timeout: TimeVal | null,
  opts: PollOptions = {},
): SysResult {
  const show = (s: Set<number> | null): string => (s === null ? 'NULL' : `[${[...s].join(',')}]`);
  const tv = timeout === null ? 'NULL' : `{${timeout.sec}, ${timeout.usec}}`;
  const args = `${nfds}, ${show(sets.read)}, ${show(sets.write)}, ${show(sets.except)}, ${tv}`;
  return syscall(h, pid, 'select', args, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? 'kern_select' : 'sys_select',
      `n=${nfds}`,
      () =>
        h.kcall('core_sys_select', '', () => core_sys_select(h, t, nfds, sets, timeout, opts), 'fs/select.c'),
      'fs/select.c',
    ),
  );
}
