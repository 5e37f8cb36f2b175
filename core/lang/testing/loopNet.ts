// A toy network for libc's tests: every address is local, a stream connect() meets the
// listener on that port at once, bytes go straight into the peer's receive queue, and
// datagrams into the bound socket's. It answers the socket-shaped host calls with Linux's
// results and errno values so C programs see what they would on a loopback interface.
import type { AddrReply, Blocked, DataReply, HostCalls, SockAddr } from '../vm/host';

const EAGAIN = 11;
const EBADF = 9;
const EINVAL = 22;
const EPIPE = 32;
const ENOTCONN = 107;
const EISCONN = 106;
const EADDRINUSE = 98;
const ECONNREFUSED = 111;
const EINPROGRESS = 115;
const EOPNOTSUPP = 95;
const O_NONBLOCK = 0o4000;
const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;
const MSG_PEEK = 0x2;

/** LoopSock is one socket of the toy network. */
export interface LoopSock {
  readonly type: number;
  state: 'new' | 'listening' | 'connected' | 'closed';
  local?: { family: 2; port: number; addr: number };
  peer?: LoopSock;
  rx: number[];
  dgrams: { data: Uint8Array; from: SockAddr }[];
  backlog: LoopSock[];
  nonblock: boolean;
  eof: boolean;
  refs: number;
}

/** WOULD_BLOCK marks a call that must sleep; the world turns it into a block token. */
export const WOULD_BLOCK = { block: 'net' } as const satisfies Blocked;

/** LoopNet holds the sockets and answers socket calls for fd tables it is given. */
export class LoopNet {
  private nextPort = 40000;
  /** sigpipe is set when a send hit a closed peer without MSG_NOSIGNAL (the world raises SIGPIPE). */
  sigpipe = false;

  /** socket creates a socket (SOCK_STREAM 1 or SOCK_DGRAM 2, flags such as SOCK_NONBLOCK allowed). */
  socket(type: number): LoopSock | number {
    const base = type & 0xf;
    if (base !== 1 && base !== 2) return -94;
    return {
      type: base,
      state: 'new',
      rx: [],
      dgrams: [],
      backlog: [],
      nonblock: (type & O_NONBLOCK) !== 0,
      eof: false,
      refs: 1,
    };
  }

  private all: LoopSock[] = [];

  private bindTo(s: LoopSock, port: number, addr: number): number {
    const p = port === 0 ? this.nextPort++ : port;
    if (this.all.some((o) => o !== s && o.state !== 'closed' && o.type === s.type && o.local?.port === p))
      return -EADDRINUSE;
    s.local = { family: 2, port: p, addr };
    if (!this.all.includes(s)) this.all.push(s);
    return 0;
  }

  /** bind binds an AF_INET address. */
  bind(s: LoopSock, a: SockAddr): number {
    if (!('addr' in a)) return -97;
    if (s.local !== undefined) return -EINVAL;
    return this.bindTo(s, a.port, a.addr);
  }

  /** listen starts accepting connections (binding an ephemeral port when unbound). */
  listen(s: LoopSock): number {
    if (s.type !== 1) return -EOPNOTSUPP;
    if (s.local === undefined) this.bindTo(s, 0, 0);
    s.state = 'listening';
    return 0;
  }

  /** connect joins a listener on the same port, or sets a datagram socket's default peer. */
  connect(s: LoopSock, a: SockAddr): number {
    if (!('addr' in a)) return -97;
    if (s.state === 'connected') return -EISCONN;
    const l = this.all.find(
      (o) => o.type === s.type && o.local?.port === a.port && (o.state === 'listening' || s.type === 2),
    );
    if (s.local === undefined) this.bindTo(s, 0, a.addr === 0x7f000001 ? 0x7f000001 : a.addr);
    if (s.type === 2) {
      if (l !== undefined) s.peer = l;
      s.state = 'connected';
      return 0;
    }
    if (l === undefined) return -ECONNREFUSED;
    const server = this.socket(1) as LoopSock;
    server.local = { family: 2, port: a.port, addr: a.addr };
    server.state = 'connected';
    server.peer = s;
    s.peer = server;
    s.state = 'connected';
    l.backlog.push(server);
    this.all.push(server);
    return s.nonblock ? -EINPROGRESS : 0;
  }

  /** accept takes the oldest pending connection. */
  accept(s: LoopSock): { sock: LoopSock; reply: AddrReply } | number | Blocked {
    if (s.state !== 'listening') return -EINVAL;
    const c = s.backlog.shift();
    if (c === undefined) return s.nonblock ? -EAGAIN : WOULD_BLOCK;
    return { sock: c, reply: { ret: 0, addr: c.peer!.local! } };
  }

  /** send queues bytes at the peer (stream) or at the socket bound to `to` (datagram). */
  send(s: LoopSock, a: HostCalls['send']['args']): number | Blocked {
    if (s.type === 2) {
      const to = a.to;
      const port = to !== undefined && 'port' in to ? to.port : undefined;
      const dst = to === undefined ? s.peer : this.all.find((o) => o.type === 2 && o.local?.port === port);
      if (s.local === undefined) this.bindTo(s, 0, 0);
      if (dst === undefined) return a.to === undefined ? -ENOTCONN : a.data.length;
      dst.dgrams.push({ data: a.data.slice(), from: s.local! });
      return a.data.length;
    }
    if (s.state !== 'connected') return -ENOTCONN;
    const p = s.peer!;
    if (p.state === 'closed' || s.eof) {
      if ((a.flags & MSG_NOSIGNAL) === 0) this.sigpipe = true;
      return -EPIPE;
    }
    p.rx.push(...a.data);
    return a.data.length;
  }

  /** recv takes queued bytes or one datagram, blocking when there are none. */
  recv(s: LoopSock, len: number, flags: number): DataReply | number | Blocked {
    const nb = s.nonblock || (flags & MSG_DONTWAIT) !== 0;
    if (s.type === 2) {
      const d = (flags & MSG_PEEK) !== 0 ? s.dgrams[0] : s.dgrams.shift();
      if (d === undefined) return nb ? -EAGAIN : WOULD_BLOCK;
      return { ret: Math.min(len, d.data.length), data: d.data.slice(0, len), addr: d.from };
    }
    if (s.state !== 'connected') return -ENOTCONN;
    if (s.rx.length === 0) {
      if (s.peer!.state === 'closed' || s.peer!.eof) return { ret: 0 };
      return nb ? -EAGAIN : WOULD_BLOCK;
    }
    const data = Uint8Array.from((flags & MSG_PEEK) !== 0 ? s.rx.slice(0, len) : s.rx.splice(0, len));
    return { ret: data.length, data };
  }

  /** shutdown stops sending (SHUT_WR or SHUT_RDWR): the peer reads end of file. */
  shutdown(s: LoopSock, how: number): number {
    if (s.state !== 'connected') return -ENOTCONN;
    if (how >= 1) s.eof = true;
    return 0;
  }

  /** release drops one file reference; the last one closes the socket. */
  release(s: LoopSock): void {
    if (--s.refs === 0) s.state = 'closed';
  }

  /** revents is what poll reports for a socket given the events asked for. */
  revents(s: LoopSock, events: number): number {
    let r = 0;
    if (s.state === 'listening') r |= s.backlog.length > 0 ? 1 : 0;
    else if (s.type === 2) r |= (s.dgrams.length > 0 ? 1 : 0) | 4;
    else if (s.state === 'connected') {
      const hup = s.peer!.state === 'closed' || s.peer!.eof;
      r |= (s.rx.length > 0 || hup ? 1 : 0) | 4 | (hup ? 0x2000 : 0);
    }
    return r & (events | 0x18);
  }

  /** name is getsockname's (peer false) or getpeername's answer. */
  name(s: LoopSock, peer: boolean): AddrReply | number {
    if (!peer) return { ret: 0, addr: s.local ?? { family: 2, port: 0, addr: 0 } };
    if (s.state !== 'connected' || s.peer?.local === undefined) return -ENOTCONN;
    return { ret: 0, addr: s.peer.local };
  }

  /** badFd is -EBADF, for callers that found no socket. */
  static readonly badFd = -EBADF;
}
