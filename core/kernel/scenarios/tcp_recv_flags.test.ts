import { describe, expect, it } from 'vitest';
import { MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL } from '../include/uapi/socket';
import { established } from '../testing/tcp';
import { isBlock, recv, recvmsg, send, setsockopt, shutdown, signal } from '../syscalls';
import { SO } from '../net/core/sockopt';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** withData returns an established pair where the client sent text and the server's accepted socket has it queued. */
function withData(text: string) {
  const e = established('3.10');
  expect(send(e.c, e.cp, e.cfd, enc(text))).toBe(text.length);
  e.w.sim.runUntil(e.w.sim.now + 10_000_000);
  const afd = e.afd as number;
  const sk = e.s.tasks.get(e.sp)!.fds[afd]!.socket!.sk!;
  return { ...e, afd, sk };
}

/** copies counts the server's skb_copy_datagram_iovec calls (each copies from one skb to the user buffer). */
const copies = (e: ReturnType<typeof withData>): number =>
  e.w.trace.ofKind('call').filter((c) => c.host === 'server' && c.fn === 'skb_copy_datagram_iovec').length;

describe('tcp_recvmsg MSG_PEEK', () => {
  it('copies the data but leaves it queued and copied_seq where it was', () => {
    const e = withData('hello world');
    const seq = e.sk.f['copied_seq'];
    const rmem = e.sk.f.sk_rmem_alloc;
    const buf = new Uint8Array(8);
    expect(recv(e.s, e.sp, e.afd, buf, MSG_PEEK)).toBe(8);
    expect(dec(buf)).toBe('hello wo');
    expect([e.sk.f['copied_seq'], e.sk.receiveQueue.length, e.sk.f.sk_rmem_alloc]).toEqual([seq, 1, rmem]);
    const all = new Uint8Array(32);
    expect(recv(e.s, e.sp, e.afd, all)).toBe(11);
    expect(dec(all.subarray(0, 11))).toBe('hello world');
    expect(e.sk.receiveQueue.length).toBe(0);
  });

  it('peeks through recvmsg too', () => {
    const e = withData('abc');
    const buf = new Uint8Array(8);
    expect(recvmsg(e.s, e.sp, e.afd, { iov: [buf] }, MSG_PEEK)).toBe(3);
    expect(recvmsg(e.s, e.sp, e.afd, { iov: [buf] }, MSG_PEEK)).toBe(3);
    expect(recv(e.s, e.sp, e.afd, buf)).toBe(3);
  });
});

describe('tcp_recvmsg MSG_DONTWAIT', () => {
  it('returns EAGAIN from sk_wait_data on an empty queue of a blocking socket', () => {
    const e = withData('x');
    expect(recv(e.s, e.sp, e.afd, new Uint8Array(4))).toBe(1);
    expect(recv(e.s, e.sp, e.afd, new Uint8Array(4), MSG_DONTWAIT)).toBe(-11);
    const exit = e.w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errfn, exit.errwhy]).toEqual([
      'sk_wait_data',
      'receive queue empty on a non-blocking socket',
    ]);
  });
});

describe('tcp_recvmsg MSG_TRUNC', () => {
  it('discards the bytes without copying them, and counts them', () => {
    const e = withData('hello world');
    const buf = new Uint8Array(4).fill(0xa5);
    expect(recv(e.s, e.sp, e.afd, buf, MSG_TRUNC)).toBe(4);
    expect([...buf]).toEqual([0xa5, 0xa5, 0xa5, 0xa5]);
    expect(copies(e)).toBe(0);
    const rest = new Uint8Array(16);
    expect(recv(e.s, e.sp, e.afd, rest)).toBe(7);
    expect(dec(rest.subarray(0, 7))).toBe('o world');
  });

  it('leaves recvmsg iovecs untouched and reports no MSG_TRUNC in msg_flags', () => {
    const e = withData('hello');
    const iov = new Uint8Array(3).fill(0xa5);
    const msg: { iov: Uint8Array[]; flags?: number } = { iov: [iov] };
    expect(recvmsg(e.s, e.sp, e.afd, msg, MSG_TRUNC)).toBe(3);
    expect([[...iov], msg.flags]).toEqual([[0xa5, 0xa5, 0xa5], 0]);
  });
});

describe('tcp_recvmsg MSG_WAITALL', () => {
  it('sleeps in sk_wait_data until len bytes arrived, keeping the first part across the wait', () => {
    const e = withData('hello ');
    const buf = new Uint8Array(11);
    expect(isBlock(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL))).toBe(true);
    expect(e.sk.receiveQueue.length).toBe(0);
    send(e.c, e.cp, e.cfd, enc('world'));
    e.w.sim.runUntil(e.w.sim.now + 10_000_000);
    expect(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL)).toBe(11);
    expect(dec(buf)).toBe('hello world');
    expect(copies(e)).toBe(2);
    const exits = e.w.trace.ofKind('syscall_exit').filter((x) => x.host === 'server' && x.name === 'recv');
    expect(exits.map((x) => x.ret)).toEqual([11]);
  });

  it('returns what it has when the peer closes (EOF) before len bytes', () => {
    const e = withData('hello');
    const buf = new Uint8Array(11);
    expect(isBlock(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL))).toBe(true);
    shutdown(e.c, e.cp, e.cfd, 1);
    e.w.sim.runUntil(e.w.sim.now + 10_000_000);
    expect(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL)).toBe(5);
    expect(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL)).toBe(0);
  });

  it('returns the bytes copied, not EINTR, when a signal ends the wait', () => {
    const e = withData('hello');
    const buf = new Uint8Array(11);
    expect(isBlock(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL))).toBe(true);
    signal(e.s, e.sp, 10);
    const fresh = new Uint8Array(11); // the C runtime passes a new buffer to the re-invoked call
    expect(recv(e.s, e.sp, e.afd, fresh, MSG_WAITALL)).toBe(5);
    expect(dec(fresh.subarray(0, 5))).toBe('hello');
  });

  it('returns the bytes copied when SO_RCVTIMEO runs out', () => {
    const e = withData('hello');
    expect(setsockopt(e.s, e.sp, e.afd, 1, SO.SO_RCVTIMEO, timeval(0, 50_000))).toBe(0);
    const buf = new Uint8Array(11);
    expect(isBlock(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL))).toBe(true);
    e.w.sim.runUntil(e.w.sim.now + 60_000_000);
    expect(recv(e.s, e.sp, e.afd, buf, MSG_WAITALL)).toBe(5);
  });

  it('fills recvmsg iovecs across the wait', () => {
    const e = withData('hello ');
    const [a, b] = [new Uint8Array(4), new Uint8Array(7)];
    expect(isBlock(recvmsg(e.s, e.sp, e.afd, { iov: [a, b] }, MSG_WAITALL))).toBe(true);
    send(e.c, e.cp, e.cfd, enc('world'));
    e.w.sim.runUntil(e.w.sim.now + 10_000_000);
    expect(recvmsg(e.s, e.sp, e.afd, { iov: [a, b] }, MSG_WAITALL)).toBe(11);
    expect([dec(a), dec(b)]).toEqual(['hell', 'o world']);
  });

  it('with MSG_DONTWAIT returns the bytes queued at once', () => {
    const e = withData('hello');
    expect(recv(e.s, e.sp, e.afd, new Uint8Array(11), MSG_WAITALL | MSG_DONTWAIT)).toBe(5);
  });
});

/** timeval encodes a struct timeval (x86-64: two little-endian 64-bit fields). */
function timeval(sec: number, usec: number): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setBigInt64(0, BigInt(sec), true);
  v.setBigInt64(8, BigInt(usec), true);
  return b;
}
