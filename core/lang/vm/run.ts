// The interpreter: runs a program for at most `budget` instructions and reports why it
// stopped. One countdown (`fuel`) is tested per fetch; it reaches zero at the end of the
// budget, and on every instruction while stepping or with breakpoints set, so a single check
// serves time slices, stepping and breakpoints. Cases use literal opcode numbers (V8 builds a
// jump table for them); a test checks each `case N: // NAME` against the opcode table.
import { BUILTIN_BASE, FUNC_BASE } from './layout';
import { makeFault } from './fault';
import type { Fault, VmState } from './state';
import { MAX_FRAMES, SH_FREED, STACK_SLOTS } from './state';
import { callBuiltin } from './callOut';
import { loadAt, storeAt } from './memOps';
import { cmp, rareOp } from './rareOps';
import type { RunResult, Runtime } from './result';
import { trapStop } from './trap';
import { views } from './views';

/** run executes up to `budget` instructions of a program. */
export function run(s: VmState, budget: number, rt: Runtime): RunResult {
  if (s.status === 'exited') return { k: 'exit', code: s.exitCode };
  if (s.status === 'faulted') return { k: 'fault', fault: s.fault! };
  const vw = views(s);
  const { m8, m32, dv, si, sf, sl } = vw;
  const sh = s.shadow;
  const code = s.chunk.code;
  const lines = s.chunk.lines;
  const frames = s.frames;
  const entries = s.chunk.funcs.map((f) => f.entry);
  const trapping = s.trap.step || s.trap.breakpoints.length > 0;
  let pc = s.pc;
  let sp = s.sp;
  let fp = s.fp;
  let csp = s.csp;
  let fsp = s.fsp;
  let left = budget;
  let fuel = trapping ? 0 : left;
  let result: RunResult | undefined;
  let faultAddr = 0;
  let faultKind: Fault['reason'] | undefined;
  let t: number;
  let a: number;
  let b: number;
  outer: for (;;) {
    if (--fuel < 0) {
      if (!trapping || --left < 0) {
        result = { k: 'yield' };
        break;
      }
      fuel = 0;
      result = trapStop(s, lines[pc]!);
      if (result !== undefined) break;
    }
    switch (code[pc]) {
      case 0: // NOP
        pc += 1;
        break;
      case 1: // CONST_I
        t = sp++ << 1;
        si[t] = code[pc + 1]!;
        pc += 2;
        break;
      case 2: // CONST_L
        t = sp++ << 1;
        si[t] = code[pc + 1]!;
        si[t + 1] = code[pc + 2]!;
        pc += 3;
        break;
      case 4: // ADDR_LOCAL
        si[sp++ << 1] = fp + code[pc + 1]!;
        pc += 2;
        break;
      case 5: // POP
        sp--;
        pc += 1;
        break;
      case 6: // DUP
        sf[sp] = sf[sp - 1]!;
        sl[sp] = sl[sp - 1]!;
        sp++;
        pc += 1;
        break;
      case 10: // LOAD_I8
      case 11: // LOAD_U8
      case 12: // LOAD_I16
      case 13: // LOAD_U16
      case 14: // LOAD_I32
      case 15: // LOAD_I64
      case 16: // LOAD_F32
      case 17: // LOAD_F64
      case 18: // LOAD_PTR
        t = (sp - 1) << 1;
        a = si[t]! >>> 0;
        b = sh[a] ?? 3;
        if ((b & 1) !== 0) {
          faultAddr = a;
          faultKind = b === SH_FREED ? 'use-after-free' : 'segv';
          break outer;
        }
        b = code[pc]!;
        if (b === 11) si[t] = m8[a]!;
        else if (b === 14 && (a & 3) === 0) si[t] = m32[a >> 2]!;
        else loadAt(vw, b, a, t);
        pc += 1;
        break;
      case 19: // STOREP
      case 20: // STORE_I8
      case 21: // STORE_I16
      case 22: // STORE_I32
      case 23: // STORE_I64
      case 24: // STORE_F32
      case 25: // STORE_F64
      case 26: // STORE_PTR
        t = (sp - 2) << 1;
        a = si[t]! >>> 0;
        b = sh[a] ?? 3;
        if ((b & 2) !== 0) {
          faultAddr = a;
          faultKind = b === SH_FREED ? 'use-after-free' : 'segv';
          break outer;
        }
        if (code[pc] === 19) {
          storeAt(vw, code[pc + 1]!, a, t);
          sp -= 2;
          pc += 2;
          break;
        }
        storeAt(vw, code[pc]!, a, t);
        sf[sp - 2] = sf[sp - 1]!;
        sp--;
        pc += 1;
        break;
      case 27: // LOADL_I32
        a = fp + code[pc + 1]!;
        si[sp++ << 1] = (a & 3) === 0 ? m32[a >> 2]! : dv.getInt32(a, true);
        pc += 2;
        break;
      case 28: // SETL_I32
        a = fp + code[pc + 1]!;
        if ((a & 3) === 0) m32[a >> 2] = si[--sp << 1]!;
        else dv.setInt32(a, si[--sp << 1]!, true);
        pc += 2;
        break;
      case 47: // INCL_I32
        a = fp + code[pc + 1]!;
        if ((a & 3) === 0) m32[a >> 2] = (m32[a >> 2]! + code[pc + 2]!) | 0;
        else dv.setInt32(a, (dv.getInt32(a, true) + code[pc + 2]!) | 0, true);
        pc += 3;
        break;
      case 29: // LOADL_I64
      case 30: // LOADL_PTR
        a = fp + code[pc + 1]!;
        t = sp++ << 1;
        si[t] = dv.getInt32(a, true);
        si[t + 1] = dv.getInt32(a + 4, true);
        if (code[pc] === 30 && si[t + 1] !== 0) si[t] = -1;
        pc += 2;
        break;
      case 31: // ADD_I
        t = --sp << 1;
        si[t - 2] = (si[t - 2]! + si[t]!) | 0;
        pc += 1;
        break;
      case 32: // SUB_I
        t = --sp << 1;
        si[t - 2] = (si[t - 2]! - si[t]!) | 0;
        pc += 1;
        break;
      case 33: // MUL_I
        t = --sp << 1;
        si[t - 2] = Math.imul(si[t - 2]!, si[t]!);
        pc += 1;
        break;
      case 34: // DIV_I
      case 35: // DIV_U
      case 36: // MOD_I
      case 37: // MOD_U
        t = --sp << 1;
        b = si[t]!;
        if (b === 0) {
          faultKind = 'fpe';
          break outer;
        }
        a = si[t - 2]!;
        if (code[pc] === 34) si[t - 2] = a === -2147483648 && b === -1 ? a : (a / b) | 0;
        else if (code[pc] === 35) si[t - 2] = ((a >>> 0) / (b >>> 0)) | 0;
        else if (code[pc] === 36) si[t - 2] = b === -1 ? 0 : (a % b) | 0;
        else si[t - 2] = ((a >>> 0) % (b >>> 0)) | 0;
        pc += 1;
        break;
      case 38: // AND_I
        t = --sp << 1;
        si[t - 2] = si[t - 2]! & si[t]!;
        pc += 1;
        break;
      case 39: // OR_I
        t = --sp << 1;
        si[t - 2] = si[t - 2]! | si[t]!;
        pc += 1;
        break;
      case 40: // XOR_I
        t = --sp << 1;
        si[t - 2] = si[t - 2]! ^ si[t]!;
        pc += 1;
        break;
      case 41: // SHL_I
        t = --sp << 1;
        si[t - 2] = si[t - 2]! << si[t]!;
        pc += 1;
        break;
      case 42: // SHR_I
        t = --sp << 1;
        si[t - 2] = si[t - 2]! >> si[t]!;
        pc += 1;
        break;
      case 43: // SHR_U
        t = --sp << 1;
        si[t - 2] = si[t - 2]! >>> si[t]!;
        pc += 1;
        break;
      case 44: // NEG_I
        t = (sp - 1) << 1;
        si[t] = -si[t]! | 0;
        pc += 1;
        break;
      case 45: // NOT_I
        t = (sp - 1) << 1;
        si[t] = ~si[t]!;
        pc += 1;
        break;
      case 46: // LNOT_I
        t = (sp - 1) << 1;
        si[t] = si[t] === 0 ? 1 : 0;
        pc += 1;
        break;
      case 130: // PADD
        t = --sp << 1;
        a = (si[t]! >>> 0) + si[t + 1]! * 4294967296;
        b = (si[t - 2]! >>> 0) + a * code[pc + 1]!;
        si[t - 2] = b >= 0 && b < 4294967296 ? b | 0 : -1;
        pc += 2;
        break;
      case 132: // PADDI
        t = --sp << 1;
        b = (si[t - 2]! >>> 0) + si[t]! * code[pc + 1]!;
        si[t - 2] = b >= 0 && b < 4294967296 ? b | 0 : -1;
        pc += 2;
        break;
      case 133: // PADDL
        t = (sp - 1) << 1;
        b = (si[t]! >>> 0) + m32[(fp + code[pc + 1]!) >> 2]! * code[pc + 2]!;
        si[t] = b >= 0 && b < 4294967296 ? b | 0 : -1;
        pc += 3;
        break;
      case 145: // BRLK_I
        a = m32[(fp + code[pc + 1]!) >> 2]!;
        b = code[pc + 3]!;
        if (b < 6 ? cmp(b, a, code[pc + 2]!) : cmp(b - 4, a >>> 0, code[pc + 2]! >>> 0)) pc = code[pc + 4]!;
        else pc += 5;
        break;
      case 146: // INCBRLK_I
        a = fp + code[pc + 1]!;
        if ((a & 3) === 0) m32[a >> 2] = (m32[a >> 2]! + code[pc + 2]!) | 0;
        else dv.setInt32(a, (dv.getInt32(a, true) + code[pc + 2]!) | 0, true);
        a = m32[(fp + code[pc + 3]!) >> 2]!;
        b = code[pc + 5]!;
        if (b < 6 ? cmp(b, a, code[pc + 4]!) : cmp(b - 4, a >>> 0, code[pc + 4]! >>> 0)) pc = code[pc + 6]!;
        else pc += 7;
        break;
      case 144: // BR_I
        t = (sp -= 2) << 1;
        b = code[pc + 1]!;
        if (b < 6 ? cmp(b, si[t]!, si[t + 2]!) : cmp(b - 4, si[t]! >>> 0, si[t + 2]! >>> 0))
          pc = code[pc + 2]!;
        else pc += 3;
        break;
      case 80: // EQ_I
      case 81: // NE_I
      case 82: // LT_I
      case 83: // LE_I
      case 84: // GT_I
      case 85: // GE_I
        t = --sp << 1;
        a = si[t - 2]!;
        b = si[t]!;
        si[t - 2] = cmp(code[pc]! - 80, a, b);
        pc += 1;
        break;
      case 86: // LT_U
      case 87: // LE_U
      case 88: // GT_U
      case 89: // GE_U
        t = --sp << 1;
        si[t - 2] = cmp(code[pc]! - 84, si[t - 2]! >>> 0, si[t]! >>> 0);
        pc += 1;
        break;
      default: {
        // everything else: rareOps.ts
        s.pc = pc;
        s.sp = sp;
        s.fp = fp;
        s.csp = csp;
        s.fsp = fsp;
        const f = rareOp(s, vw, code[pc]!);
        if (f !== undefined) {
          faultKind = f.kind;
          faultAddr = f.addr;
          break outer;
        }
        pc = s.pc;
        sp = s.sp;
        csp = s.csp;
        break;
      }
      case 140: // JMP
        pc = code[pc + 1]!;
        break;
      case 141: // JZ
        pc = si[--sp << 1] === 0 ? code[pc + 1]! : pc + 2;
        break;
      case 142: // JNZ
        pc = si[--sp << 1] !== 0 ? code[pc + 1]! : pc + 2;
        break;
      case 143: // CASE
        t = (sp - 1) << 1;
        if (si[t] === code[pc + 1] && si[t + 1] === code[pc + 2]) {
          sp--;
          pc = code[pc + 3]!;
        } else pc += 4;
        break;
      case 150: // CALL
      case 151: // CALLI
      case 152: {
        // CALLB
        const op = code[pc]!;
        let target = op === 150 ? code[pc + 1]! : -1;
        let id = op === 152 ? code[pc + 1]! : -1;
        const argc = op === 151 ? code[pc + 1]! : code[pc + 2]!;
        let fnAddr = -1;
        if (op === 151) {
          fnAddr = si[(sp - argc - 1) << 1]! >>> 0;
          for (let i = sp - argc - 1; i < sp - 1; i++) sl[i] = sl[i + 1]!;
          sp--;
          if (fnAddr >= FUNC_BASE && fnAddr < FUNC_BASE + entries.length) target = fnAddr - FUNC_BASE;
          else if (fnAddr >= BUILTIN_BASE && fnAddr < BUILTIN_BASE + rt.builtins.length)
            id = fnAddr - BUILTIN_BASE;
          else {
            faultAddr = fnAddr;
            faultKind = 'segv';
            break outer;
          }
        }
        if (target >= 0) {
          if (fsp >= MAX_FRAMES * 3 || sp > STACK_SLOTS - 1024) {
            faultKind = 'stack-overflow';
            break outer;
          }
          frames[fsp] = pc + 3;
          frames[fsp + 1] = fp;
          frames[fsp + 2] = csp;
          fsp += 3;
          pc = entries[target]!;
          break;
        }
        s.pc = pc;
        s.sp = sp;
        s.fp = fp;
        s.csp = csp;
        s.fsp = fsp;
        result = callBuiltin(s, rt, id, argc, fnAddr);
        sp = s.sp;
        fp = s.fp;
        csp = s.csp;
        fsp = s.fsp;
        if (result !== undefined) break outer;
        pc = s.pc;
        break;
      }
      case 153: // ENTER
        a = csp - code[pc + 1]!;
        if (a < s.stackLimit) {
          faultKind = 'stack-overflow';
          break outer;
        }
        fp = a;
        csp = a;
        pc += 2;
        break;
      case 154: // RET
      case 155: // RET_VOID
        fsp -= 3;
        pc = frames[fsp]!;
        fp = frames[fsp + 1]!;
        csp = frames[fsp + 2]!;
        break;
      case 162: // LINE
        pc += 1;
        break;
      case 8: // SWAP
        t = (sp - 1) << 1;
        a = si[t]!;
        b = si[t + 1]!;
        si[t] = si[t - 2]!;
        si[t + 1] = si[t - 1]!;
        si[t - 2] = a;
        si[t - 1] = b;
        pc += 1;
        break;
      case 110: // I2L
        t = (sp - 1) << 1;
        si[t + 1] = si[t]! >> 31;
        pc += 1;
        break;
      case 111: // U2L
        si[((sp - 1) << 1) + 1] = 0;
        pc += 1;
        break;
      case 112: // L2I
        pc += 1;
        break;
      case 113: // SEXT8
        t = (sp - 1) << 1;
        si[t] = (si[t]! << 24) >> 24;
        pc += 1;
        break;
      case 114: // ZEXT8
        t = (sp - 1) << 1;
        si[t] = si[t]! & 0xff;
        pc += 1;
        break;
      case 115: // SEXT16
        t = (sp - 1) << 1;
        si[t] = (si[t]! << 16) >> 16;
        pc += 1;
        break;
      case 116: // ZEXT16
        t = (sp - 1) << 1;
        si[t] = si[t]! & 0xffff;
        pc += 1;
        break;
      case 170: // ADDK_I
        t = (sp - 1) << 1;
        si[t] = (si[t]! + code[pc + 1]!) | 0;
        pc += 2;
        break;
      case 171: // SUBK_I
        t = (sp - 1) << 1;
        si[t] = (si[t]! - code[pc + 1]!) | 0;
        pc += 2;
        break;
      case 172: // MULK_I
        t = (sp - 1) << 1;
        si[t] = Math.imul(si[t]!, code[pc + 1]!);
        pc += 2;
        break;
      case 173: // ANDK_I
        t = (sp - 1) << 1;
        si[t] = si[t]! & code[pc + 1]!;
        pc += 2;
        break;
      case 174: // ORK_I
        t = (sp - 1) << 1;
        si[t] = si[t]! | code[pc + 1]!;
        pc += 2;
        break;
      case 175: // XORK_I
        t = (sp - 1) << 1;
        si[t] = si[t]! ^ code[pc + 1]!;
        pc += 2;
        break;
      case 176: // SHLK_I
        t = (sp - 1) << 1;
        si[t] = si[t]! << code[pc + 1]!;
        pc += 2;
        break;
      case 177: // SHRK_I
        t = (sp - 1) << 1;
        si[t] = si[t]! >> code[pc + 1]!;
        pc += 2;
        break;
      case 178: // SHRK_U
        t = (sp - 1) << 1;
        si[t] = si[t]! >>> code[pc + 1]!;
        pc += 2;
        break;
      case 180: // ADDL_I
        a = fp + code[pc + 1]!;
        t = (sp - 1) << 1;
        si[t] = (si[t]! + ((a & 3) === 0 ? m32[a >> 2]! : dv.getInt32(a, true))) | 0;
        pc += 2;
        break;
      case 181: // SUBL_I
        a = fp + code[pc + 1]!;
        t = (sp - 1) << 1;
        si[t] = (si[t]! - ((a & 3) === 0 ? m32[a >> 2]! : dv.getInt32(a, true))) | 0;
        pc += 2;
        break;
      case 183: // ADDSETL_I
        t = (sp -= 2) << 1;
        a = fp + code[pc + 1]!;
        if ((a & 3) === 0) m32[a >> 2] = (si[t]! + si[t + 2]!) | 0;
        else dv.setInt32(a, (si[t]! + si[t + 2]!) | 0, true);
        pc += 2;
        break;
      case 185: // PADDLL
        a = fp + code[pc + 1]!;
        t = sp++ << 1;
        si[t + 1] = dv.getInt32(a + 4, true);
        a = si[t + 1] !== 0 ? 4294967295 : dv.getUint32(a, true);
        b = a + m32[(fp + code[pc + 2]!) >> 2]! * code[pc + 3]!;
        si[t] = b >= 0 && b < 4294967296 ? b | 0 : -1;
        pc += 4;
        break;
      case 186: // PADDKL
        b = (code[pc + 1]! >>> 0) + m32[(fp + code[pc + 2]!) >> 2]! * code[pc + 3]!;
        si[sp++ << 1] = b >= 0 && b < 4294967296 ? b | 0 : -1;
        pc += 4;
        break;
      case 182: // ADDLL_I
        a = fp + code[pc + 1]!;
        b = fp + code[pc + 2]!;
        a = (a & 3) === 0 ? m32[a >> 2]! : dv.getInt32(a, true);
        b = (b & 3) === 0 ? m32[b >> 2]! : dv.getInt32(b, true);
        t = fp + code[pc + 3]!;
        if ((t & 3) === 0) m32[t >> 2] = (a + b) | 0;
        else dv.setInt32(t, (a + b) | 0, true);
        pc += 4;
        break;
      case 188: // LDXL
      case 189: // LDXK
        t = sp++ << 1;
        if (code[pc] === 188) {
          a = fp + code[pc + 2]!;
          si[t + 1] = dv.getInt32(a + 4, true);
          a = si[t + 1] !== 0 ? 4294967295 : dv.getUint32(a, true);
        } else a = code[pc + 2]! >>> 0;
        b = a + m32[(fp + code[pc + 3]!) >> 2]! * code[pc + 4]!;
        a = b >= 0 && b < 4294967296 ? b : 4294967295;
        si[t] = a | 0;
        b = sh[a] ?? 3;
        if ((b & 1) !== 0) {
          faultAddr = a;
          faultKind = b === SH_FREED ? 'use-after-free' : 'segv';
          break outer;
        }
        b = code[pc + 1]!;
        if (b === 11) si[t] = m8[a]!;
        else if (b === 14 && (a & 3) === 0) si[t] = m32[a >> 2]!;
        else loadAt(vw, b, a, t);
        pc += 5;
        break;
      case 187: // STOREPK
        t = (sp - 1) << 1;
        a = si[t]! >>> 0;
        b = sh[a] ?? 3;
        if ((b & 2) !== 0) {
          faultAddr = a;
          faultKind = b === SH_FREED ? 'use-after-free' : 'segv';
          break outer;
        }
        si[t + 2] = code[pc + 2]!;
        storeAt(vw, code[pc + 1]!, a, t);
        sp--;
        pc += 3;
        break;
    }
  }
  s.steps += trapping ? budget - Math.max(0, left) : budget - Math.max(0, fuel);
  s.pc = pc;
  s.sp = sp;
  s.fp = fp;
  s.csp = csp;
  s.fsp = fsp;
  if (faultKind !== undefined) {
    const line = lines[pc]!;
    return makeFault(
      s,
      faultKind,
      line,
      faultKind === 'segv' || faultKind === 'use-after-free' ? faultAddr : undefined,
    );
  }
  return result!;
}
