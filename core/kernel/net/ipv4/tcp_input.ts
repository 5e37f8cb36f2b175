// net/ipv4/tcp_input.c, segment dispatch: tcp_rcv_state_process (SYN_SENT →
// tcp_rcv_synsent_state_process, SYN_RECV → ESTABLISHED, the closing states) and
// tcp_rcv_established (tcp_ack in tcp_ack.ts, then the data in tcp_data.ts, then
// tcp_data_snd_check and tcp_ack_snd_check, which sends or delays the ACK: tcp_delack.ts).
// The peer's timestamp is remembered as ts_recent (tcp_replace_ts_recent) for the echo.
// A bare segment ending before rcv_wup (a keepalive or window probe) gets a duplicate ACK and
// is dropped before tcp_ack (tcp_validate_incoming's tcp_sequence check).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import type { TcpRepr } from '../../../wire';
import { consume_skb, kfree_skb } from '../core/skbuff';
import { sk_data_ready, sk_state_change } from '../core/sock_wake';
import { tcp_set_state } from './tcp_connect';
import { ipv4_default_advmss, tcp_send_ack, TCPHDR } from './tcp_output';
import { tcp_push_pending } from './tcp';
import { inet_csk_destroy_sock, tcp_ack_of_fin, tcp_fin } from './tcp_close';
import { tcp_reset, tcp_v4_send_reset } from './tcp_reset';
import { tcp_check_space, tcp_init_buffer_space } from './tcp_input_buffer';
import { before, tcp_ack } from './tcp_ack';
import { tcp_init_congestion_control } from './tcp_cong';
import { tcp_data_queue } from './tcp_data';
import { tcp_ack_snd_check } from './tcp_delack';
import { tcp_keepalive_arm } from './tcp_keepalive';

/** optionsOf reads the peer's SYN options into rx_opt (tcp_parse_options). */
export function tcp_parse_options(h: Host, sk: Sock, seg: TcpRepr): void {
  h.kcall('tcp_parse_options', '', () => {
    for (const o of seg.options) {
      if (o.kind === 'mss') kset(h, sk, 'mss_clamp', o.mss);
      else if (o.kind === 'wscale') {
        kset(h, sk, 'snd_wscale', o.shift);
        kset(h, sk, 'wscale_ok', 1);
      } else if (o.kind === 'sackPerm' && h.sysctl['net.ipv4.tcp_sack'] !== 0) kset(h, sk, 'sack_ok', 1);
      else if (o.kind === 'timestamp') {
        kset(h, sk, 'tstamp_ok', 1);
        kset(h, sk, 'ts_recent', o.tsval);
      }
    }
  });
}

/** tcp_finish_connect moves the sock to ESTABLISHED and sets it up for data (3.10; inline in 2.6.32, tcp_init_transfer in 6.x). */
function tcp_finish_connect(h: Host, sk: Sock): void {
  tcp_set_state(h, sk, TCP_STATE.TCP_ESTABLISHED);
  const setup = (): void => {
    const cwnd = h.profile.version === '2.6.32' ? 3 : 10; // §0.2: RFC 3390 gives 3 for MSS 1096..1460 in 2.6.32
    h.kcall('tcp_init_metrics', `sk=${sk.addr}`, () => kset(h, sk, 'snd_cwnd', cwnd));
    tcp_init_congestion_control(h, sk);
    tcp_init_buffer_space(h, sk);
  };
  if (h.profile.version === '6.x') h.kcall('tcp_init_transfer', `sk=${sk.addr}`, setup);
  else setup();
  tcp_keepalive_arm(h, sk);
}

/** tcp_rcv_synsent_state_process handles the SYN-ACK of an active open. */
function tcp_rcv_synsent_state_process(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr): number {
  return h.kcall('tcp_rcv_synsent_state_process', `sk=${sk.addr}`, () => {
    const synack = TCPHDR.SYN | TCPHDR.ACK;
    if ((seg.flags & synack) !== synack || seg.ack !== Number(sk.f['snd_nxt'])) {
      consume_skb(h, skb);
      return 1;
    }
    tcp_parse_options(h, sk, seg);
    tcp_ack(h, sk, seg);
    kset(h, sk, 'rcv_nxt', (seg.seq + 1) >>> 0);
    kset(h, sk, 'rcv_wup', (seg.seq + 1) >>> 0);
    kset(h, sk, 'snd_wnd', seg.window);
    kset(h, sk, 'snd_wl1', seg.seq);
    kset(h, sk, 'copied_seq', (seg.seq + 1) >>> 0);
    const pmtu = Number(sk.f.icsk_pmtu_cookie);
    const mss = Math.min(Number(sk.f['mss_clamp']), ipv4_default_advmss(pmtu)) - (sk.f['tstamp_ok'] ? 12 : 0);
    h.kcall('tcp_sync_mss', `sk=${sk.addr}, pmtu=${pmtu}`, () => kset(h, sk, 'mss_cache', mss));
    if (h.profile.version === '2.6.32') tcp_finish_connect(h, sk);
    else
      h.kcall(
        h.profile.version === '6.x' ? 'tcp_finish_connect' : 'tcp_finish_connect',
        `sk=${sk.addr}`,
        () => tcp_finish_connect(h, sk),
      );
    sk_state_change(h, sk);
    tcp_send_ack(h, sk);
    consume_skb(h, skb);
    return 0;
  });
}

/** tcp_rcv_state_process handles segments for every state but ESTABLISHED and LISTEN's SYN. */
export function tcp_rcv_state_process(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr): number {
  return h.kcall('tcp_rcv_state_process', `sk=${sk.addr}, skb=${skb.addr}`, () => {
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_SENT) return tcp_rcv_synsent_state_process(h, sk, skb, seg);
    if (sk.f.sk_state === TCP_STATE.TCP_SYN_RECV && (seg.flags & TCPHDR.ACK) !== 0) {
      tcp_ack(h, sk, seg);
      tcp_set_state(h, sk, TCP_STATE.TCP_ESTABLISHED);
      kset(h, sk, 'snd_una', seg.ack);
      kset(h, sk, 'snd_wnd', seg.window << Number(sk.f['snd_wscale']));
      tcp_init_congestion_control(h, sk);
      tcp_init_buffer_space(h, sk);
      tcp_keepalive_arm(h, sk); // tcp_create_openreq_child: a child inheriting SOCK_KEEPOPEN
      consume_skb(h, skb);
      return 0;
    }
    if ((seg.flags & TCPHDR.ACK) !== 0) tcp_ack(h, sk, seg);
    if (tcp_ack_of_fin(h, sk)) {
      consume_skb(h, skb);
      return 0;
    }
    const st = sk.f.sk_state;
    if (st === TCP_STATE.TCP_FIN_WAIT1 || st === TCP_STATE.TCP_FIN_WAIT2) {
      if (tcpAbortOnData(h, sk, seg)) {
        consume_skb(h, skb);
        return 1;
      }
      return tcpDataIn(h, sk, skb, seg, skb.f.len - seg.payload.length);
    }
    consume_skb(h, skb);
    const end = (seg.seq + seg.payload.length) >>> 0;
    if ((seg.flags & TCPHDR.FIN) !== 0 && st !== TCP_STATE.TCP_TIME_WAIT) tcp_fin(h, sk, end);
    return 0;
  });
}

/** tcpAbortOnData resets a closed (orphaned, RCV_SHUTDOWN) sock that receives new data in FIN_WAIT1/2 and answers with an RST (LINUX_MIB_TCPABORTONDATA); true when it did. */
function tcpAbortOnData(h: Host, sk: Sock, seg: TcpRepr): boolean {
  if (sk.socket !== null && (sk.f.sk_shutdown & 1) === 0) return false;
  const end = (seg.seq + seg.payload.length) >>> 0;
  if (seg.payload.length === 0 || !before(Number(sk.f['rcv_nxt']), end)) return false;
  const local = String(sk.f['inet_saddr']);
  const peer = sk.f.inet_daddr;
  tcp_reset(h, sk);
  if (sk.socket === null) inet_csk_destroy_sock(h, sk);
  tcp_v4_send_reset(h, seg, peer, local);
  return true;
}

/** tcp_replace_ts_recent remembers the peer's TSval for our echo when the segment starts at or before rcv_wup. */
function tcp_replace_ts_recent(h: Host, sk: Sock, seg: TcpRepr): void {
  if (!sk.f['tstamp_ok'] || before(Number(sk.f['rcv_wup']), seg.seq)) return;
  for (const o of seg.options) if (o.kind === 'timestamp') kset(h, sk, 'ts_recent', o.tsval);
}

/** tcp_rcv_established handles a segment on an ESTABLISHED sock: the ACK, then its data. */
export function tcp_rcv_established(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr, hlen: number): number {
  return h.kcall('tcp_rcv_established', `sk=${sk.addr}, skb=${skb.addr}, len=${skb.f.len}`, () => {
    if (tcpOldProbe(h, sk, skb, seg)) return 0;
    if ((seg.flags & TCPHDR.ACK) !== 0 && tcp_ack(h, sk, seg) < 0) {
      consume_skb(h, skb);
      return 0;
    }
    return tcpDataIn(h, sk, skb, seg, hlen);
  });
}

/** tcpOldProbe is tcp_validate_incoming's tcp_sequence check for a segment with no data or FIN that ends before rcv_wup (a keepalive or window probe at rcv_nxt − 1): a duplicate ACK answers it and it is dropped before tcp_ack sees it, so it neither counts as hearing from the peer nor resets our own probes; true when it was. */
function tcpOldProbe(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr): boolean {
  const bare = seg.payload.length === 0 && (seg.flags & (TCPHDR.SYN | TCPHDR.RST | TCPHDR.FIN)) === 0;
  if (!bare || !before(seg.seq, Number(sk.f['rcv_wup']))) return false;
  h.kcall('tcp_validate_incoming', `sk=${sk.addr}, seq=${seg.seq}`, () => {
    h.kcall('tcp_send_dupack', `sk=${sk.addr}, seq=${seg.seq}`, () => tcp_send_ack(h, sk));
    kfree_skb(h, skb, 'SKB_DROP_REASON_TCP_OLD_SEQUENCE', 0x0800);
  });
  return true;
}

/** tcpDataIn is the data path shared by ESTABLISHED and the FIN_WAIT states: tcp_data_queue, then send what the ACK allows, then the ACK itself. */
function tcpDataIn(h: Host, sk: Sock, skb: SkBuff, seg: TcpRepr, hlen: number): number {
  tcp_replace_ts_recent(h, sk, seg);
  const len = seg.payload.length;
  const fin = (seg.flags & TCPHDR.FIN) !== 0;
  if (len === 0 && !fin && before(seg.seq, Number(sk.f['rcv_nxt'])))
    h.kcall('tcp_send_dupack', `sk=${sk.addr}, seq=${seg.seq}`, () => tcp_send_ack(h, sk));
  const wake = len > 0 || fin ? tcp_data_queue(h, sk, skb, seg, hlen) : (consume_skb(h, skb), false);
  if (sk.writeQueue.length > 0) h.kcall('tcp_data_snd_check', `sk=${sk.addr}`, () => tcp_push_pending(h, sk));
  tcp_check_space(h, sk);
  tcp_ack_snd_check(h, sk);
  if (wake) sk_data_ready(h, sk);
  return 0;
}
