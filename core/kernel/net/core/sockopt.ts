// Socket options: sock_setsockopt / sock_getsockopt (net/core/sock.c) for SOL_SOCKET, and the
// protocol levels through sock_common_setsockopt → sk_prot->setsockopt (tcp_setsockopt,
// udp_setsockopt → ip_setsockopt). Option numbers from reference §5.4; unknown options give
// ENOPROTOOPT, a short optlen EINVAL, as Linux does. Option values arrive as an int or as the
// caller's raw optval bytes (struct timeval for SO_RCVTIMEO / SO_SNDTIMEO).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Socket } from '../../include/linux/net';
import type { Sock } from '../../include/net/sock';
import { TCP_NAGLE_CORK, TCP_NAGLE_OFF, TCP_NAGLE_PUSH } from '../../include/linux/tcp';
import { TCP_STATE } from '../../include/net/tcp_states';
import { SOL_IP, SOL_SOCKET, SOL_TCP } from '../../include/uapi/socket';

/** SOL_UDP is the UDP option level, IPPROTO_UDP (17). */
const SOL_UDP = 17;
import { tcp_getsockopt_congestion, tcp_setsockopt_congestion } from '../ipv4/tcp_cong';
import { encodeTcpInfo, tcp_get_info, type TcpInfo } from '../ipv4/tcp_info';
import { udp_push_pending_frames, UDP_CORK } from '../ipv4/udp_cork';
import { intOf, ip_getsockopt, ip_setsockopt, setFlag, sock_set_timeout, timevalBytes } from './sockopt_ip';
import { tcp_push_pending } from '../ipv4/tcp';
import {
  keepalive_intvl_when,
  keepalive_probes,
  keepalive_time_when,
  setKeepcnt,
  setKeepidle,
  setKeepintvl,
  tcp_set_keepalive,
} from '../ipv4/tcp_keepalive';
import { HZ } from '../../include/net/inet_connection_sock';

/** SO maps the SOL_SOCKET option names SockLab handles to their numbers, one row per option. */
// prettier-ignore
export const SO = {
  SO_REUSEADDR: 2, // sk_reuse
  SO_BROADCAST: 6, // SOCK_BROADCAST: datagrams to broadcast addresses allowed
  SO_TYPE: 3, // read-only: sk_type
  SO_ERROR: 4, // read-only: takes sk_err
  SO_SNDBUF: 7, // sk_sndbuf = 2 × min(val, wmem_max)
  SO_RCVBUF: 8, // sk_rcvbuf = 2 × min(val, rmem_max)
  SO_KEEPALIVE: 9, // SOCK_KEEPOPEN
  SO_RCVTIMEO: 20, // sk_rcvtimeo from a struct timeval (SO_RCVTIMEO_OLD on x86-64)
  SO_SNDTIMEO: 21, // sk_sndtimeo from a struct timeval (SO_SNDTIMEO_OLD on x86-64)
  SO_ACCEPTCONN: 30, // read-only: listening
  SO_PROTOCOL: 38, // read-only: sk_protocol
  SO_DOMAIN: 39, // read-only: sk_family
} as const;

/** TCP_OPT maps the SOL_TCP option names SockLab handles to their numbers, one row per option. */
// prettier-ignore
export const TCP_OPT = {
  TCP_NODELAY: 1, // nonagle OFF|PUSH
  TCP_MAXSEG: 2, // mss_cache (read)
  TCP_CORK: 3, // nonagle CORK
  TCP_KEEPIDLE: 4, // keepalive_time (s)
  TCP_KEEPINTVL: 5, // keepalive_intvl (s)
  TCP_KEEPCNT: 6, // keepalive_probes
  TCP_INFO: 11, // struct tcp_info (read: tcp_info.ts)
  TCP_CONGESTION: 13, // icsk_ca_ops by name (a string: tcp_cong.ts)
} as const;

/** SOCK_SNDBUF_LOCK and SOCK_RCVBUF_LOCK are the sk_userlocks bits SO_SNDBUF/SO_RCVBUF set. */
const SOCK_SNDBUF_LOCK = 1;
const SOCK_RCVBUF_LOCK = 2;

/** setsockopt sets one option on sock; 0 or -errno. */
export function setsockopt(
  h: Host,
  sock: Socket,
  level: number,
  name: number,
  optval: number | Uint8Array,
  optlen: number,
): number {
  const sk = sock.sk!;
  const val = intOf(optval);
  if (level === SOL_SOCKET) {
    return h.kcall('sock_setsockopt', `level=SOL_SOCKET, optname=${name}, val=${val}`, () => {
      if (name === SO.SO_RCVTIMEO || name === SO.SO_SNDTIMEO)
        return sock_set_timeout(h, sk, name, optval, optlen);
      if (optlen < 4) return h.kerr('EINVAL', `optlen ${optlen} < sizeof(int)`);
      if (name === SO.SO_REUSEADDR) kset(h, sk, 'sk_reuse', val !== 0 ? 1 : 0);
      else if (name === SO.SO_BROADCAST) setFlag(h, sk, 'SOCK_BROADCAST', val !== 0);
      else if (name === SO.SO_KEEPALIVE) {
        if (sk.protoName === 'tcp_prot') tcp_set_keepalive(h, sk, val !== 0);
        setFlag(h, sk, 'SOCK_KEEPOPEN', val !== 0);
      } else if (name === SO.SO_SNDBUF) {
        kset(h, sk, 'sk_userlocks', sk.f.sk_userlocks | SOCK_SNDBUF_LOCK);
        kset(h, sk, 'sk_sndbuf', 2 * Math.min(val >>> 0, h.sysctl['net.core.wmem_max']));
      } else if (name === SO.SO_RCVBUF) {
        kset(h, sk, 'sk_userlocks', sk.f.sk_userlocks | SOCK_RCVBUF_LOCK);
        kset(h, sk, 'sk_rcvbuf', 2 * Math.min(val >>> 0, h.sysctl['net.core.rmem_max']));
      } else return h.kerr('ENOPROTOOPT', `SOL_SOCKET option ${name} is not simulated or not settable`);
      return 0;
    });
  }
  return h.kcall(
    'sock_common_setsockopt',
    `level=${level}, optname=${name} via ${sock.f.ops}.setsockopt`,
    () => {
      const fn = h.profile.protos[sk.protoName]?.['setsockopt'] ?? 'ip_setsockopt';
      return h.kcall(fn, `level=${level}, optname=${name}, val=${val} via ${sk.protoName}.setsockopt`, () => {
        if (level === SOL_IP) return ip_setsockopt(h, sk, name, val, optlen);
        if (level === SOL_UDP && sk.protoName === 'udp_prot') return udp_setsockopt(h, sk, name, val, optlen);
        if (level !== SOL_TCP || sk.protoName !== 'tcp_prot')
          return h.kerr('ENOPROTOOPT', `level ${level} option ${name} is not simulated`);
        if (name === TCP_OPT.TCP_CONGESTION) return tcp_setsockopt_congestion(h, sk, optval, optlen);
        if (optlen < 4) return h.kerr('EINVAL', `optlen ${optlen} < sizeof(int)`);
        const ng = Number(sk.f['nonagle']);
        if (name === TCP_OPT.TCP_NODELAY) {
          if (val !== 0) {
            kset(h, sk, 'nonagle', ng | TCP_NAGLE_OFF | TCP_NAGLE_PUSH);
            tcp_push_pending(h, sk);
          } else kset(h, sk, 'nonagle', ng & ~TCP_NAGLE_OFF);
        } else if (name === TCP_OPT.TCP_CORK) {
          if (val !== 0) kset(h, sk, 'nonagle', ng | TCP_NAGLE_CORK);
          else {
            kset(
              h,
              sk,
              'nonagle',
              (ng & ~TCP_NAGLE_CORK) | ((ng & TCP_NAGLE_OFF) !== 0 ? TCP_NAGLE_PUSH : 0),
            );
            tcp_push_pending(h, sk);
          }
        } else if (name === TCP_OPT.TCP_KEEPIDLE) return setKeepidle(h, sk, val);
        else if (name === TCP_OPT.TCP_KEEPINTVL) return setKeepintvl(h, sk, val);
        else if (name === TCP_OPT.TCP_KEEPCNT) return setKeepcnt(h, sk, val);
        else return h.kerr('ENOPROTOOPT', `TCP option ${name} is not simulated or not settable`);
        return 0;
      });
    },
  );
}

/** getsockopt reads one option of sock; the value, or -errno. */
export function getsockopt(
  h: Host,
  sock: Socket,
  level: number,
  name: number,
  out?: { val?: Uint8Array },
): number {
  const sk = sock.sk!;
  if (level === SOL_SOCKET) {
    return h.kcall('sock_getsockopt', `level=SOL_SOCKET, optname=${name}`, () => {
      switch (name) {
        case SO.SO_REUSEADDR:
          return sk.f.sk_reuse;
        case SO.SO_TYPE:
          return sk.f.sk_type;
        case SO.SO_ERROR: {
          const e = sk.f.sk_err;
          kset(h, sk, 'sk_err', 0);
          if (e !== 0) return e;
          const soft = sk.f.sk_err_soft; // sock_getsockopt falls back to xchg(&sk->sk_err_soft, 0)
          if (soft !== 0) kset(h, sk, 'sk_err_soft', 0);
          return soft;
        }
        case SO.SO_SNDBUF:
          return sk.f.sk_sndbuf;
        case SO.SO_RCVBUF:
          return sk.f.sk_rcvbuf;
        case SO.SO_KEEPALIVE:
          return sk.f.sk_flags.includes('SOCK_KEEPOPEN') ? 1 : 0;
        case SO.SO_BROADCAST:
          return sk.f.sk_flags.includes('SOCK_BROADCAST') ? 1 : 0;
        case SO.SO_RCVTIMEO:
        case SO.SO_SNDTIMEO: {
          const t = name === SO.SO_RCVTIMEO ? sk.f.sk_rcvtimeo : sk.f.sk_sndtimeo;
          if (out !== undefined) out.val = timevalBytes(t);
          return 0;
        }
        case SO.SO_ACCEPTCONN:
          return sk.f.sk_state === TCP_STATE.TCP_LISTEN ? 1 : 0;
        case SO.SO_PROTOCOL:
          return sk.f.sk_protocol;
        case SO.SO_DOMAIN:
          return sk.f.sk_family;
        default:
          return h.kerr('ENOPROTOOPT', `SOL_SOCKET option ${name} is not simulated`);
      }
    });
  }
  return h.kcall(
    'sock_common_getsockopt',
    `level=${level}, optname=${name} via ${sock.f.ops}.getsockopt`,
    () => {
      const fn = h.profile.protos[sk.protoName]?.['getsockopt'] ?? 'ip_getsockopt';
      return h.kcall(fn, `level=${level}, optname=${name} via ${sk.protoName}.getsockopt`, () => {
        if (level === SOL_IP) return ip_getsockopt(h, sk, name);
        if (level === SOL_UDP && sk.protoName === 'udp_prot' && name === UDP_CORK)
          return Number(sk.f['corkflag'] ?? 0);
        if (level !== SOL_TCP || sk.protoName !== 'tcp_prot')
          return h.kerr('ENOPROTOOPT', `level ${level} option ${name} is not simulated`);
        const ng = Number(sk.f['nonagle']);
        if (name === TCP_OPT.TCP_NODELAY) return (ng & TCP_NAGLE_OFF) !== 0 ? 1 : 0;
        if (name === TCP_OPT.TCP_CORK) return (ng & TCP_NAGLE_CORK) !== 0 ? 1 : 0;
        if (name === TCP_OPT.TCP_MAXSEG) return Number(sk.f['mss_cache']);
        if (name === TCP_OPT.TCP_CONGESTION) return tcp_getsockopt_congestion(sk, out);
        if (name === TCP_OPT.TCP_INFO) {
          let info: TcpInfo | undefined;
          h.kcall('tcp_get_info', `sk=${sk.addr}`, () => void (info = tcp_get_info(h, sk)));
          if (out !== undefined) out.val = encodeTcpInfo(info!);
          return 0;
        }
        if (name === TCP_OPT.TCP_KEEPIDLE) return Math.floor(keepalive_time_when(h, sk) / HZ);
        if (name === TCP_OPT.TCP_KEEPINTVL) return Math.floor(keepalive_intvl_when(h, sk) / HZ);
        if (name === TCP_OPT.TCP_KEEPCNT) return keepalive_probes(h, sk);
        return h.kerr('ENOPROTOOPT', `TCP option ${name} is not simulated`);
      });
    },
  );
}

/** udp_setsockopt handles SOL_UDP: UDP_CORK corks the socket, and clearing it sends what was appended (udp_lib_setsockopt). */
function udp_setsockopt(h: Host, sk: Sock, name: number, val: number, optlen: number): number {
  if (optlen < 4) return h.kerr('EINVAL', `optlen ${optlen} < sizeof(int)`);
  if (name !== UDP_CORK) return h.kerr('ENOPROTOOPT', `SOL_UDP option ${name} is not simulated`);
  kset(h, sk, 'corkflag', val !== 0 ? 1 : 0);
  if (val === 0) {
    const r = udp_push_pending_frames(h, sk);
    if (r < 0) return r;
  }
  return 0;
}
