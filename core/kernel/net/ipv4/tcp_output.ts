// net/ipv4/tcp_output.c: tcp_transmit_skb (clone, options, header, send_check, queue_xmit),
// tcp_write_xmit with its per-skb gates, the push helpers, tcp_connect and tcp_send_ack
// (reference §2.2–2.5, §2.9). Header bytes come from core/wire.

import type { Host } from '../../host/host';
import { kchain } from '../../host/chain';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { ipFromString } from '../../include/uapi/in';
import { tcp as wireTcp, tcpOptions } from '../../../wire';
import { alloc_skb, skb_clone, skb_push, skb_queue_tail, skb_reserve } from '../core/skbuff';
import { ip_queue_xmit } from './ip_output';
import { inet_csk_reset_xmit_timer } from './tcp_timer';
import { tcp_event_ack_sent_delack, tcp_event_data_sent_delack } from './tcp_delack';
import { tcp_select_window } from './tcp_window';
import { sackBlocksToSend } from './tcp_sack';
import { skbx } from '../../include/linux/tcp';
import { tcp_enter_cwr } from './tcp_recovery';

/** TCPHDR_* flag bits (include/net/tcp.h). */
export const TCPHDR = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;
/** MAX_TCP_HEADER is the headroom SockLab reserves for TCP/IP/Ethernet headers (128 + MAX_HEADER). */
export const MAX_TCP_HEADER = 128 + 32;

/** tcpTime is tcp_time_stamp: jiffies at HZ = 1000, i.e. milliseconds of simulated time. */
export function tcpTime(h: Host): number {
  return Math.floor(h.now / 1_000_000) >>> 0;
}

/** ntohs reads a __be16 field stored as x86 memory holds it. */
export function ntohs(v: number): number {
  return ((v & 0xff) << 8) | ((v >>> 8) & 0xff);
}

/** tcpOptionsFor returns what tcp_syn_options / tcp_established_options decided for this segment. */
function tcpOptionsFor(h: Host, sk: Sock, syn: boolean, synAck: boolean): tcpOptions.TcpOption[] {
  const f = sk.f;
  if (syn) {
    return optionsCall(h, synAck ? 'tcp_synack_options' : 'tcp_syn_options', sk, () =>
      tcpOptions.linuxOptions({
        mss: Number(f['advmss']),
        timestamp: { tsval: tcpTime(h), tsecr: Number(f['ts_recent']) },
        sackPerm: synAck ? f['sack_ok'] === 1 : h.sysctl['net.ipv4.tcp_sack'] !== 0,
        wscale: Number(f['rcv_wscale']),
      }),
    );
  }
  return optionsCall(h, 'tcp_established_options', sk, () =>
    tcpOptions.linuxOptions({
      ...(f['tstamp_ok'] ? { timestamp: { tsval: tcpTime(h), tsecr: Number(f['ts_recent']) } } : {}),
      sackBlocks: sackBlocksToSend(sk),
    }),
  );
}

/** optionsCall runs one of the tcp_*_options functions: like the kernel's, it returns (to the trace) the options' size in bytes; the options go to the caller. */
function optionsCall(
  h: Host,
  fn: string,
  sk: Sock,
  build: () => tcpOptions.TcpOption[],
): tcpOptions.TcpOption[] {
  let options: tcpOptions.TcpOption[] = [];
  h.kcall(fn, `sk=${sk.addr}`, () => tcpOptions.optionsLen((options = build())));
  return options;
}

/** tcp_transmit_skb clones skb, writes the TCP header and hands it to icsk_af_ops->queue_xmit. */
export function tcp_transmit_skb(h: Host, sk: Sock, skb: SkBuff, cloneIt: boolean): number {
  const args = `sk=${sk.addr}, skb=${skb.addr}, clone_it=${cloneIt ? 1 : 0}`;
  return kchain(h, ['tcp_transmit_skb', ...(h.profile.wrappers['tcp_transmit_skb'] ?? [])], args, () => {
    const c = cloneIt ? skb_clone(h, skb) : skb;
    const flags = skb.cb.tcp_flags;
    const syn = (flags & TCPHDR.SYN) !== 0;
    const options = tcpOptionsFor(h, sk, syn, syn && (flags & TCPHDR.ACK) !== 0);
    const hlen = 20 + tcpOptions.optionsLen(options);
    const payloadLen = c.f.len;
    const at = skb_push(h, c, hlen);
    kset(h, c, 'transport_header', at);
    kset(h, c, 'sk', sk.addr);
    const rcvWnd = Number(sk.f['rcv_wnd']);
    const window = syn ? Math.min(rcvWnd, 65535) : tcp_select_window(h, sk);
    const repr = {
      srcPort: ntohs(Number(sk.f['inet_sport'])),
      dstPort: ntohs(sk.f.inet_dport),
      seq: skb.cb.seq,
      ack: (flags & TCPHDR.ACK) !== 0 ? Number(sk.f['rcv_nxt']) : 0,
      flags,
      reserved: 0,
      window,
      urgentPtr: 0,
      options,
      payload: c.head.slice(at + hlen, at + hlen + payloadLen),
    };
    const addrs = { src: ipFromString(String(sk.f['inet_saddr']))!, dst: ipFromString(sk.f.inet_daddr)! };
    h.kcall('tcp_v4_send_check', `sk=${sk.addr}, skb=${c.addr} via icsk_af_ops->send_check`, () =>
      wireTcp.emit(repr, c.head.subarray(at, at + hlen + payloadLen), addrs),
    );
    if ((flags & TCPHDR.ACK) !== 0)
      h.kcall('tcp_event_ack_sent', `sk=${sk.addr}`, () => {
        kset(h, sk, 'rcv_wup', Number(sk.f['rcv_nxt']));
        tcp_event_ack_sent_delack(h, sk);
      });
    if (payloadLen > 0)
      h.kcall('tcp_event_data_sent', `sk=${sk.addr}`, () => tcp_event_data_sent_delack(h, sk));
    const err = h.kcall('ip_queue_xmit', `skb=${c.addr} via icsk->icsk_af_ops->queue_xmit`, () =>
      ip_queue_xmit(h, sk, c),
    );
    if (err > 0) tcp_enter_cwr(h, sk);
    return err;
  });
}

/** tcp_init_nondata_skb sets a control segment's sequence numbers and flags (SYN and FIN use one number). */
export function tcp_init_nondata_skb(skb: SkBuff, seq: number, flags: number): void {
  skb.cb.seq = seq >>> 0;
  skb.cb.end_seq = (seq + ((flags & (TCPHDR.SYN | TCPHDR.FIN)) !== 0 ? 1 : 0)) >>> 0;
  skb.cb.tcp_flags = flags;
}

/** tcp_send_ack sends a bare ACK for rcv_nxt (tcp_output.c). */
export function tcp_send_ack(h: Host, sk: Sock): number {
  return h.kcall('tcp_send_ack', `sk=${sk.addr}`, () => {
    const buff = alloc_skb(h, MAX_TCP_HEADER);
    skb_reserve(h, buff, MAX_TCP_HEADER);
    tcp_init_nondata_skb(buff, Number(sk.f['snd_nxt']), TCPHDR.ACK);
    return tcp_transmit_skb(h, sk, buff, false);
  });
}

/** pathMtu is the MTU of the device the sock's route leaves by: sk_dst_cache's device, or for a passive open lo when the peer is this host and eth0 otherwise. */
export function pathMtu(h: Host, sk: Sock): number {
  const rt = sk.f.sk_dst_cache === null ? undefined : h.live.get(sk.f.sk_dst_cache);
  const peer = sk.f.inet_daddr;
  const local = peer.startsWith('127.') || peer === String(sk.f['inet_saddr']);
  const dev = rt !== undefined ? String(rt.f['dst.dev']) : local ? 'lo' : 'eth0';
  return h.net.devices.get(dev)?.f.mtu ?? 1500;
}

/** ipv4_default_advmss is the MSS to advertise for an MTU: mtu − 40, at most 65535 − 40 (route.c). */
export function ipv4_default_advmss(mtu: number): number {
  return Math.min(mtu - 40, 65535 - 40);
}

/** tcp_connect_init sets MSS, windows and sequence state before the SYN; passive keeps what the SYN set (tcp_output.c, tcp_openreq_init). */
export function tcp_connect_init(h: Host, sk: Sock, passive = false): void {
  h.kcall(passive ? 'tcp_openreq_init' : 'tcp_connect_init', `sk=${sk.addr}`, () => {
    const mtu = pathMtu(h, sk);
    const advmss = ipv4_default_advmss(mtu);
    kset(h, sk, 'tcp_header_len', 20 + 12);
    kset(h, sk, 'advmss', advmss);
    h.kcall('tcp_sync_mss', `sk=${sk.addr}, pmtu=${mtu}`, () => {
      kset(h, sk, 'icsk_pmtu_cookie', mtu);
      kset(h, sk, 'mss_cache', advmss - 12);
    });
    h.kcall('tcp_select_initial_window', '', () => {
      let space = Math.max(h.sysctl['net.ipv4.tcp_rmem'][2], 212992);
      let wscale = 0;
      while (space > 65535 && wscale < 14) {
        space >>>= 1;
        wscale++;
      }
      const mss = passive && sk.f['tstamp_ok'] ? advmss - 12 : advmss;
      if (h.profile.version === '6.x') {
        // since 4.19 no 10 × mss clamp unless the route sets initrwnd: tcp_full_space (half the
        // default rcvbuf, scaling_ratio 50%) rounded down to the MSS, at most 65535 in the SYN
        const full = Math.floor(sk.f.sk_rcvbuf / 2);
        kset(h, sk, 'rcv_wnd', Math.min(Math.floor(full / mss) * mss, 65535));
      } else {
        const full = Math.floor((sk.f.sk_rcvbuf * 3) / 4);
        kset(h, sk, 'rcv_wnd', Math.min(Math.floor(Math.min(full, 65535) / mss) * mss, 10 * mss));
      }
      kset(h, sk, 'window_clamp', 65535 << wscale);
      kset(h, sk, 'rcv_wscale', wscale);
    });
    kset(h, sk, 'rcv_ssthresh', Number(sk.f['rcv_wnd']));
    if (passive) return;
    kset(h, sk, 'snd_wnd', 0);
    kset(h, sk, 'snd_una', Number(sk.f['write_seq']));
    kset(h, sk, 'snd_sml', Number(sk.f['write_seq']));
    kset(h, sk, 'rcv_nxt', 0);
    kset(h, sk, 'copied_seq', 0);
    kset(h, sk, 'icsk_rto', h.profile.tcp.timeoutInitMs);
    kset(h, sk, 'icsk_retransmits', 0);
  });
}

/** tcp_connect builds and sends the SYN and arms the retransmit timer (tcp_output.c). */
export function tcp_connect(h: Host, sk: Sock): number {
  return h.kcall('tcp_connect', `sk=${sk.addr}`, () => {
    tcp_connect_init(h, sk);
    const allocName = h.profile.version === '6.x' ? 'tcp_stream_alloc_skb' : 'sk_stream_alloc_skb';
    const buff = h.kcall(allocName, `sk=${sk.addr}, size=0`, () => {
      const b = alloc_skb(h, MAX_TCP_HEADER);
      skb_reserve(h, b, MAX_TCP_HEADER);
      return b;
    });
    const isn = Number(sk.f['write_seq']);
    tcp_init_nondata_skb(buff, isn, TCPHDR.SYN);
    kset(h, sk, 'write_seq', (isn + 1) >>> 0);
    if (h.profile.version !== '2.6.32')
      h.kcall('tcp_connect_queue_skb', `sk=${sk.addr}`, () => entail(h, sk, buff));
    else entail(h, sk, buff);
    buff.cb.when = tcpTime(h);
    skbx(buff).mstampNs = h.now;
    const err = tcp_transmit_skb(h, sk, buff, true);
    kset(h, sk, 'snd_nxt', Number(sk.f['write_seq']));
    kset(h, sk, 'pushed_seq', Number(sk.f['write_seq']));
    kset(h, sk, 'packets_out', Number(sk.f['packets_out']) + 1);
    inet_csk_reset_xmit_timer(h, sk);
    return err < 0 ? err : 0;
  });
}

/** entail queues skb on sk_write_queue and charges it to the sock (skb_entail / tcp_connect_queue_skb). */
export function entail(h: Host, sk: Sock, skb: SkBuff): void {
  skb_queue_tail(h, sk.writeQueue, 'sk_write_queue', skb);
  kset(h, sk, 'sk_write_queue', sk.writeQueue.length);
  kset(h, sk, 'sk_wmem_queued', sk.f.sk_wmem_queued + skb.f.truesize);
}
