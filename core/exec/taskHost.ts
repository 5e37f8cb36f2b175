// The VM's Host for one task: libc's system calls become the simulated kernel's syscalls for
// that task's pid, the terminal fds go to the caller's sinks and the program's stdin, and the process calls
// (fork, wait, kill, sleep, alarm, clocks) go to the scheduler. A kernel Block becomes the VM's
// `{ block }`; the scheduler re-runs the program, and so re-makes the call, after the wake-up.

import * as k from '../kernel/index';
import type { Block, Host as KHost, SockaddrIn, SysResult, Task } from '../kernel/index';
import type { Host, MemoryAccess, SyscallResult } from '../lang/index';
import type { Proc } from './proc';

// The structured-call types are not on core/lang's entry yet; they are pure types from vm/host.ts.
import type { HostCallName, HostCalls, HostEntry, SockAddr } from '../lang/vm/host';

type Reply<N extends HostCallName> = HostCalls[N]['reply'] | number | { block: unknown };

const EBADF = 9;
const EFAULT = 14;
const ENOTTY = 25;
const ENOSYS = 38;
const ENAMETOOLONG = 36;
/** MAX_IO caps one read or write so a huge length cannot allocate unbounded memory. */
const MAX_IO = 1 << 20;

/** ProcServices are the process-level calls the scheduler answers for a task. */
export interface ProcServices {
  /** fork copies the calling program and its task; it returns the child's pid (or -errno). */
  fork(p: Proc): number;
  /** wait reaps a child: its pid and status, 0 with WNOHANG, -errno, or a block until one exits. */
  wait(p: Proc, pid: number, options: number): Reply<'wait'>;
  /** kill sends sig to pid on the caller's host. */
  kill(p: Proc, pid: number, sig: number): number;
  /** sleep is nanosleep in simulated time (ns < 0 sleeps until a signal, as pause does). */
  sleep(p: Proc, ns: number): Reply<'nanosleep'>;
  /** alarm arms SIGALRM in `seconds` and returns the seconds left on the previous alarm. */
  alarm(p: Proc, seconds: number): number;
  /** readStdin returns at most len bytes of input, an empty array at end of input, -EINTR, or a block. */
  readStdin(p: Proc, len: number): Uint8Array | number | { block: unknown };
  /** hosts is the world's hosts table. */
  hosts(): readonly HostEntry[];
  /** clock is a clock's simulated time in ns. */
  clock(id: number): number;
  /** kernelBlocked records that p sleeps on a kernel wait queue (and arms its timeout). */
  kernelBlocked(p: Proc, b: Block): void;
  /** stdinReadable tells whether a read of p's stdin would not block (input waiting, or its end). */
  stdinReadable(p: Proc): boolean;
}

/** toSockaddrIn turns libc's decoded address into the kernel's struct sockaddr_in (other families pass their number only). */
function toSockaddrIn(a: SockAddr): SockaddrIn {
  if ('addr' in a) return { family: a.family, port: a.port, addr: a.addr };
  return { family: a.family, port: 0, addr: 0 };
}

const fromSockaddrIn = (a: SockaddrIn | undefined): SockAddr | undefined =>
  a === undefined ? undefined : { family: 2, port: a.port, addr: a.addr >>> 0 };

/** TaskHost implements the VM's Host for one process. */
export class TaskHost implements Host {
  readonly #p: Proc;
  readonly #svc: ProcServices;

  /** constructor binds the host to a process and the scheduler's services. */
  constructor(p: Proc, svc: ProcServices) {
    this.#p = p;
    this.#svc = svc;
  }

  get #h(): KHost {
    return this.#p.host;
  }

  get #task(): Task {
    const t = this.#h.tasks.get(this.#p.pid);
    if (t === undefined) throw new Error(`TaskHost: no task ${this.#p.pid} on ${this.#h.name}`);
    return t;
  }

  /** kernel turns a kernel result into the VM's: a Block parks the process; a number ends any pending signal's EINTR. */
  #kernel(r: SysResult): number | { block: unknown } {
    if (k.isBlock(r)) {
      this.#svc.kernelBlocked(this.#p, r);
      return { block: r };
    }
    this.#task.sigpending.length = 0;
    return r;
  }

  /** isTty tells whether fd is open on the terminal (not a socket); undefined when fd is not open. */
  #isTty(fd: number): boolean | undefined {
    const f = Number.isInteger(fd) && fd >= 0 ? this.#task.fds[fd] : undefined;
    return f == null ? undefined : f.socket === null;
  }

  /** syscall answers the plain-number calls: read, write, close, isatty, getpid, getppid, getuid, geteuid, getgid, gethostname. */
  syscall(name: string, args: readonly number[], mem: MemoryAccess): SyscallResult {
    const [fd = -1, addr = 0, len = 0] = args;
    const p = this.#p;
    switch (name) {
      case 'getpid':
        return p.pid;
      case 'getppid':
        return p.parent?.pid ?? 1;
      case 'getuid':
      case 'geteuid':
        return this.#task.uid;
      case 'getgid':
        return this.#task.gid;
      case 'gethostname': {
        // glibc's gethostname copies uname's nodename, failing with ENAMETOOLONG when it does not fit with its NUL.
        const [buf = 0, size = 0] = args;
        const name = Uint8Array.from(`${this.#h.name}\0`, (ch) => ch.charCodeAt(0));
        if (size < name.length) return -ENAMETOOLONG;
        return mem.write(buf, name) ? 0 : -EFAULT;
      }
      case 'isatty': {
        const tty = this.#isTty(fd);
        return tty === undefined ? -EBADF : tty && p.io.tty ? 1 : -ENOTTY;
      }
      case 'close':
        return this.#kernel(k.close(this.#h, p.pid, fd));
      case 'write': {
        const tty = this.#isTty(fd);
        if (tty === undefined) return -EBADF;
        const data = mem.read(addr, Math.min(Math.max(len, 0), MAX_IO));
        if (data === undefined) return -EFAULT;
        if (!tty) return this.#kernel(k.write(this.#h, p.pid, fd, data));
        (fd === 2 ? p.io.stderr : p.io.stdout)(data);
        return data.length;
      }
      case 'read': {
        const tty = this.#isTty(fd);
        if (tty === undefined) return -EBADF;
        const n = Math.min(Math.max(len, 0), MAX_IO);
        if (tty) {
          const got = this.#svc.readStdin(p, n);
          if (!(got instanceof Uint8Array)) return got;
          return mem.write(addr, got) ? got.length : -EFAULT;
        }
        const buf = new Uint8Array(n);
        const r = this.#kernel(k.read(this.#h, p.pid, fd, buf));
        if (typeof r === 'number' && r > 0 && !mem.write(addr, buf.subarray(0, r))) return -EFAULT;
        return r;
      }
      default:
        return -ENOSYS;
    }
  }

  /** call answers libc's structured calls (HostCalls in core/lang/vm/host.ts). */
  call<N extends HostCallName>(name: N, args: HostCalls[N]['args']): Reply<N> {
    return this.#call(name, args as never) as Reply<N>;
  }

  #call(name: HostCallName, a: Record<string, never>): unknown {
    const h = this.#h;
    const pid = this.#p.pid;
    const args = a as unknown as Record<string, unknown> & { fd: number };
    switch (name) {
      case 'socket': {
        const s = args as unknown as HostCalls['socket']['args'];
        return k.socket(h, pid, s.family, s.type, s.protocol);
      }
      case 'bind': {
        const s = args as unknown as HostCalls['bind']['args'];
        return k.bind(h, pid, s.fd, toSockaddrIn(s.addr), s.addrlen);
      }
      case 'connect':
        return this.#kernel(k.connect(h, pid, args.fd, toSockaddrIn(args['addr'] as SockAddr)));
      case 'listen':
        return k.listen(h, pid, args.fd, args['backlog'] as number);
      case 'accept': {
        const peer: { addr?: SockaddrIn } = {};
        const r = this.#kernel(k.accept4(h, pid, args.fd, args['flags'] as number, peer));
        return typeof r === 'number' && r >= 0 ? { ret: r, addr: fromSockaddrIn(peer.addr) } : r;
      }
      case 'send': {
        const s = args as unknown as HostCalls['send']['args'];
        const to = s.to === undefined ? null : toSockaddrIn(s.to);
        return this.#kernel(k.sendto(h, pid, s.fd, s.data, s.flags, to));
      }
      case 'recv': {
        const s = args as unknown as HostCalls['recv']['args'];
        const buf = new Uint8Array(Math.min(Math.max(s.len, 0), MAX_IO));
        const from: k.RecvInfo = {};
        const r = this.#kernel(k.recvfrom(h, pid, s.fd, buf, s.flags, from));
        if (typeof r !== 'number' || r < 0) return r;
        // only the bytes the kernel wrote go back to the program: the rest of its buffer keeps its value
        return { ret: r, data: buf.slice(0, from.discarded ? 0 : r), addr: fromSockaddrIn(from.addr) };
      }
      case 'shutdown':
        return k.shutdown(h, pid, args.fd, args['how'] as number);
      case 'setsockopt': {
        const s = args as unknown as HostCalls['setsockopt']['args'];
        // the option's bytes as the program passed them: an int, a struct timeval (SO_RCVTIMEO),
        // a name (TCP_CONGESTION); the kernel reads each as its option says
        return k.setsockopt(h, pid, s.fd, s.level, s.name, s.value.slice(), s.value.length);
      }
      case 'getsockopt': {
        const s = args as unknown as HostCalls['getsockopt']['args'];
        const out: { val?: Uint8Array } = {};
        const r = k.getsockopt(h, pid, s.fd, s.level, s.name, out);
        if (r < 0) return r;
        if (out.val !== undefined) return { ret: 0, data: out.val };
        const data = new Uint8Array(4);
        new DataView(data.buffer).setInt32(0, r, true);
        return { ret: 0, data };
      }
      case 'getname': {
        const out: { addr?: SockaddrIn } = {};
        const r = k.getname(h, pid, args.fd, args['peer'] as boolean, out);
        return r < 0 ? r : { ret: r, addr: fromSockaddrIn(out.addr) };
      }
      case 'fcntl': {
        const s = args as unknown as HostCalls['fcntl']['args'];
        return k.fcntl(h, pid, s.fd, s.cmd, s.arg);
      }
      case 'poll': {
        const s = args as unknown as HostCalls['poll']['args'];
        const fds = s.fds.map((f) => ({ fd: f.fd, events: f.events, revents: 0 }));
        const r = this.#kernel(k.poll(h, pid, fds, s.timeoutMs, { ttyMask: this.#ttyMask }));
        return typeof r === 'number' && r >= 0 ? { ret: r, revents: fds.map((f) => f.revents) } : r;
      }
      case 'select': {
        const s = args as unknown as HostCalls['select']['args'];
        const set = (l: readonly number[] | null) => (l === null ? null : new Set(l));
        const sets = { read: set(s.read), write: set(s.write), except: set(s.except) };
        const r = this.#kernel(k.select(h, pid, s.nfds, sets, s.timeout, { ttyMask: this.#ttyMask }));
        if (typeof r !== 'number' || r < 0) return r;
        const list = (x: Set<number> | null) => (x === null ? [] : [...x].sort((a, b) => a - b));
        return { ret: r, read: list(sets.read), write: list(sets.write), except: list(sets.except) };
      }
      default:
        return this.#msg(name, args);
    }
  }

  /** ttyMask is the terminal fds' poll mask: fd 0 is readable when input (or its end) is waiting; 1 and 2 are always writable. */
  readonly #ttyMask = (fd: number): number => {
    if (fd !== 0) return k.POLL.POLLOUT | k.POLL.POLLWRNORM;
    return this.#svc.stdinReadable(this.#p) ? k.POLL.POLLIN | k.POLL.POLLRDNORM : 0;
  };

  /** msg answers socketpair, sendmsg and recvmsg. */
  #msg(name: HostCallName, args: Record<string, unknown>): unknown {
    const h = this.#h;
    const pid = this.#p.pid;
    switch (name) {
      case 'socketpair': {
        const s = args as unknown as HostCalls['socketpair']['args'];
        const sv: number[] = [];
        const r = k.socketpair(h, pid, s.family, s.type, s.protocol, sv);
        return r < 0 ? r : { ret: r, sv };
      }
      case 'sendmsg': {
        const s = args as unknown as HostCalls['sendmsg']['args'];
        const msg = { name: s.to === undefined ? null : toSockaddrIn(s.to), iov: s.iov };
        return this.#kernel(k.sendmsg(h, pid, s.fd, msg, s.flags));
      }
      case 'recvmsg': {
        const s = args as unknown as HostCalls['recvmsg']['args'];
        const msg: k.RecvMsgHdr = {
          iov: s.lens.map((n) => new Uint8Array(Math.min(Math.max(n, 0), MAX_IO))),
        };
        const r = this.#kernel(k.recvmsg(h, pid, s.fd, msg, s.flags));
        if (typeof r !== 'number' || r < 0) return r;
        // only the bytes the kernel wrote, in iovec order: the rest of the program's buffers keep their value
        let left = msg.discarded ? 0 : r;
        const iov = msg.iov.map((v) => {
          const n = Math.min(v.length, left);
          left -= n;
          return v.subarray(0, n);
        });
        return { ret: r, iov, addr: fromSockaddrIn(msg.name), msgFlags: msg.flags ?? 0 };
      }
      default:
        return this.#process(name, args);
    }
  }

  #process(name: HostCallName, args: Record<string, unknown>): unknown {
    const p = this.#p;
    const svc = this.#svc;
    switch (name) {
      case 'fork':
        return svc.fork(p);
      case 'wait':
        return svc.wait(p, args['pid'] as number, args['options'] as number);
      case 'kill':
        return svc.kill(p, args['pid'] as number, args['sig'] as number);
      case 'sigdisp':
        return 0;
      case 'alarm':
        return svc.alarm(p, args['seconds'] as number);
      case 'nanosleep':
        return svc.sleep(p, args['ns'] as number);
      case 'clock':
        return svc.clock(args['clock'] as number);
      case 'hosts':
        return svc.hosts();
      default:
        return -ENOSYS;
    }
  }
}
