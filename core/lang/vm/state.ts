// The whole state of a running C program as plain data: memory and its protection map, the
// operand stack, call frames, registers, heap and stdio bookkeeping. Nothing here holds a
// closure, so a state can be suspended, resumed, inspected and copied by fork().
import type { Chunk } from '../compile/chunk';
import { DEFAULT_MEMORY, DEFAULT_STACK, GUARD } from './layout';

/** Shadow byte values: bit 0 forbids reads, bit 1 forbids writes, bits 2-3 say why. */
export const SH_RW = 0;
export const SH_RO = 2;
export const SH_UNMAPPED = 3;
export const SH_FREED = 7;
export const SH_REDZONE = 11;

/** MAX_FRAMES is the deepest call nesting before "stack overflow". */
export const MAX_FRAMES = 65536;
/** STACK_SLOTS is the operand stack's size in 64-bit slots. */
export const STACK_SLOTS = 1 << 16;

/** Fault is why a program was killed by the VM, with the signal a shell reports. */
export interface Fault {
  readonly signal: number;
  readonly reason:
    | 'segv'
    | 'use-after-free'
    | 'stack-overflow'
    | 'fpe'
    | 'double-free'
    | 'invalid-free'
    | 'abort'
    | 'signal';
  readonly message: string;
  readonly addr?: number;
  readonly line: number;
}

/** VmState is a program's complete execution state. */
export interface VmState {
  readonly chunk: Chunk;
  readonly mem: Uint8Array;
  readonly shadow: Uint8Array;
  /** Operand stack, 8 bytes a slot (viewed as int32 pairs, int64 and double). */
  readonly stack: Float64Array;
  sp: number;
  /** Call frames, 3 words each: return pc, saved fp, saved C stack pointer. */
  readonly frames: Int32Array;
  fsp: number;
  pc: number;
  fp: number;
  csp: number;
  readonly stackLimit: number;
  readonly heap: { base: number; brk: number; limit: number; free: number[] };
  readonly stdio: {
    bufAddr: number;
    len: number;
    size: number;
    lineBuffered: number;
    errAddr: number;
    errnoAddr: number;
  };
  status: 'ready' | 'exited' | 'faulted';
  exitCode: number;
  fault?: Fault;
  /** Stepping: stop when the source line changes; breakpoints: stop on entering these lines. */
  readonly trap: { step: boolean; breakpoints: number[]; lastLine: number };
  /** Instructions executed so far. */
  steps: number;
  readonly symbols: Readonly<Record<string, number>>;
  /** The token of the call the program is blocked in, if any. */
  blockToken?: unknown;
  /** libc's own per-process data (stdin buffer, signal handlers, atexit list, static buffers). */
  readonly libc: LibcState;
}

/** LibcState is libc's per-process bookkeeping, plain data so fork() copies it. */
export interface LibcState {
  /** Bytes read from fd 0 and not consumed yet. */
  stdin: number[];
  /** stdin reached end of file. */
  stdinEof: boolean;
  /** handlers[signo]: 0 default, 1 ignore, else a function address. */
  handlers: number[];
  /** sa_flags per signal, as sigaction set them. */
  sigFlags: number[];
  /** Functions registered with atexit, in registration order. */
  atexit: number[];
  /** Lazily allocated static buffers (inet_ntoa, strerror, gethostbyname), by name. */
  statics: Record<string, number>;
  /** stopRaised: raise() sent this process a stop signal and runs again, to return 0, once it is resumed. */
  stopRaised?: boolean;
}

/** VmOptions size the program's memory and give its arguments. */
export interface VmOptions {
  readonly memorySize?: number;
  readonly stackSize?: number;
  /** argv, argv[0] being the program name. */
  readonly argv?: readonly string[];
  readonly symbols?: ReadonlyMap<string, number>;
}

/** createVm lays out a fresh program: data, literals, stack with argv, and a pc at the entry. */
export function createVm(chunk: Chunk, opts: VmOptions = {}): VmState {
  const stackSize = opts.stackSize ?? DEFAULT_STACK;
  const needed = chunk.heapBase + stackSize + 2 * GUARD + (1 << 20);
  const size = Math.ceil(Math.max(opts.memorySize ?? DEFAULT_MEMORY, needed) / 65536) * 65536;
  const mem = new Uint8Array(size);
  const shadow = new Uint8Array(size).fill(SH_UNMAPPED);
  shadow.fill(SH_RW, chunk.dataBase, chunk.dataBase + chunk.data.length);
  mem.set(chunk.data, chunk.dataBase);
  shadow.fill(SH_RO, chunk.rodataBase, chunk.rodataBase + chunk.rodata.length);
  mem.set(chunk.rodata, chunk.rodataBase);
  const top = size - GUARD;
  const stackLimit = top - stackSize;
  shadow.fill(SH_RW, stackLimit, top);
  const state: VmState = {
    chunk,
    mem,
    shadow,
    stack: new Float64Array(STACK_SLOTS),
    sp: 0,
    frames: new Int32Array(MAX_FRAMES * 3),
    fsp: 0,
    pc: 0,
    fp: top,
    csp: top,
    stackLimit,
    heap: { base: chunk.heapBase, brk: chunk.heapBase, limit: stackLimit - GUARD, free: [] },
    stdio: { bufAddr: 0, len: 0, size: 0, lineBuffered: -1, errAddr: 0, errnoAddr: 0 },
    status: 'ready',
    exitCode: 0,
    trap: { step: false, breakpoints: [], lastLine: 0 },
    steps: 0,
    symbols: Object.fromEntries(opts.symbols ?? []),
    libc: { stdin: [], stdinEof: false, handlers: [], sigFlags: [], atexit: [], statics: {} },
  };
  pushArgv(state, opts.argv ?? ['a.out']);
  return state;
}

function pushArgv(s: VmState, argv: readonly string[]): void {
  const ptrs: number[] = [];
  let at = s.csp;
  for (const a of argv) {
    const bytes = encodeUtf8(a);
    at -= bytes.length + 1;
    s.mem.set(bytes, at);
    s.mem[at + bytes.length] = 0;
    ptrs.push(at);
  }
  at = (at - (ptrs.length + 1) * 8) & ~15;
  const dv = new DataView(s.mem.buffer);
  ptrs.forEach((p, i) => dv.setUint32(at + i * 8, p, true));
  s.csp = at & ~15;
  s.fp = s.csp;
  const si = new Int32Array(s.stack.buffer);
  si[0] = argv.length;
  si[2] = at;
  s.sp = 2;
}

/** encodeUtf8 encodes a string as UTF-8. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** forkVm copies a state for fork(): fresh memory, stacks and frames, the same chunk. */
export function forkVm(s: VmState): VmState {
  return {
    ...s,
    mem: s.mem.slice(),
    shadow: s.shadow.slice(),
    stack: s.stack.slice(),
    frames: s.frames.slice(),
    heap: { ...s.heap, free: [...s.heap.free] },
    stdio: { ...s.stdio },
    trap: { ...s.trap, breakpoints: [...s.trap.breakpoints] },
    libc: {
      ...s.libc,
      stdin: [...s.libc.stdin],
      handlers: [...s.libc.handlers],
      sigFlags: [...s.libc.sigFlags],
      atexit: [...s.libc.atexit],
      statics: { ...s.libc.statics },
    },
  };
}

/** currentLine is the source line of the instruction at the program's pc. */
export function currentLine(s: VmState): number {
  return s.chunk.lines[Math.min(s.pc, s.chunk.lines.length - 1)] ?? 0;
}
