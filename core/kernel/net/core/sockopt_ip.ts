// The option helpers sockopt.ts shares: reading an int from raw optval bytes, sock flag bits,
// sock_set_timeout for SO_RCVTIMEO / SO_SNDTIMEO (net/core/sock.c: a struct timeval rounded
// up to jiffies, {0, 0} meaning MAX_SCHEDULE_TIMEOUT), and ip_setsockopt / ip_getsockopt
// (net/ipv4/ip_sockglue.c) for IP_TOS, IP_TTL, IP_HDRINCL, IP_MTU_DISCOVER and IP_RECVERR.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import { MAX_SCHEDULE_TIMEOUT, type Sock } from '../../include/net/sock';
import { IP_OPT } from '../../include/uapi/in';

/** intOf reads an option value: the number itself, or the first four bytes little-endian (0 when shorter). */
export function intOf(v: number | Uint8Array): number {
  if (typeof v === 'number') return v;
  if (v.length < 4) return v[0] ?? 0;
  return new DataView(v.buffer, v.byteOffset, 4).getInt32(0, true);
}

/** setFlag sets or clears one named bit of sk_flags (sock_set_flag / sock_reset_flag). */
export function setFlag(h: Host, sk: Sock, flag: string, on: boolean): void {
  const bits = sk.f.sk_flags.split('|').filter((b) => b !== '' && b !== flag);
  if (on) bits.push(flag);
  kset(h, sk, 'sk_flags', bits.join('|'));
}

/** HZ is SockLab's jiffies per second. */
const HZ = 1000;

/** sock_set_timeout sets sk_rcvtimeo or sk_sndtimeo from a struct timeval (16 bytes: tv_sec, tv_usec as int64). */
export function sock_set_timeout(
  h: Host,
  sk: Sock,
  name: number,
  optval: number | Uint8Array,
  optlen: number,
): number {
  return h.kcall(
    'sock_set_timeout',
    `optname=${name}`,
    () => {
      if (typeof optval === 'number' || optlen < 16 || optval.length < 16)
        return h.kerr('EINVAL', `optlen ${optlen} < sizeof(struct timeval) (16)`);
      const dv = new DataView(optval.buffer, optval.byteOffset, 16);
      const sec = Number(dv.getBigInt64(0, true));
      const usec = Number(dv.getBigInt64(8, true));
      if (usec < 0 || usec >= 1_000_000) return h.kerr('EDOM', `tv_usec ${usec} is outside 0..999999`);
      const field = name === 20 ? 'sk_rcvtimeo' : 'sk_sndtimeo';
      if (sec < 0) kset(h, sk, field, 0);
      else if (sec === 0 && usec === 0) kset(h, sk, field, MAX_SCHEDULE_TIMEOUT);
      else kset(h, sk, field, sec * HZ + Math.ceil(usec / (1_000_000 / HZ)));
      return 0;
    },
    'net/core/sock.c',
  );
}

/** timevalBytes renders a timeout in jiffies (or MAX_SCHEDULE_TIMEOUT, shown as {0, 0}) as struct timeval bytes. */
export function timevalBytes(t: number | string): Uint8Array {
  const b = new Uint8Array(16);
  if (typeof t === 'number') {
    const dv = new DataView(b.buffer);
    dv.setBigInt64(0, BigInt(Math.floor(t / HZ)), true);
    dv.setBigInt64(8, BigInt((t % HZ) * (1_000_000 / HZ)), true);
  }
  return b;
}

/** IP_FIELD maps each SOL_IP option SockLab handles to its inet_sock field and allowed range. */
// prettier-ignore
const IP_FIELD: Readonly<Record<number, readonly [string, number, number]>> = {
  [IP_OPT.IP_TOS]: ['tos', 0, 255], // inet->tos
  [IP_OPT.IP_TTL]: ['uc_ttl', -1, 255], // inet->uc_ttl: -1 restores the sysctl default; 0 is EINVAL
  [IP_OPT.IP_HDRINCL]: ['hdrincl', 0, 1], // raw sockets only
  [IP_OPT.IP_MTU_DISCOVER]: ['pmtudisc', 0, 5], // IP_PMTUDISC_DONT … OMIT
  [IP_OPT.IP_RECVERR]: ['recverr', 0, 1], // queue ICMP errors on sk_error_queue
};

/** ip_setsockopt sets one SOL_IP option; 0 or -errno (net/ipv4/ip_sockglue.c do_ip_setsockopt). */
export function ip_setsockopt(h: Host, sk: Sock, name: number, val: number, optlen: number): number {
  return h.kcall(
    'ip_setsockopt',
    `optname=${name}, val=${val}`,
    () => {
      const row = IP_FIELD[name];
      if (row === undefined) return h.kerr('ENOPROTOOPT', `SOL_IP option ${name} is not simulated`);
      if (optlen < 1) return h.kerr('EINVAL', `optlen ${optlen} is empty`);
      const [field, lo, hi] = row;
      if (name === IP_OPT.IP_HDRINCL && sk.f.sk_type !== 3)
        return h.kerr('ENOPROTOOPT', 'IP_HDRINCL is only for SOCK_RAW sockets');
      if (name === IP_OPT.IP_TTL && (val === 0 || val < lo || val > hi))
        return h.kerr('EINVAL', `TTL ${val} is outside 1..255 (or -1)`);
      if (val < lo || val > hi) return h.kerr('EINVAL', `value ${val} is outside ${lo}..${hi}`);
      kset(
        h,
        sk,
        field,
        name === IP_OPT.IP_HDRINCL || name === IP_OPT.IP_RECVERR ? (val !== 0 ? 1 : 0) : val,
      );
      return 0;
    },
    'net/ipv4/ip_sockglue.c',
  );
}

/** ip_getsockopt reads one SOL_IP option (IP_TTL reports the effective TTL); the value or -errno. */
export function ip_getsockopt(h: Host, sk: Sock, name: number): number {
  return h.kcall(
    'ip_getsockopt',
    `optname=${name}`,
    () => {
      const row = IP_FIELD[name];
      if (row === undefined) return h.kerr('ENOPROTOOPT', `SOL_IP option ${name} is not simulated`);
      const v = Number(sk.f[row[0]] ?? 0);
      return name === IP_OPT.IP_TTL && v < 0 ? h.sysctl['net.ipv4.ip_default_ttl'] : v;
    },
    'net/ipv4/ip_sockglue.c',
  );
}
