// Checks statements inside a function body: blocks and local declarations, control flow,
// switch/case bookkeeping, labels and gotos, returns.
import type { Stmt } from '../parse/ast';
import { T, sizeOf } from '../types/types';
import type { Ctx } from './context';
import { localDecl } from './decl';
import { constInt, rvalue } from './expr';
import type { TStmt } from './ir';
import { assignConvert, cast, truth } from './ops';

/** stmt checks one statement. */
export function stmt(cx: Ctx, s: Stmt): TStmt {
  const line = cx.line(s.pos);
  const fn = cx.fn!;
  switch (s.k) {
    case 'block': {
      cx.push();
      const items = s.items.map((x) => stmt(cx, x));
      cx.pop();
      return { k: 'block', items, line };
    }
    case 'decl':
      return { k: 'block', items: localDecl(cx, s.d, s.pos), line };
    case 'expr':
      return s.e === undefined ? { k: 'nop', line } : { k: 'expr', e: rvalue(cx, s.e), line };
    case 'if': {
      const c = truth(cx, rvalue(cx, s.c), s.c.pos);
      const t = stmt(cx, s.t);
      return s.f === undefined ? { k: 'if', c, t, line } : { k: 'if', c, t, f: stmt(cx, s.f), line };
    }
    case 'while':
    case 'do': {
      const c = truth(cx, rvalue(cx, s.c), s.c.pos);
      fn.loopDepth++;
      const body = stmt(cx, s.body);
      fn.loopDepth--;
      return { k: 'loop', c, body, post: s.k === 'do', line };
    }
    case 'for': {
      cx.push();
      const init = s.init === undefined ? undefined : stmt(cx, s.init);
      const c = s.c === undefined ? undefined : truth(cx, rvalue(cx, s.c), s.c.pos);
      const step = s.step === undefined ? undefined : rvalue(cx, s.step);
      fn.loopDepth++;
      const body = stmt(cx, s.body);
      fn.loopDepth--;
      cx.pop();
      const loop: TStmt = {
        k: 'loop',
        body,
        post: false,
        line,
        ...(c === undefined ? {} : { c }),
        ...(step === undefined ? {} : { step }),
      };
      return { k: 'block', items: init === undefined ? [loop] : [init, loop], line };
    }
    case 'return': {
      const ret = fn.sym.type.ret;
      if (s.e === undefined) {
        if (ret.k !== 'void' && fn.sym.name !== 'main')
          cx.error('return-value', s.pos, { what: 'no', type: 'non-void' });
        return { k: 'return', line };
      }
      const v = rvalue(cx, s.e);
      if (ret.k === 'void') {
        if (v.ty.k !== 'void') cx.error('return-value', s.pos, { what: 'a', type: 'void' });
        return {
          k: 'block',
          items: [
            { k: 'expr', e: v, line },
            { k: 'return', line },
          ],
          line,
        };
      }
      return { k: 'return', e: assignConvert(cx, v, ret, s.e.pos, 'returning'), line };
    }
    case 'break':
      if (fn.loopDepth === 0 && fn.switches.length === 0) cx.error('bad-break', s.pos, { what: 'break' });
      return { k: 'break', line };
    case 'continue':
      if (fn.loopDepth === 0) cx.error('bad-break', s.pos, { what: 'continue' });
      return { k: 'continue', line };
    case 'switch': {
      const e0 = rvalue(cx, s.e);
      if (e0.ty.k !== 'int') cx.error('invalid-operands', s.e.pos, { op: 'switch', l: 'non-integer', r: '' });
      const e = e0.ty.k === 'int' ? cast(e0, e0.ty.size < 4 ? T.int : e0.ty) : e0;
      const sw = { cases: [] as { v: bigint; id: number }[], dflt: undefined as number | undefined };
      fn.switches.push(sw);
      const body = stmt(cx, s.body);
      fn.switches.pop();
      if (e.ty.k === 'int') for (const c of sw.cases) c.v = BigInt.asIntN(sizeOf(e.ty) * 8, c.v);
      return {
        k: 'switch',
        e,
        cases: sw.cases,
        ...(sw.dflt === undefined ? {} : { dflt: sw.dflt }),
        body,
        line,
      };
    }
    case 'case': {
      const sw = fn.switches[fn.switches.length - 1];
      const id = fn.nextCase++;
      if (sw === undefined) cx.error('bad-case', s.pos, { what: s.value === undefined ? 'default' : 'case' });
      else if (s.value === undefined) {
        if (sw.dflt !== undefined) cx.error('duplicate-case', s.pos);
        sw.dflt = id;
      } else {
        const v = constInt(cx, rvalue(cx, s.value), s.value.pos, 'case label');
        if (v !== undefined) {
          if (sw.cases.some((c) => c.v === v)) cx.error('duplicate-case', s.value.pos);
          sw.cases.push({ v, id });
        }
      }
      const items = s.body.map((x) => stmt(cx, x));
      return { k: 'block', items: [{ k: 'caselabel', id, line }, ...items], line };
    }
    case 'label':
      if (fn.labels.has(s.name)) cx.error('redefinition', s.pos, { name: s.name });
      fn.labels.add(s.name);
      return { k: 'block', items: [{ k: 'label', name: s.name, line }, stmt(cx, s.body)], line };
    case 'goto':
      fn.gotos.push({ name: s.name, pos: s.pos });
      return { k: 'goto', name: s.name, line };
  }
}
