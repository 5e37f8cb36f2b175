// Lowers initializers (scalars, strings into char arrays, brace lists with designators and
// brace elision) into stores at byte offsets of the object being initialised.
import type { Init, InitItem, Pos } from '../parse/ast';
import type { CType } from '../types/types';
import { isScalar, memberType, sizeOf, typeStr } from '../types/types';
import type { Ctx } from './context';
import { constInt, rvalue, expr } from './expr';
import type { InitOp } from './ir';
import { assignConvert } from './ops';

/** Lowered is an initializer as stores, and the object's type with an array length completed. */
export interface Lowered {
  readonly type: CType;
  readonly ops: InitOp[];
}

/** lowerInit lowers an initializer for an object of type `ty`. */
export function lowerInit(cx: Ctx, ty: CType, init: Init, pos: Pos): Lowered {
  const ops: InitOp[] = [];
  const st = { max: 0 };
  let type = ty;
  if (ty.k === 'array' && ty.len === undefined) {
    if (init.k === 'expr' && init.e.k === 'str') {
      type = { ...ty, len: init.e.bytes.length + 1 };
    } else if (init.k === 'list') {
      fillList(cx, { k: 'array', of: ty.of, len: Number.MAX_SAFE_INTEGER }, 0, init.items, ops, st, pos);
      return { type: { ...ty, len: st.max }, ops };
    }
  }
  one(cx, type, 0, init, ops, pos);
  return { type, ops };
}

const isCharArray = (t: CType): boolean => t.k === 'array' && t.of.k === 'int' && t.of.size === 1;

function one(cx: Ctx, ty: CType, off: number, init: Init, ops: InitOp[], pos: Pos): void {
  if (init.k === 'list') {
    if (isScalar(ty)) {
      if (init.items.length === 0) return;
      if (init.items.length > 1) cx.error('excess-initializer', init.pos, { what: 'scalar' });
      one(cx, ty, off, init.items[0]!.init, ops, pos);
      return;
    }
    if (
      ty.k === 'array' &&
      isCharArray(ty) &&
      init.items.length === 1 &&
      init.items[0]!.init.k === 'expr' &&
      init.items[0]!.init.e.k === 'str'
    ) {
      one(cx, ty, off, init.items[0]!.init, ops, pos);
      return;
    }
    if (ty.k !== 'array' && ty.k !== 'struct') {
      cx.error('bad-initializer', init.pos);
      return;
    }
    fillList(cx, ty, off, init.items, ops, { max: 0 }, init.pos);
    return;
  }
  const e = init.e;
  if (isCharArray(ty) && e.k === 'str') {
    const len = (ty as { len?: number }).len ?? 0;
    if (e.bytes.length > len) cx.error('excess-initializer', e.pos, { what: 'char array' });
    ops.push({ off, ty, e: expr(cx, e) });
    return;
  }
  if (ty.k === 'array') {
    cx.error('bad-initializer', e.pos);
    return;
  }
  ops.push({ off, ty, e: assignConvert(cx, rvalue(cx, e), ty, e.pos, 'initializing') });
}

interface Cursor {
  i: number;
}

/** memberAt is an aggregate's member `index` (a union's first only, unless designated). */
function memberAt(ty: CType, index: number, designated = false): { ty: CType; off: number } | undefined {
  if (ty.k === 'array') {
    if (ty.len !== undefined && index >= ty.len) return undefined;
    return { ty: ty.of, off: index * sizeOf(ty.of) };
  }
  if (ty.k === 'struct') {
    const f = ty.info.fields[index];
    if (f === undefined || (ty.info.union && index > 0 && !designated)) return undefined;
    return { ty: memberType(f), off: f.offset };
  }
  return undefined;
}

function fillList(
  cx: Ctx,
  ty: CType,
  off: number,
  items: InitItem[],
  ops: InitOp[],
  st: { max: number },
  pos: Pos,
): void {
  const cur: Cursor = { i: 0 };
  fill(cx, ty, off, items, cur, ops, st, true, pos);
  if (cur.i < items.length)
    cx.error('excess-initializer', pos, { what: ty.k === 'array' ? 'array' : typeStr(ty) });
}

function fill(
  cx: Ctx,
  ty: CType,
  off: number,
  items: InitItem[],
  cur: Cursor,
  ops: InitOp[],
  st: { max: number },
  top: boolean,
  pos: Pos,
): void {
  let index = 0;
  while (cur.i < items.length) {
    const item = items[cur.i]!;
    if (item.desig.length > 0) {
      if (!top) return;
      const d = item.desig[0]!;
      if (d.k === 'index') {
        if (ty.k !== 'array') return void (cx.error('bad-initializer', pos), cur.i++);
        const v = constInt(cx, rvalue(cx, d.e), pos, 'array index in initializer');
        index = Number(v ?? 0n);
      } else {
        if (ty.k !== 'struct') return void (cx.error('bad-initializer', d.pos), cur.i++);
        const fi = ty.info.fields.findIndex((f) => f.name === d.name);
        if (fi < 0) return void (cx.error('no-member', d.pos, { type: typeStr(ty), name: d.name }), cur.i++);
        index = fi;
      }
      const m = memberAt(ty, index, true);
      if (m === undefined) return void (cx.error('excess-initializer', pos, { what: 'array' }), cur.i++);
      if (item.desig.length > 1) {
        const inner: InitItem = { desig: item.desig.slice(1), init: item.init };
        fill(cx, m.ty, off + m.off, [inner], { i: 0 }, ops, { max: 0 }, true, pos);
      } else {
        one(cx, m.ty, off + m.off, item.init, ops, pos);
      }
      cur.i++;
      index++;
      st.max = Math.max(st.max, index);
      if (ty.k === 'struct' && ty.info.union) return;
      continue;
    }
    const m = memberAt(ty, index);
    if (m === undefined) return;
    const elide =
      item.init.k === 'expr' &&
      (m.ty.k === 'array' || m.ty.k === 'struct') &&
      !(isCharArray(m.ty) && item.init.e.k === 'str') &&
      !(m.ty.k === 'struct' && isSameStruct(cx, m.ty, item.init));
    if (elide) {
      fill(cx, m.ty, off + m.off, items, cur, ops, { max: 0 }, false, pos);
    } else {
      one(cx, m.ty, off + m.off, item.init, ops, pos);
      cur.i++;
    }
    index++;
    st.max = Math.max(st.max, index);
  }
}

function isSameStruct(cx: Ctx, ty: CType, init: Init): boolean {
  if (init.k !== 'expr' || ty.k !== 'struct') return false;
  if (
    init.e.k !== 'id' &&
    init.e.k !== 'call' &&
    init.e.k !== 'member' &&
    init.e.k !== 'un' &&
    init.e.k !== 'index'
  )
    return false;
  const before = cx.rep.diagnostics.length;
  const t = expr(cx, init.e);
  cx.rep.diagnostics.length = before;
  return t.ty.k === 'struct' && t.ty.info === ty.info;
}
