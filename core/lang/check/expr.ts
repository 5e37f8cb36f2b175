// Checks expressions: resolves names, types every node, applies decay and conversions, and
// reports type errors gcc-style. rvalue() is the entry most callers want.
import type { Expr, Pos } from '../parse/ast';
import type { CType } from '../types/types';
import {
  T,
  alignOf,
  arithResult,
  findField,
  memberType,
  isArith,
  isComplete,
  isInt,
  isScalar,
  promote,
  ptrTo,
  sizeOf,
  typeStr,
} from '../types/types';
import type { Ctx } from './context';
import { BAD_INT, bad } from './context';
import { lowerInit } from './init';
import type { TExpr } from './ir';
import { arithBin, assignConvert, cast, compare, fold, truth } from './ops';
import { baseType, declare, isBuiltinTypeName } from './typeres';
import { checkCall } from './call';

/** isLvalue tells whether an expression designates an object. */
export function isLvalue(e: TExpr): boolean {
  return (
    e.k === 'local' ||
    e.k === 'global' ||
    e.k === 'deref' ||
    e.k === 'str' ||
    e.k === 'compound' ||
    (e.k === 'member' && isLvalue(e.e))
  );
}

/** rvalue checks an expression and applies array-to-pointer and function-to-pointer decay. */
export function rvalue(cx: Ctx, e: Expr): TExpr {
  return decay(expr(cx, e));
}

/** decay turns an array into a pointer to its first element and a function into its address. */
export function decay(t: TExpr): TExpr {
  if (t.ty.k === 'array') return { k: 'addr', e: t, ty: ptrTo(t.ty.of), line: t.line };
  if (t.ty.k === 'func') return { k: 'addr', e: t, ty: ptrTo(t.ty), line: t.line };
  return t;
}

/** constInt evaluates an integer constant expression, reporting when it is not one. */
export function constInt(cx: Ctx, e: TExpr, pos: Pos, what: string): bigint | undefined {
  if (e.k === 'const' && isInt(e.ty)) return e.v;
  cx.error('not-constant', pos, { what });
  return undefined;
}

/** typeNameType resolves a type name (casts, sizeof, compound literals). */
export function typeNameType(
  cx: Ctx,
  tn: { spec: Parameters<typeof baseType>[1]; decl: Parameters<typeof declare>[2] },
): CType {
  return declare(cx, baseType(cx, tn.spec), tn.decl).type;
}

/** expr checks one expression without decay. */
export function expr(cx: Ctx, e: Expr): TExpr {
  const line = cx.line(e.pos);
  switch (e.k) {
    case 'id':
      return ident(cx, e.name, e.pos, line);
    case 'int':
      return intLiteral(cx, e.text, e.pos, line);
    case 'float': {
      const isF = /[fF]$/.test(e.text);
      const v = Number(e.text.replace(/[fFlL]$/, ''));
      return { k: 'fconst', v: isF ? Math.fround(v) : v, ty: isF ? T.float : T.double, line };
    }
    case 'char':
      return { k: 'const', v: BigInt(e.value), ty: T.int, line };
    case 'str':
      return {
        k: 'str',
        bytes: [...e.bytes, 0],
        ty: { k: 'array', of: T.char, len: e.bytes.length + 1 },
        line,
      };
    case 'bin':
      return binary(cx, e.op, e.l, e.r, e.pos);
    case 'assign':
      return assign(cx, e.op, e.l, e.r, e.pos);
    case 'un':
      return unary(cx, e.op, e.e, e.pos, line);
    case 'incdec': {
      const lv = modifiable(
        cx,
        expr(cx, e.e),
        e.pos,
        e.op === '++' ? 'increment operand' : 'decrement operand',
      );
      if (!isScalar(lv.ty))
        return (cx.error('invalid-operands', e.pos, { op: e.op, l: typeStr(lv.ty), r: '' }), bad(line));
      const step = lv.ty.k === 'ptr' ? Math.max(1, sizeOf(lv.ty.to)) : 1;
      return { k: 'incdec', lv, pre: e.prefix, delta: e.op === '++' ? step : -step, ty: lv.ty, line };
    }
    case 'call':
      return checkCall(cx, e.fn, e.args, e.pos, line);
    case 'member':
      return member(cx, e.e, e.name, e.arrow, e.pos, line);
    case 'index': {
      const a = rvalue(cx, e.e);
      const i = rvalue(cx, e.i);
      const p = arithBin(cx, '+', a, i, e.pos);
      return deref(cx, p, e.pos, '[]');
    }
    case 'cast': {
      const to = typeNameType(cx, e.tn);
      const v = rvalue(cx, e.e);
      if (to.k === 'void') return { k: 'cast', e: v, ty: T.void, line };
      if (
        !isScalar(to) ||
        !isScalar(v.ty) ||
        (to.k === 'ptr' && v.ty.k === 'float') ||
        (to.k === 'float' && v.ty.k === 'ptr')
      ) {
        cx.error('incompatible', e.pos, { what: 'casting to', to: typeStr(to), from: typeStr(v.ty) });
        return bad(line);
      }
      return cast(v, to);
    }
    case 'sizeofT':
    case 'alignofT': {
      const t = typeNameType(cx, e.tn);
      return sizeofConst(cx, t, e.pos, line, e.k === 'alignofT');
    }
    case 'sizeofE': {
      if (e.e.k === 'id') {
        const ent = cx.lookup(e.e.name);
        if (ent?.k === 'typedef' || (ent === undefined && isBuiltinTypeName(e.e.name))) {
          const spec = { pos: e.pos, isConst: false, base: { k: 'named' as const, name: e.e.name } };
          return sizeofConst(
            cx,
            typeNameType(cx, { spec, decl: { k: 'name', pos: e.pos } }),
            e.pos,
            line,
            false,
          );
        }
      }
      const of = expr(cx, e.e).ty;
      if (of.k === 'int' && of.bitField !== undefined)
        return (cx.error('bitfield-sizeof', e.e.pos), bad(line));
      return sizeofConst(cx, of, e.pos, line, false);
    }
    case 'cond':
      return conditional(cx, e.c, e.a, e.b, e.pos, line);
    case 'comma': {
      const l = rvalue(cx, e.l);
      const r = rvalue(cx, e.r);
      return { k: 'comma', l, r, ty: r.ty, line };
    }
    case 'compound': {
      if (cx.fn === undefined)
        return (cx.error('unsupported', e.pos, { construct: 'compound literals at file scope' }), bad(line));
      let ty = typeNameType(cx, e.tn);
      const probe = lowerInit(cx, ty, e.init, e.pos);
      ty = probe.type;
      const off = cx.allocLocal(sizeOf(ty), alignOf(ty));
      return { k: 'compound', off, init: probe.ops, ty, line };
    }
    case 'bad':
      return bad(line);
  }
}

function sizeofConst(cx: Ctx, t: CType, pos: Pos, line: number, align: boolean): TExpr {
  if (!isComplete(t) && t.k !== 'void' && t.k !== 'func')
    cx.error('incomplete-type', pos, { name: typeStr(t) });
  return { k: 'const', v: BigInt(align ? alignOf(t) : sizeOf(t)), ty: T.ulong, line };
}

function ident(cx: Ctx, name: string, pos: Pos, line: number): TExpr {
  const ent = cx.lookup(name);
  if (ent === undefined) {
    cx.error('undeclared', pos, { name });
    return bad(line);
  }
  switch (ent.k) {
    case 'local':
      return { k: 'local', off: ent.off, ty: ent.ty, line };
    case 'global':
      return { k: 'global', g: ent.g, ty: ent.ty, line };
    case 'func':
      return { k: 'func', f: ent.f, ty: ent.f.type, line };
    case 'enumconst':
      return { k: 'const', v: ent.v, ty: T.int, line };
    case 'typedef':
      cx.error('syntax-error', pos, { token: name });
      return bad(line);
  }
}

function intLiteral(cx: Ctx, text: string, pos: Pos, line: number): TExpr {
  const m = /^(.*?)([uUlL]*)$/.exec(text)!;
  const digits = m[1]!;
  const suffix = m[2]!.toLowerCase();
  const v = /^0[0-7]+$/.test(digits)
    ? BigInt('0o' + digits.slice(1))
    : BigInt(digits.replace(/^0[bB]/, '0b'));
  const decimal = /^[1-9]/.test(digits) || digits === '0';
  const u = suffix.includes('u');
  const l = suffix.includes('l');
  const cands: CType[] = u
    ? l
      ? [T.ulong]
      : [T.uint, T.ulong]
    : l
      ? decimal
        ? [T.long]
        : [T.long, T.ulong]
      : decimal
        ? [T.int, T.long]
        : [T.int, T.uint, T.long, T.ulong];
  for (const t of cands) {
    const bits = BigInt(sizeOf(t) * 8) - ((t as { signed: boolean }).signed ? 1n : 0n);
    if (v < 1n << bits) return { k: 'const', v, ty: t, line };
  }
  if (v < 1n << 64n) return { k: 'const', v, ty: T.ulong, line };
  cx.error('unsupported', pos, { construct: 'integer constants wider than 64 bits' });
  return bad(line);
}

/** deref builds `*p` (also used for `a[i]`). */
export function deref(cx: Ctx, p: TExpr, pos: Pos, op: string): TExpr {
  if (p.ty.k !== 'ptr') {
    cx.error('not-pointer', pos, { op, type: typeStr(p.ty) });
    return bad(p.line);
  }
  if (p.ty.to.k === 'void') {
    cx.error('void-value', pos);
    return bad(p.line);
  }
  return { k: 'deref', p, ty: p.ty.to, line: p.line };
}

function member(cx: Ctx, base: Expr, name: string, arrow: boolean, pos: Pos, line: number): TExpr {
  let obj = arrow ? rvalue(cx, base) : expr(cx, base);
  if (arrow) {
    if (obj.ty.k !== 'ptr')
      return (cx.error('not-pointer', pos, { op: '->', type: typeStr(obj.ty) }), bad(line));
    obj = { k: 'deref', p: obj, ty: obj.ty.to, line };
  }
  if (obj.ty.k !== 'struct') return (cx.error('not-struct', pos, { name }), bad(line));
  if (!obj.ty.info.complete) return (cx.error('incomplete-type', pos, { name: typeStr(obj.ty) }), bad(line));
  const f = findField(obj.ty.info, name);
  if (f === undefined) return (cx.error('no-member', pos, { type: typeStr(obj.ty), name }), bad(line));
  return { k: 'member', e: obj, off: f.offset, ty: memberType(f), line };
}

function modifiable(cx: Ctx, lv: TExpr, pos: Pos, what: string): TExpr {
  if (lv.ty === BAD_INT) return lv;
  if (!isLvalue(lv) || lv.ty.k === 'array' || lv.ty.k === 'func') cx.error('not-lvalue', pos, { what });
  return lv;
}

function unary(cx: Ctx, op: string, arg: Expr, pos: Pos, line: number): TExpr {
  if (op === '&') {
    const v = expr(cx, arg);
    if (v.k === 'func') return { k: 'addr', e: v, ty: ptrTo(v.ty), line };
    if (v.ty === BAD_INT) return v;
    if (!isLvalue(v)) return (cx.error('not-lvalue', pos, { what: "unary '&' operand" }), bad(line));
    if (v.ty.k === 'int' && v.ty.bitField !== undefined)
      return (cx.error('bitfield-address', pos, { name: arg.k === 'member' ? arg.name : '?' }), bad(line));
    return { k: 'addr', e: v, ty: ptrTo(v.ty), line };
  }
  const v = rvalue(cx, arg);
  if (op === '*') {
    if (v.ty.k === 'ptr' && v.ty.to.k === 'func') return v;
    return deref(cx, v, pos, 'unary *');
  }
  if (op === '!') return fold({ k: 'un', op: '!', e: truth(cx, v, pos), ty: T.int, line });
  if (!isArith(v.ty) || (op === '~' && !isInt(v.ty))) {
    cx.error('invalid-operands', pos, { op: `unary ${op}`, l: typeStr(v.ty), r: typeStr(v.ty) });
    return bad(line);
  }
  const ty = promote(v.ty);
  const pv = cast(v, ty);
  if (op === '+') return pv;
  return fold({ k: 'un', op: op as '-' | '~', e: pv, ty, line });
}

function binary(cx: Ctx, op: string, le: Expr, re: Expr, pos: Pos): TExpr {
  const l = rvalue(cx, le);
  const r = rvalue(cx, re);
  if (op === '&&' || op === '||') {
    const lt = truth(cx, l, pos);
    const rt = truth(cx, r, pos);
    if (lt.k === 'const' && rt.k === 'const') {
      const v = op === '&&' ? lt.v !== 0n && rt.v !== 0n : lt.v !== 0n || rt.v !== 0n;
      return { k: 'const', v: v ? 1n : 0n, ty: T.int, line: l.line };
    }
    return { k: 'logic', op, l: lt, r: rt, ty: T.int, line: l.line };
  }
  if (['==', '!=', '<', '>', '<=', '>='].includes(op)) return compare(cx, op, l, r, pos);
  return arithBin(cx, op, l, r, pos);
}

function assign(cx: Ctx, op: string, le: Expr, re: Expr, pos: Pos): TExpr {
  const lv = modifiable(cx, expr(cx, le), pos, 'left operand of assignment');
  const r = rvalue(cx, re);
  const line = lv.line;
  if (op === '=')
    return { k: 'assign', lv, r: assignConvert(cx, r, lv.ty, pos, 'assigning to'), ty: lv.ty, line };
  const bop = op.slice(0, -1);
  if (lv.ty.k === 'ptr' && (bop === '+' || bop === '-') && isInt(r.ty)) {
    const scale = Math.max(1, sizeOf(lv.ty.to));
    return { k: 'opassign', lv, op: bop, r: cast(r, T.long), opTy: lv.ty, scale, ty: lv.ty, line };
  }
  const intOnly = ['%', '&', '|', '^', '<<', '>>'].includes(bop);
  if (!isArith(lv.ty) || !isArith(r.ty) || (intOnly && (!isInt(lv.ty) || !isInt(r.ty)))) {
    cx.error('invalid-operands', pos, { op: bop, l: typeStr(lv.ty), r: typeStr(r.ty) });
    return bad(line);
  }
  const opTy = bop === '<<' || bop === '>>' ? promote(lv.ty) : arithResult(lv.ty, r.ty);
  const rr = bop === '<<' || bop === '>>' ? cast(r, T.int) : cast(r, opTy);
  return { k: 'opassign', lv, op: bop, r: rr, opTy, scale: 1, ty: lv.ty, line };
}

function conditional(cx: Ctx, ce: Expr, ae: Expr, be: Expr, pos: Pos, line: number): TExpr {
  const c = truth(cx, rvalue(cx, ce), pos);
  const a = rvalue(cx, ae);
  const b = rvalue(cx, be);
  let ty: CType;
  if (isArith(a.ty) && isArith(b.ty)) ty = arithResult(a.ty, b.ty);
  else if (a.ty.k === 'ptr' && b.ty.k !== 'ptr') ty = a.ty;
  else if (b.ty.k === 'ptr' && a.ty.k !== 'ptr') ty = b.ty;
  else if (a.ty.k === 'ptr' && b.ty.k === 'ptr') ty = a.ty.to.k === 'void' ? b.ty : a.ty;
  else if (a.ty.k === 'struct' && b.ty.k === 'struct' && a.ty.info === b.ty.info) ty = a.ty;
  else if (a.ty.k === 'void' && b.ty.k === 'void') ty = T.void;
  else {
    cx.error('invalid-operands', pos, { op: '?:', l: typeStr(a.ty), r: typeStr(b.ty) });
    return bad(line);
  }
  const ca = ty.k === 'struct' || ty.k === 'void' ? a : cast(a, ty);
  const cb = ty.k === 'struct' || ty.k === 'void' ? b : cast(b, ty);
  if (c.k === 'const') return c.v !== 0n ? ca : cb;
  return { k: 'cond', c, a: ca, b: cb, ty, line };
}
