// The VM's one door to the operating system. A C program's OS functions reach the simulated
// kernel only through the Host, which the task scheduler provides; core/lang itself knows
// nothing of the kernel.
//
// Two doors, one protocol:
// - `syscall(name, args, mem)` for calls whose arguments are plain numbers and buffers in the
//   program's memory (`write`, `read`, `isatty`, `close`, `getpid`, `getppid`): `args` are the C
//   arguments, addresses are plain numbers that `mem` reads and writes with bounds checks.
// - `call(name, args)` for everything whose C arguments are structs in memory: libc decodes
//   `struct sockaddr_in`, `socklen_t *`, `struct pollfd[]`, `fd_set`, `struct timeval` and
//   buffers with gcc's layouts and passes plain data; the host answers with plain data that
//   libc encodes back. HostCalls documents each call: its arguments and its reply.
// Both return the kernel's result: a non-negative value (or a reply object carrying `ret`),
// or `-errno` exactly as Linux returns it (libc turns that into `errno` and -1). Or they return
// `{ block: token }`: the program cannot go on yet. The VM stops with `{ k: 'block', token }`,
// its pc still on the call; when the scheduler runs it again after the wake-up, the very same
// call is made again with the same arguments.

/** MemoryAccess lets the host read and write the program's memory, failing on bad addresses. */
export interface MemoryAccess {
  /** read copies `len` bytes at `addr`, or returns undefined if any byte is not readable (EFAULT). */
  read(addr: number, len: number): Uint8Array | undefined;
  /** write stores bytes at `addr`, returning false if any byte is not writable (EFAULT). */
  write(addr: number, bytes: Uint8Array): boolean;
  /** readCString reads a NUL-terminated string (at most `max` bytes), or undefined on a bad address. */
  readCString(addr: number, max?: number): string | undefined;
}

/** Blocked is the "sleep, then make the same call again" answer. */
export interface Blocked {
  readonly block: unknown;
}

/** SyscallResult is a syscall's return value (or -errno), or a request to block. */
export type SyscallResult = number | Blocked;

/**
 * SockAddr is a decoded socket address, ports and IPv4 addresses in host order (as the kernel's
 * SockaddrIn): AF_INET (2) with `addr` a 32-bit number, AF_INET6 (10) with 16 address bytes,
 * or any other family as its raw bytes after sa_family.
 */
export type SockAddr =
  | { readonly family: 2; readonly port: number; readonly addr: number }
  | {
      readonly family: 10;
      readonly port: number;
      readonly addr6: Uint8Array;
      readonly flowinfo: number;
      readonly scopeId: number;
    }
  | { readonly family: number; readonly raw: Uint8Array };

/** AddrReply is a result together with an address (accept, recvfrom, getsockname, getpeername). */
export interface AddrReply {
  readonly ret: number;
  readonly addr?: SockAddr;
}

/** DataReply is a result together with the bytes received (recv, recvfrom, getsockopt). */
export interface DataReply {
  readonly ret: number;
  readonly data?: Uint8Array;
  readonly addr?: SockAddr;
}

/** HostEntry is one line of the simulated hosts table: a name and its addresses. */
export interface HostEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** IPv4 addresses in host order. */
  readonly v4: readonly number[];
  /** IPv6 addresses as 16 bytes each (none in the default world). */
  readonly v6?: readonly Uint8Array[];
}

/**
 * HostCalls lists every structured call: `args` is what libc passes, `reply` what the host
 * returns (besides `-errno` for a failure and `{ block }` to sleep). Numbers are C ints.
 */
export interface HostCalls {
  /** socket(2): the new fd. */
  socket: { args: { family: number; type: number; protocol: number }; reply: number };
  /** bind(2) with the decoded address and the caller's addrlen. */
  bind: { args: { fd: number; addr: SockAddr; addrlen: number }; reply: number };
  /** connect(2); blocks while the handshake runs (then called again, as the kernel expects). */
  connect: { args: { fd: number; addr: SockAddr; addrlen: number }; reply: number };
  /** listen(2). */
  listen: { args: { fd: number; backlog: number }; reply: number };
  /** accept4(2) (accept is flags 0): the new fd and the peer's address. */
  accept: { args: { fd: number; flags: number }; reply: AddrReply };
  /** sendto(2)/send(2)/write(2) on a socket: bytes sent; `to` only for sendto with an address. */
  send: { args: { fd: number; data: Uint8Array; flags: number; to?: SockAddr }; reply: number };
  /** recvfrom(2)/recv(2): at most `len` bytes, the result being the count (0 at EOF). */
  recv: { args: { fd: number; len: number; flags: number }; reply: DataReply };
  /** shutdown(2). */
  shutdown: { args: { fd: number; how: number }; reply: number };
  /** setsockopt(2) with the option value's bytes. */
  setsockopt: { args: { fd: number; level: number; name: number; value: Uint8Array }; reply: number };
  /** getsockopt(2): the value's bytes (libc copies at most the caller's length). */
  getsockopt: { args: { fd: number; level: number; name: number; len: number }; reply: DataReply };
  /** getsockname(2) (peer false) and getpeername(2) (peer true). */
  getname: { args: { fd: number; peer: boolean }; reply: AddrReply };
  /** fcntl(2) with an integer argument (F_GETFL, F_SETFL, F_GETFD, F_SETFD). */
  fcntl: { args: { fd: number; cmd: number; arg: number }; reply: number };
  /** poll(2): one `revents` per entry; timeoutMs < 0 waits for ever. Blocks until ready or timeout. */
  poll: {
    args: { fds: readonly { fd: number; events: number }[]; timeoutMs: number };
    reply: { ret: number; revents: readonly number[] };
  };
  /** socketpair(2): the two new fds. */
  socketpair: {
    args: { family: number; type: number; protocol: number };
    reply: { ret: number; sv: readonly number[] };
  };
  /** sendmsg(2): the iovecs' bytes in order; `to` when msg_name is set. */
  sendmsg: { args: { fd: number; iov: readonly Uint8Array[]; flags: number; to?: SockAddr }; reply: number };
  /** recvmsg(2): at most `lens[i]` bytes into iovec i; the sender's address and msg_flags (MSG_TRUNC …) come back. */
  recvmsg: {
    args: { fd: number; lens: readonly number[]; flags: number };
    reply: { ret: number; iov: readonly Uint8Array[]; addr?: SockAddr; msgFlags: number };
  };
  /** select(2) over fds below nfds: each set lists its fds (null for a NULL fd_set) and comes back reduced to the ready ones; timeout null waits for ever. */
  select: {
    args: {
      nfds: number;
      read: readonly number[] | null;
      write: readonly number[] | null;
      except: readonly number[] | null;
      timeout: { sec: number; usec: number } | null;
    };
    reply: { ret: number; read: readonly number[]; write: readonly number[]; except: readonly number[] };
  };
  /** fork(2): the child's pid in the parent (the scheduler completes the child's call with 0). */
  fork: { args: Record<string, never>; reply: number };
  /** wait4(2): the pid reaped (0 with WNOHANG when none is ready) and its wait status. */
  wait: { args: { pid: number; options: number }; reply: { ret: number; status: number } };
  /** kill(2). */
  kill: { args: { pid: number; sig: number }; reply: number };
  /** sigaction(2)'s effect the kernel needs: whether `sig` is caught, ignored or default (0). */
  sigdisp: { args: { sig: number; disp: 'default' | 'ignore' | 'catch' }; reply: number };
  /** alarm(2): seconds left on the previous alarm. */
  alarm: { args: { seconds: number }; reply: number };
  /** nanosleep(2) in simulated time: 0, or -EINTR with the time left. */
  nanosleep: { args: { ns: number }; reply: { ret: number; remainingNs: number } };
  /** clock_gettime(2): simulated nanoseconds on that clock (CLOCK_REALTIME 0, CLOCK_MONOTONIC 1). */
  clock: { args: { clock: number }; reply: number };
  /** The simulated hosts table (what /etc/hosts says on this host). */
  hosts: { args: Record<string, never>; reply: readonly HostEntry[] };
}

/** HostCallName is the name of a structured call. */
export type HostCallName = keyof HostCalls;

/** Host is what the VM needs from the world outside the program. */
export interface Host {
  syscall(name: string, args: readonly number[], mem: MemoryAccess): SyscallResult;
  call<N extends HostCallName>(name: N, args: HostCalls[N]['args']): HostCalls[N]['reply'] | number | Blocked;
}
