// Test helpers shared by the kernel's unit tests: a fresh world with a task on a host, and
// lookups from an fd to its socket and sock. Pure code, so it also serves the CLI later.

import type { Host } from '../host/host';
import type { Socket } from '../include/linux/net';
import type { Sock } from '../include/net/sock';
import type { KernelVersion } from '../profiles';
import { ROOT, STUDENT } from '../sched/task';
import { spawn } from '../syscalls';
import { World } from '../world/world';

/** Harness is a fresh world, one of its hosts, and a task on that host. */
export interface Harness {
  readonly w: World;
  readonly h: Host;
  readonly pid: number;
}

/** harness builds a default world on kernel and spawns a student (or root) task on host. */
export function harness(
  kernel: KernelVersion = '3.10',
  who: 'student' | 'root' = 'student',
  host = 'client',
): Harness {
  const w = new World({ kernel });
  const h = w.host(host);
  return { w, h, pid: spawn(h, who === 'root' ? ROOT : STUDENT) };
}

/** socketOf returns the struct socket behind fd of pid; it throws when fd is not a socket. */
export function socketOf(h: Host, pid: number, fd: number): Socket {
  const s = h.tasks.get(pid)?.fds[fd]?.socket;
  if (s == null) throw new Error(`socketOf: fd ${fd} of pid ${pid} is not a socket`);
  return s;
}

/** sockOf returns the struct sock behind fd of pid; it throws when there is none. */
export function sockOf(h: Host, pid: number, fd: number): Sock {
  const sk = socketOf(h, pid, fd).sk;
  if (sk === null) throw new Error(`sockOf: fd ${fd} has no sock`);
  return sk;
}
