// The scanf family's engine, as glibc scans: whitespace in the format skips any whitespace,
// conversions %d %i %u %o %x %X %c %s %[set] %n %% with widths, `*` suppression and length
// modifiers hh h l ll z j t. It reads from a byte array and reports how far it got, and
// whether it ran out of input before the format was done (stdin then reads more and retries).
import type { VmState } from '../vm/state';
import { badWrite } from './mem';

/** ScanResult is the conversions assigned, the bytes consumed, and why scanning stopped. */
export interface ScanResult {
  readonly count: number;
  readonly used: number;
  /** Input ended before the format did (EOF for sscanf, "read more" for stdin). */
  readonly starved: boolean;
  /** No conversion could start because the input was empty: scanf returns EOF. */
  readonly eof: boolean;
  readonly badAddr?: number;
}

const isSpace = (b: number | undefined): boolean => b === 32 || (b !== undefined && b >= 9 && b <= 13);

/** scanBytes runs format bytes `fmt` over `input`, storing through the pointers `ptr(i)` hands out. */
export function scanBytes(s: VmState, fmt: Uint8Array, input: Uint8Array, ptr: () => number): ScanResult {
  const dv = new DataView(s.mem.buffer, s.mem.byteOffset);
  let at = 0;
  let count = 0;
  let convs = 0;
  const store = (addr: number, size: number, v: bigint): number | undefined => {
    if (badWrite(s, addr, size) >= 0) return addr;
    if (size === 1) dv.setInt8(addr, Number(BigInt.asIntN(8, v)));
    else if (size === 2) dv.setInt16(addr, Number(BigInt.asIntN(16, v)), true);
    else if (size === 4) dv.setInt32(addr, Number(BigInt.asIntN(32, v)), true);
    else dv.setBigInt64(addr, BigInt.asIntN(64, v), true);
    return undefined;
  };
  const done = (starved: boolean, badAddr?: number): ScanResult => {
    const r = { count, used: at, starved, eof: starved && convs === 0 && count === 0 };
    return badAddr === undefined ? r : { ...r, badAddr };
  };
  for (let i = 0; i < fmt.length; i++) {
    const f = fmt[i]!;
    if (isSpace(f)) {
      while (isSpace(input[at])) at++;
      if (at >= input.length) return done(i + 1 < fmt.length);
      continue;
    }
    if (f !== 37 || fmt[i + 1] === 37) {
      if (f === 37) i++;
      if (f === 37) while (isSpace(input[at])) at++;
      if (at >= input.length) return done(true);
      if (input[at] !== f) return done(false);
      at++;
      continue;
    }
    i++;
    const skip = fmt[i] === 42;
    if (skip) i++;
    let width = 0;
    while (fmt[i]! >= 48 && fmt[i]! <= 57) width = width * 10 + fmt[i++]! - 48;
    let size = 4;
    for (;;) {
      const ch = String.fromCharCode(fmt[i] ?? 0);
      if (ch === 'h') size = size === 2 ? 1 : 2;
      else if ('lzjtL'.includes(ch)) size = 8;
      else if (ch === 'q') size = 8;
      else break;
      i++;
    }
    const conv = String.fromCharCode(fmt[i] ?? 0);
    if (conv === 'n') {
      if (!skip) {
        const bad = store(ptr(), size, BigInt(at));
        if (bad !== undefined) return done(false, bad);
      }
      continue;
    }
    if (conv !== 'c' && conv !== '[') while (isSpace(input[at])) at++;
    if (at >= input.length) return done(true);
    convs++;
    if (conv === 'c' || conv === 's' || conv === '[') {
      let set: (b: number) => boolean = (b) => !isSpace(b);
      if (conv === '[') {
        i++;
        const neg = fmt[i] === 94;
        if (neg) i++;
        const members = new Set<number>();
        const start = i;
        while (i < fmt.length && (fmt[i] !== 93 || i === start)) {
          if (fmt[i + 1] === 45 && fmt[i + 2] !== 93 && i + 2 < fmt.length) {
            for (let b = fmt[i]!; b <= fmt[i + 2]!; b++) members.add(b);
            i += 3;
          } else members.add(fmt[i++]!);
        }
        set = (b) => members.has(b) !== neg;
      }
      const max = width > 0 ? width : conv === 'c' ? 1 : Infinity;
      const from = at;
      if (conv === 'c') at = Math.min(input.length, at + max);
      else while (at < input.length && at - from < max && set(input[at]!)) at++;
      if (at === from) return done(false);
      if (conv === 'c' && at - from < max) return done(true);
      if (!skip) {
        const dst = ptr();
        const n = at - from + (conv === 'c' ? 0 : 1);
        if (badWrite(s, dst, n) >= 0) return done(false, dst);
        s.mem.set(input.subarray(from, at), dst);
        if (conv !== 'c') s.mem[dst + at - from] = 0;
        count++;
      }
      continue;
    }
    let base = conv === 'x' || conv === 'X' || conv === 'p' ? 16 : conv === 'o' ? 8 : conv === 'i' ? 0 : 10;
    if (!'diuoxXp'.includes(conv)) return done(false);
    const limit = width > 0 ? at + width : input.length;
    let j = at;
    let neg = false;
    if (j < limit && (input[j] === 45 || input[j] === 43)) neg = input[j++] === 45;
    if (
      (base === 16 || base === 0) &&
      input[j] === 48 &&
      ((input[j + 1] ?? 0) | 32) === 120 &&
      j + 2 < limit
    ) {
      j += 2;
      base = 16;
    } else if (base === 0) base = input[j] === 48 ? 8 : 10;
    let v = 0n;
    const digitsFrom = j;
    while (j < limit) {
      const ch = input[j]!;
      const d = ch >= 48 && ch <= 57 ? ch - 48 : (ch | 32) >= 97 && (ch | 32) <= 122 ? (ch | 32) - 87 : 99;
      if (d >= base) break;
      v = v * BigInt(base) + BigInt(d);
      j++;
    }
    if (j === digitsFrom) {
      at = j;
      return done(j >= input.length);
    }
    at = j;
    if (!skip) {
      const bad = store(ptr(), size, neg ? -v : v);
      if (bad !== undefined) return done(false, bad);
      count++;
    }
  }
  return done(false);
}
