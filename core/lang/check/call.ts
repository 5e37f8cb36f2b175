// Checks function calls: direct calls, calls through function pointers, argument counts,
// argument conversions, default argument promotions for variadic arguments, struct returns.
import type { Expr, Pos } from '../parse/ast';
import type { CType } from '../types/types';
import { T, alignOf, isInt, promote, ptrTo, sizeOf } from '../types/types';
import type { Ctx } from './context';
import { bad } from './context';
import { decay, expr, rvalue } from './expr';
import type { TExpr } from './ir';
import { assignConvert, cast } from './ops';

/** checkCall checks `fn(args…)`. */
export function checkCall(cx: Ctx, fnE: Expr, argEs: Expr[], pos: Pos, line: number): TExpr {
  if (fnE.k === 'id' && fnE.name.startsWith('__builtin_va_'))
    return vaBuiltin(cx, fnE.name, argEs, pos, line);
  if (fnE.k === 'id' && cx.lookup(fnE.name) === undefined) {
    cx.error('undeclared-function', fnE.pos, { name: fnE.name });
    argEs.forEach((a) => rvalue(cx, a));
    return bad(line);
  }
  const raw = expr(cx, fnE);
  let fn: TExpr;
  let ft: Extract<CType, { k: 'func' }>;
  if (raw.k === 'func') {
    fn = raw;
    ft = raw.f.type;
  } else {
    fn = decay(raw);
    if (fn.ty.k !== 'ptr' || fn.ty.to.k !== 'func') {
      cx.error('not-callable', pos);
      argEs.forEach((a) => rvalue(cx, a));
      return bad(line);
    }
    ft = fn.ty.to;
  }
  const name = raw.k === 'func' ? raw.f.name : fnE.k === 'id' ? fnE.name : '<function pointer>';
  const args: TExpr[] = [];
  if (!ft.noProto) {
    if (argEs.length < ft.params.length) cx.error('arg-count', pos, { few: 'few', name });
    else if (argEs.length > ft.params.length && !ft.variadic)
      cx.error('arg-count', pos, { few: 'many', name });
  }
  argEs.forEach((a, i) => {
    const v = rvalue(cx, a);
    const pt = ft.params[i];
    if (pt !== undefined && !ft.noProto)
      args.push(assignConvert(cx, v, pt, a.pos, `passing argument ${i + 1} of '${name}'`));
    else args.push(promoteArg(cx, v, a.pos));
  });
  if (ft.ret.k === 'struct' && !ft.ret.info.complete) cx.error('incomplete-type', pos, { name });
  const call: TExpr = { k: 'call', fn, args, ty: ft.ret, line };
  if (ft.ret.k === 'struct') {
    if (cx.fn === undefined) return bad(line);
    return { ...call, sret: cx.allocLocal(sizeOf(ft.ret), alignOf(ft.ret)) };
  }
  return call;
}

/** promoteArg applies the default argument promotions to a variadic or unprototyped argument. */
function promoteArg(cx: Ctx, v: TExpr, pos: Pos): TExpr {
  if (v.ty.k === 'float') return cast(v, T.double);
  if (isInt(v.ty)) return cast(v, promote(v.ty));
  if (v.ty.k === 'struct') cx.error('unsupported', pos, { construct: 'passing a struct through ...' });
  if (v.ty.k === 'void') cx.error('void-value', pos);
  return v;
}

/**
 * vaBuiltin checks stdarg.h's operations. A va_list is x86-64's one-element array of
 * `struct __va_list_tag`; SockLab keeps only `overflow_arg_area` (offset 8), pointing at the
 * next 8-byte argument slot that VAENTER copied to the stack. `va_arg(ap, T)` must reach here as
 * `*(T *)__builtin_va_arg_ptr(ap, sizeof(T))`, a form tree-sitter can parse.
 */
function vaBuiltin(cx: Ctx, name: string, argEs: Expr[], pos: Pos, line: number): TExpr {
  const args = argEs.map((a) => rvalue(cx, a));
  const want = name === '__builtin_va_end' ? 1 : 2;
  const ap = args[0];
  if (
    args.length !== want ||
    ap === undefined ||
    ap.ty.k !== 'ptr' ||
    ap.ty.to.k !== 'struct' ||
    ap.ty.to.info.tag !== '__va_list_tag'
  ) {
    cx.error('unsupported', pos, { construct: `this use of ${name}` });
    return bad(line);
  }
  const bytePtr = ptrTo(T.char);
  const area = (p: TExpr): TExpr => ({
    k: 'member',
    e: { k: 'deref', p, ty: (p.ty as { to: CType }).to, line },
    off: 8,
    ty: bytePtr,
    line,
  });
  switch (name) {
    case '__builtin_va_start': {
      const va = cx.fn?.sym.vaArea;
      if (va === undefined) {
        cx.error('unsupported', pos, { construct: 'va_start outside a variadic function' });
        return bad(line);
      }
      return { k: 'assign', lv: area(ap), r: { k: 'local', off: va, ty: bytePtr, line }, ty: bytePtr, line };
    }
    case '__builtin_va_arg_ptr': {
      const step: TExpr = {
        k: 'opassign',
        lv: area(ap),
        op: '+',
        r: { k: 'const', v: 8n, ty: T.long, line },
        opTy: bytePtr,
        scale: 1,
        ty: bytePtr,
        line,
      };
      return {
        k: 'ptradd',
        p: step,
        i: { k: 'const', v: -8n, ty: T.long, line },
        scale: 1,
        ty: bytePtr,
        line,
      };
    }
    case '__builtin_va_copy': {
      const dst = args[1]!;
      return {
        k: 'assign',
        lv: area(ap),
        r:
          dst.ty.k === 'ptr'
            ? { k: 'member', e: { k: 'deref', p: dst, ty: dst.ty.to, line }, off: 8, ty: bytePtr, line }
            : bad(line),
        ty: bytePtr,
        line,
      };
    }
    case '__builtin_va_end':
      return { k: 'cast', e: ap, ty: T.void, line };
    default:
      cx.error('unsupported', pos, { construct: name });
      return bad(line);
  }
}
