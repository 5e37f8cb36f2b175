// The rest of string.h and strings.h that socket programs use to pick lines and headers apart
// (strspn, strcspn, strpbrk, memchr, strnlen, strndup, strtok, strtok_r, strcasecmp,
// strncasecmp), strtod and atof, and ctype.h in the "C" locale. Reads are checked against the protection map
// like the rest of libc: an overrun faults with its address.
import type { Builtin, Call } from '../vm/views';
import { B_FAULT, argI, argN, argU, retF, retI, retN } from '../vm/views';
import { heapAlloc } from './malloc';
import { badRead, cstrLen, segv } from './mem';
import { setErrno } from './stdio';
import { rd64, wr64 } from './sys';

const ERANGE = 34;
/** DECIMAL and HEX match strtod's numbers after the sign: digits with an optional point and exponent. */
const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const HEX = /^0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)([pP][+-]?\d+)?/;

/** parseDouble reads a double as strtod does: its value and how many characters it used (0: none). */
function parseDouble(t: string): { value: number; used: number; range: boolean } {
  let i = 0;
  while (i < t.length && ' \t\n\r\f\v'.includes(t[i]!)) i++;
  let sign = 1;
  if (t[i] === '+' || t[i] === '-') sign = t[i++] === '-' ? -1 : 1;
  const rest = t.slice(i);
  const word = /^(infinity|inf|nan)/i.exec(rest);
  if (word !== null)
    return {
      value: sign * (word[1]!.toLowerCase() === 'nan' ? NaN : Infinity),
      used: i + word[1]!.length,
      range: false,
    };
  const hex = HEX.exec(rest);
  if (hex !== null) {
    const [int = '', frac = ''] = hex[1]!.split('.');
    const mant = parseInt(int + frac || '0', 16);
    const exp = (hex[2] === undefined ? 0 : Number(hex[2].slice(1))) - 4 * frac.length;
    const value = sign * mant * 2 ** exp;
    return { value, used: i + hex[0].length, range: !Number.isFinite(value) };
  }
  const dec = DECIMAL.exec(rest);
  if (dec === null) return { value: 0, used: 0, range: false };
  const value = sign * Number(dec[0]);
  const tiny = value === 0 && /[1-9]/.test(dec[1]!);
  return { value, used: i + dec[0].length, range: !Number.isFinite(value) || tiny };
}

/** strtod is strtod(3): sets *endptr, and errno ERANGE on overflow (±HUGE_VAL) or underflow (0). */
const strtod: Builtin = (c) => {
  const p = argU(c, 0);
  const text = bytesOf(c, p);
  if (text === undefined) return B_FAULT;
  const r = parseDouble(String.fromCharCode(...text));
  const ep = c.argc > 1 ? argU(c, 1) : 0;
  if (ep !== 0 && !wr64(c, ep, r.used === 0 ? p : p + r.used)) return segv(c, ep);
  if (r.range) setErrno(c.s, ERANGE);
  return retF(c, r.value);
};

/** bytesOf returns the bytes of the C string at p (without its NUL), or undefined after faulting. */
function bytesOf(c: Call, p: number): Uint8Array | undefined {
  const n = cstrLen(c.s, p);
  if (n < 0) {
    segv(c, -n - 1);
    return undefined;
  }
  return c.s.mem.subarray(p, p + n);
}

/** span counts the leading bytes of s that are (inSet) or are not (!inSet) in set. */
function span(c: Call, inSet: boolean): number {
  const s = bytesOf(c, argU(c, 0));
  const set = bytesOf(c, argU(c, 1));
  if (s === undefined || set === undefined) return B_FAULT;
  let i = 0;
  while (i < s.length && set.includes(s[i]!) === inSet) i++;
  return retN(c, i);
}

const lower = (b: number): number => (b >= 65 && b <= 90 ? b + 32 : b);

/** caseCompare compares at most max bytes ignoring ASCII case. */
function caseCompare(c: Call, max: number): number {
  const a = argU(c, 0);
  const b = argU(c, 1);
  for (let i = 0; i < max; i++) {
    if (badRead(c.s, a + i, 1) >= 0) return segv(c, a + i);
    if (badRead(c.s, b + i, 1) >= 0) return segv(c, b + i);
    const x = lower(c.s.mem[a + i]!);
    const y = lower(c.s.mem[b + i]!);
    if (x !== y) return retI(c, x - y);
    if (x === 0) break;
  }
  return retI(c, 0);
}

/** tokenize is strtok_r's work: the next token from `from` (0: continue at *save), or 0. */
function tokenize(c: Call, from: number, delimAddr: number, save: number): number | undefined {
  const delim = bytesOf(c, delimAddr);
  if (delim === undefined) return undefined;
  let p = from === 0 ? save : from;
  if (p === 0) return 0;
  const s = bytesOf(c, p);
  if (s === undefined) return undefined;
  let i = 0;
  while (i < s.length && delim.includes(s[i]!)) i++;
  if (i === s.length) return -p - s.length - 1; // no token: *save = the end
  const start = p + i;
  while (i < s.length && !delim.includes(s[i]!)) i++;
  p += i;
  if (i < s.length) {
    c.s.mem[p] = 0;
    p++;
  }
  c.s.libc.statics['strtok:next'] = p;
  return start;
}

/** strtokResult finishes strtok/strtok_r: stores the save pointer and returns the token. */
function strtokResult(
  c: Call,
  r: number | undefined,
  store: (next: number) => boolean,
  saveAt: number,
): number {
  if (r === undefined) return B_FAULT;
  const next = r < 0 ? -r - 1 : (c.s.libc.statics['strtok:next'] ?? 0);
  if (!store(next)) return segv(c, saveAt);
  return retI(c, r < 0 ? 0 : r);
}

/** ctype answers a classification with glibc's bit for it (e.g. isdigit('5') is 2048), 0 when false or outside ASCII. */
const ctype =
  (bit: number, test: (b: number) => boolean): Builtin =>
  (c) => {
    const v = argI(c, 0);
    return retI(c, v >= 0 && v < 128 && test(v) ? bit : 0);
  };
const isUpper = (b: number) => b >= 65 && b <= 90;
const isLower = (b: number) => b >= 97 && b <= 122;
const isDigit = (b: number) => b >= 48 && b <= 57;
const isAlpha = (b: number) => isUpper(b) || isLower(b);
const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);
const isPrint = (b: number) => b >= 32 && b < 127;
const isPunct = (b: number) => isPrint(b) && b !== 32 && !isAlpha(b) && !isDigit(b);

/** strmoreBuiltins implements the functions above. */
export const strmoreBuiltins: Record<string, Builtin> = {
  strspn: (c) => span(c, true),
  strcspn: (c) => span(c, false),
  strpbrk: (c) => {
    const s = bytesOf(c, argU(c, 0));
    const set = bytesOf(c, argU(c, 1));
    if (s === undefined || set === undefined) return B_FAULT;
    const i = s.findIndex((b) => set.includes(b));
    return retI(c, i < 0 ? 0 : argU(c, 0) + i);
  },
  memchr: (c) => {
    const p = argU(c, 0);
    const want = argI(c, 1) & 0xff;
    const n = argN(c, 2);
    for (let i = 0; i < n; i++) {
      if (badRead(c.s, p + i, 1) >= 0) return segv(c, p + i);
      if (c.s.mem[p + i] === want) return retI(c, p + i);
    }
    return retI(c, 0);
  },
  strnlen: (c) => {
    const p = argU(c, 0);
    const max = argN(c, 1);
    let i = 0;
    for (; i < max; i++) {
      if (badRead(c.s, p + i, 1) >= 0) return segv(c, p + i);
      if (c.s.mem[p + i] === 0) break;
    }
    return retN(c, i);
  },
  strndup: (c) => {
    const src = argU(c, 0);
    const max = argN(c, 1);
    let n = 0;
    for (; n < max; n++) {
      if (badRead(c.s, src + n, 1) >= 0) return segv(c, src + n);
      if (c.s.mem[src + n] === 0) break;
    }
    const p = heapAlloc(c.s, n + 1);
    if (p === 0) return retI(c, 0);
    c.s.mem.copyWithin(p, src, src + n);
    c.s.mem[p + n] = 0;
    return retI(c, p);
  },
  strtod,
  atof: strtod,
  strcasecmp: (c) => caseCompare(c, Infinity),
  strncasecmp: (c) => caseCompare(c, argN(c, 2)),
  strtok: (c) => {
    const r = tokenize(c, argU(c, 0), argU(c, 1), c.s.libc.statics['strtok'] ?? 0);
    const keep = (next: number) => {
      c.s.libc.statics['strtok'] = next;
      return true;
    };
    return strtokResult(c, r, keep, 0);
  },
  strtok_r: (c) => {
    const savePtr = argU(c, 2);
    const save = rd64(c, savePtr);
    if (save === undefined) return segv(c, savePtr);
    const keep = (next: number) => wr64(c, savePtr, next);
    return strtokResult(c, tokenize(c, argU(c, 0), argU(c, 1), save), keep, savePtr);
  },
  isalpha: ctype(1024, isAlpha),
  isdigit: ctype(2048, isDigit),
  isalnum: ctype(8, (b) => isAlpha(b) || isDigit(b)),
  isxdigit: ctype(4096, (b) => isDigit(b) || (lower(b) >= 97 && lower(b) <= 102)),
  isspace: ctype(8192, isSpace),
  isblank: ctype(1, (b) => b === 32 || b === 9),
  isupper: ctype(256, isUpper),
  islower: ctype(512, isLower),
  isprint: ctype(16384, isPrint),
  isgraph: ctype(32768, (b) => isPrint(b) && b !== 32),
  ispunct: ctype(4, isPunct),
  iscntrl: ctype(2, (b) => b < 32 || b === 127),
  toupper: (c) => {
    const v = argI(c, 0);
    return retI(c, isLower(v) ? v - 32 : v);
  },
  tolower: (c) => {
    const v = argI(c, 0);
    return retI(c, isUpper(v) ? v + 32 : v);
  },
};
