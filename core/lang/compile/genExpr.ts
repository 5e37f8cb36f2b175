// Code generation for checked expressions: values, addresses of lvalues, conditions, calls.
import type { FuncSym, GlobalVar, InitOp, TExpr } from '../check/ir';
import type { CType } from '../types/types';
import { sizeOf } from '../types/types';
import { BUILTIN_BASE, FUNC_BASE } from '../vm/layout';
import type { Cls, Emitter } from './emit';
import { clsOf } from './emit';

const ARITH: Record<string, string> = {
  '+': 'ADD',
  '-': 'SUB',
  '*': 'MUL',
  '/': 'DIV',
  '%': 'MOD',
  '&': 'AND',
  '|': 'OR',
  '^': 'XOR',
  '<<': 'SHL',
  '>>': 'SHR',
};
const CMP: Record<string, string> = { '==': 'EQ', '!=': 'NE', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' };

/** Linker answers where functions and globals live. */
export interface Linker {
  funcIndex(f: FuncSym): number | undefined;
  builtinIndex(name: string): number;
  globalAddr(g: GlobalVar): number;
  sretOffset(): number;
}

/** ExprGen emits code for expressions. */
export class ExprGen {
  constructor(
    readonly em: Emitter,
    readonly link: Linker,
  ) {}

  private arithOp(op: string, t: CType): string {
    const base = ARITH[op]!;
    const c = clsOf(t);
    const uns = t.k === 'int' && !t.signed;
    if (c === 'F') return `${base}_F`;
    if (c === 'L') return (op === '/' || op === '%' || op === '>>') && uns ? `${base}_UL` : `${base}_L`;
    return (op === '/' || op === '%' || op === '>>') && uns ? `${base}_U` : `${base}_I`;
  }

  private cmpOp(op: string, t: CType): string {
    const base = CMP[op]!;
    const c: Cls = clsOf(t);
    const uns = (t.k === 'int' && !t.signed) || c === 'P';
    const rel = op !== '==' && op !== '!=';
    if (c === 'F') return `${base}_F`;
    if (c === 'L') return rel && uns ? `${base}_UL` : `${base}_L`;
    return rel && uns ? `${base}_U` : `${base}_I`;
  }

  /** drop evaluates an expression for its side effects only. */
  drop(e: TExpr): void {
    this.em.line = e.line || this.em.line;
    if (e.k === 'assign' && e.lv.k === 'local' && e.lv.ty.k === 'int' && e.lv.ty.size === 4) {
      this.value(e.r);
      this.em.emit('SETL_I32', e.lv.off);
      return;
    }
    const int4Local = (x: TExpr): x is Extract<TExpr, { k: 'local' }> =>
      x.k === 'local' && x.ty.k === 'int' && x.ty.size === 4;
    if (e.k === 'incdec' && int4Local(e.lv)) return void this.em.emit('INCL_I32', e.lv.off, e.delta);
    if (e.k === 'opassign' && int4Local(e.lv) && e.opTy.k === 'int' && e.opTy.size === 4) {
      this.em.emit('LOADL_I32', e.lv.off);
      this.value(e.r);
      this.em.emit(this.arithOp(e.op, e.opTy));
      return void this.em.emit('SETL_I32', e.lv.off);
    }
    if (e.k === 'incdec') {
      this.incdec({ ...e, pre: true });
      this.em.emit('POP');
      return;
    }
    if (e.k === 'cast' && e.ty.k === 'void') return this.drop(e.e);
    if (e.k === 'comma') {
      this.drop(e.l);
      this.drop(e.r);
      return;
    }
    this.value(e);
    if (e.ty.k !== 'void') this.em.emit('POP');
  }

  /** cond pushes an int that is non-zero when the scalar expression is true. */
  cond(e: TExpr): void {
    this.value(e);
    this.em.truth(e.ty);
  }

  /** value pushes the value of an expression (aggregates push their address). */
  value(e: TExpr): void {
    const em = this.em;
    switch (e.k) {
      case 'const':
        return em.constOf(e.v, e.ty);
      case 'fconst':
        return em.constF(e.v);
      case 'local':
        if (e.ty.k === 'int' && e.ty.size === 4) return void em.emit('LOADL_I32', e.off);
        if (e.ty.k === 'int' && e.ty.size === 8) return void em.emit('LOADL_I64', e.off);
        if (e.ty.k === 'ptr') return void em.emit('LOADL_PTR', e.off);
        this.addr(e);
        return em.load(e.ty);
      case 'str':
      case 'global':
      case 'deref':
      case 'member':
      case 'compound':
      case 'func':
        this.addr(e);
        return em.load(e.ty);
      case 'addr':
        return this.addr(e.e);
      case 'cast':
        this.value(e.e);
        if (e.ty.k === 'void') {
          if (e.e.ty.k !== 'void') em.emit('POP');
          return;
        }
        return em.convert(e.e.ty, e.ty);
      case 'bin':
        this.value(e.l);
        this.value(e.r);
        return void em.emit(this.arithOp(e.op, e.ty));
      case 'cmp':
        this.value(e.l);
        this.value(e.r);
        return void em.emit(this.cmpOp(e.op, e.l.ty));
      case 'ptradd':
        this.value(e.p);
        this.value(e.i);
        return void em.emit('PADD', e.scale);
      case 'ptrdiff':
        this.value(e.l);
        this.value(e.r);
        return void em.emit('PDIFF', e.scale);
      case 'un': {
        this.value(e.e);
        const c = clsOf(e.e.ty);
        if (e.op === '!') {
          em.truth(e.e.ty);
          return void em.emit('LNOT_I');
        }
        const kind = e.op === '-' ? 'NEG' : 'NOT';
        return void em.emit(`${kind}_${c === 'L' ? 'L' : c === 'F' ? 'F' : 'I'}`);
      }
      case 'logic': {
        this.cond(e.l);
        const j1 = em.jump(e.op === '&&' ? 'JZ' : 'JNZ');
        this.cond(e.r);
        const j2 = em.jump(e.op === '&&' ? 'JZ' : 'JNZ');
        em.constI(e.op === '&&' ? 1 : 0);
        const j3 = em.jump('JMP');
        em.patch(j1);
        em.patch(j2);
        em.constI(e.op === '&&' ? 0 : 1);
        em.patch(j3);
        return;
      }
      case 'cond': {
        this.cond(e.c);
        const j1 = em.jump('JZ');
        this.valueOrDrop(e.a, e.ty);
        const j2 = em.jump('JMP');
        em.patch(j1);
        this.valueOrDrop(e.b, e.ty);
        em.patch(j2);
        return;
      }
      case 'comma':
        this.drop(e.l);
        return this.value(e.r);
      case 'assign':
        this.addr(e.lv);
        this.value(e.r);
        return em.store(e.lv.ty);
      case 'opassign':
        this.addr(e.lv);
        em.emit('DUP');
        em.load(e.lv.ty);
        em.convert(e.lv.ty, e.opTy);
        this.value(e.r);
        if (e.lv.ty.k === 'ptr') em.emit('PADD', e.op === '+' ? e.scale : -e.scale);
        else em.emit(this.arithOp(e.op, e.opTy));
        em.convert(e.opTy, e.lv.ty);
        return em.store(e.lv.ty);
      case 'incdec':
        return this.incdec(e);
      case 'call':
        return this.call(e);
    }
  }

  private valueOrDrop(e: TExpr, ty: CType): void {
    if (ty.k === 'void') this.drop(e);
    else this.value(e);
  }

  private incdec(e: Extract<TExpr, { k: 'incdec' }>): void {
    const em = this.em;
    const t = e.lv.ty;
    this.addr(e.lv);
    em.emit('DUP');
    em.load(t);
    if (!e.pre) em.emit('DUP_X1');
    const c = clsOf(t);
    if (c === 'P') {
      em.emit('CONST_L', e.delta, e.delta < 0 ? -1 : 0);
      em.emit('PADD', 1);
    } else if (c === 'F') {
      em.constF(e.delta);
      em.emit('ADD_F');
      em.convert({ k: 'float', size: 8 }, t);
    } else if (c === 'L') {
      em.emit('CONST_L', e.delta, e.delta < 0 ? -1 : 0);
      em.emit('ADD_L');
    } else {
      em.constI(e.delta);
      em.emit('ADD_I');
      em.convert({ k: 'int', size: 4, signed: true, name: 'int' }, t);
    }
    em.store(t);
    if (!e.pre) em.emit('POP');
  }

  private call(e: Extract<TExpr, { k: 'call' }>): void {
    const em = this.em;
    let argc = e.args.length;
    const direct = e.fn.k === 'func' ? e.fn.f : undefined;
    if (direct === undefined) this.value(e.fn);
    if (e.sret !== undefined) {
      em.emit('ADDR_LOCAL', e.sret);
      argc++;
    }
    const ft =
      e.fn.k === 'func'
        ? e.fn.f.type
        : e.fn.ty.k === 'ptr' && e.fn.ty.to.k === 'func'
          ? e.fn.ty.to
          : undefined;
    e.args.forEach((a, i) => {
      this.value(a);
      // extra arguments of a variadic call travel as full 64-bit slots, as va_arg reads them
      const c = clsOf(a.ty);
      if (ft !== undefined && ft.variadic && i >= ft.params.length && (c === 'I' || c === 'P')) {
        em.emit(c === 'I' && a.ty.k === 'int' && a.ty.signed ? 'I2L' : 'U2L');
      }
    });
    em.line = e.line;
    if (direct === undefined) return void em.emit('CALLI', argc, e.ty.k === 'void' ? 1 : 0);
    const idx = this.link.funcIndex(direct);
    if (idx !== undefined) em.emit('CALL', idx, argc);
    else {
      em.emit('CALLB', this.link.builtinIndex(direct.name), argc);
      if (e.ty.k === 'void') em.emit('POP');
    }
  }

  /** addr pushes the address of an lvalue (or of an aggregate rvalue). */
  addr(e: TExpr): void {
    const em = this.em;
    switch (e.k) {
      case 'local':
        return void em.emit('ADDR_LOCAL', e.off);
      case 'global':
        return em.constI(this.link.globalAddr(e.g));
      case 'str':
        return em.constI(em.str(e.bytes));
      case 'func': {
        const idx = this.link.funcIndex(e.f);
        return em.constI(
          idx !== undefined ? FUNC_BASE + idx : BUILTIN_BASE + this.link.builtinIndex(e.f.name),
        );
      }
      case 'deref':
        return this.value(e.p);
      case 'member':
        this.addr(e.e);
        if (e.off !== 0) {
          em.constI(e.off);
          em.emit('ADD_I');
        }
        return;
      case 'compound':
        this.initLocal(e.off, sizeOf(e.ty), e.init);
        return void em.emit('ADDR_LOCAL', e.off);
      default:
        return this.value(e);
    }
  }

  /** initLocal zero-fills a local object and applies its initializer stores. */
  initLocal(off: number, size: number, ops: InitOp[]): void {
    const em = this.em;
    const bits = (t: CType) => t.k === 'int' && t.bitField !== undefined;
    const whole =
      ops.length === 1 &&
      ops[0]!.off === 0 &&
      sizeOf(ops[0]!.ty) === size &&
      ops[0]!.e.k !== 'str' &&
      !bits(ops[0]!.ty);
    if (!whole) {
      em.emit('ADDR_LOCAL', off);
      em.emit('MEMZERO', size);
    }
    for (const o of ops) {
      if (o.ty.k === 'int' && o.ty.size === 4 && !bits(o.ty)) {
        this.value(o.e);
        em.emit('SETL_I32', off + o.off);
        continue;
      }
      em.emit('ADDR_LOCAL', off + o.off);
      if (o.ty.k === 'array') {
        const n = Math.min(sizeOf(o.ty), (o.e as { bytes?: number[] }).bytes?.length ?? 0);
        em.constI(em.str((o.e as { bytes: number[] }).bytes));
        em.emit('MEMCPY', n);
      } else {
        this.value(o.e);
        em.store(o.ty);
      }
      em.emit('POP');
    }
  }
}
