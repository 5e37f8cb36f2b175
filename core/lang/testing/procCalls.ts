// TestWorld's answers to the structured host calls: sockets through the fd table onto
// LoopNet, poll over sockets and stdin, fork/wait/kill, timers in simulated time.
import type { Blocked, HostCallName, HostCalls } from '../vm/host';
import type { LoopSock } from './loopNet';
import { WOULD_BLOCK } from './loopNet';
import type { Proc, TestWorld } from './world';

const EBADF = -9;
const ECHILD = -10;
const ESRCH = -3;
const EINTR = -4;

type Reply = unknown;

function newFd(p: Proc, s: LoopSock): number {
  let fd = 3;
  while (p.fds.has(fd)) fd++;
  p.fds.set(fd, s);
  return fd;
}

function sockCall(w: TestWorld, p: Proc, name: HostCallName, a: Record<string, unknown>): Reply {
  const s = p.fds.get(a['fd'] as number);
  if (s === undefined) return EBADF;
  const net = w.net;
  switch (name) {
    case 'bind':
      return net.bind(s, a['addr'] as HostCalls['bind']['args']['addr']);
    case 'connect':
      return net.connect(s, a['addr'] as HostCalls['connect']['args']['addr']);
    case 'listen':
      return net.listen(s);
    case 'accept': {
      const r = net.accept(s);
      if (typeof r !== 'object' || 'block' in r) return r;
      if (((a['flags'] as number) & 0o4000) !== 0) r.sock.nonblock = true;
      return { ...r.reply, ret: newFd(p, r.sock) };
    }
    case 'send':
      return net.send(s, a as HostCalls['send']['args']);
    case 'recv':
      return net.recv(s, a['len'] as number, a['flags'] as number);
    case 'shutdown':
      return net.shutdown(s, a['how'] as number);
    case 'setsockopt':
      return 0;
    case 'getsockopt':
      return { ret: 0, data: Uint8Array.from([a['name'] === 3 ? s.type : 0, 0, 0, 0]) };
    case 'getname':
      return net.name(s, a['peer'] as boolean);
    case 'fcntl': {
      const cmd = a['cmd'] as number;
      if (cmd === 3) return 2 | (s.nonblock ? 0o4000 : 0);
      if (cmd === 4) s.nonblock = ((a['arg'] as number) & 0o4000) !== 0;
      return 0;
    }
    default:
      return -38;
  }
}

function poll(w: TestWorld, p: Proc, a: HostCalls['poll']['args']): Reply {
  const revents = a.fds.map(({ fd, events }) => {
    if (fd < 0) return 0;
    if (fd === 0) return w.stdinLeft() ? events & 1 : 0;
    if (fd <= 2) return events & 4;
    const s = p.fds.get(fd);
    return s === undefined ? 0x20 : w.net.revents(s, events);
  });
  const ret = revents.filter((r) => r !== 0).length;
  if (p.interruptedLeft !== undefined && ret === 0) {
    p.interruptedLeft = undefined;
    return EINTR;
  }
  if (ret > 0 || a.timeoutMs === 0) {
    p.wakeAt = undefined;
    return { ret, revents };
  }
  if (a.timeoutMs > 0) {
    if (p.wakeAt === undefined) p.wakeAt = w.now + a.timeoutMs * 1e6;
    else if (w.now >= p.wakeAt) {
      p.wakeAt = undefined;
      return { ret: 0, revents };
    }
  }
  return WOULD_BLOCK;
}

/** What makes an fd readable, writable or exceptional for select (fs/select.c's POLL*_SET). */
const SELECT_SETS = [0x001 | 0x040 | 0x010 | 0x008, 0x004 | 0x100 | 0x008, 0x002];

/** select answers select(2) through poll, as the kernel's do_select asks each file's poll mask. */
function select(w: TestWorld, p: Proc, a: HostCalls['select']['args']): Reply {
  const sets = [a.read, a.write, a.except];
  const fds: { fd: number; events: number }[] = [];
  for (let fd = 0; fd < a.nfds; fd++) {
    const events =
      (sets[0]?.includes(fd) === true ? 1 : 0) |
      (sets[1]?.includes(fd) === true ? 4 : 0) |
      (sets[2]?.includes(fd) === true ? 2 : 0);
    if (events !== 0) fds.push({ fd, events });
  }
  const timeoutMs = a.timeout === null ? -1 : a.timeout.sec * 1000 + Math.ceil(a.timeout.usec / 1000);
  const r = poll(w, p, { fds, timeoutMs }) as { ret: number; revents: number[] } | number | object;
  if (typeof r !== 'object' || !('revents' in r)) return r;
  if (r.revents.some((e) => (e & 0x20) !== 0)) return -9;
  const ready: number[][] = [[], [], []];
  fds.forEach(({ fd }, i) => {
    const e = r.revents[i] ?? 0;
    SELECT_SETS.forEach((bits, k) => {
      if (sets[k]?.includes(fd) === true && (e & bits) !== 0) ready[k]!.push(fd);
    });
  });
  return {
    ret: ready[0]!.length + ready[1]!.length + ready[2]!.length,
    read: ready[0]!,
    write: ready[1]!,
    except: ready[2]!,
  };
}

function wait(w: TestWorld, p: Proc, a: HostCalls['wait']['args']): Reply {
  const kids = w.procs.filter((q) => q.ppid === p.pid && !q.reaped && (a.pid <= 0 || q.pid === a.pid));
  if (kids.length === 0) return ECHILD;
  const z = kids.find((q) => q.result !== undefined);
  if (z === undefined) return (a.options & 1) !== 0 ? { ret: 0, status: 0 } : WOULD_BLOCK;
  z.reaped = true;
  return { ret: z.pid, status: z.waitStatus ?? 0 };
}

/** procCall answers one structured host call for process p. */
export function procCall<N extends HostCallName>(
  w: TestWorld,
  p: Proc,
  name: N,
  args: HostCalls[N]['args'],
): Reply | Blocked {
  const a = args as Record<string, unknown>;
  switch (name) {
    case 'socket': {
      const s = w.net.socket(a['type'] as number);
      return typeof s === 'number' ? s : newFd(p, s);
    }
    case 'poll':
      return poll(w, p, args as HostCalls['poll']['args']);
    case 'select':
      return select(w, p, args as HostCalls['select']['args']);
    case 'fork':
      return w.fork(p);
    case 'wait':
      return wait(w, p, args as HostCalls['wait']['args']);
    case 'kill': {
      const t = w.procs.find((q) => q.pid === a['pid'] && q.result === undefined);
      if (t === undefined) return ESRCH;
      if ((a['sig'] as number) !== 0) t.pending.push(a['sig'] as number);
      return 0;
    }
    case 'sigdisp':
      return 0;
    case 'alarm': {
      const left = p.alarmAt === undefined ? 0 : Math.ceil((p.alarmAt - w.now) / 1e9);
      const sec = a['seconds'] as number;
      p.alarmAt = sec === 0 ? undefined : w.now + sec * 1e9;
      return left;
    }
    case 'nanosleep': {
      const ns = a['ns'] as number;
      if (p.interruptedLeft !== undefined) {
        const left = p.interruptedLeft;
        p.interruptedLeft = undefined;
        return { ret: EINTR, remainingNs: left };
      }
      if (p.wakeAt === undefined) {
        if (ns === 0) return { ret: 0, remainingNs: 0 };
        p.wakeAt = ns < 0 ? Infinity : w.now + ns;
        return WOULD_BLOCK;
      }
      if (w.now < p.wakeAt) return WOULD_BLOCK;
      p.wakeAt = undefined;
      return { ret: 0, remainingNs: 0 };
    }
    case 'clock':
      return (a['clock'] as number) === 0 ? 1_700_000_000e9 + w.now : w.now;
    case 'hosts':
      return w.hosts;
    default:
      return sockCall(w, p, name, a);
  }
}
