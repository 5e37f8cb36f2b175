// getsockopt(SOL_TCP, TCP_INFO) on an established, idle client: struct tcp_info's 104 bytes as
// tcp_get_info fills them on each era (initial cwnd 3 on 2.6.32, window scale 10 and RTTs
// kept in microseconds on 6.x), and what ss -i prints from the same numbers.
import { describe, expect, it } from 'vitest';
import { established } from '../testing/tcp';
import { getsockopt } from '../syscalls';
import { SOL_TCP } from '../include/uapi/socket';
import { TCP_OPT } from '../net/core/sockopt';
import { TCP_INFO_SIZE } from '../net/ipv4/tcp_info';

function tcpInfo(kernel: '2.6.32' | '3.10' | '6.x') {
  const e = established(kernel);
  e.w.sim.runUntilIdle();
  const out: { val?: Uint8Array } = {};
  expect(getsockopt(e.c, e.cp, e.cfd, SOL_TCP, TCP_OPT.TCP_INFO, out)).toBe(0);
  const b = out.val!;
  const v = new DataView(b.buffer);
  const u32 = (off: number) => v.getUint32(off, true);
  return {
    size: b.length,
    head: Array.from(b.subarray(0, 7)),
    rto: u32(8),
    mss: [u32(16), u32(20)],
    unacked: u32(24),
    sinceMs: [u32(44), u32(52), u32(56)],
    pmtu: u32(60),
    rcvSsthresh: u32(64),
    rtt: [u32(68), u32(72)],
    cwnd: u32(80),
    advmss: u32(84),
    rcvSpace: u32(96),
    totalRetrans: u32(100),
  };
}

describe('getsockopt TCP_INFO', () => {
  it('fills struct tcp_info on 3.10: states, options, window scales sharing a byte, µs times', () => {
    expect(tcpInfo('3.10')).toEqual({
      size: TCP_INFO_SIZE,
      // state ESTABLISHED, ca_state, retransmits, probes, backoff, options TS|SACK|WSCALE, wscale 7|7<<4
      head: [1, 0, 0, 0, 0, 7, 0x77],
      rto: 201_000,
      mss: [1448, 1448],
      unacked: 0,
      sinceMs: [5000, 5000, 5000],
      pmtu: 1500,
      rcvSsthresh: 14600,
      rtt: [1000, 500], // srtt and mdev in jiffies: 1 ms and 0.5 ms
      cwnd: 10,
      advmss: 1460,
      rcvSpace: 14600,
      totalRetrans: 0,
    });
  });

  it('differs by era where the kernels do: cwnd 3 on 2.6.32, scale 10 and µs RTTs on 6.x', () => {
    expect(tcpInfo('2.6.32')).toMatchObject({ head: [1, 0, 0, 0, 0, 7, 0x77], cwnd: 3, rtt: [1000, 500] });
    expect(tcpInfo('6.x')).toMatchObject({
      head: [1, 0, 0, 0, 0, 7, 0xaa],
      cwnd: 10,
      rtt: [202, 101],
      rcvSpace: 64240,
    });
  });
});
