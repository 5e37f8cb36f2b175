// core/lang/types models C's types on x86-64 Linux (LP64): sizes, alignments and struct/union
// layout exactly as gcc computes them (checked against gcc's measurements of every system
// header struct), integer promotions and the usual arithmetic conversions. float and double
// are supported (IEEE 754, float rounded on every store), and bit-fields of types up to 32 bits;
// long double, _Complex and 64-bit bit-fields are not, and the checker says so.
export type { CType, Field, IntType, StructInfo } from './types';
export {
  T,
  alignOf,
  arithResult,
  findField,
  isComplete,
  layoutStruct,
  promote,
  ptrTo,
  sizeOf,
  typeStr,
} from './types';
