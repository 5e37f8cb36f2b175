// arpa/inet.h: byte-order helpers (x86-64 is little-endian, so they swap) and the address
// text conversions inet_pton, inet_ntop, inet_addr, inet_aton and inet_ntoa (whose result
// lives in one static buffer per process, overwritten by each call, as in glibc).
import type { Builtin, Call } from '../vm/views';
import { argI, argU, retI, retN } from '../vm/views';
import { heapAlloc } from './malloc';
import { cstrLen, decodeUtf8 } from './mem';
import { AF_INET, AF_INET6 } from './sockaddr';
import { fail, fault, readBytes, writeBytes } from './sys';
import { formatIpv4, formatIpv6, parseAton, parseIpv4, parseIpv6 } from './inetText';

const ENOSPC = 28;
const EAFNOSUPPORT = 97;

const swap16 = (x: number): number => ((x & 0xff) << 8) | ((x >> 8) & 0xff);
const swap32 = (x: number): number =>
  (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;

/** cString reads argument i as a C string, or returns the bad address as a negative number minus one. */
export function cString(c: Call, addr: number): string | number {
  const n = cstrLen(c.s, addr);
  return n < 0 ? n : decodeUtf8(c.s.mem.subarray(addr, addr + n));
}

/** staticBuffer returns the process's static buffer `name` of n bytes, allocating it once. */
export function staticBuffer(c: Call, name: string, n: number): number {
  let at = c.s.libc.statics[name];
  if (at === undefined) {
    at = heapAlloc(c.s, n);
    c.s.libc.statics[name] = at;
  }
  return at;
}

/** putCString writes text and a NUL at addr; false when it does not fit or is unwritable. */
export function putCString(c: Call, addr: number, text: string, cap = Infinity): boolean {
  const bytes = Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  if (bytes.length + 1 > cap) return false;
  return writeBytes(c, addr, [...bytes, 0]);
}

const be32 = (b: Uint8Array): number => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
const toBe = (a: number): number[] => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255];

/** inetBuiltins implements arpa/inet.h. */
export const inetBuiltins: Record<string, Builtin> = {
  htons: (c) => retI(c, swap16(argI(c, 0))),
  ntohs: (c) => retI(c, swap16(argI(c, 0))),
  htonl: (c) => retN(c, swap32(argI(c, 0))),
  ntohl: (c) => retN(c, swap32(argI(c, 0))),
  inet_pton: (c) => {
    const af = argI(c, 0);
    const text = cString(c, argU(c, 1));
    if (typeof text === 'number') return fail(c, 14);
    if (af === AF_INET) {
      const a = parseIpv4(text);
      if (a === undefined) return retI(c, 0);
      return writeBytes(c, argU(c, 2), toBe(a)) ? retI(c, 1) : fail(c, 14);
    }
    if (af === AF_INET6) {
      const b = parseIpv6(text);
      if (b === undefined) return retI(c, 0);
      return writeBytes(c, argU(c, 2), b) ? retI(c, 1) : fail(c, 14);
    }
    return fail(c, EAFNOSUPPORT);
  },
  inet_ntop: (c) => {
    const af = argI(c, 0);
    if (af !== AF_INET && af !== AF_INET6) return fail(c, EAFNOSUPPORT);
    const src = readBytes(c, argU(c, 1), af === AF_INET ? 4 : 16);
    if (src === undefined) return fail(c, 14);
    const text = af === AF_INET ? formatIpv4(be32(src)) : formatIpv6(src);
    const dst = argU(c, 2);
    return putCString(c, dst, text, argU(c, 3)) ? retI(c, dst) : (fail(c, ENOSPC), retI(c, 0));
  },
  inet_addr: (c) => {
    const text = cString(c, argU(c, 0));
    const a = typeof text === 'number' ? undefined : parseAton(text);
    return retN(c, a === undefined ? 0xffffffff : swap32(a));
  },
  inet_aton: (c) => {
    const text = cString(c, argU(c, 0));
    const a = typeof text === 'number' ? undefined : parseAton(text);
    if (a === undefined) return retI(c, 0);
    if (argU(c, 1) !== 0 && !writeBytes(c, argU(c, 1), toBe(a))) return fail(c, 14);
    return retI(c, 1);
  },
  inet_ntoa: (c) => {
    // A struct argument reaches a built-in as the address of the caller's copy.
    const src = readBytes(c, argU(c, 0), 4);
    if (src === undefined) return fault(c, argU(c, 0), 4);
    const buf = staticBuffer(c, 'inet_ntoa', 18);
    putCString(c, buf, formatIpv4(be32(src)));
    return retI(c, buf);
  },
};
