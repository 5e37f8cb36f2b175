// stdin and the errno texts: getchar, fgetc, getc, fgets, scanf and sscanf over a per-process
// input buffer filled by the host's `read` on fd 0 (a read that blocks stops the program
// before anything is consumed, so the retried call sees the same input), and strerror,
// perror and gai_strerror with glibc's texts.
import type { Builtin, Call } from '../vm/views';
import { B_BLOCK, argI, argU, retI } from '../vm/views';
import { cString, putCString, staticBuffer } from './inet';
import { cstrLen, memoryAccess, segv } from './mem';
import { scanBytes } from './scan';
import { gaiText, strerrorText } from './errnoText';
import { flushStdout, output, STREAM_BASE } from './stdio';
import { stackArgs } from './printf';

const CHUNK = 4096;

/** fill reads more of stdin into the buffer: true when something came (or EOF), 'block' to stop. */
function fill(c: Call): boolean | 'block' {
  const st = c.s.libc;
  if (st.stdinEof) return false;
  // glibc flushes line-buffered stdout before it reads stdin.
  if (c.s.stdio.lineBuffered === 1 && !flushStdout(c)) return 'block';
  const buf = staticBuffer(c, 'stdin', CHUNK);
  const r = c.host.syscall('read', [0, buf, CHUNK], memoryAccess(c.s));
  if (typeof r !== 'number') {
    c.s.blockToken = r.block;
    return 'block';
  }
  if (r <= 0) {
    st.stdinEof = true;
    return false;
  }
  st.stdin.push(...c.s.mem.subarray(buf, buf + r));
  return true;
}

const isStdin = (c: Call, i: number): boolean => argU(c, i) === STREAM_BASE;

function getc(c: Call): number {
  const st = c.s.libc;
  if (st.stdin.length === 0) {
    const f = fill(c);
    if (f === 'block') return B_BLOCK;
    if (!f) return retI(c, -1);
  }
  return retI(c, st.stdin.shift()!);
}

const fgets: Builtin = (c) => {
  const dst = argU(c, 0);
  const n = argI(c, 1);
  if (!isStdin(c, 2) || n <= 0) return retI(c, 0);
  const st = c.s.libc;
  for (;;) {
    const nl = st.stdin.indexOf(10);
    if ((nl >= 0 && nl < n - 1) || st.stdin.length >= n - 1) break;
    const f = fill(c);
    if (f === 'block') return B_BLOCK;
    if (!f) break;
  }
  if (st.stdin.length === 0) return retI(c, 0);
  const nl = st.stdin.indexOf(10);
  const take = Math.min(n - 1, nl >= 0 ? nl + 1 : st.stdin.length);
  if (!putCString(c, dst, String.fromCharCode(...st.stdin.slice(0, take)))) return segv(c, dst);
  st.stdin.splice(0, take);
  return retI(c, dst);
};

function scanWith(
  c: Call,
  fmtArg: number,
  input: () => Uint8Array | undefined,
  more: () => boolean | 'block',
): number {
  const fmtAddr = argU(c, fmtArg);
  const fl = cstrLen(c.s, fmtAddr);
  if (fl < 0) return segv(c, -fl - 1);
  const fmt = c.s.mem.slice(fmtAddr, fmtAddr + fl);
  for (;;) {
    const bytes = input();
    if (bytes === undefined) return retI(c, -1);
    const args = stackArgs(c.s, c.base + fmtArg + 1);
    const r = scanBytes(c.s, fmt, bytes, () => args.int32() >>> 0);
    if (r.badAddr !== undefined) return segv(c, r.badAddr);
    if (r.starved) {
      const m = more();
      if (m === 'block') return B_BLOCK;
      if (m) continue;
    }
    if (fmtArg === 0) c.s.libc.stdin.splice(0, r.used);
    return retI(c, r.eof ? -1 : r.count);
  }
}

/** stdinBuiltins implements stdin reading, sscanf and the errno texts. */
export const stdinBuiltins: Record<string, Builtin> = {
  getchar: getc,
  fgetc: (c) => (isStdin(c, 0) ? getc(c) : retI(c, -1)),
  getc: (c) => (isStdin(c, 0) ? getc(c) : retI(c, -1)),
  fgets,
  scanf: (c) =>
    scanWith(
      c,
      0,
      () => Uint8Array.from(c.s.libc.stdin),
      () => fill(c),
    ),
  sscanf: (c) => {
    const text = argU(c, 0);
    const n = cstrLen(c.s, text);
    if (n < 0) return segv(c, -n - 1);
    return scanWith(
      c,
      1,
      () => c.s.mem.slice(text, text + n),
      () => false,
    );
  },
  strerror: (c) => {
    const buf = staticBuffer(c, 'strerror', 64);
    putCString(c, buf, strerrorText(argI(c, 0)));
    return retI(c, buf);
  },
  gai_strerror: (c) => {
    const buf = staticBuffer(c, 'gai_strerror', 64);
    putCString(c, buf, gaiText(argI(c, 0)));
    return retI(c, buf);
  },
  perror: (c) => {
    const errno = new DataView(c.s.mem.buffer).getInt32(c.s.stdio.errnoAddr, true);
    const p = argU(c, 0);
    const prefix = p === 0 ? '' : cString(c, p);
    if (typeof prefix === 'number') return segv(c, -prefix - 1);
    const text = `${prefix === '' ? '' : `${prefix}: `}${strerrorText(errno)}\n`;
    return (
      output(
        c,
        2,
        Array.from(text, (ch) => ch.charCodeAt(0) & 0xff),
      ) ?? retI(c, 0)
    );
  },
};
