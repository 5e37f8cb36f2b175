// Printing a C value from a program's memory the way gdb's `print` does, for the REPL:
// integers in decimal, chars as `65 'A'`, pointers in hex (char pointers with their string,
// function pointers with the function's name), arrays and structs in braces, char arrays as
// strings. Memory the program may not read is shown as gdb shows it, never read.

import type { CType } from '../types/types';
import { sizeOf, typeStr } from '../types/types';
import { FUNC_BASE } from '../vm/layout';
import type { VmState } from '../vm/state';

/** MAX_ELEMENTS caps how many array elements and string characters are printed. */
const MAX_ELEMENTS = 200;

const readable = (s: VmState, addr: number, n: number): boolean => {
  if (addr < 0 || addr + n > s.mem.length) return false;
  for (let i = addr; i < addr + n; i++) if ((s.shadow[i]! & 1) !== 0) return false;
  return true;
};

const isChar = (t: CType): boolean => t.k === 'int' && t.size === 1 && t.isBool !== true;

/** charLiteral writes byte b as gdb writes a char: 'A', '\n', '\000'. */
function escapeChar(b: number, quote: string): string {
  const named: Record<number, string> = {
    7: '\\a',
    8: '\\b',
    9: '\\t',
    10: '\\n',
    11: '\\v',
    12: '\\f',
    13: '\\r',
  };
  if (named[b] !== undefined) return named[b]!;
  if (b === 0x5c) return '\\\\';
  if (String.fromCharCode(b) === quote) return `\\${quote}`;
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  return `\\${b.toString(8).padStart(3, '0')}`;
}

/** cString reads the NUL-terminated string at addr (at most max bytes) as a quoted C literal, or undefined when unreadable. */
function cString(s: VmState, addr: number, max: number): string | undefined {
  let out = '';
  for (let i = 0; i < Math.min(max, MAX_ELEMENTS); i++) {
    if (!readable(s, addr + i, 1)) return i === 0 ? undefined : `"${out}"...`;
    const b = s.mem[addr + i]!;
    if (b === 0) return `"${out}"`;
    out += escapeChar(b, '"');
  }
  return `"${out}"${max > MAX_ELEMENTS ? '...' : ''}`;
}

function showInt(s: VmState, addr: number, t: Extract<CType, { k: 'int' }>): string {
  const dv = new DataView(s.mem.buffer, s.mem.byteOffset);
  let v: bigint;
  if (t.size === 8) v = t.signed ? dv.getBigInt64(addr, true) : dv.getBigUint64(addr, true);
  else if (t.size === 4) v = BigInt(t.signed ? dv.getInt32(addr, true) : dv.getUint32(addr, true));
  else if (t.size === 2) v = BigInt(t.signed ? dv.getInt16(addr, true) : dv.getUint16(addr, true));
  else v = BigInt(t.signed ? dv.getInt8(addr) : dv.getUint8(addr));
  if (t.isBool === true) return v === 0n ? 'false' : 'true';
  return t.size === 1 ? `${v} '${escapeChar(Number(v) & 0xff, "'")}'` : String(v);
}

function showFloat(v: number, digits: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan(0x8000000000000)' : v > 0 ? 'inf' : '-inf';
  const p = v.toPrecision(digits);
  return p.includes('e') ? p : p.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function showPointer(s: VmState, p: number, to: CType): string {
  const hex = `0x${p.toString(16)}`;
  if (p === 0) return hex;
  if (to.k === 'func') {
    const f = s.chunk.funcs[p - FUNC_BASE];
    return f === undefined ? hex : `${hex} <${f.name}>`;
  }
  if (isChar(to)) {
    const str = cString(s, p, MAX_ELEMENTS + 1);
    return str === undefined ? `${hex} <error: Cannot access memory at address ${hex}>` : `${hex} ${str}`;
  }
  return hex;
}

/** showValue prints the value of type t stored at addr in the program's memory. */
export function showValue(s: VmState, addr: number, t: CType): string {
  if (t.k === 'func') return showValueFunc(s, addr, t);
  const size = t.k === 'void' ? 1 : sizeOf(t);
  if (!readable(s, addr, Math.max(size, 1)))
    return `<error: Cannot access memory at address 0x${addr.toString(16)}>`;
  const dv = new DataView(s.mem.buffer, s.mem.byteOffset);
  switch (t.k) {
    case 'int':
      return showInt(s, addr, t);
    case 'float':
      return t.size === 4
        ? showFloat(dv.getFloat32(addr, true), 9)
        : showFloat(dv.getFloat64(addr, true), 17);
    case 'ptr':
      return showPointer(s, Number(dv.getBigUint64(addr, true)), t.to);
    case 'array': {
      const len = t.len ?? 0;
      if (isChar(t.of)) return cString(s, addr, len) ?? '""';
      const step = sizeOf(t.of);
      const items: string[] = [];
      for (let i = 0; i < Math.min(len, MAX_ELEMENTS); i++) items.push(showValue(s, addr + i * step, t.of));
      return `{${items.join(', ')}${len > MAX_ELEMENTS ? '...' : ''}}`;
    }
    case 'struct':
      return `{${t.info.fields.map((f) => `${f.name} = ${showValue(s, addr + f.offset, f.type)}`).join(', ')}}`;
    case 'void':
      return 'void';
  }
}

/** showValueFunc prints a function designator as gdb does: its type, address and name. */
function showValueFunc(s: VmState, addr: number, t: CType): string {
  const f = s.chunk.funcs[addr - FUNC_BASE];
  return `{${typeStr(t)}} 0x${addr.toString(16)}${f === undefined ? '' : ` <${f.name}>`}`;
}
