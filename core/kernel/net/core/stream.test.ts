import { describe, expect, it } from 'vitest';
import { established } from '../../testing/tcp';
import { sockOf, socketOf } from '../../testing/harness';
import { isBlock, recv, send, signal } from '../../syscalls';
import { MSG_DONTWAIT } from '../../include/uapi/socket';
import type { KernelVersion } from '../../profiles';
import { SOCK_NOSPACE } from './stream';

const bulk = (n: number): Uint8Array => new Uint8Array(n).map((_, i) => i & 0xff);

/** drain runs the world until idle, reading everything the server has, and returns the bytes read. */
function drain(e: ReturnType<typeof established>): number {
  const buf = new Uint8Array(1 << 16);
  let n = 0;
  for (let i = 0; i < 100; i++) {
    e.w.sim.runUntilIdle();
    const r = recv(e.s, e.sp, e.afd as number, buf, MSG_DONTWAIT);
    if (typeof r !== 'number' || r <= 0) break;
    n += r;
  }
  return n;
}

describe('tcp_init_buffer_space', () => {
  it.each<[KernelVersion, string, number]>([
    ['2.6.32', 'tcp_fixup_sndbuf', 16384], // 3 × (1460 + 160 + 16 + 256) = 5676 < tcp_wmem[1]: unchanged
    ['3.10', 'tcp_fixup_sndbuf', 18920], // TCP_INIT_CWND × (1460 + 160 + 16 + 256)
    ['6.x', 'tcp_sndbuf_expand', 46080], // 2 × 10 × (roundup_pow_of_two(1460 + 160 + 320) + 256)
  ])("sets sk_sndbuf with %s's %s when the connection becomes ESTABLISHED", (kernel, fn, want) => {
    const e = established(kernel);
    const sk = sockOf(e.c, e.cp, e.cfd);
    expect(sk.f.sk_sndbuf, `got ${sk.f.sk_sndbuf}, want ${want}`).toBe(want);
    const calls = e.w.trace
      .ofKind('call')
      .filter((c) => c.host === 'client')
      .map((c) => c.fn);
    expect(calls).toContain(fn);
  });
});

describe('sk_stream_wait_memory', () => {
  it('returns the bytes that fit, then EAGAIN explained by sk_stream_wait_memory, when the socket is non-blocking', () => {
    const e = established('3.10');
    const first = send(e.c, e.cp, e.cfd, bulk(100_000), MSG_DONTWAIT);
    expect(first).toBe(9 * 1448); // nine skbs of truesize 2184 reach sk_sndbuf 18920
    expect(send(e.c, e.cp, e.cfd, bulk(100_000), MSG_DONTWAIT)).toBe(-11);
    const exit = e.w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errno, exit.errfn]).toEqual(['EAGAIN', 'sk_stream_wait_memory']);
    expect(socketOf(e.c, e.cp, e.cfd).f.flags & SOCK_NOSPACE).toBe(SOCK_NOSPACE);
  });

  it('blocks a send when sk_wmem_queued reaches sk_sndbuf and finishes it after sk_stream_write_space wakes the writer', () => {
    const e = established('3.10');
    const data = bulk(60_000);
    const r = send(e.c, e.cp, e.cfd, data);
    expect(isBlock(r)).toBe(true);
    expect(e.w.trace.ofKind('wait').at(-1)?.by).toBe('sk_stream_wait_memory');
    let n = drain(e);
    const wake = e.w.trace
      .ofKind('wake')
      .filter((w) => w.host === 'client')
      .at(-1);
    expect(wake?.by).toBe('sk_stream_write_space');
    let ret = send(e.c, e.cp, e.cfd, data);
    for (let i = 0; i < 50 && isBlock(ret); i++) {
      n += drain(e);
      ret = send(e.c, e.cp, e.cfd, data);
    }
    expect(ret).toBe(60_000);
    n += drain(e);
    expect(n).toBe(60_000);
    const calls = e.w.trace
      .ofKind('call')
      .filter((c) => c.host === 'client')
      .map((c) => c.fn);
    expect(calls).toContain('tcp_new_space');
    expect(sockOf(e.c, e.cp, e.cfd).f.sk_sndbuf > 18920).toBe(true);
  });

  it('returns the bytes already copied when a signal interrupts the wait', () => {
    const e = established('3.10');
    const data = bulk(60_000);
    expect(isBlock(send(e.c, e.cp, e.cfd, data))).toBe(true);
    signal(e.c, e.cp, 2);
    expect(send(e.c, e.cp, e.cfd, data)).toBe(9 * 1448);
  });

  it('grows sk_sndbuf in tcp_new_space only while cwnd is not filled (tcp_should_expand_sndbuf)', () => {
    const e = established('6.x');
    send(e.c, e.cp, e.cfd, bulk(200_000), MSG_DONTWAIT);
    drain(e);
    const grow = e.w.trace
      .ofKind('field')
      .filter((f) => f.host === 'client' && f.field === 'sk_sndbuf')
      .map((f) => `${f.by}:${f.new}`);
    // 2 × nr_segs × 2304 with nr_segs = snd_cwnd (17 once the first ACKs arrived) while the
    // sender cannot fill it; the space that frees wakes the writer and clears SOCK_NOSPACE.
    expect(grow).toEqual([
      'sock_init_data:212992',
      'tcp_init_sock:16384',
      'tcp_sndbuf_expand:46080',
      'tcp_sndbuf_expand:78336',
    ]);
  });
});
