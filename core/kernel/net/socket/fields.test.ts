import { describe, expect, it } from 'vitest';
import { socket } from '../../syscalls';
import { harness, sockOf, socketOf } from '../../testing/harness';
import type { KernelVersion } from '../../profiles';
import { SnapshotIndex } from '../../../trace';

/** tcpAfterSocket returns the tcp_sock fields right after socket(AF_INET, SOCK_STREAM, 0). */
function tcpAfterSocket(kernel: KernelVersion): Record<string, unknown> {
  const { h, pid } = harness(kernel);
  return { ...sockOf(h, pid, socket(h, pid, 2, 1, 0)).f };
}

// prettier-ignore
const WANT: ReadonlyArray<readonly [string, unknown, unknown, unknown]> = [
  // field, 2.6.32, 3.10, 6.x (reference §4.11)
  ['sk_state', 7, 7, 7],
  ['sk_family', 2, 2, 2],
  ['sk_type', 1, 1, 1],
  ['sk_protocol', 6, 6, 6],
  ['sk_reuse', 0, 0, 0],
  ['sk_sndbuf', 16384, 16384, 16384],
  ['sk_rcvbuf', 87380, 87380, 131072],
  ['sk_wmem_alloc', 1, 1, 1],
  ['sk_write_space', 'sk_stream_write_space', 'sk_stream_write_space', 'sk_stream_write_space'],
  ['sk_state_change', 'sock_def_wakeup', 'sock_def_wakeup', 'sock_def_wakeup'],
  ['sk_data_ready', 'sock_def_readable', 'sock_def_readable', 'sock_def_readable'],
  ['sk_backlog_rcv', 'tcp_v4_do_rcv', 'tcp_v4_do_rcv', 'tcp_v4_do_rcv'],
  ['sk_destruct', 'inet_sock_destruct', 'inet_sock_destruct', 'inet_sock_destruct'],
  ['inet_num', 0, 0, 0],
  ['uc_ttl', -1, -1, -1],
  ['mc_ttl', 1, 1, 1],
  ['pmtudisc', 1, 1, 1],
  ['is_icsk', 1, 1, 1],
  ['icsk_af_ops', 'ipv4_specific', 'ipv4_specific', 'ipv4_specific'],
  ['icsk_ca_ops', 'tcp_init_congestion_ops', 'tcp_init_congestion_ops', 'cubic'],
  ['icsk_rto', 3000, 1000, 1000],
  ['snd_cwnd', 2, 10, 10],
  ['snd_ssthresh', 0x7fffffff, 0x7fffffff, 0x7fffffff],
  ['mss_cache', 536, 536, 536],
  ['reordering', 3, 3, 3],
  ['nonagle', 0, 0, 0],
];

describe('tcp_v4_init_sock (reference §4.11)', () => {
  const eras = ['2.6.32', '3.10', '6.x'] as const;
  for (const [i, kernel] of eras.entries()) {
    it(`sets the reference's values when a TCP socket is created on ${kernel}`, () => {
      const f = tcpAfterSocket(kernel);
      const got = WANT.map(([name]) => [name, f[name]]);
      const want = WANT.map((r) => [r[0], r[i + 1]]);
      expect(got, `got ${JSON.stringify(got)}\nwant ${JSON.stringify(want)}`).toEqual(want);
    });
  }

  it('sets SS_UNCONNECTED and inet_stream_ops on the struct socket when TCP is created', () => {
    const { h, pid } = harness('3.10');
    const s = socketOf(h, pid, socket(h, pid, 2, 1, 0));
    expect([s.f.state, s.f.ops, s.f.type]).toEqual([1, 'inet_stream_ops', 1]);
  });

  it('hashes a raw socket with hdrincl and inet_sport = htons(255) when root creates SOCK_RAW/IPPROTO_RAW', () => {
    const { h, pid } = harness('3.10', 'root');
    const sk = sockOf(h, pid, socket(h, pid, 2, 3, 255));
    expect([sk.f.inet_num, sk.f.inet_sport, sk.f['hdrincl'], sk.f.sk_reuse]).toEqual([255, 0xff00, 1, 1]);
    expect(h.rawSockets).toEqual([sk]);
  });
});

describe('traced funnel', () => {
  it('explains every field of every live struct through obj_new and field events when snapshots are rebuilt', () => {
    const { w, h, pid } = harness('3.10', 'root');
    socket(h, pid, 2, 1, 0);
    socket(h, pid, 2, 2, 0);
    socket(h, pid, 2, 3, 1);
    const snap = new SnapshotIndex(w.trace).at(w.trace.length - 1);
    for (const obj of h.live.values()) {
      if (obj.struct === 'net_device') continue;
      const s = snap.get(`client/${obj.addr}`);
      expect(s?.fields, `${obj.struct} ${obj.addr}: got ${JSON.stringify(s?.fields)}`).toEqual({ ...obj.f });
    }
  });

  it('names 2.6.32 fields with their 2.6.32 spelling when the trace records them', () => {
    const { w, h, pid } = harness('2.6.32', 'root');
    socket(h, pid, 2, 3, 255);
    const names = w.trace.ofKind('field').map((e) => e.field);
    expect(names.includes('num') && names.includes('sport') && names.includes('sk_sleep')).toBe(true);
    expect(names.includes('inet_num')).toBe(false);
  });
});
