// string.h and the conversion functions of stdlib.h as built-ins over program memory. Every
// read and write is checked against the protection map, so overruns fault with an address.
import type { Builtin, Call } from '../vm/views';
import { argI, argN, argU, retI, retN } from '../vm/views';
import { heapAlloc } from './malloc';
import { badRead, badWrite, cstrLen, segv } from './mem';
import { setErrno } from './stdio';

/** len returns a string's length or faults (returning the status negated minus one). */
function len(c: Call, p: number): number {
  const n = cstrLen(c.s, p);
  if (n < 0) segv(c, -n - 1);
  return n;
}

const FAULT = 3;

function copy(c: Call, dst: number, src: number, n: number): number | undefined {
  const br = badRead(c.s, src, n);
  if (br >= 0) return segv(c, br);
  const bw = badWrite(c.s, dst, n);
  if (bw >= 0) return segv(c, bw);
  c.s.mem.copyWithin(dst, src, src + n);
  return undefined;
}

function compare(c: Call, a: number, b: number, max: number, stopAtNul: boolean): number | undefined {
  const m = c.s.mem;
  for (let i = 0; i < max; i++) {
    if (badRead(c.s, a + i, 1) >= 0) return void segv(c, a + i);
    if (badRead(c.s, b + i, 1) >= 0) return void segv(c, b + i);
    const x = m[a + i]!;
    const y = m[b + i]!;
    if (x !== y) return x - y;
    if (stopAtNul && x === 0) return 0;
  }
  return 0;
}

function cmpResult(c: Call, r: number | undefined): number {
  return r === undefined ? FAULT : retI(c, r);
}

/** stringBuiltins implements string.h and strtol/atoi/abs. */
export const stringBuiltins: Record<string, Builtin> = {
  strlen: (c) => {
    const n = len(c, argU(c, 0));
    return n < 0 ? FAULT : retN(c, n);
  },
  strcpy: (c) => {
    const n = len(c, argU(c, 1));
    return n < 0 ? FAULT : (copy(c, argU(c, 0), argU(c, 1), n + 1) ?? retI(c, argU(c, 0)));
  },
  strncpy: (c) => {
    const dst = argU(c, 0);
    const src = argU(c, 1);
    const n = argN(c, 2);
    const m = c.s.mem;
    let i = 0;
    for (; i < n; i++) {
      if (badRead(c.s, src + i, 1) >= 0) return segv(c, src + i);
      if (m[src + i] === 0) break;
    }
    const bad = copy(c, dst, src, i);
    if (bad !== undefined) return bad;
    const bw = badWrite(c.s, dst + i, n - i);
    if (bw >= 0) return segv(c, bw);
    m.fill(0, dst + i, dst + n);
    return retI(c, dst);
  },
  strcat: (c) => {
    const d = len(c, argU(c, 0));
    const n = d < 0 ? -1 : len(c, argU(c, 1));
    return n < 0 ? FAULT : (copy(c, argU(c, 0) + d, argU(c, 1), n + 1) ?? retI(c, argU(c, 0)));
  },
  strncat: (c) => {
    const d = len(c, argU(c, 0));
    const n0 = d < 0 ? -1 : len(c, argU(c, 1));
    if (n0 < 0) return FAULT;
    const n = Math.min(n0, argN(c, 2));
    const bad = copy(c, argU(c, 0) + d, argU(c, 1), n);
    if (bad !== undefined) return bad;
    if (badWrite(c.s, argU(c, 0) + d + n, 1) >= 0) return segv(c, argU(c, 0) + d + n);
    c.s.mem[argU(c, 0) + d + n] = 0;
    return retI(c, argU(c, 0));
  },
  strcmp: (c) => cmpResult(c, compare(c, argU(c, 0), argU(c, 1), Infinity, true)),
  strncmp: (c) => cmpResult(c, compare(c, argU(c, 0), argU(c, 1), argN(c, 2), true)),
  memcmp: (c) => cmpResult(c, compare(c, argU(c, 0), argU(c, 1), argN(c, 2), false)),
  strchr: (c) => {
    const p = argU(c, 0);
    const n = len(c, p);
    if (n < 0) return FAULT;
    const ch = argI(c, 1) & 0xff;
    const i = c.s.mem.subarray(p, p + n + 1).indexOf(ch);
    return retI(c, i < 0 ? 0 : p + i);
  },
  strrchr: (c) => {
    const p = argU(c, 0);
    const n = len(c, p);
    if (n < 0) return FAULT;
    const i = c.s.mem.subarray(p, p + n + 1).lastIndexOf(argI(c, 1) & 0xff);
    return retI(c, i < 0 ? 0 : p + i);
  },
  strstr: (c) => {
    const h = argU(c, 0);
    const nd = argU(c, 1);
    const hn = len(c, h);
    const nn = hn < 0 ? -1 : len(c, nd);
    if (nn < 0) return FAULT;
    const m = c.s.mem;
    for (let i = 0; i + nn <= hn; i++) {
      let j = 0;
      while (j < nn && m[h + i + j] === m[nd + j]) j++;
      if (j === nn) return retI(c, h + i);
    }
    return retI(c, 0);
  },
  strdup: (c) => {
    const n = len(c, argU(c, 0));
    if (n < 0) return FAULT;
    const p = heapAlloc(c.s, n + 1);
    if (p === 0) return retI(c, 0);
    c.s.mem.copyWithin(p, argU(c, 0), argU(c, 0) + n + 1);
    return retI(c, p);
  },
  memcpy: (c) => copy(c, argU(c, 0), argU(c, 1), argN(c, 2)) ?? retI(c, argU(c, 0)),
  memmove: (c) => copy(c, argU(c, 0), argU(c, 1), argN(c, 2)) ?? retI(c, argU(c, 0)),
  memset: (c) => {
    const bw = badWrite(c.s, argU(c, 0), argN(c, 2));
    if (bw >= 0) return segv(c, bw);
    c.s.mem.fill(argI(c, 1) & 0xff, argU(c, 0), argU(c, 0) + argN(c, 2));
    return retI(c, argU(c, 0));
  },
  atoi: (c) => strtoX(c, 10, false, 'int'),
  atol: (c) => strtoX(c, 10, false, 'long'),
  strtol: (c) => strtoX(c, argI(c, 2), true, 'long'),
  strtoul: (c) => strtoX(c, argI(c, 2), true, 'ulong'),
  atoll: (c) => strtoX(c, 10, false, 'long'),
  strtoll: (c) => strtoX(c, argI(c, 2), true, 'long'),
  strtoull: (c) => strtoX(c, argI(c, 2), true, 'ulong'),
  abs: (c) => retI(c, Math.abs(argI(c, 0)) | 0),
  labs: (c) => retN(c, Math.abs(argN(c, 0))),
};

/** strtoX parses an integer as strtol does (whitespace, sign, 0x/0 prefixes, saturation, endptr). */
function strtoX(c: Call, base0: number, endptr: boolean, kind: 'int' | 'long' | 'ulong'): number {
  const p = argU(c, 0);
  const n = len(c, p);
  if (n < 0) return FAULT;
  const t = String.fromCharCode(...c.s.mem.subarray(p, p + n));
  let i = 0;
  while (i < t.length && ' \t\n\r\f\v'.includes(t[i]!)) i++;
  let neg = false;
  if (t[i] === '+' || t[i] === '-') neg = t[i++] === '-';
  let base = base0;
  const hex = t[i] === '0' && (t[i + 1] === 'x' || t[i + 1] === 'X') && /[0-9a-fA-F]/.test(t[i + 2] ?? '');
  if ((base === 0 || base === 16) && hex) {
    i += 2;
    base = 16;
  } else if (base === 0) base = t[i] === '0' ? 8 : 10;
  let v = 0n;
  const start = i;
  for (; i < t.length; i++) {
    const d = parseInt(t[i]!, 36);
    if (Number.isNaN(d) || d >= base) break;
    v = v * BigInt(base) + BigInt(d);
  }
  const end = i === start ? p : p + i;
  if (endptr && argU(c, 1) !== 0) {
    const ep = argU(c, 1);
    if (badWrite(c.s, ep, 8) >= 0) return segv(c, ep);
    const dv = new DataView(c.s.mem.buffer);
    dv.setUint32(ep, end, true);
    dv.setUint32(ep + 4, 0, true);
  }
  if (neg) v = -v;
  const [lo, hi] = kind === 'ulong' ? [-(2n ** 64n), 2n ** 64n - 1n] : [-(2n ** 63n), 2n ** 63n - 1n];
  if (v < lo || v > hi) {
    setErrno(c.s, 34);
    v = v < lo ? (kind === 'ulong' ? 2n ** 64n - 1n : lo) : hi;
  }
  if (kind === 'int') return retI(c, Number(BigInt.asIntN(32, v)));
  c.v.sl[c.base] = BigInt.asIntN(64, v);
  return 0;
}
