// The interpreter's less frequent instructions: 64-bit and floating-point arithmetic,
// comparisons and conversions, pointer differences and block copies. run() hands them here
// with the registers saved in the state; they work on the same typed views.
import type { Fault } from './state';
import type { VmState } from './state';
import { SH_FREED } from './state';
import type { Views } from './views';

/** RareFault is a fault a rare instruction raised. */
export interface RareFault {
  readonly kind: Fault['reason'];
  readonly addr: number;
}

/** rareOp executes one of the less frequent instructions at s.pc, updating s.pc and s.sp. */
export function rareOp(s: VmState, vw: Views, op: number): RareFault | undefined {
  const { m8, si, sf, sl, sul } = vw;
  const sh = s.shadow;
  const code = s.chunk.code;
  let pc = s.pc;
  let sp = s.sp;
  let t: number;
  let a: number;
  let b: number;
  switch (op) {
    case 3: // CONST_F
      sf[sp++] = s.chunk.floats[code[pc + 1]!]!;
      pc += 2;
      break;
    case 7: // DUP_X1
      sl[sp] = sl[sp - 1]!;
      sl[sp - 1] = sl[sp - 2]!;
      sl[sp - 2] = sl[sp]!;
      sp++;
      pc += 1;
      break;
    case 51: // ADD_L
      t = --sp << 1;
      a = (si[t - 2]! >>> 0) + (si[t]! >>> 0);
      si[t - 1] = (si[t - 1]! + si[t + 1]! + (a > 0xffffffff ? 1 : 0)) | 0;
      si[t - 2] = a | 0;
      pc += 1;
      break;
    case 52: // SUB_L
      t = --sp << 1;
      a = (si[t - 2]! >>> 0) - (si[t]! >>> 0);
      si[t - 1] = (si[t - 1]! - si[t + 1]! - (a < 0 ? 1 : 0)) | 0;
      si[t - 2] = a | 0;
      pc += 1;
      break;
    case 53: // MUL_L
      sp--;
      sl[sp - 1] = sl[sp - 1]! * sl[sp]!;
      pc += 1;
      break;
    case 54: // DIV_L
    case 55: // DIV_UL
    case 56: // MOD_L
    case 57: // MOD_UL
      sp--;
      if (sl[sp] === 0n) {
        return { kind: 'fpe', addr: 0 };
      }
      if (code[pc] === 54) sl[sp - 1] = sl[sp]! === -1n ? -sl[sp - 1]! : sl[sp - 1]! / sl[sp]!;
      else if (code[pc] === 55) sul[sp - 1] = sul[sp - 1]! / sul[sp]!;
      else if (code[pc] === 56) sl[sp - 1] = sl[sp]! === -1n ? 0n : sl[sp - 1]! % sl[sp]!;
      else sul[sp - 1] = sul[sp - 1]! % sul[sp]!;
      pc += 1;
      break;
    case 58: // AND_L
      t = --sp << 1;
      si[t - 2] = si[t - 2]! & si[t]!;
      si[t - 1] = si[t - 1]! & si[t + 1]!;
      pc += 1;
      break;
    case 59: // OR_L
      t = --sp << 1;
      si[t - 2] = si[t - 2]! | si[t]!;
      si[t - 1] = si[t - 1]! | si[t + 1]!;
      pc += 1;
      break;
    case 60: // XOR_L
      t = --sp << 1;
      si[t - 2] = si[t - 2]! ^ si[t]!;
      si[t - 1] = si[t - 1]! ^ si[t + 1]!;
      pc += 1;
      break;
    case 61: // SHL_L
    case 62: // SHR_L
    case 63: // SHR_UL
      sp--;
      b = si[sp << 1]! & 63;
      if (code[pc] === 61) sl[sp - 1] = sl[sp - 1]! << BigInt(b);
      else if (code[pc] === 62) sl[sp - 1] = sl[sp - 1]! >> BigInt(b);
      else sul[sp - 1] = sul[sp - 1]! >> BigInt(b);
      pc += 1;
      break;
    case 64: // NEG_L
      sl[sp - 1] = -sl[sp - 1]!;
      pc += 1;
      break;
    case 65: // NOT_L
      t = (sp - 1) << 1;
      si[t] = ~si[t]!;
      si[t + 1] = ~si[t + 1]!;
      pc += 1;
      break;
    case 71: // ADD_F
      sp--;
      sf[sp - 1] = sf[sp - 1]! + sf[sp]!;
      pc += 1;
      break;
    case 72: // SUB_F
      sp--;
      sf[sp - 1] = sf[sp - 1]! - sf[sp]!;
      pc += 1;
      break;
    case 73: // MUL_F
      sp--;
      sf[sp - 1] = sf[sp - 1]! * sf[sp]!;
      pc += 1;
      break;
    case 74: // DIV_F
      sp--;
      sf[sp - 1] = sf[sp - 1]! / sf[sp]!;
      pc += 1;
      break;
    case 75: // NEG_F
      sf[sp - 1] = -sf[sp - 1]!;
      pc += 1;
      break;
    case 90: // EQ_L
    case 91: // NE_L
    case 92: // LT_L
    case 93: // LE_L
    case 94: // GT_L
    case 95: // GE_L
      t = --sp << 1;
      a = si[t - 1]!;
      b = si[t + 1]!;
      si[t - 2] = a !== b ? cmp(code[pc]! - 90, a, b) : cmp(code[pc]! - 90, si[t - 2]! >>> 0, si[t]! >>> 0);
      pc += 1;
      break;
    case 96: // LT_UL
    case 97: // LE_UL
    case 98: // GT_UL
    case 99: // GE_UL
      t = --sp << 1;
      a = si[t - 1]! >>> 0;
      b = si[t + 1]! >>> 0;
      si[t - 2] = a !== b ? cmp(code[pc]! - 94, a, b) : cmp(code[pc]! - 94, si[t - 2]! >>> 0, si[t]! >>> 0);
      pc += 1;
      break;
    case 100: // EQ_F
    case 101: // NE_F
    case 102: // LT_F
    case 103: // LE_F
    case 104: // GT_F
    case 105: // GE_F
      sp--;
      si[(sp - 1) << 1] = cmp(code[pc]! - 100, sf[sp - 1]!, sf[sp]!);
      pc += 1;
      break;
    case 117: // I2F
      sf[sp - 1] = si[(sp - 1) << 1]!;
      pc += 1;
      break;
    case 118: // U2F
      sf[sp - 1] = si[(sp - 1) << 1]! >>> 0;
      pc += 1;
      break;
    case 119: // L2F
      sf[sp - 1] = Number(sl[sp - 1]!);
      pc += 1;
      break;
    case 120: // UL2F
      sf[sp - 1] = Number(sul[sp - 1]!);
      pc += 1;
      break;
    case 121: // F2I
    case 122: // F2U
      a = sf[sp - 1]!;
      si[(sp - 1) << 1] = Number.isFinite(a) ? Math.trunc(a) | 0 : -2147483648;
      pc += 1;
      break;
    case 123: // F2L
    case 124: // F2UL
      a = sf[sp - 1]!;
      sl[sp - 1] = Number.isFinite(a) ? BigInt.asIntN(64, BigInt(Math.trunc(a))) : -9223372036854775808n;
      pc += 1;
      break;
    case 125: // F2F32
      sf[sp - 1] = Math.fround(sf[sp - 1]!);
      pc += 1;
      break;
    case 126: // L2P
      t = (sp - 1) << 1;
      if (si[t + 1] !== 0) si[t] = -1;
      pc += 1;
      break;
    case 127: // TEST_L
      t = (sp - 1) << 1;
      si[t] = si[t] !== 0 || si[t + 1] !== 0 ? 1 : 0;
      pc += 1;
      break;
    case 128: // TEST_F
      si[(sp - 1) << 1] = sf[sp - 1] !== 0 ? 1 : 0;
      pc += 1;
      break;
    case 129: // TEST_I
      t = (sp - 1) << 1;
      si[t] = si[t] !== 0 ? 1 : 0;
      pc += 1;
      break;
    case 131: // PDIFF
      t = --sp << 1;
      a = ((si[t - 2]! >>> 0) - (si[t]! >>> 0)) / code[pc + 1]!;
      sl[sp - 1] = BigInt(Math.trunc(a));
      pc += 2;
      break;
    case 160: // MEMCPY
    case 161: {
      // MEMZERO
      const n = code[pc + 1]!;
      const isCopy = code[pc] === 160;
      const dst = si[(sp - (isCopy ? 2 : 1)) << 1]! >>> 0;
      const src = isCopy ? si[(sp - 1) << 1]! >>> 0 : 0;
      if (n > 0) {
        if ((sh[dst] ?? 3) & 2 || (sh[dst + n - 1] ?? 3) & 2) {
          return { kind: sh[dst] === SH_FREED ? 'use-after-free' : 'segv', addr: dst };
        }
        if (isCopy && ((sh[src] ?? 3) & 1 || (sh[src + n - 1] ?? 3) & 1)) {
          return { kind: sh[src] === SH_FREED ? 'use-after-free' : 'segv', addr: src };
        }
        if (isCopy) m8.copyWithin(dst, src, src + n);
        else m8.fill(0, dst, dst + n);
      }
      sp -= 1;
      pc += 2;
      break;
    }
    case 156: {
      // VAENTER: the caller's CALL/CALLI (just before the return pc) says how many arguments came
      const ret = s.frames[s.fsp - 3]!;
      const argc = code[ret - 3] === 150 ? code[ret - 1]! : code[ret - 2]!;
      const extra = Math.max(0, argc - code[pc + 1]!);
      s.csp = (s.csp - extra * 8) & ~15;
      if (s.csp < s.stackLimit) return { kind: 'stack-overflow', addr: 0 };
      for (let i = 0; i < extra; i++) {
        vw.dv.setInt32(s.csp + 8 * i, si[(sp - extra + i) << 1]!, true);
        vw.dv.setInt32(s.csp + 8 * i + 4, si[((sp - extra + i) << 1) + 1]!, true);
      }
      vw.dv.setUint32(s.fp + code[pc + 2]!, s.csp, true);
      vw.dv.setUint32(s.fp + code[pc + 2]! + 4, 0, true);
      sp -= extra;
      pc += 3;
      break;
    }
    default:
      throw new Error(`bad opcode ${op} at pc ${pc}`);
  }
  s.pc = pc;
  s.sp = sp;
  return undefined;
}

/** cmp applies relation r (0 ==, 1 !=, 2 <, 3 <=, 4 >, 5 >=) and returns 1 or 0. */
export function cmp(r: number, a: number, b: number): number {
  switch (r) {
    case 0:
      return a === b ? 1 : 0;
    case 1:
      return a !== b ? 1 : 0;
    case 2:
      return a < b ? 1 : 0;
    case 3:
      return a <= b ? 1 : 0;
    case 4:
      return a > b ? 1 : 0;
    default:
      return a >= b ? 1 : 0;
  }
}
