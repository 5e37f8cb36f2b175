// stdlib.h's pseudo-random numbers exactly as glibc makes them (rand and random share the
// TYPE_3 additive generator: 31 words, separation 3, seeded by srand/srandom with the
// 16807 multiplier, first 310 outputs discarded; no seed means seed 1), getenv (SockLab's
// programs have an empty environment), and netdb.h's getservbyname, h_errno texts and herror.
import type { Builtin, Call } from '../vm/views';
import { argU, retI, retN } from '../vm/views';
import { cString, putCString, staticBuffer } from './inet';
import { segv } from './mem';
import { SERVICES } from './netdb';
import { output } from './stdio';
import { wr32, wr64 } from './sys';

const DEG = 31;
const SEP = 3;
/** STATE_SIZE is the generator's state in memory: 31 words, then the front and rear indices. */
const STATE_SIZE = DEG * 4 + 8;

/** seedState writes srandom(seed)'s state at p and runs the 310 discarded outputs. */
function seedState(dv: DataView, p: number, seed: number): void {
  let word = seed === 0 ? 1 : seed | 0;
  dv.setInt32(p, word, true);
  for (let i = 1; i < DEG; i++) {
    const hi = Math.trunc(word / 127773);
    const lo = word % 127773;
    word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    dv.setInt32(p + i * 4, word, true);
  }
  dv.setInt32(p + DEG * 4, SEP, true);
  dv.setInt32(p + DEG * 4 + 4, 0, true);
  for (let i = 0; i < DEG * 10; i++) next(dv, p);
}

/** next is random_r: the front word += the rear word, both move on, the result is the sum >> 1. */
function next(dv: DataView, p: number): number {
  const f = dv.getInt32(p + DEG * 4, true);
  const r = dv.getInt32(p + DEG * 4 + 4, true);
  const val = (dv.getUint32(p + f * 4, true) + dv.getUint32(p + r * 4, true)) >>> 0;
  dv.setUint32(p + f * 4, val, true);
  dv.setInt32(p + DEG * 4, (f + 1) % DEG, true);
  dv.setInt32(p + DEG * 4 + 4, (r + 1) % DEG, true);
  return val >>> 1;
}

/** state returns the generator's state in the program's memory, seeding it with 1 the first time. */
function state(c: Call): { dv: DataView; p: number } {
  const fresh = c.s.libc.statics['random'] === undefined;
  const p = staticBuffer(c, 'random', STATE_SIZE);
  const dv = new DataView(c.s.mem.buffer, c.s.mem.byteOffset);
  if (fresh) seedState(dv, p, 1);
  return { dv, p };
}

const draw: Builtin = (c) => {
  const { dv, p } = state(c);
  return retI(c, next(dv, p));
};

const seed: Builtin = (c) => {
  const { dv, p } = state(c);
  seedState(dv, p, argU(c, 0));
  return retI(c, 0);
};

/** H_ERRNO_TEXT is glibc's hstrerror text per h_errno (HOST_NOT_FOUND 1 … NO_DATA 4). */
const H_ERRNO_TEXT = [
  'Resolver Error 0 (no error)',
  'Unknown host',
  'Host name lookup failure',
  'Unknown server error',
  'No address associated with name',
];
const hText = (e: number): string => H_ERRNO_TEXT[e] ?? 'Unknown resolver error';
const hErrno = (c: Call): number =>
  new DataView(c.s.mem.buffer).getInt32(staticBuffer(c, 'h_errno', 4), true);

/** stdlibMoreBuiltins implements the functions above. */
export const stdlibMoreBuiltins: Record<string, Builtin> = {
  rand: draw,
  random: (c) => {
    const { dv, p } = state(c);
    return retN(c, next(dv, p));
  },
  srand: seed,
  srandom: seed,
  getenv: (c) => retI(c, 0),
  hstrerror: (c) => {
    const out = staticBuffer(c, 'hstrerror', 64);
    return putCString(c, out, hText(argU(c, 0) | 0)) ? retI(c, out) : segv(c, out);
  },
  herror: (c) => {
    const p = argU(c, 0);
    const prefix = p === 0 ? '' : cString(c, p);
    if (typeof prefix === 'number') return segv(c, -prefix - 1);
    const text = `${prefix === '' ? '' : `${prefix}: `}${hText(hErrno(c))}\n`;
    return (
      output(
        c,
        2,
        Array.from(text, (ch) => ch.charCodeAt(0) & 0xff),
      ) ?? retI(c, 0)
    );
  },
  getservbyname: (c) => {
    const name = cString(c, argU(c, 0));
    const proto = argU(c, 1) === 0 ? 'tcp' : cString(c, argU(c, 1));
    if (typeof name === 'number' || typeof proto === 'number') return segv(c, argU(c, 0));
    const port = Object.hasOwn(SERVICES, name) ? SERVICES[name] : undefined;
    if (port === undefined || (proto !== 'tcp' && proto !== 'udp')) return retI(c, 0);
    // struct servent { char *s_name; char **s_aliases; int s_port; char *s_proto; } (32 bytes), then the strings.
    const buf = staticBuffer(c, 'servent', 32 + 8 + 64 + 8);
    const nameAt = buf + 40;
    const protoAt = buf + 104;
    const ok =
      putCString(c, nameAt, name.slice(0, 63)) &&
      putCString(c, protoAt, proto) &&
      wr64(c, buf, nameAt) &&
      wr64(c, buf + 8, buf + 32) &&
      wr64(c, buf + 32, 0) &&
      wr32(c, buf + 16, ((port & 0xff) << 8) | (port >> 8)) &&
      wr64(c, buf + 24, protoAt);
    return ok ? retI(c, buf) : segv(c, buf);
  },
};
