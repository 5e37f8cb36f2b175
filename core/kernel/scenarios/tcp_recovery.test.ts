import { describe, expect, it } from 'vitest';
import { established, filterLink, segmentLog } from '../testing/tcp';
import { sockOf } from '../testing/harness';
import { tcpx } from '../include/linux/tcp';
import { close, recv, send } from '../syscalls';
import { MSG_DONTWAIT } from '../include/uapi/socket';
import type { World } from '../world/world';

/** fieldLog lists a host's changes of the named fields since event from as "t_ms field old->new by fn". */
function fieldLog(w: World, from: number, host: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of w.trace.events(from)) {
    if (e.kind !== 'field' || e.host !== host || !names.includes(e.field)) continue;
    out.push(`${(e.t / 1e6).toFixed(3)} ${e.field} ${String(e.old)}->${String(e.new)} by ${e.by}`);
  }
  return out;
}

/** lossyPair sends eight full segments client → server with the third one dropped once on the wire (SACK negotiated unless sack is 0). */
function lossyPair(
  ca: string,
  sack = 1,
): { w: World; from: number; read: number; got: Uint8Array; data: Uint8Array } {
  const e = established('3.10', {}, (world) => {
    for (const h of [world.host('client'), world.host('server')]) {
      h.sysctl['net.ipv4.tcp_congestion_control'] = ca;
      h.sysctl['net.ipv4.tcp_sack'] = sack;
    }
  });
  const { w, c, s, cp, sp, cfd, afd } = e;
  expect(sockOf(c, cp, cfd).f.icsk_ca_ops).toBe(ca);
  const una = Number(sockOf(c, cp, cfd).f['snd_una']);
  let dropped = false;
  filterLink(c, (seg) => {
    if (dropped || seg.seq !== (una + 2 * 1448) >>> 0) return 'pass';
    dropped = true;
    return 'drop';
  });
  const from = w.trace.length;
  const data = new Uint8Array(8 * 1448).map((_, i) => (i * 13) & 0xff);
  expect(send(c, cp, cfd, data, MSG_DONTWAIT)).toBe(data.length);
  w.sim.runUntil(w.sim.now + 100_000_000);
  const got = new Uint8Array(data.length);
  const read = recv(s, sp, afd as number, got, MSG_DONTWAIT) as number;
  return { w, from, read, got, data };
}

describe('fast retransmit and recovery (tcp_fastretrans_alert, PRR)', () => {
  it('retransmits the lost segment on the third duplicate ACK and delivers everything in order when one segment is dropped', () => {
    const { w, from, read, got, data } = lossyPair('cubic');
    expect(read).toBe(data.length);
    expect(got).toEqual(data);
    // The server ACKs the first segments at once (quick-ACK mode), then every out-of-order
    // arrival with a duplicate ACK for 2897 whose SACK block grows; the third one triggers the
    // retransmission (three SACKed segments above the hole: RFC 6675 IsLost).
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 client [.] 1:1449 ack 1 win 115',
      '0.253 client [.] 1449:2897 ack 1 win 115',
      '0.253 client [.] 2897:4345 ack 1 win 115',
      '0.253 client [.] 4345:5793 ack 1 win 115',
      '0.253 client [.] 5793:7241 ack 1 win 115',
      '0.253 client [P.] 7241:8689 ack 1 win 115', // forced_push: 8689 − 1 > max_window 14600 / 2
      '0.253 client [.] 8689:10137 ack 1 win 115',
      '0.253 client [.] 10137:11585 ack 1 win 115',
      '0.316 server [.] 1 ack 1449 win 136',
      '0.328 server [.] 1 ack 2897 win 159',
      '0.340 server [.] 1 ack 2897 win 159 sack 4345:5793',
      '0.353 server [.] 1 ack 2897 win 159 sack 4345:7241',
      '0.365 server [.] 1 ack 2897 win 159 sack 4345:8689',
      '0.377 server [.] 1 ack 2897 win 159 sack 4345:10137',
      '0.389 server [.] 1 ack 2897 win 159 sack 4345:11585',
      '0.416 client [.] 2897:4345 ack 1 win 115',
      '0.478 server [.] 1 ack 11585 win 182',
    ]);
    // CUBIC's ssthresh is cwnd × 717/1024 (12 → 8); PRR sets cwnd to in_flight + 1 for the
    // retransmission; recovery ends at high_seq with cwnd = ssthresh.
    const watched = ['icsk_ca_state', 'snd_ssthresh', 'snd_cwnd', 'sacked_out', 'lost_out', 'retrans_out'];
    expect(fieldLog(w, from, 'client', watched)).toEqual([
      '0.366 snd_cwnd 10->11 by tcp_slow_start',
      '0.379 snd_cwnd 11->12 by tcp_slow_start',
      '0.391 sacked_out 0->1 by tcp_sacktag_write_queue',
      '0.391 icsk_ca_state 0->1 by tcp_fastretrans_alert',
      '0.403 sacked_out 1->2 by tcp_sacktag_write_queue',
      '0.416 sacked_out 2->3 by tcp_sacktag_write_queue',
      '0.416 lost_out 0->1 by tcp_mark_head_lost',
      '0.416 snd_ssthresh 2147483647->8 by tcp_enter_recovery',
      '0.416 icsk_ca_state 1->3 by tcp_enter_recovery',
      '0.416 snd_cwnd 12->3 by tcp_cwnd_reduction',
      '0.416 retrans_out 0->1 by tcp_retransmit_skb',
      '0.428 sacked_out 3->4 by tcp_sacktag_write_queue',
      '0.440 sacked_out 4->5 by tcp_sacktag_write_queue',
      '0.529 retrans_out 1->0 by tcp_clean_rtx_queue',
      '0.529 lost_out 1->0 by tcp_clean_rtx_queue',
      '0.529 sacked_out 5->4 by tcp_clean_rtx_queue',
      '0.529 sacked_out 4->3 by tcp_clean_rtx_queue',
      '0.529 sacked_out 3->2 by tcp_clean_rtx_queue',
      '0.529 sacked_out 2->1 by tcp_clean_rtx_queue',
      '0.529 sacked_out 1->0 by tcp_clean_rtx_queue',
      '0.529 snd_cwnd 3->8 by tcp_end_cwnd_reduction',
      '0.529 icsk_ca_state 3->0 by tcp_fastretrans_alert',
    ]);
    expect(w.trace.ofKind('tcp_retransmit_skb').map((e) => `${e.host} ${e.state}`)).toEqual([
      'client TCP_ESTABLISHED',
    ]);
  });

  it('counts duplicate ACKs as Reno "sacks" (NewReno) when net.ipv4.tcp_sack is 0', () => {
    const { w, from, read } = lossyPair('cubic', 0);
    expect(read).toBe(8 * 1448);
    expect(segmentLog(w).some((l) => l.includes(' sack '))).toBe(false);
    const watched = ['icsk_ca_state', 'snd_ssthresh', 'snd_cwnd', 'sacked_out', 'lost_out', 'retrans_out'];
    expect(fieldLog(w, from, 'client', watched)).toEqual([
      '0.366 snd_cwnd 10->11 by tcp_slow_start',
      '0.379 snd_cwnd 11->12 by tcp_slow_start',
      '0.391 sacked_out 0->1 by tcp_fastretrans_alert',
      '0.391 icsk_ca_state 0->1 by tcp_fastretrans_alert',
      '0.403 sacked_out 1->2 by tcp_fastretrans_alert',
      '0.416 sacked_out 2->3 by tcp_fastretrans_alert',
      '0.416 snd_ssthresh 2147483647->8 by tcp_enter_recovery',
      '0.416 icsk_ca_state 1->3 by tcp_enter_recovery',
      '0.416 lost_out 0->1 by tcp_mark_head_lost',
      '0.416 snd_cwnd 12->3 by tcp_cwnd_reduction',
      '0.416 retrans_out 0->1 by tcp_retransmit_skb',
      '0.428 sacked_out 3->4 by tcp_fastretrans_alert',
      '0.440 sacked_out 4->5 by tcp_fastretrans_alert',
      '0.529 retrans_out 1->0 by tcp_clean_rtx_queue',
      '0.529 lost_out 1->0 by tcp_clean_rtx_queue',
      '0.529 sacked_out 5->0 by tcp_fastretrans_alert',
      '0.529 snd_cwnd 3->8 by tcp_end_cwnd_reduction',
      '0.529 icsk_ca_state 3->0 by tcp_fastretrans_alert',
    ]);
    expect(w.trace.ofKind('tcp_retransmit_skb').map((e) => `${e.host} ${e.state}`)).toEqual([
      'client TCP_ESTABLISHED',
    ]);
  });

  it('halves cwnd (Reno ssthresh) when net.ipv4.tcp_congestion_control is reno', () => {
    const { w, from, read } = lossyPair('reno');
    expect(read).toBe(8 * 1448);
    const log = fieldLog(w, from, 'client', ['snd_ssthresh', 'snd_cwnd']);
    expect(log).toContain('0.416 snd_ssthresh 2147483647->6 by tcp_enter_recovery');
    expect(log).toContain('0.529 snd_cwnd 3->6 by tcp_end_cwnd_reduction');
    const calls = w.trace.ofKind('call').filter((e) => e.host === 'client' && e.fn.startsWith('tcp_reno'));
    expect(calls.map((e) => e.fn)).toContain('tcp_reno_ssthresh');
  });

  it('starts a CUBIC epoch after recovery with W_max = 12 and K = cbrt(W_max − cwnd) / C in 1/1024 s', () => {
    const { w } = lossyPair('cubic');
    const sk = [...w.host('client').live.values()].find(
      (o) => o.struct === 'tcp_sock' && o.f['snd_nxt'] !== 0,
    )!;
    const ca = tcpx(sk as Parameters<typeof tcpx>[0]).caPriv!;
    // cube_factor = 2^40 / 410; K = cbrt(cube_factor × (12 − 8)) = 2205 (≈ 2.15 s).
    expect([ca['last_max_cwnd'], ca['bic_origin_point'], ca['bic_K']]).toEqual([12, 12, 2205]);
  });

  it('queues out-of-order segments in out_of_order_queue and moves them to the receive queue when the hole fills', () => {
    const { w } = lossyPair('cubic');
    const server = w.trace.ofKind('call').filter((e) => e.host === 'server');
    expect(server.filter((e) => e.fn === 'tcp_data_queue_ofo').length).toBe(5);
    expect(server.filter((e) => e.fn === 'tcp_ofo_queue').map((e) => (e.t / 1e6).toFixed(3))).toEqual([
      '0.478',
    ]);
  });
});

describe('retransmission timeout (tcp_retransmit_timer)', () => {
  it('sets icsk_rto from the handshake RTT as srtt/8 + rttvar with rttvar at least TCP_RTO_MIN', () => {
    const { c, cp, cfd } = established('3.10');
    const sk = sockOf(c, cp, cfd);
    // A sub-jiffy RTT counts as 1 jiffy: srtt = 1 << 3, mdev = 1 << 1, rttvar = max(mdev, 200).
    expect([sk.f['srtt'], sk.f['mdev'], sk.f['rttvar'], sk.f.icsk_rto]).toEqual([8, 2, 200, 201]);
  });

  it('keeps srtt_us, mdev_us and rttvar_us in microseconds from the skb send time on 6.x', () => {
    const { c, cp, cfd } = established('6.x');
    const sk = sockOf(c, cp, cfd);
    // The SYN waited 101 µs for ARP after it was stamped, so its RTT is 202 µs:
    // srtt_us = 202 << 3, mdev_us = 202 << 1, rttvar_us = max(mdev_us, 200 ms), RTO 201 jiffies.
    expect([sk.f['srtt'], sk.f['mdev'], sk.f['rttvar'], sk.f.icsk_rto]).toEqual([1616, 404, 200_000, 201]);
    expect(c.fieldName('srtt')).toBe('srtt_us');
  });

  it('backs the RTO off exponentially and fails with ETIMEDOUT after tcp_retries2 retransmissions', () => {
    const { w, c, cp, cfd } = established('3.10');
    c.sysctl['net.ipv4.tcp_retries2'] = 3;
    filterLink(c, (seg) => (seg.payload.length > 0 ? 'drop' : 'pass'));
    const from = w.trace.length;
    expect(send(c, cp, cfd, new Uint8Array(100), MSG_DONTWAIT)).toBe(100);
    w.sim.runUntil(w.sim.now + 4_000_000_000);
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 client [P.] 1:101 ack 1 win 115',
      '201.253 client [P.] 1:101 ack 1 win 115',
      '603.253 client [P.] 1:101 ack 1 win 115',
      '1407.253 client [P.] 1:101 ack 1 win 115',
    ]);
    expect(fieldLog(w, from, 'client', ['icsk_rto', 'icsk_ca_state', 'snd_cwnd', 'sk_err'])).toEqual([
      '201.253 icsk_ca_state 0->4 by tcp_enter_loss',
      '201.253 snd_cwnd 10->1 by tcp_enter_loss',
      '201.253 icsk_rto 201->402 by tcp_retransmit_timer',
      '603.253 icsk_rto 402->804 by tcp_retransmit_timer',
      '1407.253 icsk_rto 804->1608 by tcp_retransmit_timer',
      '3015.253 sk_err 0->110 by tcp_write_err',
    ]);
    expect(recv(c, cp, cfd, new Uint8Array(10), MSG_DONTWAIT)).toBe(-110);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errno, exit.errfn, exit.errwhy]).toEqual([
      'ETIMEDOUT',
      'tcp_write_timeout',
      '3 retransmissions without an answer',
    ]);
  });
});

describe('duplicate segments', () => {
  it('drops a duplicated segment as old data and answers it with an immediate duplicate ACK', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    filterLink(c, (seg) => (seg.payload.length > 0 ? 'dup' : 'pass'));
    send(c, cp, cfd, new Uint8Array(100).fill(7), MSG_DONTWAIT);
    w.sim.runUntil(w.sim.now + 10_000_000);
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 client [P.] 1:101 ack 1 win 115',
      '0.305 server [.] 1 ack 101 win 114',
      '0.306 server [.] 1 ack 101 win 114',
    ]);
    expect(w.trace.ofKind('kfree_skb').map((e) => `${e.host} ${e.location} ${e.reason}`)).toEqual([
      'server tcp_data_queue SKB_DROP_REASON_TCP_OLD_DATA',
    ]);
    expect(recv(s, sp, afd as number, new Uint8Array(1000), MSG_DONTWAIT)).toBe(100);
  });
});

describe('a FIN that arrives before the data it follows', () => {
  it('keeps the FIN in out_of_order_queue (SACKed as 101:102) and delivers data then EOF once the data is retransmitted', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    let dropped = false;
    filterLink(c, (seg) => {
      if (dropped || seg.payload.length === 0) return 'pass';
      dropped = true;
      return 'drop';
    });
    send(c, cp, cfd, new Uint8Array(100).fill(1), MSG_DONTWAIT);
    expect(close(c, cp, cfd)).toBe(0);
    w.sim.runUntil(w.sim.now + 1_000_000_000);
    expect(segmentLog(w).slice(3)).toEqual([
      '0.253 client [P.] 1:101 ack 1 win 115',
      '0.253 client [F.] 101 ack 1 win 115',
      '0.304 server [.] 1 ack 1 win 114 sack 101:102',
      '201.253 client [P.] 1:101 ack 1 win 115',
      '201.305 server [.] 1 ack 102 win 114',
    ]);
    const buf = new Uint8Array(1000);
    expect([
      recv(s, sp, afd as number, buf, MSG_DONTWAIT),
      recv(s, sp, afd as number, buf, MSG_DONTWAIT),
    ]).toEqual([100, 0]);
  });
});
