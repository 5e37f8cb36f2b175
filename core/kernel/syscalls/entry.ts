// The syscall machinery every system call shares: the result type with its Block, spawn,
// the enter/exit recording with "errno explained", sockfd_lookup_light, and signal delivery.

import type { ErrOrigin, Host } from '../host/host';
import type { Block } from '../host/wait';
import { errnoName } from '../include/uapi/errno';
import type { Socket } from '../include/linux/net';
import { fdget, newTask, type Task, type TaskCreds } from '../sched/task';

/** Block is re-exported from host/wait.ts: the "sleep on this queue, then call again" result. */
export type { Block } from '../host/wait';

/** SysResult is a syscall's outcome: a number (result or -errno) or a Block. */
export type SysResult = number | Block;

/** isBlock tells whether a syscall result asks the task to sleep. */
export function isBlock(r: SysResult): r is Block {
  return typeof r === 'object';
}

/** spawn creates a task on host h with the given credentials and returns its pid. */
export function spawn(h: Host, creds: TaskCreds): number {
  const t = newTask(h.allocPid(), creds);
  h.tasks.set(t.pid, t);
  return t.pid;
}

/** syscall runs body as system call name for pid, recording enter, exit and the errno's origin. */
export function syscall(
  h: Host,
  pid: number,
  name: string,
  args: string,
  body: (task: Task) => SysResult,
): SysResult {
  const task = h.tasks.get(pid);
  if (task === undefined) throw new Error(`syscall ${name}: no task ${pid} on ${h.name}`);
  h.lastErr = null;
  const restarted = task.restart !== null && name.startsWith(task.restart);
  h.trace.record('syscall_enter', h.now, h.name, { pid, name, args: restarted ? `${args} (restart)` : args });
  const r = body(task);
  if (isBlock(r)) return r;
  const last = h.lastErr as ErrOrigin | null;
  const origin = r < 0 && last !== null && last.errno === -r ? last : null;
  h.trace.record('syscall_exit', h.now, h.name, {
    pid,
    name,
    ret: r,
    errno: r < 0 ? errnoName(r) : '',
    errfn: origin?.fn ?? '',
    errwhy: origin?.why ?? '',
  });
  return r;
}

/** sockfd_lookup_light finds the socket behind fd, or returns -EBADF / -ENOTSOCK (net/socket.c). */
export function sockfd_lookup_light(h: Host, task: Task, fd: number): Socket | number {
  return h.kcall('sockfd_lookup_light', `fd=${fd}`, () => {
    const file = fdget(task, fd);
    if (file === null) return h.kerr('EBADF', `fd ${fd} is not open in pid ${task.pid}`);
    if (file.socket === null)
      return h.kerr('ENOTSOCK', `fd ${fd} is ${file.f.f_op ?? 'a file'}, not a socket`);
    return file.socket;
  });
}

/** signal delivers signal sig to pid and wakes it if it sleeps, so its blocked call returns -EINTR when re-invoked. */
export function signal(h: Host, pid: number, sig: number): void {
  const t = h.tasks.get(pid);
  if (t === undefined) return;
  t.sigpending.push(sig);
  if (t.sleepingOn !== null) {
    const wq = t.sleepingOn;
    wq.sleepers.splice(wq.sleepers.indexOf(pid), 1);
    h.trace.record('wake', h.now, h.name, { pid, wq: wq.addr, by: 'signal_wake_up' });
    t.state = 'TASK_RUNNING';
    t.sleepingOn = null;
    h.onWake(t);
  }
}
