// The compiler: lays out static data, turns the checked program into one bytecode chunk with a
// line table, links calls to program functions or libc built-ins, and builds the initial data
// images. Entry: compile().
import type { Diagnostic } from '../diagnostics/diagnostic';
import { Reporter } from '../diagnostics/catalogue';
import type { FuncSym, GlobalVar, Program, TExpr } from '../check/ir';
import { langMessages } from '../messages';
import { alignOf, alignUp, sizeOf } from '../types/types';
import { BUILTIN_BASE, DATA_BASE, FUNC_BASE, pageUp } from '../vm/layout';
import type { Chunk, FuncInfo } from './chunk';
import { Emitter } from './emit';
import { ExprGen } from './genExpr';
import type { Linker } from './genExpr';
import { FuncGen } from './genStmt';

export type { Chunk, FuncInfo } from './chunk';
export { disassemble } from './chunk';

/** CompileOptions say which file the program came from and which libc functions exist. */
export interface CompileOptions {
  readonly file: string;
  /** isBuiltin tells whether SockLab's libc provides a function of this name. */
  readonly isBuiltin: (name: string) => boolean;
  /** layout places read-only data and the heap at fixed addresses (the REPL keeps them across lines) instead of right after the data. */
  readonly layout?: FixedLayout;
}

/** FixedLayout is where read-only literals start and where the heap starts. */
export interface FixedLayout {
  readonly rodataBase: number;
  readonly heapBase: number;
}

/** CompileResult is the chunk (absent after a link error) and the diagnostics. */
export interface CompileResult {
  readonly chunk?: Chunk;
  /** globals maps each static object's name to its address (libc finds `errno` here). */
  readonly symbols?: ReadonlyMap<string, number>;
  readonly diagnostics: Diagnostic[];
}

/** compile turns a checked program into a chunk. */
export function compile(program: Program, opts: CompileOptions): CompileResult {
  const rep = new Reporter(langMessages);
  const where = { file: opts.file, line: 1, col: 1 };
  const defined = program.funcs.filter((f) => f.body !== undefined);
  const index = new Map<FuncSym, number>(defined.map((f, i) => [f, i]));
  const main = defined.find((f) => f.name === 'main');
  if (main === undefined) {
    rep.report('undefined-reference', where, { args: { name: 'main' } });
    return { diagnostics: rep.diagnostics };
  }
  const addrs = new Map<GlobalVar, number>();
  let dataEnd = DATA_BASE;
  for (const g of program.globals) {
    dataEnd = alignUp(dataEnd, Math.max(alignOf(g.type), sizeOf(g.type) >= 16 ? 16 : 1));
    addrs.set(g, dataEnd);
    dataEnd += Math.max(1, sizeOf(g.type));
  }
  const rodataBase = opts.layout?.rodataBase ?? pageUp(dataEnd + 1);
  const em = new Emitter(rodataBase);
  const builtins: string[] = [];
  const missing = new Set<string>();
  const link: Linker = {
    funcIndex: (f) => index.get(f),
    builtinIndex: (name) => {
      if (!opts.isBuiltin(name) && !missing.has(name)) {
        missing.add(name);
        rep.report('undefined-reference', { ...where, line: em.line }, { args: { name } });
      }
      let i = builtins.indexOf(name);
      if (i < 0) i = builtins.push(name) - 1;
      return i;
    },
    globalAddr: (g) => addrs.get(g)!,
    sretOffset: () => 0,
  };
  const gen = new ExprGen(em, link);
  em.line = 0;
  em.emit('CALL', index.get(main)!, main.type.params.length);
  if (main.type.ret.k === 'void') em.constI(0);
  else em.convert(main.type.ret, { k: 'int', size: 4, signed: true, name: 'int' });
  em.emit('CALLB', link.builtinIndex('exit'), 1);
  const funcs: FuncInfo[] = [];
  for (const f of defined) {
    const sret = f.type.ret.k === 'struct' ? alignUp(f.frameSize, 8) : undefined;
    const frame = sret === undefined ? f.frameSize : sret + 8;
    funcs.push({ name: f.name, entry: em.label(), line: f.line });
    new FuncGen(gen, f, sret).emit(alignUp(frame, 16));
  }
  const data = new Uint8Array(dataEnd - DATA_BASE);
  const staticGen = new StaticData(em, link, data);
  for (const g of program.globals)
    for (const op of g.init ?? []) staticGen.write(addrs.get(g)! - DATA_BASE + op.off, op.ty, op.e);
  if (rep.errorCount > 0) return { diagnostics: rep.diagnostics };
  const symbols = new Map<string, number>();
  for (const [g, a] of addrs) symbols.set(g.name, a);
  const chunk: Chunk = {
    code: Int32Array.from(em.code),
    lines: Int32Array.from(em.lines),
    floats: Float64Array.from(em.floats),
    funcs,
    builtins,
    rodata: Uint8Array.from(em.rodata),
    rodataBase,
    data,
    dataBase: DATA_BASE,
    heapBase: opts.layout?.heapBase ?? pageUp(rodataBase + em.rodata.length + 1),
    file: opts.file,
  };
  return { chunk, symbols, diagnostics: rep.diagnostics };
}

/** StaticData evaluates constant initializers into the static data image. */
class StaticData {
  private readonly view: DataView;
  constructor(
    private readonly em: Emitter,
    private readonly link: Linker,
    private readonly data: Uint8Array,
  ) {
    this.view = new DataView(data.buffer);
  }

  write(at: number, ty: GlobalVar['type'], e: TExpr): void {
    if (ty.k === 'array' && e.k === 'str') {
      this.data.set(e.bytes.slice(0, sizeOf(ty)), at);
      return;
    }
    const v = this.value(e);
    if (ty.k === 'float') {
      const n = typeof v === 'number' ? v : Number(v);
      if (ty.size === 4) this.view.setFloat32(at, n, true);
      else this.view.setFloat64(at, n, true);
      return;
    }
    let big = typeof v === 'number' ? BigInt(Math.trunc(v)) : v;
    const size = sizeOf(ty);
    if (ty.k === 'int' && ty.bitField !== undefined) {
      // a bit-field shares its storage unit: merge its bits into what is there
      const { width, shift } = ty.bitField;
      const mask = ((1n << BigInt(width)) - 1n) << BigInt(shift);
      let old = 0n;
      for (let i = 0; i < size; i++) old |= BigInt(this.data[at + i]!) << BigInt(8 * i);
      big = (old & ~mask) | ((big << BigInt(shift)) & mask);
    }
    for (let i = 0; i < size; i++) this.data[at + i] = Number((big >> BigInt(8 * i)) & 0xffn);
  }

  private value(e: TExpr): bigint | number {
    switch (e.k) {
      case 'const':
        return e.v;
      case 'fconst':
        return e.v;
      case 'addr':
        return BigInt(this.addr(e.e));
      case 'cast': {
        const v = this.value(e.e);
        if (e.ty.k === 'float') return Number(v);
        return typeof v === 'number' ? BigInt(Math.trunc(v)) : v;
      }
      case 'ptradd': {
        const p = this.value(e.p);
        const i = this.value(e.i);
        return BigInt(p) + BigInt(i) * BigInt(e.scale);
      }
      default:
        return 0n;
    }
  }

  private addr(e: TExpr): number {
    switch (e.k) {
      case 'global':
        return this.link.globalAddr(e.g);
      case 'str':
        return this.em.str(e.bytes);
      case 'func': {
        const i = this.link.funcIndex(e.f);
        return i !== undefined ? FUNC_BASE + i : BUILTIN_BASE + this.link.builtinIndex(e.f.name);
      }
      case 'member':
        return this.addr(e.e) + e.off;
      case 'deref':
        return Number(this.value(e.p));
      default:
        return 0;
    }
  }
}
