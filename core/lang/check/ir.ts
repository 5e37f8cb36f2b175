// The typed intermediate form the checker produces and the compiler consumes: every expression
// carries its C type, implicit conversions are explicit casts, names are resolved to storage.
import type { CType } from '../types/types';

/** GlobalVar is a variable with static storage (a global or a static local). */
export interface GlobalVar {
  readonly name: string;
  readonly type: CType;
  /** The initializer, lowered to stores at byte offsets; absent means zero-filled. */
  init?: InitOp[];
  defined: boolean;
}

/** FuncSym is a function: defined in the program or provided by SockLab's libc. */
export interface FuncSym {
  readonly name: string;
  type: Extract<CType, { k: 'func' }>;
  body?: TStmt;
  /** Frame offsets of the parameters, in order. */
  params: number[];
  frameSize: number;
  line: number;
  /** For a variadic function: the frame offset of the pointer to its extra arguments. */
  vaArea?: number;
}

/** InitOp stores one scalar (or a string into a char array) at a byte offset of an object. */
export interface InitOp {
  readonly off: number;
  readonly ty: CType;
  readonly e: TExpr;
}

/** TExpr is a checked expression. */
export type TExpr = { readonly ty: CType; readonly line: number } & (
  | { k: 'const'; v: bigint }
  | { k: 'fconst'; v: number }
  | { k: 'str'; bytes: number[] }
  | { k: 'local'; off: number }
  | { k: 'global'; g: GlobalVar }
  | { k: 'func'; f: FuncSym }
  | { k: 'deref'; p: TExpr }
  | { k: 'member'; e: TExpr; off: number }
  | { k: 'addr'; e: TExpr }
  | { k: 'cast'; e: TExpr }
  | { k: 'bin'; op: string; l: TExpr; r: TExpr }
  | { k: 'cmp'; op: string; l: TExpr; r: TExpr }
  | { k: 'ptradd'; p: TExpr; i: TExpr; scale: number }
  | { k: 'ptrdiff'; l: TExpr; r: TExpr; scale: number }
  | { k: 'un'; op: '-' | '~' | '!'; e: TExpr }
  | { k: 'logic'; op: '&&' | '||'; l: TExpr; r: TExpr }
  | { k: 'cond'; c: TExpr; a: TExpr; b: TExpr }
  | { k: 'comma'; l: TExpr; r: TExpr }
  | { k: 'assign'; lv: TExpr; r: TExpr }
  | { k: 'opassign'; lv: TExpr; op: string; r: TExpr; opTy: CType; scale: number }
  | { k: 'incdec'; lv: TExpr; pre: boolean; delta: number }
  | { k: 'call'; fn: TExpr; args: TExpr[]; sret?: number }
  | { k: 'compound'; off: number; init: InitOp[] }
);

/** TStmt is a checked statement. */
export type TStmt = { readonly line: number } & (
  | { k: 'block'; items: TStmt[] }
  | { k: 'expr'; e: TExpr }
  | { k: 'init'; off: number; size: number; ops: InitOp[] }
  | { k: 'if'; c: TExpr; t: TStmt; f?: TStmt }
  | { k: 'loop'; pre?: TExpr; c?: TExpr; body: TStmt; step?: TExpr; post: boolean }
  | { k: 'return'; e?: TExpr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'switch'; e: TExpr; cases: { v: bigint; id: number }[]; dflt?: number; body: TStmt }
  | { k: 'caselabel'; id: number }
  | { k: 'label'; name: string }
  | { k: 'goto'; name: string }
  | { k: 'nop' }
);

/** Program is a checked translation unit. */
export interface Program {
  readonly globals: GlobalVar[];
  readonly funcs: FuncSym[];
}
