// The REPL's address space: every line is compiled to a new program, and the new program's
// state continues the previous one's. Literals and the heap sit at fixed places (REPL_LAYOUT):
// globals keep their addresses because each program only appends globals, each line's
// literals go after the previous lines' ones, and the heap never moves, so every pointer the
// student keeps stays valid. nextState carries memory, its protection map, the heap, stdio
// and libc's bookkeeping over from the previous state.

import type { CompiledProgram } from '../index';
import { createVm } from '../index';
import { DATA_BASE } from '../vm/layout';
import { SH_RO, SH_RW, type VmState } from '../vm/state';

/** REPL_RODATA is where the REPL's literals start; globals must end below it. */
export const REPL_RODATA = 0x80000;
/** REPL_HEAP is where the REPL's heap starts; literals must end below it. */
export const REPL_HEAP = 0x200000;

/** dataEnd is the first address after a program's globals. */
export const dataEnd = (p: CompiledProgram): number => p.chunk.dataBase + p.chunk.data.length;

/** nextState builds the state of `program` continuing `prev` (or a fresh state for the first line). */
export function nextState(
  prev: VmState | undefined,
  program: CompiledProgram,
  argv: readonly string[],
): VmState {
  const fresh = createVm(program, { argv });
  if (prev === undefined) return { ...fresh, libc: { ...fresh.libc, atexit: [] } };
  const end = prev.heap.brk;
  fresh.mem.set(prev.mem.subarray(DATA_BASE, end), DATA_BASE);
  fresh.shadow.set(prev.shadow.subarray(DATA_BASE, end), DATA_BASE);
  const { chunk } = program;
  const oldEnd = prev.chunk.dataBase + prev.chunk.data.length;
  const newEnd = chunk.dataBase + chunk.data.length;
  if (newEnd > oldEnd) {
    fresh.mem.set(chunk.data.subarray(oldEnd - chunk.dataBase), oldEnd);
    fresh.shadow.fill(SH_RW, oldEnd, newEnd);
  }
  fresh.mem.set(chunk.rodata, chunk.rodataBase);
  fresh.shadow.fill(SH_RO, chunk.rodataBase, chunk.rodataBase + chunk.rodata.length);
  const l = prev.libc;
  return {
    ...fresh,
    heap: { ...prev.heap, free: [...prev.heap.free] },
    stdio: { ...prev.stdio, len: 0 },
    libc: {
      stdin: [...l.stdin],
      stdinEof: l.stdinEof,
      handlers: [...l.handlers],
      sigFlags: [...l.sigFlags],
      atexit: [],
      statics: { ...l.statics },
    },
  };
}
