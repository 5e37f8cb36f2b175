// stdio without an OS of its own: printf and friends format in TypeScript; output to stdout
// goes through a buffer in the program's memory (line-buffered on a terminal, fully buffered
// otherwise, as glibc) and reaches the kernel through the host's `write`. A call that must
// block returns before changing anything, so re-running it after the wake-up is safe.
import type { VmState } from '../vm/state';
import type { Builtin, Call } from '../vm/views';
import { B_BLOCK, B_EXIT, argI, argN, argU, retI } from '../vm/views';
import { heapAlloc } from './malloc';
import { badWrite, cstrLen, memoryAccess, segv } from './mem';
import { formatPrintf, stackArgs, vaArgs } from './printf';

/** STREAM_BASE is the fake address of stdin; stdout and stderr follow (FILE is opaque). */
export const STREAM_BASE = 0xf00;
const BUF = 4096;

/** stdioInit reserves the stdio buffers and errno and sets stdin/stdout/stderr if declared. */
export function stdioInit(s: VmState): void {
  s.stdio.bufAddr = heapAlloc(s, BUF);
  s.stdio.errAddr = heapAlloc(s, BUF);
  s.stdio.size = BUF;
  s.stdio.errnoAddr = s.symbols['errno'] ?? heapAlloc(s, 8);
  const dv = new DataView(s.mem.buffer);
  ['stdin', 'stdout', 'stderr'].forEach((name, i) => {
    const at = s.symbols[name];
    if (at !== undefined) dv.setUint32(at, STREAM_BASE + i, true);
  });
}

/** setErrno stores errno. */
export function setErrno(s: VmState, e: number): void {
  new DataView(s.mem.buffer).setInt32(s.stdio.errnoAddr, e, true);
}

/** writeAll writes bytes already in program memory to fd; false means the host said block. */
function writeAll(c: Call, fd: number, addr: number, len: number): boolean | number {
  let done = 0;
  while (done < len) {
    const r = c.host.syscall('write', [fd, addr + done, len - done], memoryAccess(c.s));
    if (typeof r !== 'number') {
      c.s.blockToken = r.block;
      if (done > 0) c.s.mem.copyWithin(addr, addr + done, addr + len);
      return done;
    }
    if (r < 0) return -1;
    done += r;
  }
  return true;
}

/** flushStdout writes out the stdout buffer; false means it would block. */
export function flushStdout(c: Call): boolean {
  const st = c.s.stdio;
  if (st.len === 0) return true;
  const r = writeAll(c, 1, st.bufAddr, st.len);
  if (r === true || r === -1) {
    st.len = 0;
    return true;
  }
  st.len -= r as number;
  return false;
}

/** output sends bytes to a stream fd; it returns a block status or undefined when done. */
export function output(c: Call, fd: number, bytes: number[]): number | undefined {
  const st = c.s.stdio;
  if (fd === 1) {
    if (st.lineBuffered < 0) st.lineBuffered = c.host.syscall('isatty', [1], memoryAccess(c.s)) === 1 ? 1 : 0;
    if (st.len + bytes.length > st.size && !flushStdout(c)) return B_BLOCK;
    for (let i = 0; i < bytes.length; i += st.size) {
      const part = bytes.slice(i, i + st.size);
      if (st.len + part.length > st.size && !flushStdout(c)) return B_BLOCK;
      c.s.mem.set(part, st.bufAddr + st.len);
      st.len += part.length;
    }
    if (st.lineBuffered === 1 && bytes.includes(10)) flushStdout(c);
    return undefined;
  }
  if (fd === 2 && c.s.stdio.len > 0 && !flushStdout(c)) return B_BLOCK;
  for (let i = 0; i < bytes.length; i += BUF) {
    const part = bytes.slice(i, i + BUF);
    c.s.mem.set(part, st.errAddr);
    const r = writeAll(c, fd, st.errAddr, part.length);
    if (r !== true && r !== -1) return i === 0 && r === 0 ? B_BLOCK : undefined;
  }
  return undefined;
}

const streamFd = (p: number): number => (p >= STREAM_BASE && p < STREAM_BASE + 3 ? p - STREAM_BASE : -1);

/** overflow fails a printf-family call as glibc does for a field wider than it can format: errno EOVERFLOW, -1. */
function overflow(c: Call): number {
  setErrno(c.s, 75);
  return retI(c, -1);
}

function printTo(c: Call, fd: number, fmtArg: number, va = false): number {
  const args = va ? vaArgs(c.s, argU(c, fmtArg + 1)) : stackArgs(c.s, c.base + fmtArg + 1);
  const r = formatPrintf(c.s, argU(c, fmtArg), args);
  if ('badAddr' in r) return segv(c, r.badAddr);
  if ('overflow' in r) return overflow(c);
  if (fd < 0) return retI(c, -1);
  return output(c, fd, r.bytes) ?? retI(c, r.bytes.length);
}

function printToBuffer(c: Call, cap: number, fmtArg: number, va: boolean): number {
  const args = va ? vaArgs(c.s, argU(c, fmtArg + 1)) : stackArgs(c.s, c.base + fmtArg + 1);
  const r = formatPrintf(c.s, argU(c, fmtArg), args);
  if ('badAddr' in r) return segv(c, r.badAddr);
  if ('overflow' in r) return overflow(c);
  return toBuffer(c, argU(c, 0), r.bytes, cap) ?? retI(c, r.bytes.length);
}

function text(c: Call, i: number): number[] | number {
  const p = argU(c, i);
  const n = cstrLen(c.s, p);
  if (n < 0) return -n - 1;
  return Array.from(c.s.mem.subarray(p, p + n));
}

function toBuffer(c: Call, dst: number, bytes: number[], cap: number): number | undefined {
  const n = Math.min(bytes.length, Math.max(0, cap - 1));
  if (cap <= 0) return undefined;
  const bad = badWrite(c.s, dst, n + 1);
  if (bad >= 0) return segv(c, bad);
  c.s.mem.set(bytes.slice(0, n), dst);
  c.s.mem[dst + n] = 0;
  return undefined;
}

/** stdioBuiltins implements the printf family, puts, putchar, fputs and fflush (exit is in proc.ts). */
export const stdioBuiltins: Record<string, Builtin> = {
  printf: (c) => printTo(c, 1, 0),
  fprintf: (c) => printTo(c, streamFd(argU(c, 0)), 1),
  dprintf: (c) => printTo(c, argI(c, 0), 1),
  sprintf: (c) => printToBuffer(c, Infinity, 1, false),
  snprintf: (c) => printToBuffer(c, argN(c, 1), 2, false),
  vprintf: (c) => printTo(c, 1, 0, true),
  vfprintf: (c) => printTo(c, streamFd(argU(c, 0)), 1, true),
  vdprintf: (c) => printTo(c, argI(c, 0), 1, true),
  vsprintf: (c) => printToBuffer(c, Infinity, 1, true),
  vsnprintf: (c) => printToBuffer(c, argN(c, 1), 2, true),
  puts: (c) => {
    const t = text(c, 0);
    if (typeof t === 'number') return segv(c, t);
    return output(c, 1, [...t, 10]) ?? retI(c, t.length + 1);
  },
  putchar: (c) => output(c, 1, [argI(c, 0) & 0xff]) ?? retI(c, argI(c, 0) & 0xff),
  fputc: (c) => output(c, streamFd(argU(c, 1)), [argI(c, 0) & 0xff]) ?? retI(c, argI(c, 0) & 0xff),
  putc: (c) => output(c, streamFd(argU(c, 1)), [argI(c, 0) & 0xff]) ?? retI(c, argI(c, 0) & 0xff),
  fputs: (c) => {
    const t = text(c, 0);
    if (typeof t === 'number') return segv(c, t);
    return output(c, streamFd(argU(c, 1)), t) ?? retI(c, t.length);
  },
  fflush: (c) => (flushStdout(c) ? retI(c, 0) : B_BLOCK),
  __errno_location: (c) => retI(c, c.s.stdio.errnoAddr),
  _exit: (c) => {
    c.s.exitCode = argI(c, 0) & 0xff;
    return B_EXIT;
  },
};
