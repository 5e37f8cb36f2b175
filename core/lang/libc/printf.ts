// The printf family's formatting engine, as glibc formats: flags `-+ 0#`, width and precision
// (also `*`), length modifiers hh h l ll z j t, conversions d i u o x X c s p % and f F e E g G.
import type { VmState } from '../vm/state';
import { views } from '../vm/views';
import { badRead, cstrLen } from './mem';

/** FormatResult is the formatted bytes, the unreadable address a %s or the format ran into, or EOVERFLOW (a field too wide). */
export type FormatResult =
  { readonly bytes: number[] } | { readonly badAddr: number } | { readonly overflow: true };

/**
 * MAX_FIELD caps a field's width and precision. glibc fails with EOVERFLOW above INT_MAX;
 * SockLab fails the same way above 1 MiB, so a wild width cannot exhaust memory.
 */
export const MAX_FIELD = 1 << 20;

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  alt: boolean;
  width: number;
  prec: number;
  len: string;
}

/** ArgReader hands out a printf call's variadic arguments one 64-bit slot at a time. */
export interface ArgReader {
  int32(): number;
  int64(): bigint;
  f64(): number;
}

/** stackArgs reads variadic arguments from operand-stack slots starting at `slot`. */
export function stackArgs(s: VmState, slot: number): ArgReader {
  const { si, sl, sf } = views(s);
  let next = slot;
  return { int32: () => si[next++ << 1]!, int64: () => sl[next++]!, f64: () => sf[next++]! };
}

/** vaArgs reads variadic arguments through a va_list (unreadable slots read as 0). */
export function vaArgs(s: VmState, vaList: number): ArgReader {
  const dv = new DataView(s.mem.buffer, s.mem.byteOffset, s.mem.byteLength);
  const ok = (a: number, n: number) => badRead(s, a, n) < 0;
  let at = ok(vaList + 8, 4) ? dv.getUint32(vaList + 8, true) : 0;
  const slot = <T>(read: (a: number) => T, zero: T): T => {
    const v = ok(at, 8) ? read(at) : zero;
    at += 8;
    return v;
  };
  return {
    int32: () => slot((a) => dv.getInt32(a, true), 0),
    int64: () => slot((a) => dv.getBigInt64(a, true), 0n),
    f64: () => slot((a) => dv.getFloat64(a, true), 0),
  };
}

/** formatPrintf formats `fmt` (an address) with the variadic arguments `args` hands out. */
export function formatPrintf(s: VmState, fmtAddr: number, args: ArgReader): FormatResult {
  const m = s.mem;
  const fmtLen = cstrLen(s, fmtAddr);
  if (fmtLen < 0) return { badAddr: -fmtLen - 1 };
  const out: number[] = [];
  const { int32, int64, f64 } = args;
  for (let i = fmtAddr; i < fmtAddr + fmtLen; i++) {
    const ch = m[i]!;
    if (ch !== 37) {
      out.push(ch);
      continue;
    }
    const sp: Spec = {
      minus: false,
      plus: false,
      space: false,
      zero: false,
      alt: false,
      width: -1,
      prec: -1,
      len: '',
    };
    i++;
    for (; ; i++) {
      const f = String.fromCharCode(m[i]!);
      if (f === '-') sp.minus = true;
      else if (f === '+') sp.plus = true;
      else if (f === ' ') sp.space = true;
      else if (f === '0') sp.zero = true;
      else if (f === '#') sp.alt = true;
      else break;
    }
    if (m[i] === 42) {
      sp.width = int32();
      if (sp.width < 0) [sp.minus, sp.width] = [true, -sp.width];
      i++;
    } else while (m[i]! >= 48 && m[i]! <= 57) sp.width = Math.max(0, sp.width) * 10 + m[i++]! - 48;
    if (m[i] === 46) {
      i++;
      sp.prec = 0;
      if (m[i] === 42) {
        sp.prec = int32();
        i++;
      } else while (m[i]! >= 48 && m[i]! <= 57) sp.prec = sp.prec * 10 + m[i++]! - 48;
    }
    if (sp.width > MAX_FIELD || sp.prec > MAX_FIELD) return { overflow: true };
    while ('hlzjtLq'.includes(String.fromCharCode(m[i]!)) && m[i] !== 0)
      sp.len += String.fromCharCode(m[i++]!);
    const conv = String.fromCharCode(m[i]!);
    const wide =
      sp.len === 'l' ||
      sp.len === 'll' ||
      sp.len === 'z' ||
      sp.len === 'j' ||
      sp.len === 't' ||
      sp.len === 'q';
    switch (conv) {
      case 'd':
      case 'i': {
        let v = wide ? int64() : BigInt(int32());
        if (sp.len === 'h') v = BigInt.asIntN(16, v);
        if (sp.len === 'hh') v = BigInt.asIntN(8, v);
        pushText(
          out,
          pad(
            sp,
            numberBody(sp, v < 0n ? (-v).toString() : v.toString(), v === 0n && sp.prec === 0),
            v < 0n ? '-' : sp.plus ? '+' : sp.space ? ' ' : '',
          ),
        );
        break;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        let v = wide ? BigInt.asUintN(64, int64()) : BigInt(int32() >>> 0);
        if (sp.len === 'h') v = BigInt.asUintN(16, v);
        if (sp.len === 'hh') v = BigInt.asUintN(8, v);
        const radix = conv === 'u' ? 10 : conv === 'o' ? 8 : 16;
        let body = v.toString(radix);
        if (conv === 'X') body = body.toUpperCase();
        body = numberBody(sp, body, v === 0n && sp.prec === 0);
        let prefix = '';
        if (sp.alt && conv === 'o' && !body.startsWith('0')) body = '0' + body;
        if (sp.alt && v !== 0n && (conv === 'x' || conv === 'X')) prefix = conv === 'x' ? '0x' : '0X';
        pushText(out, pad(sp, body, prefix));
        break;
      }
      case 'c':
        pushBytes(out, sp, [int32() & 0xff]);
        break;
      case 's': {
        const p = int32() >>> 0;
        if (p === 0) {
          pushBytes(
            out,
            sp,
            Array.from('(null)', (x) => x.charCodeAt(0)).slice(0, sp.prec >= 0 && sp.prec < 6 ? 0 : 6),
          );
          break;
        }
        const n = cstrLenMax(s, p, sp.prec);
        if (n < 0) return { badAddr: -n - 1 };
        pushBytes(out, sp, Array.from(m.subarray(p, p + n)));
        break;
      }
      case 'p': {
        const p = int32() >>> 0;
        pushText(
          out,
          pad({ ...sp, zero: false, prec: -1 }, p === 0 ? '(nil)' : p.toString(16), p === 0 ? '' : '0x'),
        );
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const v = f64();
        pushText(out, formatFloat(sp, conv, v));
        break;
      }
      case '%':
        out.push(37);
        break;
      case 'n':
        int64();
        break;
      default:
        out.push(37, ...Array.from(sp.len + conv, (x) => x.charCodeAt(0)));
    }
  }
  return { bytes: out };
}

function cstrLenMax(s: VmState, p: number, max: number): number {
  if (max < 0) return cstrLen(s, p);
  for (let i = 0; i < max; i++) {
    if (((s.shadow[p + i] ?? 3) & 1) !== 0) return -(p + i + 1);
    if (s.mem[p + i] === 0) return i;
  }
  return max;
}

function numberBody(sp: Spec, digits: string, empty = false): string {
  if (empty) return '';
  if (sp.prec >= 0 && digits.length < sp.prec) return '0'.repeat(sp.prec - digits.length) + digits;
  return digits;
}

function pad(sp: Spec, body: string, prefix: string): string {
  const len = prefix.length + body.length;
  if (sp.width <= len) return prefix + body;
  const fill = sp.width - len;
  if (sp.minus) return prefix + body + ' '.repeat(fill);
  if (sp.zero && sp.prec < 0) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}

function pushText(out: number[], text: string): void {
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
}

function pushBytes(out: number[], sp: Spec, bytes: number[]): void {
  const fill = Math.max(0, sp.width - bytes.length);
  if (!sp.minus) for (let i = 0; i < fill; i++) out.push(32);
  out.push(...bytes);
  if (sp.minus) for (let i = 0; i < fill; i++) out.push(32);
}

function formatFloat(sp: Spec, conv: string, v: number): string {
  const upper = conv === 'F' || conv === 'E' || conv === 'G';
  const sign = v < 0 || Object.is(v, -0) ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  const a = Math.abs(v);
  let body: string;
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? 'nan' : 'inf';
  else {
    const prec = sp.prec < 0 ? 6 : sp.prec;
    const lower = conv.toLowerCase();
    if (lower === 'f') body = toFixed(a, prec);
    else if (lower === 'e') body = toExp(a, prec);
    else {
      const p = prec === 0 ? 1 : prec;
      const exp = a === 0 ? 0 : Math.floor(Math.log10(Number(a.toExponential(p - 1))));
      body = exp < -4 || exp >= p ? toExp(a, p - 1) : toFixed(a, Math.max(0, p - 1 - exp));
      if (!sp.alt) body = body.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
    }
    if (sp.alt && !body.includes('.')) body = body.replace(/^(\d+)/, '$1.');
  }
  if (upper) body = body.toUpperCase();
  const zero = sp.zero && Number.isFinite(a);
  return pad({ ...sp, zero, prec: -1 }, body, sign);
}

function toFixed(a: number, prec: number): string {
  if (a < 1e21 && prec <= 100) return a.toFixed(prec);
  return BigInt(Math.round(a)).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
}

function toExp(a: number, prec: number): string {
  const [m, e] = a.toExponential(Math.min(prec, 100)).split('e') as [string, string];
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}
