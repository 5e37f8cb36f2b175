// time.h's calendar functions, in UTC (the simulated hosts' time zone): gmtime and localtime
// fill glibc's struct tm (9 ints, then tm_gmtoff at 40 and tm_zone at 48; 56 bytes), mktime and
// timegm go back, asctime/ctime print "Mon Jan  1 00:00:00 2024\n", strftime formats the C
// locale's conversions, and difftime and clock (processor time: each VM instruction counts 1 ns). Static results live in per-process buffers.
import type { Builtin, Call } from '../vm/views';
import { B_FAULT, argN, argU, retF, retI, retN } from '../vm/views';
import { cString, putCString, staticBuffer } from './inet';
import { segv } from './mem';
import { rd32, rd64, wr32, wr64, writeBytes } from './sys';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const TM_SIZE = 56;

/** Tm is struct tm's integer fields. */
interface Tm {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  mon: number;
  year: number;
  wday: number;
  yday: number;
  isdst: number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** daysFromCivil counts days from 1970-01-01 to year-month-day (month 1-12), proleptic Gregorian. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** breakDown turns seconds since the epoch into UTC calendar fields. */
function breakDown(t: number): Tm {
  const days = Math.floor(t / 86400);
  const rest = t - days * 86400;
  let y = 1970;
  let d = days;
  while (d < 0) d += isLeap(--y) ? 366 : 365;
  while (d >= (isLeap(y) ? 366 : 365)) d -= isLeap(y++) ? 366 : 365;
  const yday = d;
  let mon = 0;
  for (;;) {
    const len = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mon]!;
    if (d < len) break;
    d -= len;
    mon++;
  }
  return {
    sec: rest % 60,
    min: Math.floor(rest / 60) % 60,
    hour: Math.floor(rest / 3600),
    mday: d + 1,
    mon,
    year: y - 1900,
    wday: (((days + 4) % 7) + 7) % 7,
    yday,
    isdst: 0,
  };
}

function readTm(c: Call, p: number): Tm | undefined {
  const f = [0, 4, 8, 12, 16, 20, 24, 28, 32].map((o) => rd32(c, p + o));
  if (f.some((x) => x === undefined)) return undefined;
  const [sec, min, hour, mday, mon, year, wday, yday, isdst] = f as number[];
  return {
    sec: sec!,
    min: min!,
    hour: hour!,
    mday: mday!,
    mon: mon!,
    year: year!,
    wday: wday!,
    yday: yday!,
    isdst: isdst!,
  };
}

function writeTm(c: Call, p: number, tm: Tm, zone: string): boolean {
  const vals = [tm.sec, tm.min, tm.hour, tm.mday, tm.mon, tm.year, tm.wday, tm.yday, tm.isdst];
  if (!vals.every((v, i) => wr32(c, p + i * 4, v))) return false;
  const z = staticBuffer(c, `tz:${zone}`, zone.length + 1);
  return putCString(c, z, zone) && wr64(c, p + 40, 0) && wr64(c, p + 48, z);
}

/** toTime is mktime/timegm: normalizes the fields (rolling over months, days …) and returns seconds since the epoch. */
function toTime(tm: Tm): number {
  const monthsTotal = tm.year * 12 + tm.mon;
  const y = 1900 + Math.floor(monthsTotal / 12);
  const m = (((monthsTotal % 12) + 12) % 12) + 1;
  const days = daysFromCivil(y, m, 1) + tm.mday - 1;
  return days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
}

const pad = (n: number, w: number, ch = '0'): string => String(n).padStart(w, ch);

/** asctimeText is asctime's "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n". */
function asctimeText(tm: Tm): string {
  const day = DAYS[tm.wday]?.slice(0, 3) ?? '???';
  const mon = MONTHS[tm.mon]?.slice(0, 3) ?? '???';
  return `${day} ${mon}${pad(tm.mday, 3, ' ')} ${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${tm.year + 1900}\n`;
}

/** strftimeText formats tm with the C locale's conversions; unknown ones are copied as written. */
function strftimeText(fmt: string, tm: Tm, zone: string): string {
  const conv: Record<string, () => string> = {
    a: () => DAYS[tm.wday]?.slice(0, 3) ?? '?',
    A: () => DAYS[tm.wday] ?? '?',
    b: () => MONTHS[tm.mon]?.slice(0, 3) ?? '?',
    h: () => MONTHS[tm.mon]?.slice(0, 3) ?? '?',
    B: () => MONTHS[tm.mon] ?? '?',
    c: () => asctimeText(tm).slice(0, -1),
    C: () => pad(Math.floor((tm.year + 1900) / 100), 2),
    d: () => pad(tm.mday, 2),
    D: () => strftimeText('%m/%d/%y', tm, zone),
    e: () => pad(tm.mday, 2, ' '),
    F: () => strftimeText('%Y-%m-%d', tm, zone),
    H: () => pad(tm.hour, 2),
    I: () => pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2),
    j: () => pad(tm.yday + 1, 3),
    m: () => pad(tm.mon + 1, 2),
    M: () => pad(tm.min, 2),
    n: () => '\n',
    p: () => (tm.hour < 12 ? 'AM' : 'PM'),
    R: () => strftimeText('%H:%M', tm, zone),
    s: () => String(toTime(tm)),
    S: () => pad(tm.sec, 2),
    t: () => '\t',
    T: () => strftimeText('%H:%M:%S', tm, zone),
    u: () => String(tm.wday === 0 ? 7 : tm.wday),
    w: () => String(tm.wday),
    x: () => strftimeText('%m/%d/%y', tm, zone),
    X: () => strftimeText('%H:%M:%S', tm, zone),
    y: () => pad((tm.year + 1900) % 100, 2),
    Y: () => String(tm.year + 1900),
    z: () => '+0000',
    Z: () => zone,
    '%': () => '%',
  };
  return fmt.replace(/%([a-zA-Z%])/g, (whole, k: string) => conv[k]?.() ?? whole);
}

/** timeArg reads the time_t that argument 0 points to, or faults the program (undefined). */
function timeArg(c: Call): number | undefined {
  const p = argU(c, 0);
  const t = rd64(c, p);
  if (t === undefined) segv(c, p);
  return t;
}

function brokenDown(zone: string): Builtin {
  return (c) => {
    const t = timeArg(c);
    if (t === undefined) return B_FAULT;
    const out = staticBuffer(c, 'tm', TM_SIZE);
    return writeTm(c, out, breakDown(t), zone) ? retI(c, out) : segv(c, out);
  };
}

/** timeFmtBuiltins implements the functions above. */
export const timeFmtBuiltins: Record<string, Builtin> = {
  gmtime: brokenDown('GMT'),
  localtime: brokenDown('UTC'),
  gmtime_r: (c) => {
    const t = timeArg(c);
    if (t === undefined) return B_FAULT;
    return writeTm(c, argU(c, 1), breakDown(t), 'GMT') ? retI(c, argU(c, 1)) : segv(c, argU(c, 1));
  },
  localtime_r: (c) => {
    const t = timeArg(c);
    if (t === undefined) return B_FAULT;
    return writeTm(c, argU(c, 1), breakDown(t), 'UTC') ? retI(c, argU(c, 1)) : segv(c, argU(c, 1));
  },
  mktime: (c) => {
    const p = argU(c, 0);
    const tm = readTm(c, p);
    if (tm === undefined) return segv(c, p);
    const t = toTime(tm);
    return writeTm(c, p, breakDown(t), 'UTC') ? retN(c, t) : segv(c, p);
  },
  timegm: (c) => {
    const tm = readTm(c, argU(c, 0));
    return tm === undefined ? segv(c, argU(c, 0)) : retN(c, toTime(tm));
  },
  asctime: (c) => {
    const tm = readTm(c, argU(c, 0));
    if (tm === undefined) return segv(c, argU(c, 0));
    const out = staticBuffer(c, 'asctime', 26);
    return putCString(c, out, asctimeText(tm)) ? retI(c, out) : segv(c, out);
  },
  ctime: (c) => {
    const t = timeArg(c);
    if (t === undefined) return B_FAULT;
    const out = staticBuffer(c, 'asctime', 26);
    return putCString(c, out, asctimeText(breakDown(t))) ? retI(c, out) : segv(c, out);
  },
  strftime: (c) => {
    const fmt = cString(c, argU(c, 2));
    if (typeof fmt === 'number') return segv(c, -fmt - 1);
    const tm = readTm(c, argU(c, 3));
    if (tm === undefined) return segv(c, argU(c, 3));
    const zone = rd64(c, argU(c, 3) + 48);
    const zoneName = zone === undefined || zone === 0 ? 'GMT' : cString(c, zone);
    const text = strftimeText(fmt, tm, typeof zoneName === 'string' ? zoneName : 'GMT');
    const max = argN(c, 1);
    if (text.length + 1 > max) return retN(c, 0);
    const bytes = Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
    return writeBytes(c, argU(c, 0), [...bytes, 0]) ? retN(c, bytes.length) : segv(c, argU(c, 0));
  },
  difftime: (c) => retF(c, argN(c, 0) - argN(c, 1)),
  // clock is the processor time used, in microseconds: SockLab counts each VM instruction as 1 ns.
  clock: (c) => retN(c, Math.floor(c.s.steps / 1000)),
};
