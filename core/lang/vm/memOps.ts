// The interpreter's memory instructions after the protection check: loads and stores of
// each width, aligned ones through the int32 view and the rest through a DataView.
import type { Views } from './views';

/** loadAt replaces the address in stack word t with the value of width `op` (LOAD_*) at a. */
export function loadAt(vw: Views, op: number, a: number, t: number): void {
  const { m8, m32, dv, si, sf } = vw;
  switch (op) {
    case 10:
      si[t] = (m8[a]! << 24) >> 24;
      break;
    case 11:
      si[t] = m8[a]!;
      break;
    case 12:
      si[t] = dv.getInt16(a, true);
      break;
    case 13:
      si[t] = dv.getUint16(a, true);
      break;
    case 14:
      si[t] = (a & 3) === 0 ? m32[a >> 2]! : dv.getInt32(a, true);
      break;
    case 15:
    case 18:
      if ((a & 3) === 0) {
        si[t] = m32[a >> 2]!;
        si[t + 1] = m32[(a >> 2) + 1]!;
      } else {
        si[t] = dv.getInt32(a, true);
        si[t + 1] = dv.getInt32(a + 4, true);
      }
      if (op === 18 && si[t + 1] !== 0) si[t] = -1;
      break;
    case 16:
      sf[t >> 1] = dv.getFloat32(a, true);
      break;
    default:
      sf[t >> 1] = dv.getFloat64(a, true);
  }
}

/** storeAt stores the value in the slot after stack word t at a, with the width of `op` (STORE_*). */
export function storeAt(vw: Views, op: number, a: number, t: number): void {
  const { m8, m32, dv, si, sf } = vw;
  switch (op) {
    case 20:
      m8[a] = si[t + 2]!;
      break;
    case 21:
      dv.setInt16(a, si[t + 2]!, true);
      break;
    case 22:
      if ((a & 3) === 0) m32[a >> 2] = si[t + 2]!;
      else dv.setInt32(a, si[t + 2]!, true);
      break;
    case 23:
      dv.setInt32(a, si[t + 2]!, true);
      dv.setInt32(a + 4, si[t + 3]!, true);
      break;
    case 24:
      dv.setFloat32(a, sf[(t >> 1) + 1]!, true);
      break;
    case 25:
      dv.setFloat64(a, sf[(t >> 1) + 1]!, true);
      break;
    default:
      dv.setInt32(a, si[t + 2]!, true);
      dv.setInt32(a + 4, 0, true);
  }
}
