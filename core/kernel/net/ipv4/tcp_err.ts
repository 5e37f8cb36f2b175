// tcp_v4_err (net/ipv4/tcp_ipv4.c): tcp_protocol.err_handler, called by icmp_unreach for an
// ICMP error that quotes one of our TCP segments. The quoted header names the connection; a
// quoted sequence number outside snd_una..snd_nxt is ignored (OUTOFWINDOWICMPS), and so is an
// error for a TIME_WAIT connection; one about a pending passive open's SYN-ACK may drop the
// request (tcp_req_err). In SYN_SENT and SYN_RECV the error is hard: sk_err,
// sk_error_report, tcp_done, so a pending connect() fails at once. In any other state it is
// soft (sk_err_soft), reported only with IP_RECVERR, and surfaces later through SO_ERROR or
// as the errno of a retransmission timeout. Not simulated: sock_owned_by_user (SockLab's
// receive path never runs inside a syscall, so the socket is never locked by its user), the
// RFC 6069 RTO revert (tcp_ld_RTO_revert), ICMP_PARAMETERPROB (icmp_rcv does not pass it
// here) and path-MTU handling: a fragmentation-needed error is ignored.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { TCP_STATE, tcpStateName } from '../../include/net/tcp_states';
import { errnoName } from '../../include/uapi/errno';
import { ICMP_DEST_UNREACH, ICMP_TIME_EXCEEDED } from '../../../wire/icmp';
import type { Sock } from '../../include/net/sock';
import { inet_csk_reqsk_queue_drop } from './tcp_timer';
import { sk_error_report } from './datagram';
import { estKey } from './tcp_connect';
import { tcp_done } from './tcp_reset';

/** ICMP_NET_UNREACH, ICMP_HOST_UNREACH and ICMP_FRAG_NEEDED are destination-unreachable codes 0, 1 and 4 (include/uapi/linux/icmp.h). */
const ICMP_NET_UNREACH = 0;
const ICMP_HOST_UNREACH = 1;
const ICMP_FRAG_NEEDED = 4;
/** ICMP_PARAMETERPROB is ICMP type 12. */
const ICMP_PARAMETERPROB = 12;

/** between is Linux's between(seq1, seq2, seq3): seq2 <= seq1 <= seq3 in sequence space. */
function between(seq1: number, seq2: number, seq3: number): boolean {
  return (seq3 - seq2) >>> 0 >= (seq1 - seq2) >>> 0;
}

/** tcp_req_err handles an error about a pending passive open's SYN-ACK: a quoted sequence other than the ISN is ignored; otherwise 6.x drops the request only for net/host unreachable, time exceeded or parameter problem, while 2.6.32 and 3.10 drop it for any error but fragmentation needed (tcp_v4_err's TCP_LISTEN case). Nothing reaches accept(). */
function tcp_req_err(h: Host, req: Sock, seq: number, type: number, code: number): void {
  h.kcall(
    'tcp_req_err',
    `req=${req.addr}, seq=${seq}`,
    () => {
      if (seq !== Number(req.f['snd_una'])) return;
      const abort =
        h.profile.version === '6.x'
          ? type === ICMP_PARAMETERPROB ||
            type === ICMP_TIME_EXCEEDED ||
            (type === ICMP_DEST_UNREACH && (code === ICMP_NET_UNREACH || code === ICMP_HOST_UNREACH))
          : !(type === ICMP_DEST_UNREACH && code === ICMP_FRAG_NEEDED);
      if (abort) inet_csk_reqsk_queue_drop(h, req);
    },
    'net/ipv4/tcp_ipv4.c',
  );
}

/** tcp_v4_err applies an ICMP error (type, code, converted errno) quoting the IPv4+TCP headers in inner. */
export function tcp_v4_err(
  h: Host,
  inner: Uint8Array,
  type: number,
  code: number,
  err: number,
  why: string,
): void {
  h.kcall(
    'tcp_v4_err',
    `type=${type}, code=${code} via tcp_protocol.err_handler`,
    () => {
      const ihl = (inner[0]! & 0x0f) * 4;
      if (inner.length < ihl + 8) return;
      const src = `${inner[12]}.${inner[13]}.${inner[14]}.${inner[15]}`;
      const dst = `${inner[16]}.${inner[17]}.${inner[18]}.${inner[19]}`;
      const sport = (inner[ihl]! << 8) | inner[ihl + 1]!;
      const dport = (inner[ihl + 2]! << 8) | inner[ihl + 3]!;
      const seq =
        ((inner[ihl + 4]! << 24) | (inner[ihl + 5]! << 16) | (inner[ihl + 6]! << 8) | inner[ihl + 7]!) >>> 0;
      const key = estKey(src, sport, dst, dport);
      const v6 = h.profile.version === '6.x';
      const found = h.kcall(
        v6 ? '__inet_lookup_established' : 'inet_lookup',
        `${src}:${sport} > ${dst}:${dport}`,
        () => h.established.get(key) ?? h.synTable.get(key) ?? null,
        'net/ipv4/inet_hashtables.c',
      );
      if (found === null || found.f.sk_state === TCP_STATE.TCP_TIME_WAIT) return;
      const sk = found;
      if (sk.socket === null && sk.f.sk_state === TCP_STATE.TCP_SYN_RECV && h.synTable.get(key) === sk) {
        tcp_req_err(h, sk, seq, type, code);
        return;
      }
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
      sk.errOrigin = {
        errno: err,
        fn: 'tcp_v4_err',
        why: `${why}: soft error (${errnoName(err)}) in ${tcpStateName(st)}`,
      };
    },
    'net/ipv4/tcp_ipv4.c',
  );
}
