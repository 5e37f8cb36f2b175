// The sockets of one simulated host as ss sees them through sock_diag: every hashed sock (the
// listening hash, the established hash with its TIME-WAIT and SYN-RECV entries, and the bind
// tables for bound UDP and raw sockets), with the processes whose fd tables hold each one.
import type { Host } from '../../kernel/index';
import type { Sock } from '../../kernel/include/net/sock';

/** SockUser is one fd of one process that refers to a sock (ss -p). */
export interface SockUser {
  readonly comm: string;
  readonly pid: number;
  readonly fd: number;
}

/** hostSockets lists a host's hashed socks: listeners first, then the rest in hash order. */
export function hostSockets(h: Host): Sock[] {
  const seen = new Set<Sock>();
  const add = (sk: Sock) => void seen.add(sk);
  h.listeners.forEach(add);
  for (const sk of h.established.values()) add(sk);
  for (const sk of h.synTable.values()) add(sk);
  for (const table of h.bindTables.values()) for (const socks of table.values()) socks.forEach(add);
  return [...seen];
}

/** sockUsers maps each sock to the process fds that hold it, in pid then fd order. */
export function sockUsers(h: Host): Map<Sock, SockUser[]> {
  const users = new Map<Sock, SockUser[]>();
  const tasks = [...h.tasks.values()].sort((a, b) => a.pid - b.pid);
  for (const t of tasks) {
    t.fds.forEach((f, fd) => {
      const sk = f?.socket?.sk;
      if (sk == null) return;
      const list = users.get(sk) ?? [];
      list.push({ comm: t.comm, pid: t.pid, fd });
      users.set(sk, list);
    });
  }
  return users;
}

/** SERVICES are the /etc/services names ss and tcpdump print for well-known ports without -n. */
export const SERVICES: Readonly<Record<number, string>> = {
  7: 'echo',
  9: 'discard',
  13: 'daytime',
  22: 'ssh',
  80: 'http',
};

/** ntohs turns a __be16 field (as x86 memory reads it) into the port number. */
export function ntohs(be: number): number {
  return ((be & 0xff) << 8) | ((be >> 8) & 0xff);
}
