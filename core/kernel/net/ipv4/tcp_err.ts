// tcp_v4_err (net/ipv4/tcp_ipv4.c): tcp_protocol.err_handler, called by icmp_unreach for an
// ICMP error that quotes one of our TCP segments. The quoted header names the connection; a
// quoted sequence number outside snd_una..snd_nxt is ignored (OUTOFWINDOWICMPS). In SYN_SENT
// and SYN_RECV the error is hard: sk_err, sk_error_report, tcp_done, so a pending connect()
// fails at once. In any other state it is soft (sk_err_soft), reported only with IP_RECVERR,
// and surfaces later through SO_ERROR or as the errno of a retransmission timeout. The RFC
// 6069 RTO revert (tcp_ld_RTO_revert) and path-MTU handling (ICMP_FRAG_NEEDED) are not
// simulated: a fragmentation-needed error is ignored here.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { TCP_STATE, tcpStateName } from '../../include/net/tcp_states';
import { errnoName } from '../../include/uapi/errno';
import { ICMP_DEST_UNREACH } from '../../../wire/icmp';
import { sk_error_report } from './datagram';
import { estKey } from './tcp_connect';
import { tcp_done } from './tcp_reset';

/** ICMP_FRAG_NEEDED is destination-unreachable code 4, path-MTU discovery's message. */
const ICMP_FRAG_NEEDED = 4;

/** between is Linux's between(seq1, seq2, seq3): seq2 <= seq1 <= seq3 in sequence space. */
function between(seq1: number, seq2: number, seq3: number): boolean {
  return (seq3 - seq2) >>> 0 >= (seq1 - seq2) >>> 0;
}

/** tcp_v4_err applies an ICMP error (type, code, converted errno) quoting the IPv4+TCP headers in inner. */
export function tcp_v4_err(h: Host, inner: Uint8Array, type: number, code: number, err: number, why: string): void {
  h.kcall('tcp_v4_err', `type=${type}, code=${code} via tcp_protocol.err_handler`, () => {
    const ihl = (inner[0]! & 0x0f) * 4;
    if (inner.length < ihl + 8) return;
    const src = `${inner[12]}.${inner[13]}.${inner[14]}.${inner[15]}`;
    const dst = `${inner[16]}.${inner[17]}.${inner[18]}.${inner[19]}`;
    const sport = (inner[ihl]! << 8) | inner[ihl + 1]!;
    const dport = (inner[ihl + 2]! << 8) | inner[ihl + 3]!;
    const seq = ((inner[ihl + 4]! << 24) | (inner[ihl + 5]! << 16) | (inner[ihl + 6]! << 8) | inner[ihl + 7]!) >>> 0;
    const sk = h.kcall(
      '__inet_lookup_established',
      `${src}:${sport} > ${dst}:${dport}`,
      () => h.established.get(estKey(src, sport, dst, dport)) ?? null,
      'net/ipv4/inet_hashtables.c',
    );
    if (sk === null) return;
    const st = sk.f.sk_state;
    if (!between(seq, Number(sk.f['snd_una']), Number(sk.f['snd_nxt']))) return;
    if (type === ICMP_DEST_UNREACH && code === ICMP_FRAG_NEEDED) return;
    if (st === TCP_STATE.TCP_SYN_SENT || st === TCP_STATE.TCP_SYN_RECV) {
      kset(h, sk, 'sk_err', err);
      sk.errOrigin = { errno: err, fn: 'tcp_v4_err', why: `${why} in ${tcpStateName(st)}` };
      sk_error_report(h, sk);
      tcp_done(h, sk);
      return;
    }
    if (Number(sk.f['recverr'] ?? 0) !== 0) {
      kset(h, sk, 'sk_err', err);
      sk.errOrigin = { errno: err, fn: 'tcp_v4_err', why: `${why} with IP_RECVERR` };
      sk_error_report(h, sk);
      return;
    }
    kset(h, sk, 'sk_err_soft', err);
    sk.errOrigin = { errno: err, fn: 'tcp_v4_err', why: `${why}: soft error (${errnoName(err)}) in ${tcpStateName(st)}` };
  });
}
