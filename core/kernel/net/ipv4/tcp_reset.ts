// Resets: tcp_v4_send_reset (net/ipv4/tcp_ipv4.c) answers a segment no socket wants with an
// RST, recording Linux's tcp_send_reset tracepoint; tcp_reset and tcp_done
// (net/ipv4/tcp_input.c, tcp.c) apply a received RST: sk_err by state, TCP_CLOSE, unhash,
// and wake the waiters (sk_error_report, sk_state_change).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE, tcpStateName } from '../../include/net/tcp_states';
import { errno } from '../../include/uapi/errno';
import { ipFromString } from '../../include/uapi/in';
import { ipv4, tcp as wireTcp, type TcpRepr } from '../../../wire';
import { alloc_skb, skb_push, skb_reserve } from '../core/skbuff';
import { sk_state_change } from '../core/sock_wake';
import { inet_put_port } from './inet_connection_sock';
import { inet_sk_set_state } from './inet_sk_set_state';
import { ip_local_out } from './ip_output';
import { ip_route_output } from './route';
import { estKey } from './tcp_connect';
import { inet_csk_clear_xmit_timer } from './tcp_timer';
import { inet_csk_delete_keepalive_timer } from './tcp_keepalive';
import { TCPHDR } from './tcp_output';

/** tcp_v4_send_reset sends the RST that answers seg (from saddr to daddr) when no socket takes it. */
export function tcp_v4_send_reset(h: Host, seg: TcpRepr, saddr: string, daddr: string): void {
  h.kcall('tcp_v4_send_reset', `${saddr}:${seg.srcPort} > ${daddr}:${seg.dstPort}`, () => {
    if ((seg.flags & TCPHDR.RST) !== 0) return;
    const len =
      seg.payload.length +
      ((seg.flags & TCPHDR.SYN) !== 0 ? 1 : 0) +
      ((seg.flags & TCPHDR.FIN) !== 0 ? 1 : 0);
    const hasAck = (seg.flags & TCPHDR.ACK) !== 0;
    const repr: TcpRepr = {
      srcPort: seg.dstPort,
      dstPort: seg.srcPort,
      seq: hasAck ? seg.ack : 0,
      ack: hasAck ? 0 : (seg.seq + len) >>> 0,
      flags: hasAck ? TCPHDR.RST : TCPHDR.RST | TCPHDR.ACK,
      reserved: 0,
      window: 0,
      urgentPtr: 0,
      options: [],
      payload: new Uint8Array(0),
    };
    const rt = ip_route_output(h, ipFromString(saddr)!);
    if (typeof rt === 'number') return;
    const skb = alloc_skb(h, 128);
    skb_reserve(h, skb, 128);
    const t = skb_push(h, skb, 20);
    kset(h, skb, 'transport_header', t);
    wireTcp.emit(repr, skb.head.subarray(t, t + 20), {
      src: ipFromString(daddr)!,
      dst: ipFromString(saddr)!,
    });
    const n = skb_push(h, skb, 20);
    kset(h, skb, 'network_header', n);
    kset(h, skb, 'dst', rt.addr);
    ipv4.emit(
      {
        src: ipFromString(daddr)!,
        dst: ipFromString(saddr)!,
        protocol: 6,
        ttl: 64,
        tos: 0,
        id: 0,
        reservedFlag: false,
        df: true,
        mf: false,
        fragOffset: 0,
        options: new Uint8Array(0),
        payloadLen: 20,
      },
      skb.head.subarray(n),
    );
    if (h.trace.wants('tcp_send_reset')) {
      h.trace.record('tcp_send_reset', h.now, h.name, {
        skbaddr: skb.addr,
        skaddr: '0x0',
        sport: seg.dstPort,
        dport: seg.srcPort,
        saddr: daddr,
        daddr: saddr,
        state: 'TCP_CLOSE',
      });
    }
    const replyFn = h.profile.version === '2.6.32' ? 'ip_send_reply' : 'ip_send_unicast_reply';
    h.kcall(replyFn, `skb=${skb.addr}`, () => ip_local_out(h, skb), 'net/ipv4/ip_output.c');
  });
}

/** tcp_done moves the sock to TCP_CLOSE, unhashes it and wakes its waiters (net/ipv4/tcp.c). */
export function tcp_done(h: Host, sk: Sock): void {
  h.kcall('tcp_done', `sk=${sk.addr}`, () => {
    const key = estKey(
      String(sk.f['inet_saddr']),
      sk.f.inet_num,
      sk.f.inet_daddr,
      ((sk.f.inet_dport & 0xff) << 8) | (sk.f.inet_dport >>> 8),
    );
    h.established.delete(key);
    inet_sk_set_state(h, sk, TCP_STATE.TCP_CLOSE);
    inet_csk_clear_xmit_timer(h, sk); // tcp_clear_xmit_timers: nothing is retransmitted after tcp_done
    inet_csk_delete_keepalive_timer(h, sk); // inet_csk_clear_xmit_timers stops sk_timer too
    inet_put_port(h, sk);
    sk_state_change(h, sk);
  });
}

/** tcp_reset applies a received RST: sk_err is ECONNREFUSED in SYN_SENT, EPIPE in CLOSE_WAIT, else ECONNRESET. */
export function tcp_reset(h: Host, sk: Sock): void {
  h.kcall('tcp_reset', `sk=${sk.addr}`, () => {
    const st = sk.f.sk_state;
    const e =
      st === TCP_STATE.TCP_SYN_SENT
        ? errno.ECONNREFUSED
        : st === TCP_STATE.TCP_CLOSE_WAIT
          ? errno.EPIPE
          : errno.ECONNRESET;
    kset(h, sk, 'sk_err', e);
    sk.errOrigin = { errno: e, fn: 'tcp_reset', why: `RST received in ${tcpStateName(st)}` };
    h.kcall(
      String(sk.f.sk_error_report ?? 'sock_def_error_report'),
      `sk=${sk.addr} via sk->sk_error_report`,
      () => undefined,
    );
    tcp_done(h, sk);
  });
}
