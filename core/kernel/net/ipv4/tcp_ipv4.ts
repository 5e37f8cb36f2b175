// net/ipv4/tcp_ipv4.c, receive side: tcp_v4_rcv (lookup), tcp_v4_do_rcv (dispatch by state),
// the passive open (tcp_v4_conn_request → SYN-ACK; on the ACK tcp_v4_hnd_req /
// tcp_check_req → tcp_v4_syn_recv_sock → child on the accept queue) and the RST reply for
// a segment to a closed port (tcp_v4_send_reset). With the accept queue full
// (sk_acceptq_is_full) a new SYN and a handshake's final ACK are dropped, as 6.x's
// tcp_conn_request and tcp_v4_syn_recv_sock do; the SYN-ACK is retransmitted by the
// child's timer (tcp_timer.ts) and on a retransmitted SYN.

import type { Host } from '../../host/host';
import { kchain } from '../../host/chain';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { ipFromString } from '../../include/uapi/in';
import { isWireError, tcp as wireTcp, type TcpRepr } from '../../../wire';
import { consume_skb, kfree_skb, skbData } from '../core/skbuff';
import { sk_data_ready } from '../core/sock_wake';
import { sk_alloc } from '../core/sock';
import { setFlag } from '../core/sockopt_ip';
import { htons } from './af_inet';
import { estKey } from './tcp_connect';
import { __inet_inherit_port } from './inet_hashtables';
import { tcp_reset, tcp_v4_send_reset } from './tcp_reset';
import { inet_sk_set_state } from './inet_sk_set_state';
import { tcp_parse_options, tcp_rcv_established, tcp_rcv_state_process } from './tcp_input';
import {
  entail,
  MAX_TCP_HEADER,
  ntohs,
  tcp_connect_init,
  tcp_init_nondata_skb,
  tcp_transmit_skb,
  TCPHDR,
} from './tcp_output';
import { alloc_skb, skb_reserve } from '../core/skbuff';
import { inet_csk_reset_xmit_timer, inet_rtx_syn_ack } from './tcp_timer';
import { skbx } from '../../include/linux/tcp';

/** tcp_v4_rcv is inet_protos[IPPROTO_TCP]->handler: checksum, socket lookup, then tcp_v4_do_rcv. */
export function tcp_v4_rcv(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  const n = skb.head.subarray(skb.f.network_header);
  const saddr = `${n[12]}.${n[13]}.${n[14]}.${n[15]}`;
  const daddr = `${n[16]}.${n[17]}.${n[18]}.${n[19]}`;
  const seg = wireTcp.parse(new wireTcp.TcpSegment(d), {
    src: ipFromString(saddr)!,
    dst: ipFromString(daddr)!,
  });
  if (isWireError(seg)) {
    kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_CSUM', 0x0800);
    return 0;
  }
  const hlen = d.length - seg.payload.length;
  const sk = h.kcall(
    '__inet_lookup_skb',
    `${saddr}:${seg.srcPort} > ${daddr}:${seg.dstPort}`,
    () =>
      h.established.get(estKey(daddr, seg.dstPort, saddr, seg.srcPort)) ??
      h.listeners.find(
        (l) =>
          l.f.inet_num === seg.dstPort && (l.f.inet_rcv_saddr === '0.0.0.0' || l.f.inet_rcv_saddr === daddr),
      ) ??
      null,
    'net/ipv4/inet_hashtables.c',
  );
  if (sk === null) {
    tcp_v4_send_reset(h, seg, saddr, daddr);
    kfree_skb(h, skb, 'SKB_DROP_REASON_NO_SOCKET', 0x0800);
    return 0;
  }
  if ((seg.flags & TCPHDR.RST) !== 0 && sk.f.sk_state !== TCP_STATE.TCP_LISTEN) {
    const path =
      sk.f.sk_state === TCP_STATE.TCP_SYN_SENT
        ? ['tcp_v4_do_rcv', 'tcp_rcv_state_process', 'tcp_rcv_synsent_state_process']
        : sk.f.sk_state === TCP_STATE.TCP_ESTABLISHED
          ? ['tcp_v4_do_rcv', 'tcp_rcv_established', 'tcp_validate_incoming']
          : ['tcp_v4_do_rcv', 'tcp_rcv_state_process', 'tcp_validate_incoming'];
    return kchain(h, path, `sk=${sk.addr}, skb=${skb.addr}`, () => {
      tcp_reset(h, sk);
      consume_skb(h, skb);
      return 0;
    });
  }
  return h.kcall('tcp_v4_do_rcv', `sk=${sk.addr}, skb=${skb.addr}`, () => {
    if (sk.f.sk_state === TCP_STATE.TCP_ESTABLISHED) return tcp_rcv_established(h, sk, skb, seg, hlen);
    if (sk.f.sk_state === TCP_STATE.TCP_LISTEN) return listenRcv(h, sk, skb, seg, { saddr, daddr });
    return tcp_rcv_state_process(h, sk, skb, seg);
  });
}

/** Addrs are a segment's IPv4 addresses. */
interface Addrs {
  readonly saddr: string;
  readonly daddr: string;
}

/** listenRcv handles a segment for a LISTEN sock: a SYN opens a request, an ACK completes one. */
function listenRcv(h: Host, lsk: Sock, skb: SkBuff, seg: TcpRepr, a: Addrs): number {
  if ((seg.flags & TCPHDR.SYN) !== 0 && (seg.flags & TCPHDR.ACK) === 0) {
    const pending = h.synTable.get(estKey(a.daddr, seg.dstPort, a.saddr, seg.srcPort));
    if (pending !== undefined) {
      return h.kcall(
        h.profile.version === '6.x' ? 'tcp_check_req' : 'tcp_v4_hnd_req',
        `sk=${lsk.addr}`,
        () => {
          inet_rtx_syn_ack(h, pending);
          consume_skb(h, skb);
          return 0;
        },
      );
    }
    return h.kcall('tcp_rcv_state_process', `sk=${lsk.addr}, skb=${skb.addr}`, () =>
      h.kcall('tcp_v4_conn_request', `sk=${lsk.addr} via icsk->icsk_af_ops->conn_request`, () => {
        if (sk_acceptq_is_full(lsk)) {
          kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_LISTEN_OVERFLOW', 0x0800);
          return 0;
        }
        const child = newChild(h, lsk, seg, a);
        tcp_v4_send_synack(h, child);
        consume_skb(h, skb);
        return 0;
      }),
    );
  }
  const hnd = h.profile.version === '6.x' ? 'tcp_check_req' : 'tcp_v4_hnd_req';
  return h.kcall(hnd, `sk=${lsk.addr}, skb=${skb.addr}`, () => {
    const key = estKey(a.daddr, seg.dstPort, a.saddr, seg.srcPort);
    const child = h.synTable.get(key);
    if (child === undefined || (seg.flags & TCPHDR.ACK) === 0 || seg.ack !== Number(child.f['snd_nxt'])) {
      kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_FLAGS', 0x0800);
      return 0;
    }
    if (sk_acceptq_is_full(lsk)) {
      kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_LISTEN_OVERFLOW', 0x0800);
      return 0;
    }
    h.synTable.delete(key);
    __inet_inherit_port(h, lsk, child);
    h.kcall(
      '__inet_hash_nolisten',
      `sk=${child.addr}`,
      () => {
        h.established.set(key, child);
        return 0;
      },
      'net/ipv4/inet_hashtables.c',
    );
    h.kcall('tcp_child_process', `parent=${lsk.addr}, child=${child.addr}`, () =>
      tcp_rcv_state_process(h, child, skb, seg),
    );
    lsk.acceptQueue.push(child);
    kset(h, lsk, 'sk_ack_backlog', lsk.f.sk_ack_backlog + 1);
    sk_data_ready(h, lsk);
    return 0;
  });
}

/** newChild is tcp_v4_syn_recv_sock for SockLab's request handling: a SYN_RECV child sock hashed in the established table. */
function newChild(h: Host, lsk: Sock, seg: TcpRepr, a: Addrs): Sock {
  return h.kcall('tcp_v4_syn_recv_sock', `sk=${lsk.addr}`, () => {
    const c = sk_alloc(h, 2, 'tcp_prot');
    c.uid = lsk.uid; // sk_clone_lock copies sk_uid
    for (const k of [
      'sk_type',
      'sk_protocol',
      'sk_reuse',
      'sk_sndbuf',
      'sk_rcvbuf',
      'icsk_af_ops',
      'icsk_ca_ops',
      'icsk_rto',
      'snd_cwnd',
      'snd_ssthresh',
      'snd_cwnd_clamp',
      'reordering',
      'uc_ttl',
      'pmtudisc',
      'is_icsk',
      'sk_backlog_rcv',
      'sk_data_ready',
      'sk_state_change',
      'sk_write_space',
      'inet_num',
      'inet_sport',
      'sk_rcvtimeo',
      'sk_sndtimeo',
      'sk_rcvlowat',
      'nonagle',
      'keepalive_time',
      'keepalive_intvl',
      'keepalive_probes',
    ]) {
      kset(h, c, k, lsk.f[k] ?? null);
    }
    if (lsk.f.sk_flags.includes('SOCK_KEEPOPEN')) setFlag(h, c, 'SOCK_KEEPOPEN', true); // sk_clone_lock copies sk_flags
    kset(h, c, 'sk_refcnt', 1);
    kset(h, c, 'sk_wmem_alloc', 1);
    kset(h, c, 'inet_saddr', a.daddr);
    kset(h, c, 'inet_rcv_saddr', a.daddr);
    kset(h, c, 'inet_daddr', a.saddr);
    kset(h, c, 'inet_dport', htons(seg.srcPort));
    tcp_parse_options(h, c, seg);
    h.kcall(
      'inet_csk_clone_lock',
      `sk=${lsk.addr}`,
      () => {
        kset(h, c, 'sk_state', lsk.f.sk_state);
        inet_sk_set_state(h, c, TCP_STATE.TCP_SYN_RECV);
      },
      'net/ipv4/inet_connection_sock.c',
    );
    kset(h, c, 'rcv_nxt', (seg.seq + 1) >>> 0);
    kset(h, c, 'copied_seq', (seg.seq + 1) >>> 0);
    kset(h, c, 'snd_wnd', seg.window);
    kset(h, c, 'write_seq', h.sim.rng.nextU32());
    kset(h, c, 'inet_id', h.sim.rng.nextU16());
    h.synTable.set(estKey(a.daddr, seg.dstPort, a.saddr, seg.srcPort), c);
    return c;
  });
}

/** tcp_v4_send_synack builds and sends the SYN-ACK of a passive open. */
function tcp_v4_send_synack(h: Host, c: Sock): void {
  h.kcall('tcp_v4_send_synack', `child=${c.addr}`, () => {
    tcp_connect_init(h, c, true);
    const skb = alloc_skb(h, MAX_TCP_HEADER);
    skb_reserve(h, skb, MAX_TCP_HEADER);
    const isn = Number(c.f['write_seq']);
    tcp_init_nondata_skb(skb, isn, TCPHDR.SYN | TCPHDR.ACK);
    kset(h, c, 'write_seq', (isn + 1) >>> 0);
    kset(h, c, 'snd_una', isn);
    entail(h, c, skb);
    skbx(skb).mstampNs = h.now;
    tcp_transmit_skb(h, c, skb, true);
    kset(h, c, 'snd_nxt', (isn + 1) >>> 0);
    kset(h, c, 'packets_out', 1);
    inet_csk_reset_xmit_timer(h, c);
  });
}

/** sk_acceptq_is_full: more children wait for accept() than the listen backlog allows (sk_ack_backlog > sk_max_ack_backlog). */
function sk_acceptq_is_full(lsk: Sock): boolean {
  return lsk.f.sk_ack_backlog > lsk.f.sk_max_ack_backlog;
}

export { ntohs };
