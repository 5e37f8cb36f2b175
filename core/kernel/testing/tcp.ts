// A two-host TCP fixture: a server task listening on 8080 and a client task connected to it,
// with the handshake run to completion, as a starting point for TCP scenario tests; a bulk
// transfer loop; a link filter that drops or duplicates chosen TCP frames; and a one-line-per-
// segment log of the wire with relative sequence numbers.

import { ipFromString } from '../include/uapi/in';
import type { KernelVersion } from '../profiles';
import { STUDENT } from '../sched/task';
import { accept4, bind, connect, listen, recv, send, socket, spawn, type SysResult } from '../syscalls';
import { MSG_DONTWAIT } from '../include/uapi/socket';
import { World, type WorldOptions } from '../world/world';
import type { Host } from '../host/host';
import { ethernet, ipv4, isWireError, tcp, type TcpRepr } from '../../wire';

/** Established is a connected pair: the world, both hosts, both pids and fds, and the two connect results. */
export interface Established {
  readonly w: World;
  readonly c: Host;
  readonly s: Host;
  readonly cp: number;
  readonly sp: number;
  readonly cfd: number;
  readonly lfd: number;
  readonly afd: SysResult;
  /** first is connect()'s first result (a Block), second its result when re-invoked after the handshake. */
  readonly first: SysResult;
  readonly second: SysResult;
}

/** established runs listen, connect (blocking, re-invoked once the handshake put the child on the accept queue) and accept on kernel; setup runs on the fresh world first (sysctls …). Later timers (neighbour state, …) stay queued. */
export function established(
  kernel: KernelVersion,
  opts: WorldOptions = {},
  setup: (w: World) => void = () => {},
): Established {
  const w = new World({ ...opts, kernel });
  setup(w);
  const c = w.host('client');
  const s = w.host('server');
  const cp = spawn(c, STUDENT);
  const sp = spawn(s, STUDENT);
  const lfd = socket(s, sp, 2, 1, 0);
  bind(s, sp, lfd, { family: 2, port: 8080, addr: 0 });
  listen(s, sp, lfd, 5);
  const cfd = socket(c, cp, 2, 1, 0);
  const dst = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };
  const first = connect(c, cp, cfd, dst);
  const listener = s.tasks.get(sp)!.fds[lfd]!.socket!.sk!;
  while (listener.acceptQueue.length === 0 && w.sim.step());
  const second = connect(c, cp, cfd, dst);
  const afd = accept4(s, sp, lfd);
  return { w, c, s, cp, sp, cfd, lfd, afd, first, second };
}

/** transfer moves data client → server over an established pair with non-blocking send() and recv() turns every sliceNs of simulated time; it returns what the server read. */
export function transfer(
  e: Established,
  data: Uint8Array,
  sliceNs = 1_000_000,
  maxTurns = 1_000_000,
): Uint8Array {
  const { w, c, s, cp, sp, cfd, afd } = e;
  if (typeof afd !== 'number' || afd < 0) throw new Error(`transfer: accept gave ${String(afd)}`);
  const got = new Uint8Array(data.length);
  const buf = new Uint8Array(1 << 16);
  let sent = 0;
  let n = 0;
  for (let turn = 0; turn < maxTurns && n < data.length; turn++) {
    if (sent < data.length) {
      const r = send(c, cp, cfd, data.subarray(sent), MSG_DONTWAIT);
      if (typeof r === 'number' && r > 0) sent += r;
    }
    w.sim.runUntil(w.sim.now + sliceNs);
    for (;;) {
      const r = recv(s, sp, afd, buf, MSG_DONTWAIT);
      if (typeof r !== 'number' || r <= 0) break;
      got.set(buf.subarray(0, r), n);
      n += r;
    }
  }
  return got.subarray(0, n);
}

/** FrameVerdict says what a link filter does with one frame: let it pass, drop it, or deliver it twice. */
export type FrameVerdict = 'pass' | 'drop' | 'dup';

/** filterLink wraps host's side of the link so verdict(tcp, n) decides each TCP frame it sends (n counts that host's TCP frames from 0); other frames pass. */
export function filterLink(h: Host, verdict: (seg: TcpRepr, n: number) => FrameVerdict): void {
  const wire = h.net.wire;
  if (wire === null) throw new Error(`filterLink: ${h.name} has no link`);
  let n = 0;
  h.net.wire = (from, dev, bytes) => {
    const seg = tcpOf(bytes);
    const v = seg === null ? 'pass' : verdict(seg, n++);
    if (v === 'drop') return;
    wire(from, dev, bytes);
    if (v === 'dup') wire(from, dev, bytes);
  };
}

/** tcpOf decodes the TCP segment in an Ethernet frame, or null for anything else. */
export function tcpOf(frame: Uint8Array): TcpRepr | null {
  const eth = ethernet.parse(new ethernet.EthernetFrame(frame));
  if (isWireError(eth) || eth.etherType !== 0x0800) return null;
  const ip = ipv4.parse(new ipv4.Ipv4Packet(frame.subarray(14)));
  if (isWireError(ip) || ip.protocol !== 6) return null;
  const seg = tcp.parse(new tcp.TcpSegment(frame.subarray(14 + 4 * (frame[14]! & 0x0f))), {
    src: ip.src,
    dst: ip.dst,
  });
  return isWireError(seg) ? null : seg;
}

/** segmentLog lists every TCP frame on the wire as "t_ms host flags seq:end ack win [sack l:r…]" with sequence numbers relative to each connection's ISNs. */
export function segmentLog(w: World): string[] {
  const isn = new Map<string, number>();
  const out: string[] = [];
  for (const e of w.trace.ofKind('frame_tx')) {
    const seg = tcpOf(w.trace.frame(e.frame));
    if (seg === null) continue;
    const me = `${seg.srcPort}>${seg.dstPort}`;
    if ((seg.flags & 0x02) !== 0 && !isn.has(me)) isn.set(me, seg.seq);
    const peer = isn.get(`${seg.dstPort}>${seg.srcPort}`) ?? 0;
    const rel = (seg.seq - (isn.get(me) ?? 0)) >>> 0;
    const ack = (seg.flags & 0x10) !== 0 ? ` ack ${(seg.ack - peer) >>> 0}` : '';
    const len = seg.payload.length;
    const sack = seg.options.flatMap((o) =>
      o.kind === 'sack'
        ? o.blocks.map((b) => ` sack ${(b.left - peer) >>> 0}:${(b.right - peer) >>> 0}`)
        : [],
    );
    out.push(
      `${(e.t / 1e6).toFixed(3)} ${e.host} [${tcp.formatTcpFlags(seg.flags)}] ${len > 0 ? `${rel}:${rel + len}` : rel}${ack} win ${seg.window}${sack.join('')}`,
    );
  }
  return out;
}
