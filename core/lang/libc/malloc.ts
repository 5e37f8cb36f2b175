// The heap: malloc/calloc/realloc/free over the program's heap segment. Each block has a
// 16-byte header the program cannot touch (its shadow is a red zone), its slack up to the next
// 16 bytes is a red zone too, and freed blocks are marked so a later access faults as "use
// after free". Freed blocks are reused only when the heap segment is exhausted.
import { makeFault } from '../vm/fault';
import type { VmState } from '../vm/state';
import { SH_FREED, SH_REDZONE, SH_RW } from '../vm/state';
import type { Builtin } from '../vm/views';
import { B_FAULT, argN, argU, retI } from '../vm/views';

const HEADER = 16;
const ALLOC_MAGIC = 0x0a110ca7 | 0;
const FREE_MAGIC = 0x0f4eeb10 | 0;

const round16 = (n: number): number => (n + 15) & ~15;

function header(s: VmState, block: number): DataView {
  return new DataView(s.mem.buffer, s.mem.byteOffset + block - HEADER, HEADER);
}

/** heapAlloc returns a new block of n bytes (not zeroed), or 0 when the heap is exhausted. */
export function heapAlloc(s: VmState, n: number): number {
  if (n < 0 || n > s.heap.limit - s.heap.base) return 0;
  const cap = round16(Math.max(n, 1));
  let block: number;
  let capacity = cap;
  if (s.heap.brk + HEADER + cap <= s.heap.limit) {
    block = s.heap.brk + HEADER;
    s.heap.brk = block + cap;
  } else {
    const i = s.heap.free.findIndex((b) => header(s, b).getUint32(4, true) >= cap);
    if (i < 0) return 0;
    block = s.heap.free.splice(i, 1)[0]!;
    capacity = header(s, block).getUint32(4, true);
  }
  const h = header(s, block);
  h.setUint32(0, n, true);
  h.setUint32(4, capacity, true);
  h.setInt32(8, ALLOC_MAGIC, true);
  s.shadow.fill(SH_REDZONE, block - HEADER, block);
  s.shadow.fill(SH_RW, block, block + n);
  s.shadow.fill(SH_REDZONE, block + n, block + capacity);
  return block;
}

/** heapFree releases a block; it returns a fault reason for a double or invalid free. */
export function heapFree(s: VmState, p: number): 'double-free' | 'invalid-free' | undefined {
  if (p === 0) return undefined;
  if (p < s.heap.base + HEADER || p >= s.heap.brk || (p & 15) !== 0) return 'invalid-free';
  const h = header(s, p);
  const magic = h.getInt32(8, true);
  if (magic === FREE_MAGIC) return 'double-free';
  if (magic !== ALLOC_MAGIC) return 'invalid-free';
  h.setInt32(8, FREE_MAGIC, true);
  s.shadow.fill(SH_FREED, p, p + h.getUint32(4, true));
  s.heap.free.push(p);
  return undefined;
}

/** blockSize is the requested size of a live block. */
export function blockSize(s: VmState, p: number): number {
  return header(s, p).getUint32(0, true);
}

const freeFault = (c: Parameters<Builtin>[0], reason: 'double-free' | 'invalid-free', p: number): number => {
  makeFault(c.s, reason, c.line, p);
  return B_FAULT;
};

/** mallocBuiltins implements malloc, calloc, realloc and free. */
export const mallocBuiltins: Record<string, Builtin> = {
  malloc: (c) => retI(c, heapAlloc(c.s, argN(c, 0))),
  calloc: (c) => {
    const n = argN(c, 0) * argN(c, 1);
    const p = heapAlloc(c.s, n);
    if (p !== 0) c.s.mem.fill(0, p, p + n);
    return retI(c, p);
  },
  realloc: (c) => {
    const old = argU(c, 0);
    const n = argN(c, 1);
    if (old === 0) return retI(c, heapAlloc(c.s, n));
    if (n === 0) {
      const bad = heapFree(c.s, old);
      return bad === undefined ? retI(c, 0) : freeFault(c, bad, old);
    }
    const h = header(c.s, old);
    if (old < c.s.heap.base || old >= c.s.heap.brk || h.getInt32(8, true) !== ALLOC_MAGIC) {
      return freeFault(c, h.getInt32(8, true) === FREE_MAGIC ? 'double-free' : 'invalid-free', old);
    }
    const p = heapAlloc(c.s, n);
    if (p === 0) return retI(c, 0);
    c.s.mem.copyWithin(p, old, old + Math.min(n, blockSize(c.s, old)));
    heapFree(c.s, old);
    return retI(c, p);
  },
  free: (c) => {
    const p = argU(c, 0);
    const bad = heapFree(c.s, p);
    return bad === undefined ? retI(c, 0) : freeFault(c, bad, p);
  },
};
