// The checker's state: scopes of ordinary identifiers and tags, the function being checked,
// and the reporter; shared by the declaration, expression and statement halves.
import type { Reporter } from '../diagnostics/catalogue';
import type { MessageArgs } from '../diagnostics/diagnostic';
import type { LangCode } from '../messages';
import type { Pos } from '../parse/ast';
import type { SourceInfo } from '../source';
import { locate } from '../source';
import type { CType, StructInfo } from '../types/types';
import { alignUp } from '../types/types';
import type { FuncSym, GlobalVar, TExpr } from './ir';

/** Entity is what an ordinary identifier names. */
export type Entity =
  | { k: 'local'; ty: CType; off: number }
  | { k: 'global'; ty: CType; g: GlobalVar }
  | { k: 'func'; f: FuncSym }
  | { k: 'typedef'; ty: CType }
  | { k: 'enumconst'; v: bigint };

/** Scope is one block's identifiers and tags. */
export interface Scope {
  readonly names: Map<string, Entity>;
  readonly tags: Map<string, StructInfo | 'enum'>;
}

/** FuncCtx is the state of the function being checked. */
export interface FuncCtx {
  readonly sym: FuncSym;
  frame: number;
  readonly labels: Set<string>;
  readonly gotos: { name: string; pos: Pos }[];
  loopDepth: number;
  switches: { cases: { v: bigint; id: number }[]; dflt?: number }[];
  nextCase: number;
}

/** Ctx is the checker's state for one translation unit. */
export class Ctx {
  readonly scopes: Scope[] = [{ names: new Map(), tags: new Map() }];
  readonly globals: GlobalVar[] = [];
  readonly funcs = new Map<string, FuncSym>();
  fn: FuncCtx | undefined;
  staticCount = 0;

  constructor(
    readonly src: SourceInfo,
    readonly rep: Reporter<LangCode>,
  ) {}

  /** error reports a diagnostic at a position. */
  error(code: LangCode, pos: Pos, args?: MessageArgs): void {
    this.rep.report(code, locate(this.src, pos), args === undefined ? {} : { args });
  }

  /** line is the student's source line of a position, for the line table. */
  line(pos: Pos): number {
    return locate(this.src, pos).line;
  }

  lookup(name: string): Entity | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const e = this.scopes[i]!.names.get(name);
      if (e !== undefined) return e;
    }
    return undefined;
  }

  lookupTag(name: string): StructInfo | 'enum' | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const e = this.scopes[i]!.tags.get(name);
      if (e !== undefined) return e;
    }
    return undefined;
  }

  get scope(): Scope {
    return this.scopes[this.scopes.length - 1]!;
  }

  push(): void {
    this.scopes.push({ names: new Map(), tags: new Map() });
  }

  pop(): void {
    this.scopes.pop();
  }

  /** allocLocal reserves frame space for a local object and returns its offset. */
  allocLocal(size: number, align: number): number {
    const fn = this.fn!;
    const off = alignUp(fn.frame, Math.max(1, align));
    fn.frame = off + Math.max(size, 1);
    return off;
  }
}

/** BAD_INT is the type of the placeholder expression, so later checks can stay quiet about it. */
export const BAD_INT: CType = { k: 'int', size: 4, signed: true, name: 'int' };

/** bad is the placeholder expression after an error, typed int so checking can go on. */
export function bad(line: number): TExpr {
  return { k: 'const', v: 0n, ty: BAD_INT, line };
}
