// Conversions and operators of the checker: casts with constant folding, the usual arithmetic
// conversions, pointer arithmetic and comparisons, all producing typed IR.
import type { Pos } from '../parse/ast';
import type { CType } from '../types/types';
import {
  T,
  arithResult,
  isArith,
  isInt,
  isScalar,
  plainType,
  promote,
  sameType,
  sizeOf,
  typeStr,
} from '../types/types';
import type { Ctx } from './context';
import { bad } from './context';
import type { TExpr } from './ir';

/** wrap reduces an integer to the range of an integer or pointer type. */
export function wrap(v: bigint, ty: CType): bigint {
  if (ty.k === 'ptr') return BigInt.asUintN(64, v);
  if (ty.k !== 'int') return v;
  if (ty.isBool === true) return v === 0n ? 0n : 1n;
  return ty.signed ? BigInt.asIntN(ty.size * 8, v) : BigInt.asUintN(ty.size * 8, v);
}

/** isNullConst tells whether an expression is a null pointer constant. */
export function isNullConst(e: TExpr): boolean {
  return e.k === 'const' && e.v === 0n && (isInt(e.ty) || (e.ty.k === 'ptr' && e.ty.to.k === 'void'));
}

/** cast converts a scalar expression to another scalar type, folding constants. */
export function cast(e: TExpr, toType: CType): TExpr {
  // a value converts to a bit-field's declared type (storing it keeps the bits); a bit-field
  // read keeps its own type under the cast, so it is loaded as a bit-field
  const to = plainType(toType);
  if (e.ty.k === 'int' && e.ty.bitField !== undefined) return { k: 'cast', e, ty: to, line: e.line };
  if (
    sameType(e.ty, to) &&
    !(to.k === 'int' && to.isBool === true && !(e.ty.k === 'int' && e.ty.isBool === true))
  ) {
    return e.ty === to ? e : { ...e, ty: to };
  }
  if (to.k === 'void') return { k: 'cast', e, ty: to, line: e.line };
  if (e.k === 'const' && (to.k === 'int' || to.k === 'ptr'))
    return { k: 'const', v: wrap(e.v, to), ty: to, line: e.line };
  if (e.k === 'const' && to.k === 'float')
    return { k: 'fconst', v: to.size === 4 ? Math.fround(Number(e.v)) : Number(e.v), ty: to, line: e.line };
  if (e.k === 'fconst' && to.k === 'float')
    return { k: 'fconst', v: to.size === 4 ? Math.fround(e.v) : e.v, ty: to, line: e.line };
  if (e.k === 'fconst' && to.k === 'int' && Number.isFinite(e.v)) {
    return {
      k: 'const',
      v: to.isBool === true ? (e.v !== 0 ? 1n : 0n) : wrap(BigInt(Math.trunc(e.v)), to),
      ty: to,
      line: e.line,
    };
  }
  return { k: 'cast', e, ty: to, line: e.line };
}

/** pointerish tells whether a type is a pointer (after decay). */
const isPtr = (t: CType): t is Extract<CType, { k: 'ptr' }> => t.k === 'ptr';

/** assignConvert converts an rvalue for assignment, argument passing, return or initialisation. */
export function assignConvert(cx: Ctx, e: TExpr, to: CType, pos: Pos, what: string): TExpr {
  const from = e.ty;
  if (to.k === 'struct') {
    if (from.k === 'struct' && from.info === to.info) return e;
    cx.error('incompatible', pos, { what, to: typeStr(to), from: typeStr(from) });
    return e;
  }
  if (from.k === 'void') {
    cx.error('void-value', pos);
    return bad(e.line);
  }
  if (isArith(to) && isArith(from)) return cast(e, to);
  if (to.k === 'int' && to.isBool === true && isPtr(from)) return cast(e, to);
  if (isPtr(to)) {
    if (isNullConst(e)) return cast(e, to);
    if (isPtr(from)) {
      if (to.to.k !== 'void' && from.to.k !== 'void' && !sameType(to.to, from.to)) {
        const [lead, detail] = pointerPhrase(what, to, from);
        cx.error('warn-incompatible-pointer', pos, { what: lead, detail });
      }
      return cast(e, to);
    }
    if (isInt(from)) {
      cx.error('warn-int-pointer', pos, { what: gccPhrase(what, to, from), to: 'pointer', from: 'integer' });
      return cast(e, to);
    }
  }
  if (isInt(to) && isPtr(from)) {
    cx.error('warn-int-pointer', pos, { what: gccPhrase(what, to, from), to: 'integer', from: 'pointer' });
    return cast(e, to);
  }
  cx.error('incompatible', pos, { what, to: typeStr(to), from: typeStr(from) });
  return bad(e.line);
}

/** gccPhrase words a conversion's context as gcc 12 does in -Wint-conversion warnings. */
function gccPhrase(what: string, to: CType, from: CType): string {
  if (what === 'initializing') return `initialization of '${typeStr(to)}' from '${typeStr(from)}'`;
  if (what === 'assigning to') return `assignment to '${typeStr(to)}' from '${typeStr(from)}'`;
  if (what === 'returning')
    return `returning '${typeStr(from)}' from a function with return type '${typeStr(to)}'`;
  return what;
}

/** pointerPhrase words an incompatible-pointer warning as gcc 12 does. */
function pointerPhrase(what: string, to: CType, from: CType): [string, string] {
  if (what === 'initializing') return [`initialization of '${typeStr(to)}'`, ` '${typeStr(from)}'`];
  if (what === 'assigning to') return [`assignment to '${typeStr(to)}'`, ` '${typeStr(from)}'`];
  if (what === 'returning') return [`returning '${typeStr(from)}'`, ` (function returns '${typeStr(to)}')`];
  return [what, ''];
}

/** arithBin builds `l op r` for + - * / % & | ^ << >> on rvalues, including pointer + and -. */
export function arithBin(cx: Ctx, op: string, l: TExpr, r: TExpr, pos: Pos): TExpr {
  const line = l.line;
  if (op === '+' || op === '-') {
    if (isPtr(l.ty) && isInt(r.ty)) return ptrAdd(cx, l, r, op === '-', pos);
    if (op === '+' && isInt(l.ty) && isPtr(r.ty)) return ptrAdd(cx, r, l, false, pos);
    if (op === '-' && isPtr(l.ty) && isPtr(r.ty)) {
      if (!sameType(l.ty.to, r.ty.to))
        cx.error('invalid-operands', pos, { op, l: typeStr(l.ty), r: typeStr(r.ty) });
      return { k: 'ptrdiff', l, r, scale: Math.max(1, sizeOf(l.ty.to)), ty: T.long, line };
    }
  }
  const intOnly = op === '%' || op === '&' || op === '|' || op === '^' || op === '<<' || op === '>>';
  if (!isArith(l.ty) || !isArith(r.ty) || (intOnly && (!isInt(l.ty) || !isInt(r.ty)))) {
    cx.error('invalid-operands', pos, { op, l: typeStr(l.ty), r: typeStr(r.ty) });
    return bad(line);
  }
  if (op === '<<' || op === '>>') {
    const ty = promote(l.ty);
    return fold({ k: 'bin', op, l: cast(l, ty), r: cast(r, T.int), ty, line });
  }
  const ty = arithResult(l.ty, r.ty);
  return fold({ k: 'bin', op, l: cast(l, ty), r: cast(r, ty), ty, line });
}

function ptrAdd(cx: Ctx, p: TExpr, i: TExpr, neg: boolean, pos: Pos): TExpr {
  const to = (p.ty as Extract<CType, { k: 'ptr' }>).to;
  if (to.k === 'struct' && !to.info.complete) cx.error('incomplete-type', pos, { name: typeStr(to) });
  const idx = cast(i, T.long);
  const scaled = neg ? fold({ k: 'un', op: '-', e: idx, ty: T.long, line: i.line }) : idx;
  return { k: 'ptradd', p, i: scaled, scale: Math.max(1, sizeOf(to)), ty: p.ty, line: p.line };
}

/** compare builds a relational or equality comparison; the result is int 0 or 1. */
export function compare(cx: Ctx, op: string, l: TExpr, r: TExpr, pos: Pos): TExpr {
  const line = l.line;
  if (isArith(l.ty) && isArith(r.ty)) {
    const ty = arithResult(l.ty, r.ty);
    return fold({ k: 'cmp', op, l: cast(l, ty), r: cast(r, ty), ty: T.int, line });
  }
  if (isPtr(l.ty) || isPtr(r.ty)) {
    const pt = isPtr(l.ty) ? l.ty : r.ty;
    if (!isScalar(l.ty) || !isScalar(r.ty) || l.ty.k === 'float' || r.ty.k === 'float') {
      cx.error('invalid-operands', pos, { op, l: typeStr(l.ty), r: typeStr(r.ty) });
      return bad(line);
    }
    return { k: 'cmp', op, l: cast(l, pt), r: cast(r, pt), ty: T.int, line };
  }
  cx.error('invalid-operands', pos, { op, l: typeStr(l.ty), r: typeStr(r.ty) });
  return bad(line);
}

/** truth converts a scalar for use as a condition (the compiler tests it against zero). */
export function truth(cx: Ctx, e: TExpr, pos: Pos): TExpr {
  if (!isScalar(e.ty)) {
    cx.error('invalid-operands', pos, { op: 'condition', l: typeStr(e.ty), r: typeStr(e.ty) });
    return bad(e.line);
  }
  return e;
}

const OPS: Record<string, (a: bigint, b: bigint) => bigint> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
};

const CMPS: Record<string, (a: bigint | number, b: bigint | number) => boolean> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
};

const FOPS: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

/** fold evaluates an operator on constants at compile time, leaving division by zero to run time. */
export function fold(e: TExpr): TExpr {
  const line = e.line;
  if (e.k === 'bin' && e.l.k === 'const' && e.r.k === 'const') {
    if ((e.op === '/' || e.op === '%') && e.r.v === 0n) return e;
    if ((e.op === '<<' || e.op === '>>') && (e.r.v < 0n || e.r.v >= BigInt(sizeOf(e.ty) * 8))) return e;
    const f = OPS[e.op];
    if (f !== undefined) return { k: 'const', v: wrap(f(e.l.v, e.r.v), e.ty), ty: e.ty, line };
  }
  if (e.k === 'bin' && e.l.k === 'fconst' && e.r.k === 'fconst') {
    const f = FOPS[e.op];
    if (f !== undefined) {
      const v = f(e.l.v, e.r.v);
      return { k: 'fconst', v: sizeOf(e.ty) === 4 ? Math.fround(v) : v, ty: e.ty, line };
    }
  }
  if (e.k === 'cmp' && e.l.k === 'const' && e.r.k === 'const') {
    return { k: 'const', v: CMPS[e.op]!(e.l.v, e.r.v) ? 1n : 0n, ty: T.int, line };
  }
  if (e.k === 'cmp' && e.l.k === 'fconst' && e.r.k === 'fconst') {
    return { k: 'const', v: CMPS[e.op]!(e.l.v, e.r.v) ? 1n : 0n, ty: T.int, line };
  }
  if (e.k === 'un' && e.e.k === 'const') {
    const v = e.op === '-' ? -e.e.v : e.op === '~' ? ~e.e.v : e.e.v === 0n ? 1n : 0n;
    return { k: 'const', v: wrap(v, e.ty), ty: e.ty, line };
  }
  if (e.k === 'un' && e.e.k === 'fconst' && e.op === '-') return { k: 'fconst', v: -e.e.v, ty: e.ty, line };
  return e;
}
