// Turns declaration specifiers and declarators into C types: primitive words, typedef names,
// struct/union/enum specifiers (defining tags and enum constants) and pointer/array/function
// declarators.
import type { BaseSpec, DeclSpec, Declarator, Expr, Pos } from '../parse/ast';
import type { CType, StructInfo } from '../types/types';
import { T, isComplete, layoutStruct, ptrTo } from '../types/types';
import type { Ctx } from './context';
import { constInt, rvalue } from './expr';

const PRIMS: Record<string, CType> = {
  void: T.void,
  char: T.char,
  'signed char': T.schar,
  'unsigned char': T.uchar,
  short: T.short,
  'short int': T.short,
  'signed short': T.short,
  'signed short int': T.short,
  'unsigned short': T.ushort,
  'unsigned short int': T.ushort,
  int: T.int,
  signed: T.int,
  'signed int': T.int,
  unsigned: T.uint,
  'unsigned int': T.uint,
  long: T.long,
  'long int': T.long,
  'signed long': T.long,
  'signed long int': T.long,
  'unsigned long': T.ulong,
  'unsigned long int': T.ulong,
  'long long': T.llong,
  'long long int': T.llong,
  'signed long long': T.llong,
  'signed long long int': T.llong,
  'unsigned long long': T.ullong,
  'unsigned long long int': T.ullong,
  _Bool: T.bool,
  bool: T.bool,
  float: T.float,
  double: T.double,
  size_t: T.ulong,
  ssize_t: T.long,
  int8_t: T.schar,
  int16_t: T.short,
  int32_t: T.int,
  int64_t: T.long,
  uint8_t: T.uchar,
  uint16_t: T.ushort,
  uint32_t: T.uint,
  uint64_t: T.ulong,
  intptr_t: T.long,
  uintptr_t: T.ulong,
  ptrdiff_t: T.long,
  __builtin_va_list: vaList(),
};

/** vaList is x86-64's `struct __va_list_tag[1]` (24 bytes, align 8), so sizes match gcc. */
function vaList(): CType {
  const info: StructInfo = {
    tag: '__va_list_tag',
    union: false,
    complete: false,
    fields: [],
    size: 0,
    align: 1,
  };
  layoutStruct(info, [
    { name: 'gp_offset', type: T.uint },
    { name: 'fp_offset', type: T.uint },
    { name: 'overflow_arg_area', type: ptrTo(T.void) },
    { name: 'reg_save_area', type: ptrTo(T.void) },
  ]);
  return { k: 'array', of: { k: 'struct', info }, len: 1 };
}

/** isBuiltinTypeName tells whether a bare word names a type without any declaration (`_Bool`, `size_t`). */
export const isBuiltinTypeName = (name: string): boolean => Object.hasOwn(PRIMS, name);

const ORDER = ['unsigned', 'signed', 'short', 'long', 'char', 'int', 'double', 'float'];

/** baseType resolves a declaration's specifiers to a type. */
export function baseType(cx: Ctx, spec: DeclSpec): CType {
  return resolveBase(cx, spec.base, spec.pos);
}

function resolveBase(cx: Ctx, b: BaseSpec, pos: Pos): CType {
  switch (b.k) {
    case 'prim': {
      const words = [...b.words].sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y));
      const key = words.join(' ');
      const t = PRIMS[key];
      if (t !== undefined) return t;
      cx.error('unsupported', pos, { construct: `the type '${b.words.join(' ')}'` });
      return T.int;
    }
    case 'named': {
      const e = cx.lookup(b.name);
      if (e?.k === 'typedef') return e.ty;
      const p = PRIMS[b.name];
      if (p !== undefined && e === undefined) return p;
      cx.error('unknown-type', pos, { name: b.name });
      return T.int;
    }
    case 'struct':
      return { k: 'struct', info: structInfo(cx, b, pos) };
    case 'enum':
      defineEnum(cx, b, pos);
      return T.int;
  }
}

function structInfo(cx: Ctx, b: Extract<BaseSpec, { k: 'struct' }>, pos: Pos): StructInfo {
  const kw = b.union ? 'union' : 'struct';
  let info: StructInfo | undefined;
  if (b.tag !== undefined) {
    const found = b.fields === undefined ? cx.lookupTag(b.tag) : cx.scope.tags.get(b.tag);
    if (found !== undefined && found !== 'enum') info = found;
    if (info !== undefined && b.fields !== undefined && info.complete) {
      cx.error('redefinition', pos, { name: `${kw} ${b.tag}` });
      info = undefined;
    }
  }
  if (info === undefined) {
    info = { tag: b.tag ?? '<anonymous>', union: b.union, complete: false, fields: [], size: 0, align: 1 };
    if (b.tag !== undefined) cx.scope.tags.set(b.tag, info);
  }
  if (b.fields !== undefined) {
    const members: { name: string; type: CType; width?: number }[] = [];
    for (const f of b.fields) {
      const { name, type, pos: fpos } = declare(cx, baseType(cx, f.spec), f.decl);
      if (f.width !== undefined) {
        const width = bitFieldWidth(cx, f.width, type, name, fpos);
        if (width !== undefined) members.push({ name: name ?? '', type, width });
        continue;
      }
      if (
        !isComplete(type) &&
        !(type.k === 'array' && type.len === undefined && f === b.fields[b.fields.length - 1])
      ) {
        cx.error('incomplete-type', fpos, { name: name ?? '<field>' });
        continue;
      }
      if (type.k === 'func') cx.error('unsupported', fpos, { construct: 'a function as a struct member' });
      members.push({
        name: name ?? '',
        type: type.k === 'array' && type.len === undefined ? { ...type, len: 0 } : type,
      });
    }
    layoutStruct(info, members);
  }
  return info;
}

/** bitFieldWidth checks a bit-field's type and width (an integer type of at most 32 bits, a width within it, zero only unnamed) and returns the width. */
function bitFieldWidth(
  cx: Ctx,
  e: Expr,
  type: CType,
  name: string | undefined,
  pos: Pos,
): number | undefined {
  const label = name ?? '<anonymous>';
  if (type.k !== 'int') {
    cx.error('bitfield-type', pos, { name: label });
    return undefined;
  }
  if (type.size === 8) {
    cx.error('unsupported', pos, { construct: 'a bit-field of a 64-bit type' });
    return undefined;
  }
  const w = constInt(cx, rvalue(cx, e), e.pos, 'bit-field width');
  if (w === undefined) return undefined;
  const max = type.isBool === true ? 1 : type.size * 8;
  if (w < 0n || w > BigInt(max) || (w === 0n && name !== undefined)) {
    cx.error('bitfield-width', pos, { name: label, width: String(w), max: String(max) });
    return undefined;
  }
  return Number(w);
}

function defineEnum(cx: Ctx, b: Extract<BaseSpec, { k: 'enum' }>, pos: Pos): void {
  if (b.tag !== undefined && b.items !== undefined) cx.scope.tags.set(b.tag, 'enum');
  if (b.tag !== undefined && b.items === undefined && cx.lookupTag(b.tag) === undefined) {
    cx.error('incomplete-type', pos, { name: `enum ${b.tag}` });
  }
  let next = 0n;
  for (const item of b.items ?? []) {
    if (item.value !== undefined)
      next = constInt(cx, rvalue(cx, item.value), item.pos, 'enumerator value') ?? next;
    if (cx.scope.names.has(item.name)) cx.error('redefinition', item.pos, { name: item.name });
    cx.scope.names.set(item.name, { k: 'enumconst', v: next });
    next++;
  }
}

/** Declared is a name with its full type after applying a declarator. */
export interface Declared {
  readonly name?: string;
  readonly type: CType;
  readonly pos: Pos;
}

/** declare applies a declarator to a base type. */
export function declare(cx: Ctx, base: CType, d: Declarator): Declared {
  switch (d.k) {
    case 'name':
      return { name: d.name, type: base, pos: d.pos };
    case 'ptr':
      return declare(cx, ptrTo(base), d.d);
    case 'array': {
      if (base.k === 'func') cx.error('unsupported', d.pos, { construct: 'an array of functions' });
      let len: number | undefined;
      if (d.size !== undefined) {
        const e = rvalue(cx, d.size);
        if (e.k !== 'const' || e.ty.k !== 'int') {
          cx.error('unsupported', d.pos, { construct: 'variable-length arrays' });
          len = 1;
        } else if (e.v < 0n) cx.error('bad-initializer', d.pos);
        else len = Number(e.v);
      }
      return declare(cx, len === undefined ? { k: 'array', of: base } : { k: 'array', of: base, len }, d.d);
    }
    case 'func': {
      const params: CType[] = [];
      for (const p of d.params) {
        let t = declare(cx, baseType(cx, p.spec), p.decl).type;
        if (t.k === 'void' && d.params.length === 1) break;
        t = adjustParam(t);
        params.push(t);
      }
      const ret = base;
      if (ret.k === 'array' || ret.k === 'func')
        cx.error('unsupported', d.pos, { construct: 'a function returning an array or function' });
      return declare(cx, { k: 'func', ret, params, variadic: d.variadic, noProto: d.noProto }, d.d);
    }
  }
}

/** adjustParam turns array and function parameter types into pointers, as C does. */
export function adjustParam(t: CType): CType {
  if (t.k === 'array') return ptrTo(t.of);
  if (t.k === 'func') return ptrTo(t);
  return t;
}
