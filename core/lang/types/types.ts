// C types of SockLab's subset with x86-64 Linux (LP64) sizes, alignments and struct layout as
// gcc computes them, plus the integer promotions and usual arithmetic conversions.

/** IntType is an integer type: _Bool, char, short, int, long, long long, signed or unsigned. */
export interface IntType {
  readonly k: 'int';
  readonly size: 1 | 2 | 4 | 8;
  readonly signed: boolean;
  readonly name: string;
  readonly isBool?: boolean;
  /** bitField marks the type of a bit-field member access: its width, and its shift within the storage unit of `size` bytes it is read from and written to. */
  readonly bitField?: { readonly width: number; readonly shift: number };
}

/** Field is one member of a struct or union with its byte offset (for a bit-field, of its storage unit; bits says where in it). */
export interface Field {
  readonly name: string;
  readonly type: CType;
  readonly offset: number;
  readonly bits?: { readonly width: number; readonly shift: number };
}

/** StructInfo is a struct or union's body, filled in when its definition is seen. */
export interface StructInfo {
  readonly tag: string;
  readonly union: boolean;
  complete: boolean;
  fields: Field[];
  size: number;
  align: number;
}

/** CType is a C type. */
export type CType =
  | { readonly k: 'void' }
  | IntType
  | { readonly k: 'float'; readonly size: 4 | 8 }
  | { readonly k: 'ptr'; readonly to: CType }
  | { readonly k: 'array'; readonly of: CType; readonly len?: number }
  | { readonly k: 'struct'; readonly info: StructInfo }
  | {
      readonly k: 'func';
      readonly ret: CType;
      readonly params: CType[];
      readonly variadic: boolean;
      readonly noProto: boolean;
    };

const int = (size: 1 | 2 | 4 | 8, signed: boolean, name: string): IntType => ({
  k: 'int',
  size,
  signed,
  name,
});

/** T holds the basic types. */
export const T = {
  void: { k: 'void' } as CType,
  bool: { k: 'int', size: 1, signed: false, name: '_Bool', isBool: true } as IntType,
  char: int(1, true, 'char'),
  schar: int(1, true, 'signed char'),
  uchar: int(1, false, 'unsigned char'),
  short: int(2, true, 'short'),
  ushort: int(2, false, 'unsigned short'),
  int: int(4, true, 'int'),
  uint: int(4, false, 'unsigned int'),
  long: int(8, true, 'long'),
  ulong: int(8, false, 'unsigned long'),
  llong: int(8, true, 'long long'),
  ullong: int(8, false, 'unsigned long long'),
  float: { k: 'float', size: 4 } as CType,
  double: { k: 'float', size: 8 } as CType,
};

/** ptrTo makes a pointer type. */
export const ptrTo = (to: CType): CType => ({ k: 'ptr', to });

/** isInt tells whether a type is an integer type. */
export const isInt = (t: CType): t is IntType => t.k === 'int';
/** isArith tells whether a type is arithmetic (integer or floating). */
export const isArith = (t: CType): boolean => t.k === 'int' || t.k === 'float';
/** isScalar tells whether a type is arithmetic or a pointer. */
export const isScalar = (t: CType): boolean => isArith(t) || t.k === 'ptr';

/** sizeOf is a complete type's size in bytes (functions and void count 1, as gcc does). */
export function sizeOf(t: CType): number {
  switch (t.k) {
    case 'void':
    case 'func':
      return 1;
    case 'int':
    case 'float':
      return t.size;
    case 'ptr':
      return 8;
    case 'array':
      return (t.len ?? 0) * sizeOf(t.of);
    case 'struct':
      return t.info.size;
  }
}

/** alignOf is a type's alignment in bytes. */
export function alignOf(t: CType): number {
  switch (t.k) {
    case 'array':
      return alignOf(t.of);
    case 'struct':
      return t.info.align;
    default:
      return sizeOf(t);
  }
}

/** isComplete tells whether objects of the type have a known size. */
export function isComplete(t: CType): boolean {
  if (t.k === 'void') return false;
  if (t.k === 'struct') return t.info.complete;
  if (t.k === 'array') return t.len !== undefined && isComplete(t.of);
  return true;
}

/**
 * layoutStruct assigns offsets, size and alignment to a struct or union as gcc does on x86-64
 * (System V ABI). A bit-field (a member with width) takes the next bits unless they would
 * cross a boundary of its type's size, in which case it starts at the next such boundary; a
 * zero width moves to that boundary; unnamed bit-fields only pad (no field, no alignment).
 */
export function layoutStruct(
  info: StructInfo,
  members: { name: string; type: CType; width?: number }[],
): void {
  let bit = 0;
  let size = 0;
  let align = 1;
  const fields: Field[] = [];
  for (const m of members) {
    const a = alignOf(m.type);
    if (m.width !== undefined) {
      const unitBits = sizeOf(m.type) * 8;
      const at = info.union ? 0 : bit;
      const start =
        m.width === 0 || Math.floor(at / unitBits) !== Math.floor((at + m.width - 1) / unitBits)
          ? alignUp(at, unitBits)
          : at;
      if (m.name !== '') align = Math.max(align, a);
      if (m.width > 0 && m.name !== '') {
        const unit = Math.floor(start / unitBits) * (unitBits / 8);
        fields.push({ name: m.name, type: m.type, offset: unit, bits: { width: m.width, shift: start - unit * 8 } }); // prettier-ignore
      }
      if (info.union) size = Math.max(size, Math.ceil(m.width / 8));
      else {
        bit = start + m.width;
        size = Math.max(size, Math.ceil(bit / 8));
      }
      continue;
    }
    align = Math.max(align, a);
    if (info.union) {
      fields.push({ name: m.name, type: m.type, offset: 0 });
      size = Math.max(size, sizeOf(m.type));
    } else {
      const offset = alignUp(Math.ceil(bit / 8), a);
      fields.push({ name: m.name, type: m.type, offset });
      bit = (offset + sizeOf(m.type)) * 8;
      size = offset + sizeOf(m.type);
    }
  }
  info.fields = fields;
  info.align = align;
  info.size = alignUp(size, align);
  info.complete = true;
}

/** memberType is the type an access to field f has: a bit-field's carries its width and shift. */
export function memberType(f: Field): CType {
  return f.bits === undefined || f.type.k !== 'int' ? f.type : { ...f.type, bitField: f.bits };
}

/** alignUp rounds n up to a multiple of a. */
export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** findField looks a member up, descending into anonymous struct and union members. */
export function findField(info: StructInfo, name: string): Field | undefined {
  for (const f of info.fields) {
    if (f.name === name) return f;
    if (f.name === '' && f.type.k === 'struct') {
      const inner = findField(f.type.info, name);
      if (inner !== undefined) return { ...inner, offset: f.offset + inner.offset };
    }
  }
  return undefined;
}

/** plainType is t without a bit-field's width and shift (the declared type of the member). */
export function plainType(t: CType): CType {
  if (t.k !== 'int' || t.bitField === undefined) return t;
  const { bitField: _, ...plain } = t;
  return plain;
}

/** promote applies the integer promotions (a bit-field narrower than int promotes to int). */
export function promote(t: CType): CType {
  if (t.k === 'int' && (t.size < 4 || (t.bitField !== undefined && t.bitField.width < 32))) return T.int;
  return plainType(t);
}

/** arithResult is the usual arithmetic conversions' common type of two arithmetic types. */
export function arithResult(a: CType, b: CType): CType {
  if (a.k === 'float' || b.k === 'float') {
    const isDouble = (t: CType) => t.k === 'float' && t.size === 8;
    return isDouble(a) || isDouble(b) ? T.double : T.float;
  }
  const x = promote(a) as IntType;
  const y = promote(b) as IntType;
  if (x.size === y.size) return x.signed && y.signed ? x : x.signed ? y : x;
  const wide = x.size > y.size ? x : y;
  const narrow = x.size > y.size ? y : x;
  return narrow.size < wide.size ? wide : narrow;
}

/** sameType tells whether two types are compatible enough for redeclaration and pointer checks. */
export function sameType(a: CType, b: CType): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'int':
      return (
        a.size === (b as IntType).size &&
        a.signed === (b as IntType).signed &&
        !!a.isBool === !!(b as IntType).isBool
      );
    case 'float':
      return a.size === (b as typeof a).size;
    case 'ptr':
      return sameType(a.to, (b as typeof a).to);
    case 'array': {
      const o = b as typeof a;
      return sameType(a.of, o.of) && (a.len === undefined || o.len === undefined || a.len === o.len);
    }
    case 'struct':
      return a.info === (b as typeof a).info;
    case 'func': {
      const o = b as typeof a;
      if (!sameType(a.ret, o.ret)) return false;
      if (a.noProto || o.noProto) return true;
      return (
        a.variadic === o.variadic &&
        a.params.length === o.params.length &&
        a.params.every((p, i) => sameType(p, o.params[i]!))
      );
    }
    case 'void':
      return true;
  }
}

/** typeStr prints a type the way gcc's diagnostics do (approximately). */
export function typeStr(t: CType): string {
  switch (t.k) {
    case 'void':
      return 'void';
    case 'int':
      return t.name;
    case 'float':
      return t.size === 4 ? 'float' : 'double';
    case 'ptr':
      return t.to.k === 'func' ? `${typeStr(t.to.ret)} (*)(${funcParams(t.to)})` : `${typeStr(t.to)} *`;
    case 'array':
      return `${typeStr(t.of)}[${t.len ?? ''}]`;
    case 'struct':
      return `${t.info.union ? 'union' : 'struct'} ${t.info.tag}`;
    case 'func':
      return `${typeStr(t.ret)} (${funcParams(t)})`;
  }
}

function funcParams(f: Extract<CType, { k: 'func' }>): string {
  const ps = f.params.map(typeStr);
  if (f.variadic) ps.push('...');
  return ps.length === 0 ? (f.noProto ? '' : 'void') : ps.join(', ');
}
