// Code generation for checked statements and function bodies: loops with break/continue
// targets, switch dispatch through CASE, labels and gotos, returns (including struct returns).
import type { FuncSym, TStmt } from '../check/ir';
import { sizeOf } from '../types/types';
import { clsOf } from './emit';
import type { ExprGen } from './genExpr';

interface Targets {
  breaks: number[];
  continues: number[] | undefined;
}

/** FuncGen emits one function. */
export class FuncGen {
  private readonly targets: Targets[] = [];
  private readonly labels = new Map<string, number>();
  private readonly gotos: { at: number; name: string }[] = [];
  private cases = new Map<number, number>();

  constructor(
    private readonly g: ExprGen,
    private readonly f: FuncSym,
    private readonly sret: number | undefined,
  ) {}

  /** emit generates the function's code from its entry. */
  emit(frameSize: number): void {
    const em = this.g.em;
    const f = this.f;
    em.line = f.line;
    em.emit('ENTER', frameSize);
    if (f.vaArea !== undefined)
      em.emit('VAENTER', f.params.length + (this.sret === undefined ? 0 : 1), f.vaArea);
    const offs = this.sret === undefined ? f.params : [this.sret, ...f.params];
    const types =
      this.sret === undefined ? f.type.params : [{ k: 'ptr', to: f.type.ret } as const, ...f.type.params];
    for (let i = offs.length - 1; i >= 0; i--) {
      const t = types[i]!;
      if (t.k === 'int' && t.size === 4) {
        em.emit('SETL_I32', offs[i]!);
        continue;
      }
      em.emit('ADDR_LOCAL', offs[i]!);
      em.emit('SWAP');
      em.store(t);
      em.emit('POP');
    }
    this.stmt(f.body!);
    for (const gt of this.gotos) em.patch(gt.at, this.labels.get(gt.name)!);
    const ret = f.type.ret;
    if (ret.k === 'void') em.emit('RET_VOID');
    else if (ret.k === 'struct') {
      em.emit('ADDR_LOCAL', this.sret!);
      em.emit('LOAD_PTR');
      em.emit('RET');
    } else {
      em.constOf(0n, ret);
      em.emit('RET');
    }
  }

  private stmt(s: TStmt): void {
    const em = this.g.em;
    if (s.line !== 0) em.line = s.line;
    switch (s.k) {
      case 'nop':
      case 'caselabel':
        if (s.k === 'caselabel') this.cases.set(s.id, em.label());
        return;
      case 'block':
        for (const x of s.items) this.stmt(x);
        return;
      case 'expr':
        return this.g.drop(s.e);
      case 'init':
        return this.g.initLocal(s.off, s.size, s.ops);
      case 'if': {
        this.g.cond(s.c);
        const exit = s.f === undefined ? this.exitJumps(s.t) : undefined;
        if (exit !== undefined) return void exit.push(em.jump('JNZ'));
        const j1 = em.jump('JZ');
        this.stmt(s.t);
        if (s.f === undefined) return em.patch(j1);
        const j2 = em.jump('JMP');
        em.patch(j1);
        this.stmt(s.f);
        em.patch(j2);
        return;
      }
      case 'loop':
        return this.loop(s);
      case 'return':
        return this.ret(s.e);
      case 'break': {
        const t = this.targets[this.targets.length - 1]!;
        t.breaks.push(em.jump('JMP'));
        return;
      }
      case 'continue': {
        for (let i = this.targets.length - 1; i >= 0; i--) {
          const c = this.targets[i]!.continues;
          if (c !== undefined) return void c.push(em.jump('JMP'));
        }
        return;
      }
      case 'switch':
        return this.switchStmt(s);
      case 'label':
        this.labels.set(s.name, em.label());
        return;
      case 'goto':
        this.gotos.push({ at: em.jump('JMP'), name: s.name });
        return;
    }
  }

  /**
   * exitJumps is the jump list of the loop a lone `break` or `continue` leaves or continues, when
   * it sits on the line of the test before it: `if (c) break;` then compiles to one conditional
   * jump, and stepping stops as before.
   */
  private exitJumps(t: TStmt): number[] | undefined {
    const only = t.k === 'block' && t.items.length === 1 ? t.items[0]! : t;
    if (only.line !== this.g.em.line) return undefined;
    if (only.k === 'break') return this.targets[this.targets.length - 1]?.breaks;
    if (only.k !== 'continue') return undefined;
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const c = this.targets[i]!.continues;
      if (c !== undefined) return c;
    }
    return undefined;
  }

  private loop(loop: Extract<TStmt, { k: 'loop' }>): void {
    // Rotated: the test sits at the bottom, so an iteration costs one branch, not two, and
    // `for` and `while` test once more in front as a guard (so no label separates the step
    // from the test, and the two can fuse). A constant test needs no code: `while (1)` jumps
    // back, `do … while (0)` falls through.
    const em = this.g.em;
    const constant = loop.c?.k === 'const' ? loop.c.v !== 0n : undefined;
    const s = constant === true ? { ...loop, c: undefined } : loop;
    const t: Targets = { breaks: [], continues: [] };
    this.targets.push(t);
    if (!s.post && s.c !== undefined) {
      em.line = s.c.line;
      this.g.cond(s.c);
      t.breaks.push(em.jump('JZ'));
    }
    const top = em.label();
    this.stmt(s.body);
    const cont = em.label();
    if (s.step !== undefined) this.g.drop(s.step);
    if (constant === false && s.post) {
      // do { … } while (0): nothing to test
    } else if (s.c !== undefined) {
      em.line = s.c.line;
      this.g.cond(s.c);
      em.patch(em.jump('JNZ'), top);
    } else em.emit('JMP', top);
    for (const b of t.breaks) em.patch(b);
    for (const c of t.continues!) em.patch(c, cont);
    this.targets.pop();
  }

  private switchStmt(s: Extract<TStmt, { k: 'switch' }>): void {
    const em = this.g.em;
    this.g.value(s.e);
    if (clsOf(s.e.ty) !== 'L') em.emit(s.e.ty.k === 'int' && !s.e.ty.signed ? 'U2L' : 'I2L');
    const jumps: { at: number; id: number }[] = [];
    for (const c of s.cases) {
      const v = BigInt.asIntN(64, c.v);
      jumps.push({
        at: em.jump('CASE', Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))),
        id: c.id,
      });
    }
    em.emit('POP');
    const dflt = em.jump('JMP');
    const t: Targets = { breaks: [], continues: undefined };
    this.targets.push(t);
    const saved = this.cases;
    this.cases = new Map();
    this.stmt(s.body);
    for (const j of jumps) em.patch(j.at, this.cases.get(j.id)!);
    if (s.dflt !== undefined) em.patch(dflt, this.cases.get(s.dflt)!);
    else t.breaks.push(dflt);
    this.cases = saved;
    for (const b of t.breaks) em.patch(b);
    this.targets.pop();
  }

  private ret(e: Extract<TStmt, { k: 'return' }>['e']): void {
    const em = this.g.em;
    if (e === undefined) {
      if (this.f.type.ret.k === 'void') em.emit('RET_VOID');
      else {
        em.constOf(0n, this.f.type.ret);
        em.emit('RET');
      }
      return;
    }
    if (this.f.type.ret.k === 'struct') {
      em.emit('ADDR_LOCAL', this.sret!);
      em.emit('LOAD_PTR');
      this.g.value(e);
      em.emit('MEMCPY', sizeOf(this.f.type.ret));
      em.emit('RET');
      return;
    }
    this.g.value(e);
    em.emit('RET');
  }
}
