// The code buffer the compiler writes into: instructions with their source lines, forward
// jump patching, the float pool, interned string literals in read-only data, and the
// value-class helpers (loads, stores, conversions) every part of code generation uses.
import type { CType, IntType } from '../types/types';
import { sizeOf } from '../types/types';
import { op } from './opcodes';

// Fusing a compare with the branch after it: relation numbers of the int32 compares (0 == 1 !=
// 2 < 3 <= 4 > 5 >=, 6-9 the unsigned < <= > >=) and the relation that is their negation.
const FUSE = new Map<number, number>(
  ['EQ_I', 'NE_I', 'LT_I', 'LE_I', 'GT_I', 'GE_I', 'LT_U', 'LE_U', 'GT_U', 'GE_U'].map((n, i) => [op(n), i]),
);
const INVERT = [1, 0, 5, 4, 3, 2, 9, 8, 7, 6];
// Int32 binary operators whose right operand, when a constant or an int local, folds into
// the operator as an immediate (…K_I) or a local's offset (…L_I).
const WITH_CONST = new Map<string, string>(
  ['ADD', 'SUB', 'MUL', 'AND', 'OR', 'XOR', 'SHL', 'SHR'].map((n) => [`${n}_I`, `${n}K_I`]),
).set('SHR_U', 'SHRK_U');
const WITH_LOCAL = new Map<string, string>([
  ['ADD_I', 'ADDL_I'],
  ['SUB_I', 'SUBL_I'],
]);

/** Cls is the stack class of a value: int32, int64, pointer, double, aggregate address, none. */
export type Cls = 'I' | 'L' | 'P' | 'F' | 'A' | 'V';

/** clsOf is the stack class values of a type travel in. */
export function clsOf(t: CType): Cls {
  switch (t.k) {
    case 'int':
      return t.size === 8 ? 'L' : 'I';
    case 'ptr':
      return 'P';
    case 'float':
      return 'F';
    case 'struct':
    case 'array':
      return 'A';
    default:
      return 'V';
  }
}

const signed = (t: CType): boolean => t.k === 'int' && t.signed && t.isBool !== true;

/** Emitter accumulates bytecode, lines, floats and read-only data. */
export class Emitter {
  code: number[] = [];
  lines: number[] = [];
  floats: number[] = [];
  rodata: number[] = [];
  line = 0;
  private readonly recent: number[] = [];
  private readonly strings = new Map<string, number>();

  constructor(readonly rodataBase: number) {}

  get pc(): number {
    return this.code.length;
  }

  /** emit appends an instruction by name with its operands, fusing common pairs (see fuse). */
  emit(name: string, ...operands: number[]): number {
    const fused = this.fuse(name, operands);
    if (fused !== undefined) [name, operands] = fused;
    const at = this.code.length;
    this.recent.push(at);
    this.code.push(op(name), ...operands);
    for (let i = 0; i <= operands.length; i++) this.lines.push(this.line);
    return at;
  }

  /** tail returns the opcode and operands of the n-th latest instruction since the last label. */
  private tail(n: number): { code: number; args: number[]; line: number } | undefined {
    const at = this.recent[this.recent.length - n];
    const end = n === 1 ? this.code.length : this.recent[this.recent.length - n + 1]!;
    return at === undefined
      ? undefined
      : { code: this.code[at]!, args: this.code.slice(at + 1, end), line: this.lines[at]! };
  }

  private drop(n: number): void {
    const at = this.recent[this.recent.length - n]!;
    this.recent.length -= n;
    this.code.length = at;
    this.lines.length = at;
  }

  /**
   * fuse rewrites an instruction with the ones just before it into a superinstruction:
   * I2L;PADD → PADDI, LOADL_I32;PADDI → PADDL, LOADL_PTR or CONST_I;PADDL → PADDLL or PADDKL,
   * STORE_*;POP → STOREP, CONST_I;STOREP → STOREPK, CONST_I;int op → …K_I, LOADL_I32;ADD_I or
   * SUB_I → ADDL_I or SUBL_I, LOADL_I32;ADDL_I;SETL_I32 → ADDLL_I, ADD_I;SETL_I32 → ADDSETL_I,
   * PADDLL or PADDKL;LOAD_* → LDXL or LDXK, compare;JZ/JNZ → BR_I, LOADL_I32;CONST_I;BR_I →
   * BRLK_I, INCL_I32;BRLK_I → INCBRLK_I (on one line, so stepping stops as before). Never
   * across a label, so no jump lands inside a pair.
   */
  private fuse(name: string, operands: number[]): [string, number[]] | undefined {
    const last = this.tail(1);
    if (last === undefined) return undefined;
    if (name === 'PADD' && last.code === op('I2L')) {
      this.drop(1);
      const prev = this.tail(1);
      if (prev?.code === op('LOADL_I32')) {
        this.drop(1);
        const base = this.tail(1);
        if (base?.code === op('LOADL_PTR') || base?.code === op('CONST_I')) {
          this.drop(1);
          const fused = base.code === op('CONST_I') ? 'PADDKL' : 'PADDLL';
          return [fused, [base.args[0]!, prev.args[0]!, operands[0]!]];
        }
        return ['PADDL', [prev.args[0]!, operands[0]!]];
      }
      return ['PADDI', operands];
    }
    if (name === 'POP' && last.code >= op('STORE_I8') && last.code <= op('STORE_PTR')) {
      const value = this.tail(2);
      if (value?.code === op('CONST_I')) {
        this.drop(2);
        return ['STOREPK', [last.code, value.args[0]!]];
      }
      this.drop(1);
      return ['STOREP', [last.code]];
    }
    if (op(name) >= op('LOAD_I8') && op(name) <= op('LOAD_PTR')) {
      const fused = last.code === op('PADDLL') ? 'LDXL' : last.code === op('PADDKL') ? 'LDXK' : undefined;
      if (fused === undefined) return undefined;
      this.drop(1);
      return [fused, [op(name), ...last.args]];
    }
    if (name === 'SETL_I32' && last.code === op('ADD_I')) {
      this.drop(1);
      return ['ADDSETL_I', operands];
    }
    if (name === 'SETL_I32' && last.code === op('ADDL_I')) {
      const left = this.tail(2);
      if (left?.code === op('LOADL_I32')) {
        this.drop(2);
        return ['ADDLL_I', [left.args[0]!, last.args[0]!, operands[0]!]];
      }
    }
    const withConst = WITH_CONST.get(name);
    if (withConst !== undefined && last.code === op('CONST_I')) {
      this.drop(1);
      return [withConst, last.args];
    }
    const withLocal = WITH_LOCAL.get(name);
    if (withLocal !== undefined && last.code === op('LOADL_I32')) {
      this.drop(1);
      return [withLocal, last.args];
    }
    const rel = FUSE.get(last.code);
    if ((name === 'JZ' || name === 'JNZ') && rel !== undefined) {
      const r = name === 'JNZ' ? rel : INVERT[rel]!;
      const k = this.tail(2);
      const v = this.tail(3);
      if (k?.code === op('CONST_I') && v?.code === op('LOADL_I32')) {
        const step = this.tail(4);
        if (step?.code === op('INCL_I32') && step.line === this.line) {
          this.drop(4);
          return ['INCBRLK_I', [...step.args, v.args[0]!, k.args[0]!, r, operands[0]!]];
        }
        this.drop(3);
        return ['BRLK_I', [v.args[0]!, k.args[0]!, r, operands[0]!]];
      }
      this.drop(1);
      return ['BR_I', [r, operands[0]!]];
    }
    return undefined;
  }

  /** jump emits a jump-like instruction whose last operand is patched later; returns the operand index. */
  jump(name: string, ...operands: number[]): number {
    this.emit(name, ...operands, -1);
    return this.code.length - 1;
  }

  /** label marks the current pc as a jump target (so no fusion reaches across it) and returns it. */
  label(): number {
    this.recent.length = 0;
    return this.code.length;
  }

  /** patch points a jump operand at the current pc (or a given target). */
  patch(at: number, target = this.label()): void {
    this.code[at] = target;
  }

  constI(v: number): void {
    this.emit('CONST_I', v | 0);
  }

  /** constOf pushes an integer constant in the class of a type. */
  constOf(v: bigint, t: CType): void {
    const c = clsOf(t);
    if (c === 'L') this.emit('CONST_L', Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)));
    else if (c === 'F') this.constF(Number(v));
    else this.constI(Number(BigInt.asIntN(32, v)));
  }

  constF(v: number): void {
    let i = this.floats.findIndex((f) => Object.is(f, v));
    if (i < 0) i = this.floats.push(v) - 1;
    this.emit('CONST_F', i);
  }

  /** str interns a string literal's bytes (with NUL) in read-only data and returns its address. */
  str(bytes: readonly number[]): number {
    const key = bytes.join(',');
    const found = this.strings.get(key);
    if (found !== undefined) return found;
    const addr = this.rodataBase + this.rodata.length;
    this.rodata.push(...bytes);
    this.strings.set(key, addr);
    return addr;
  }

  /** load emits the load of a value of type t from the address on top (aggregates stay addresses). */
  load(t: CType): void {
    if (t.k === 'int' && t.bitField !== undefined) return this.loadBits(t, t.bitField);
    if (t.k === 'int') {
      const name =
        t.size === 1
          ? signed(t)
            ? 'LOAD_I8'
            : 'LOAD_U8'
          : t.size === 2
            ? t.signed
              ? 'LOAD_I16'
              : 'LOAD_U16'
            : t.size === 4
              ? 'LOAD_I32'
              : 'LOAD_I64';
      this.emit(name);
    } else if (t.k === 'ptr') this.emit('LOAD_PTR');
    else if (t.k === 'float') this.emit(t.size === 4 ? 'LOAD_F32' : 'LOAD_F64');
  }

  /** store emits [addr v] -> [v] for type t (structs copy and leave the destination address; a bit-field leaves the value it now holds). */
  store(t: CType): void {
    if (t.k === 'int' && t.bitField !== undefined) return this.storeBits(t, t.bitField);
    if (t.k === 'int')
      this.emit(
        t.size === 1 ? 'STORE_I8' : t.size === 2 ? 'STORE_I16' : t.size === 4 ? 'STORE_I32' : 'STORE_I64',
      );
    else if (t.k === 'ptr') this.emit('STORE_PTR');
    else if (t.k === 'float') this.emit(t.size === 4 ? 'STORE_F32' : 'STORE_F64');
    else if (t.k === 'struct' || t.k === 'array') this.emit('MEMCPY', sizeOf(t));
  }

  /** loadBits: [addr] -> [v], the bit-field's bits of its storage unit, sign-extended when its type is signed. */
  private loadBits(t: IntType, bits: { width: number; shift: number }): void {
    this.emit(t.size === 1 ? 'LOAD_U8' : t.size === 2 ? 'LOAD_U16' : 'LOAD_I32');
    if (bits.shift > 0) {
      this.constI(bits.shift);
      this.emit('SHR_U');
    }
    this.extendBits(t, bits.width);
  }

  /** storeBits: [addr v] -> [v'], merging v's low bits into the storage unit (read, clear, or, write) and leaving the value the bit-field now holds. */
  private storeBits(t: IntType, bits: { width: number; shift: number }): void {
    const mask = bits.width === 32 ? -1 : (1 << bits.width) - 1;
    const unit = t.size === 1 ? 'U8' : t.size === 2 ? 'U16' : 'I32';
    this.constI(mask);
    this.emit('AND_I'); // [addr vm]
    this.emit('DUP_X1'); // [vm addr vm]
    if (bits.shift > 0) {
      this.constI(bits.shift);
      this.emit('SHL_I');
    }
    this.emit('SWAP'); // [vm vs addr]
    this.emit('DUP_X1'); // [vm addr vs addr]
    this.emit(`LOAD_${unit}`); // [vm addr vs old]
    this.constI(~(mask << bits.shift));
    this.emit('AND_I');
    this.emit('OR_I'); // [vm addr new]
    this.emit(t.size === 1 ? 'STORE_I8' : t.size === 2 ? 'STORE_I16' : 'STORE_I32');
    this.emit('POP'); // [vm]
    this.extendBits(t, bits.width);
  }

  /** extendBits turns the low `width` bits on top into the bit-field's value: masked when unsigned, sign-extended when signed. */
  private extendBits(t: IntType, width: number): void {
    if (width === 32) return;
    if (!t.signed || t.isBool === true) {
      this.constI((1 << width) - 1);
      return void this.emit('AND_I');
    }
    this.constI(32 - width);
    this.emit('SHL_I');
    this.constI(32 - width);
    this.emit('SHR_I');
  }

  /** convert emits the conversion of the value on top from type `from` to type `to`. */
  convert(from: CType, to: CType): void {
    const fc = clsOf(from);
    const tc = clsOf(to);
    if (tc === 'V' || tc === 'A' || fc === 'A' || fc === 'V') return;
    if (to.k === 'int' && to.isBool === true) {
      if (from.k === 'int' && from.isBool === true) return;
      this.emit(fc === 'L' ? 'TEST_L' : fc === 'F' ? 'TEST_F' : 'TEST_I');
      return;
    }
    if (fc === 'F') {
      if (tc === 'F') {
        if (sizeOf(to) === 4) this.emit('F2F32');
        return;
      }
      if (tc === 'L') return void this.emit(signed(to) ? 'F2L' : 'F2UL');
      this.emit(tc === 'P' ? 'F2U' : signed(to) || sizeOf(to) < 4 ? 'F2I' : 'F2U');
      this.narrow(to);
      return;
    }
    if (tc === 'F') {
      if (fc === 'L') this.emit(signed(from) ? 'L2F' : 'UL2F');
      else this.emit(fc === 'I' && signed(from) ? 'I2F' : 'U2F');
      if (sizeOf(to) === 4) this.emit('F2F32');
      return;
    }
    if (fc === 'L') {
      if (tc === 'L') return;
      if (tc === 'P') return void this.emit('L2P');
      this.emit('L2I');
      this.narrow(to);
      return;
    }
    if (tc === 'L') return void this.emit(fc === 'I' && signed(from) ? 'I2L' : 'U2L');
    if (
      tc === 'I' &&
      (sizeOf(to) < sizeOf(from) || fc === 'P' || sizeOf(to) < 4 || signed(to) !== signed(from))
    )
      this.narrow(to);
  }

  private narrow(to: CType): void {
    if (to.k !== 'int') return;
    if (to.size === 1) this.emit(to.signed ? 'SEXT8' : 'ZEXT8');
    else if (to.size === 2) this.emit(to.signed ? 'SEXT16' : 'ZEXT16');
  }

  /** truth turns the value on top (of type t) into an int that is non-zero when true. */
  truth(t: CType): void {
    const c = clsOf(t);
    if (c === 'L') this.emit('TEST_L');
    else if (c === 'F') this.emit('TEST_F');
  }
}
