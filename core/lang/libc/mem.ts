// Checked access to a program's memory for libc built-ins and the host: the same protection
// map the interpreter uses, so a bad pointer passed to strlen faults like a bad dereference.
import type { MemoryAccess } from '../vm/host';
import { makeFault } from '../vm/fault';
import type { VmState } from '../vm/state';
import { SH_FREED } from '../vm/state';
import type { Call } from '../vm/views';
import { B_FAULT } from '../vm/views';

/** badRead returns the first unreadable address in [addr, addr+len), or -1. */
export function badRead(s: VmState, addr: number, len: number): number {
  const sh = s.shadow;
  for (let i = 0; i < len; i++) if (((sh[addr + i] ?? 3) & 1) !== 0) return addr + i;
  return -1;
}

/** badWrite returns the first unwritable address in [addr, addr+len), or -1. */
export function badWrite(s: VmState, addr: number, len: number): number {
  const sh = s.shadow;
  for (let i = 0; i < len; i++) if (((sh[addr + i] ?? 3) & 2) !== 0) return addr + i;
  return -1;
}

/** segv faults the program at a bad address from inside a built-in. */
export function segv(c: Call, addr: number): number {
  makeFault(c.s, c.s.shadow[addr] === SH_FREED ? 'use-after-free' : 'segv', c.line, addr);
  return B_FAULT;
}

/** cstrLen returns a NUL-terminated string's length, or -(bad address + 1) if it runs into unreadable memory. */
export function cstrLen(s: VmState, addr: number): number {
  const sh = s.shadow;
  const m = s.mem;
  for (let i = addr; ; i++) {
    if (((sh[i] ?? 3) & 1) !== 0) return -(i + 1);
    if (m[i] === 0) return i - addr;
  }
}

/** decodeUtf8 decodes bytes as UTF-8 (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let cp = 0xfffd;
    let n = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc0 && b < 0xe0 && i + 1 < bytes.length)
      [cp, n] = [((b & 31) << 6) | (bytes[i + 1]! & 63), 2];
    else if (b >= 0xe0 && b < 0xf0 && i + 2 < bytes.length)
      [cp, n] = [((b & 15) << 12) | ((bytes[i + 1]! & 63) << 6) | (bytes[i + 2]! & 63), 3];
    else if (b >= 0xf0 && i + 3 < bytes.length)
      [cp, n] = [
        ((b & 7) << 18) | ((bytes[i + 1]! & 63) << 12) | ((bytes[i + 2]! & 63) << 6) | (bytes[i + 3]! & 63),
        4,
      ];
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

/** memoryAccess gives the host checked access to a program's memory. */
export function memoryAccess(s: VmState): MemoryAccess {
  return {
    read: (addr, len) => (len < 0 || badRead(s, addr, len) >= 0 ? undefined : s.mem.slice(addr, addr + len)),
    write: (addr, bytes) => {
      if (badWrite(s, addr, bytes.length) >= 0) return false;
      s.mem.set(bytes, addr);
      return true;
    },
    readCString: (addr, max = 4096) => {
      const n = cstrLen(s, addr);
      if (n < 0) return undefined;
      return decodeUtf8(s.mem.subarray(addr, addr + Math.min(n, max)));
    },
  };
}
