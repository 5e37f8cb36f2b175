// The system-call interface the C runtime and the tests call: typed functions over a host and
// a pid. Every call records syscall_enter and syscall_exit (with the errno's name and, for
// failures, which kernel function and condition produced it: "errno explained").
//
// Blocking without async. A syscall returns either a number (>= 0 result or -errno, exactly
// as Linux returns it) or a Block { block: waitQueue, timeoutNs }. On a Block the kernel has
// already put the task in TASK_INTERRUPTIBLE on that wait queue, recorded a `wait` event
// (by inet_wait_for_connect, inet_csk_wait_for_connect, sk_wait_data, sk_stream_wait_connect)
// and set task.restart to the waiting call's name; no syscall_exit is recorded yet. The
// scheduler (the C VM) then stops running the task. When kernel code wakes the queue
// (sk_state_change / sk_data_ready / sk_write_space → `wake` event → host.onWake(task)), or
// signal() delivers a signal (which also wakes it), or the timeout passes, the scheduler calls
// the *same* syscall again with the same arguments. Because task.restart names the waiting
// call, the re-invocation continues the wait rather than starting over (a second connect() on
// a connecting socket would otherwise be EALREADY): it completes (syscall_exit with the
// result), blocks again, or returns -EINTR when a signal is pending. Syscall enter events of a
// re-invocation carry "(restart)" in their args.

import type { ErrOrigin, Host } from './host/host';
import type { Block } from './host/wait';

export type { Block } from './host/wait';
import { errnoName } from './include/uapi/errno';
import { inet_stream_connect, sock_recvmsg, sock_sendmsg, sys_accept4, sys_socket } from './net/socket';
import { inet_bind, inet_listen } from './net/ipv4/af_inet';
import type { Socket } from './include/linux/net';
import type { SockaddrIn } from './include/uapi/in';
import { fdget, newTask, type Task, type TaskCreds } from './sched/task';
import { sock_close } from './vfs/close';

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
function syscall(
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

/** socket is socket(2): it returns the new fd or -errno. */
export function socket(h: Host, pid: number, family: number, type: number, protocol: number): number {
  return syscall(h, pid, 'socket', `${family}, ${type}, ${protocol}`, (t) =>
    sys_socket(h, t, family, type, protocol),
  ) as number;
}

/** close is close(2) on a socket fd: it returns 0 or -EBADF. */
export function close(h: Host, pid: number, fd: number): number {
  return syscall(h, pid, 'close', `${fd}`, (t) => {
    const file = fdget(t, fd);
    if (file === null)
      return h.kcall('sys_close', `${fd}`, () => h.kerr('EBADF', `fd ${fd} is not open`), 'fs/open.c');
    return h.kcall(
      'sys_close',
      `${fd}`,
      () => {
        t.fds[fd] = null;
        return sock_close(h, file);
      },
      'fs/open.c',
    );
  }) as number;
}

/** sockfd_lookup_light finds the socket behind fd, or returns -EBADF / -ENOTSOCK (net/socket.c). */
function sockfd_lookup_light(h: Host, task: Task, fd: number): Socket | number {
  return h.kcall('sockfd_lookup_light', `fd=${fd}`, () => {
    const file = fdget(task, fd);
    if (file === null) return h.kerr('EBADF', `fd ${fd} is not open in pid ${task.pid}`);
    if (file.socket === null)
      return h.kerr('ENOTSOCK', `fd ${fd} is ${file.f.f_op ?? 'a file'}, not a socket`);
    return file.socket;
  });
}

/** bind is bind(2): 0 or -errno. */
export function bind(h: Host, pid: number, fd: number, addr: SockaddrIn, addrLen = 16): number {
  return syscall(
    h,
    pid,
    'bind',
    `${fd}, {${addr.family}, ${addr.port}, ${addr.addr >>> 0}}, ${addrLen}`,
    (t) =>
      h.kcall('sys_bind', `${fd}`, () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : inet_bind(h, t, sock, addr, addrLen);
      }),
  ) as number;
}

/** listen is listen(2): backlog is clamped to net.core.somaxconn; 0 or -errno. */
export function listen(h: Host, pid: number, fd: number, backlog: number): number {
  return syscall(h, pid, 'listen', `${fd}, ${backlog}`, (t) =>
    h.kcall('sys_listen', `${fd}, ${backlog}`, () => {
      const sock = sockfd_lookup_light(h, t, fd);
      if (typeof sock === 'number') return sock;
      const somaxconn = h.sysctl['net.core.somaxconn'];
      const b = backlog >>> 0 > somaxconn ? somaxconn : backlog;
      if (sock.f.ops !== 'inet_stream_ops') {
        return h.kcall(
          'sock_no_listen',
          `via ${sock.f.ops}.listen`,
          () => h.kerr('EOPNOTSUPP', `${sock.f.ops}.listen is sock_no_listen`),
          'net/core/sock.c',
        );
      }
      return inet_listen(h, sock, b);
    }),
  ) as number;
}

/** connect is connect(2): 0, -errno, or a Block until the handshake ends (then call again). */
export function connect(h: Host, pid: number, fd: number, addr: SockaddrIn): SysResult {
  return syscall(h, pid, 'connect', `${fd}, {${addr.family}, ${addr.port}, ${addr.addr >>> 0}}, 16`, (t) => {
    const name = h.profile.version === '6.x' ? '__sys_connect' : 'sys_connect';
    return h.kcall(
      name,
      `${fd}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        if (typeof sock === 'number') return sock;
        return inet_stream_connect(h, t, sock, addr, t.restart === 'connect');
      },
      'net/socket.c',
    );
  });
}

/** accept4 is accept4(2): the new fd, -errno, or a Block until a connection is ready; peer receives the address. */
export function accept4(
  h: Host,
  pid: number,
  fd: number,
  flags = 0,
  peer: { addr?: SockaddrIn } = {},
): SysResult {
  return syscall(h, pid, 'accept4', `${fd}, 0x${flags.toString(16)}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_accept4' : 'sys_accept4',
      `${fd}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sys_accept4(h, t, sock, flags, peer);
      },
      'net/socket.c',
    ),
  );
}

/** send is send(2) = sendto(fd, buf, len, flags, NULL, 0): bytes sent, -errno or a Block. */
export function send(h: Host, pid: number, fd: number, data: Uint8Array, flags = 0): SysResult {
  return syscall(h, pid, 'send', `${fd}, ${data.length}, 0x${flags.toString(16)}`, (t) =>
    h.kcall(
      h.profile.sendmsgEntry[0]!,
      `${fd}, buf, ${data.length}, 0x${flags.toString(16)}, NULL, 0`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sock_sendmsg(h, t, sock, data, flags);
      },
      'net/socket.c',
    ),
  );
}

/** recv is recv(2) = recvfrom(fd, buf, len, flags, NULL, NULL): bytes read, 0 at EOF, -errno or a Block. */
export function recv(h: Host, pid: number, fd: number, buf: Uint8Array, flags = 0): SysResult {
  return syscall(h, pid, 'recv', `${fd}, ${buf.length}, 0x${flags.toString(16)}`, (t) =>
    h.kcall(
      h.profile.version === '6.x' ? '__sys_recvfrom' : 'sys_recvfrom',
      `${fd}, buf, ${buf.length}`,
      () => {
        const sock = sockfd_lookup_light(h, t, fd);
        return typeof sock === 'number' ? sock : sock_recvmsg(h, t, sock, buf, flags);
      },
      'net/socket.c',
    ),
  );
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
