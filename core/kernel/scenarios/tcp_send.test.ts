import { describe, expect, it } from 'vitest';
import { established, transfer } from '../testing/tcp';
import { accept4, connect, isBlock, recv, send, signal, socket } from '../syscalls';
import { ethernet, ipv4, tcp, tcpOptions, isWireError } from '../../wire';
import { traceHash } from '../../trace';
import type { KernelVersion } from '../profiles';
import { ipFromString } from '../include/uapi/in';
import type { World } from '../world/world';

/** sendChain sends 10 bytes on an established connection and returns the client's calls at that instant. */
function sendChain(kernel: KernelVersion): string[] {
  const { w, c, cp, cfd } = established(kernel);
  const from = w.trace.length;
  expect(send(c, cp, cfd, new TextEncoder().encode('0123456789'))).toBe(10);
  const t = w.trace.get(from).t;
  return w.trace
    .events(from)
    .filter((e) => e.kind === 'call' && e.host === 'client' && e.t === t)
    .map((e) => (e.kind === 'call' ? `${'  '.repeat(e.depth)}${e.fn}` : ''));
}

// The IP-and-below tail every era shares up to the neighbour step (reference §2.6–2.8).
// prettier-ignore
const IP_TAIL = (d: number): string[] => ['__sk_dst_check', 'ip_local_out', '  __ip_local_out', '    ip_send_check', '    nf_hook_slow', '  dst_output', '    ip_output', '      nf_hook_slow', '      ip_finish_output', '        ip_finish_output2'].map((x) => '  '.repeat(d) + x);

describe('send() of 10 bytes on an established connection', () => {
  it('follows the 3.10 chain: sock_sendmsg → __sock_sendmsg_nosec → inet_sendmsg → tcp_sendmsg → tcp_push → … → ndo_start_xmit', () => {
    // prettier-ignore
    const want = [
      'sys_sendto', '  sockfd_lookup_light', '  sock_sendmsg', '    __sock_sendmsg', '      __sock_sendmsg_nosec', '        inet_sendmsg',
      '          tcp_sendmsg', '            tcp_send_mss', '            sk_stream_alloc_skb', '            skb_entail', '            skb_add_data_nocache',
      '            tcp_push', '              tcp_mark_push', '              __tcp_push_pending_frames', '                tcp_write_xmit',
      '                  tcp_init_tso_segs', '                  tcp_cwnd_test', '                  tcp_snd_wnd_test', '                  tcp_nagle_test',
      '                  tcp_transmit_skb', '                    tcp_established_options', '                    tcp_v4_send_check',
      '                    tcp_event_ack_sent', '                    tcp_event_data_sent', '                    ip_queue_xmit',
      ...IP_TAIL(11),
      '                                __ipv4_neigh_lookup_noref', '                                dst_neigh_output',
      '                                  neigh_hh_output', '                                    dev_hard_header', '                                    dev_queue_xmit',
      '                                      __dev_xmit_skb', '                                        sch_direct_xmit',
      '                                          dev_hard_start_xmit', '                                            socklab_eth_xmit',
      '                  tcp_event_new_data_sent', '                  tcp_minshall_update', '                  tcp_schedule_loss_probe',
    ];
    const got = sendChain('3.10');
    expect(got.join('\n'), `got\n${got.join('\n')}`).toBe(want.join('\n'));
  });

  it('follows the 2.6.32 chain where inet_stream_ops.sendmsg is tcp_sendmsg itself', () => {
    // prettier-ignore
    const want = [
      'sys_sendto', '  sockfd_lookup_light', '  sock_sendmsg', '    __sock_sendmsg', '      tcp_sendmsg', '        tcp_send_mss',
      '        sk_stream_alloc_skb', '        skb_entail', '        skb_add_data', '        tcp_push', '          tcp_mark_push',
      '          __tcp_push_pending_frames', '            tcp_write_xmit', '              tcp_init_tso_segs', '              tcp_cwnd_test',
      '              tcp_snd_wnd_test', '              tcp_nagle_test', '              tcp_transmit_skb', '                tcp_established_options',
      '                tcp_v4_send_check', '                tcp_event_ack_sent', '                tcp_event_data_sent', '                ip_queue_xmit',
      ...IP_TAIL(9),
      '                            neigh_hh_output', '                              dev_hard_header', '                              dev_queue_xmit',
      '                                __dev_xmit_skb', '                                  sch_direct_xmit', '                                    dev_hard_start_xmit',
      '                                      socklab_eth_xmit', '              tcp_event_new_data_sent', '              tcp_minshall_update', '              tcp_cwnd_validate',
    ];
    const got = sendChain('2.6.32');
    expect(got.join('\n'), `got\n${got.join('\n')}`).toBe(want.join('\n'));
  });

  it('goes through tcp_sendmsg_locked, __tcp_transmit_skb, __ip_queue_xmit and xmit_one on 6.x', () => {
    const got = sendChain('6.x').map((x) => x.trim());
    for (const fn of [
      '__sys_sendto',
      'sock_sendmsg_nosec',
      'tcp_sendmsg_locked',
      'tcp_stream_alloc_skb',
      'tcp_skb_entail',
      '__tcp_transmit_skb',
      '__ip_queue_xmit',
      'ip_neigh_for_gw',
      'neigh_output',
      '__dev_queue_xmit',
      'xmit_one',
      '__netdev_start_xmit',
    ]) {
      expect(got.includes(fn), `got no ${fn}`).toBe(true);
    }
  });

  it('delivers the bytes to the accepting task when the server calls recv', () => {
    const { w, c, s, cp, sp, cfd, afd } = established('3.10');
    send(c, cp, cfd, new TextEncoder().encode('0123456789'));
    w.sim.runUntilIdle();
    const buf = new Uint8Array(64);
    expect(recv(s, sp, afd as number, buf)).toBe(10);
    expect(new TextDecoder().decode(buf.subarray(0, 10))).toBe('0123456789');
  });
});

/** tcpFrames summarises each TCP frame like tcpdump: flags, relative seq, options, length. */
function tcpFrames(w: World): string[] {
  const out: string[] = [];
  for (const e of w.trace.ofKind('frame_tx')) {
    const b = w.trace.frame(e.frame);
    const eth = ethernet.parse(new ethernet.EthernetFrame(b));
    if (isWireError(eth) || eth.etherType !== 0x0800) continue;
    const ip = ipv4.parse(new ipv4.Ipv4Packet(b.subarray(14)));
    if (isWireError(ip)) throw new Error(ip.reason);
    const seg = tcp.parse(new tcp.TcpSegment(b.subarray(34)), { src: ip.src, dst: ip.dst });
    if (isWireError(seg)) throw new Error(seg.reason);
    const opts = seg.options
      .map((o) => tcpOptions.formatOption(o).replace(/TS val \d+ ecr \d+/, 'TS'))
      .join(',');
    out.push(
      `${e.host} [${tcp.formatTcpFlags(seg.flags)}] win ${seg.window} ttl ${ip.ttl} df ${ip.df ? 1 : 0} [${opts}] len ${seg.payload.length}`,
    );
  }
  return out;
}

describe('TCP handshake (reference §2.9)', () => {
  it('sends SYN with mss,sackOK,TS,nop,wscale, gets SYN-ACK, ACKs it, and connect() returns 0 when re-invoked', () => {
    const { w, first, second, afd } = established('3.10');
    expect(isBlock(first)).toBe(true);
    expect([second, afd]).toEqual([0, 4]);
    const got = tcpFrames(w);
    expect(got.slice(0, 3).map((l) => l.replace(/\[mss.*?\]/, '[SYNOPTS]'))).toEqual([
      'client [S] win 14600 ttl 64 df 1 [SYNOPTS] len 0',
      'server [S.] win 14480 ttl 64 df 1 [SYNOPTS] len 0', // 10 × (1460 − 12): the SYN carried timestamps
      'client [.] win 115 ttl 64 df 1 [nop,nop,TS] len 0', // 14600 rounded up to the 128-byte scale unit (__tcp_select_window)
    ]);
    expect(got[0]).toMatch(/\[mss 1460,sackOK,TS,nop,wscale 7\]/);
    // like the kernel's, the tcp_*_options functions return the option area's size in bytes
    const sizes = (fn: string) =>
      w.trace
        .ofKind('ret')
        .filter((e) => e.fn === fn)
        .map((e) => e.ret);
    expect([sizes('tcp_syn_options'), sizes('tcp_synack_options'), sizes('tcp_established_options')]).toEqual(
      [[20], [20], [12]],
    );
    const st = w.trace.ofKind('inet_sock_set_state').map((e) => `${e.host} ${e.oldstate}->${e.newstate}`);
    expect(st).toEqual([
      'server TCP_CLOSE->TCP_LISTEN',
      'client TCP_CLOSE->TCP_SYN_SENT',
      'server TCP_LISTEN->TCP_SYN_RECV',
      'client TCP_SYN_SENT->TCP_ESTABLISHED',
      'server TCP_SYN_RECV->TCP_ESTABLISHED',
    ]);
  });

  it('records the wait in inet_wait_for_connect and the wake-up by sock_def_wakeup when connect blocks', () => {
    const { w } = established('3.10');
    expect(w.trace.ofKind('wait').map((e) => `${e.host} ${e.by}`)).toEqual(['client inet_wait_for_connect']);
    expect(w.trace.ofKind('wake').map((e) => `${e.host} ${e.by}`)).toEqual(['client sock_def_wakeup']);
  });

  it('returns EINPROGRESS at once when the socket is non-blocking', () => {
    const { w, c, cp } = established('3.10');
    const fd = socket(c, cp, 2, 1 | 0x800, 0);
    expect(connect(c, cp, fd, { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! })).toBe(-115);
    expect(w.trace.ofKind('syscall_exit').at(-1)?.errfn).toBe('inet_stream_connect');
  });

  it('returns EINTR from a blocked accept when a signal arrives', () => {
    const { w, s, sp, lfd } = established('3.10');
    const r = accept4(s, sp, lfd);
    expect(isBlock(r)).toBe(true);
    signal(s, sp, 2);
    expect(accept4(s, sp, lfd)).toBe(-4);
    expect(w.trace.ofKind('syscall_exit').at(-1)?.errfn).toBe('sys_accept4');
  });

  it('produces the same trace hash when the same scenario runs twice', () => {
    const run = (): string => {
      const { w, c, cp, cfd } = established('3.10');
      send(c, cp, cfd, new Uint8Array(10));
      w.sim.runUntilIdle();
      return traceHash(w.trace);
    };
    expect(run()).toBe(run());
  });
});

describe('traced funnel over a TCP exchange', () => {
  it('rebuilds every live struct from the trace alone when a connection has exchanged data', async () => {
    const { SnapshotIndex } = await import('../../trace');
    const { w, c, s, cp, cfd } = established('3.10');
    send(c, cp, cfd, new Uint8Array(10));
    w.sim.runUntilIdle();
    const snap = new SnapshotIndex(w.trace).at(w.trace.length - 1);
    for (const h of [c, s]) {
      for (const obj of h.live.values()) {
        if (obj.struct === 'net_device') continue;
        const got = snap.get(`${h.name}/${obj.addr}`)?.fields;
        const want = Object.fromEntries(Object.entries(obj.f).map(([k, v]) => [h.fieldName(k), v]));
        expect(got, `${h.name} ${obj.struct} ${obj.addr}`).toEqual(want);
      }
    }
  });
});

describe('connect to a port nobody listens on', () => {
  it('gets an RST and returns ECONNREFUSED explained by tcp_reset when connect is re-invoked', () => {
    const { w, c, cp } = established('3.10');
    const fd = socket(c, cp, 2, 1, 0);
    const dst = { family: 2, port: 9999, addr: ipFromString('10.0.0.2')! };
    expect(isBlock(connect(c, cp, fd, dst))).toBe(true);
    w.sim.runUntilIdle();
    expect(connect(c, cp, fd, dst)).toBe(-111);
    const exit = w.trace.ofKind('syscall_exit').at(-1)!;
    expect([exit.errno, exit.errfn, exit.errwhy]).toEqual([
      'ECONNREFUSED',
      'tcp_reset',
      'RST received in TCP_SYN_SENT',
    ]);
    expect(w.trace.ofKind('tcp_send_reset').map((e) => `${e.saddr}:${e.sport} > ${e.daddr}`)).toEqual([
      '10.0.0.2:9999 > 10.0.0.1',
    ]);
    expect(
      w.trace
        .ofKind('inet_sock_set_state')
        .slice(-2)
        .map((e) => `${e.oldstate}->${e.newstate}`),
    ).toEqual(['TCP_CLOSE->TCP_SYN_SENT', 'TCP_SYN_SENT->TCP_CLOSE']);
  });
});

describe('bulk transfer', () => {
  it('delivers 100 kB intact and in order while cwnd grows in slow start', () => {
    const e = established('3.10');
    const w = e.w;
    const data = new Uint8Array(100_000).map((_, i) => (i * 7 + 3) & 0xff);
    const got = transfer(e, data);
    expect(got.length).toBe(100_000);
    expect(got.every((b, i) => b === data[i])).toBe(true);
    const cwnd = w.trace
      .ofKind('field')
      .filter((e) => e.host === 'client' && e.field === 'snd_cwnd')
      .map((e) => e.new);
    expect(Number(cwnd.at(-1)) > 10, `got final cwnd ${String(cwnd.at(-1))}`).toBe(true);
  });
});
