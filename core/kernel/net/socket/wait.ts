// Sleeping in a socket call (include/linux/wait.h, net/core/sock.c sk_wait_event): the task
// goes TASK_INTERRUPTIBLE on the socket's wait queue with a timeout taken from sk_rcvtimeo or
// sk_sndtimeo (jiffies, HZ = 1000, or MAX_SCHEDULE_TIMEOUT). The deadline lives on the task,
// so the re-invoked call (see syscalls/index.ts) knows when its timeout has run out and
// returns what Linux returns then (EAGAIN, or EINPROGRESS for connect).

import type { Host } from '../../host/host';
import type { Block, WaitQueue } from '../../host/wait';
import type { Socket } from '../../include/linux/net';
import { MAX_SCHEDULE_TIMEOUT } from '../../include/net/sock';
import { O_NONBLOCK } from '../../include/uapi/socket';
import type { Task } from '../../sched/task';

declare module '../../sched/task' {
  interface Task {
    /** deadline is the simulated time (ns) a timed wait of the current call ends, or null for no limit. */
    deadline?: number | null;
    /** pollQueues are the wait queues a sleeping poll()/select() is on (its poll_table entries). */
    pollQueues?: WaitQueue[];
    /** closeOnExec marks the fds with FD_CLOEXEC (the fdtable's close_on_exec bitmap), by fd. */
    closeOnExec?: boolean[];
  }
}

/** NS_PER_JIFFY is one jiffy in ns at SockLab's HZ of 1000. */
export const NS_PER_JIFFY = 1_000_000;

/** nonblocking tells whether the socket's file has O_NONBLOCK. */
export function nonblocking(sock: Socket): boolean {
  return sock.file !== null && (sock.file.f.f_flags & O_NONBLOCK) !== 0;
}

/** timeoutNs turns a sk_rcvtimeo / sk_sndtimeo value (jiffies or MAX_SCHEDULE_TIMEOUT) into ns, or null for no limit. */
export function timeoutNs(timeo: number | string): number | null {
  return timeo === MAX_SCHEDULE_TIMEOUT || typeof timeo !== 'number' ? null : timeo * NS_PER_JIFFY;
}

/** timedOut tells whether the current call's timed wait has run out (only once it has slept before). */
export function timedOut(h: Host, task: Task, restart: string): boolean {
  return task.restart === restart && task.deadline != null && h.now >= task.deadline;
}

/** sleep puts the task on the socket's wait queue (a `wait` event by `by`) and returns the Block with the time left. */
export function sleep(
  h: Host,
  task: Task,
  sock: Socket,
  by: string,
  restart: string,
  timeo: number | string = MAX_SCHEDULE_TIMEOUT,
): Block {
  if (task.restart !== restart) {
    const t = timeoutNs(timeo);
    task.deadline = t === null ? null : h.now + t;
  }
  return sleepOn(h, task, sock.wait, by, restart);
}

/** sleepOn queues the task on wq as `restart`'s wait and returns the Block; the timeout is what is left of task.deadline. */
export function sleepOn(h: Host, task: Task, wq: WaitQueue, by: string, restart: string): Block {
  task.state = 'TASK_INTERRUPTIBLE';
  task.sleepingOn = wq;
  task.restart = restart;
  wq.sleepers.push(task.pid);
  h.trace.record('wait', h.now, h.name, { pid: task.pid, wq: wq.addr, by });
  const left = task.deadline == null ? null : Math.max(0, task.deadline - h.now);
  return { block: wq, timeoutNs: left };
}

/** finish ends the current call's wait state: no restart, no deadline. */
export function finish(task: Task): void {
  task.restart = null;
  task.deadline = null;
}

/** interrupted returns -EINTR when a signal is pending for a restarted wait, else 0. */
export function interrupted(h: Host, task: Task, where: string): number {
  if (task.sigpending.length === 0) return 0;
  finish(task);
  return h.kerr('EINTR', `signal ${task.sigpending[0]} arrived while sleeping in ${where}`);
}
