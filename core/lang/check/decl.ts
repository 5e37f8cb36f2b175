// Checks declarations: typedefs, file-scope variables and functions (merging prototypes and
// tentative definitions), local variables with initialisers, static locals, function bodies.
import type { Decl, DeclSpec, Declarator, Pos, Stmt } from '../parse/ast';
import type { CType } from '../types/types';
import { alignOf, isComplete, sameType, sizeOf, typeStr } from '../types/types';
import type { Ctx } from './context';
import type { FuncSym, GlobalVar, InitOp, TExpr, TStmt } from './ir';
import { lowerInit } from './init';
import { stmt } from './stmt';
import { adjustParam, baseType, declare } from './typeres';

/** staticOk tells whether an initializer value can be computed before the program starts. */
export function staticOk(e: TExpr): boolean {
  switch (e.k) {
    case 'const':
    case 'fconst':
    case 'str':
      return true;
    case 'addr':
      return addrConst(e.e);
    case 'cast':
      return (e.ty.k === 'ptr' || (e.ty.k === 'int' && e.ty.size === 8)) && staticOk(e.e);
    case 'ptradd':
      return staticOk(e.p) && e.i.k === 'const';
    default:
      return false;
  }
}

function addrConst(e: TExpr): boolean {
  if (e.k === 'global' || e.k === 'str' || e.k === 'func') return true;
  if (e.k === 'member') return addrConst(e.e);
  if (e.k === 'deref') return staticOk(e.p);
  return false;
}

function declareFunc(cx: Ctx, name: string, type: Extract<CType, { k: 'func' }>, pos: Pos): FuncSym {
  const prev = cx.funcs.get(name);
  if (prev !== undefined) {
    if (!sameType(prev.type, type)) cx.error('conflicting-types', pos, { name });
    else if (prev.type.noProto && !type.noProto) prev.type = type;
    cx.scopes[0]!.names.set(name, { k: 'func', f: prev });
    if (cx.scopes.length > 1) cx.scope.names.set(name, { k: 'func', f: prev });
    return prev;
  }
  const f: FuncSym = { name, type, params: [], frameSize: 0, line: cx.line(pos) };
  cx.funcs.set(name, f);
  cx.scopes[0]!.names.set(name, { k: 'func', f });
  if (cx.scopes.length > 1) cx.scope.names.set(name, { k: 'func', f });
  return f;
}

function staticVar(
  cx: Ctx,
  name: string,
  type: CType,
  spec: DeclSpec,
  init: Decl['items'][number]['init'],
  pos: Pos,
): GlobalVar {
  let g: GlobalVar = { name, type, defined: spec.storage !== 'extern' || init !== undefined };
  let ty = type;
  if (init !== undefined) {
    const low = lowerInit(cx, type, init, pos);
    ty = low.type;
    for (const op of low.ops)
      if (!staticOk(op.e)) cx.error('not-constant', pos, { what: 'initializer element' });
    g = { ...g, type: ty, init: low.ops };
  }
  if (g.defined && !isComplete(ty)) cx.error('incomplete-type', pos, { name });
  return g;
}

/** fileDecl checks a declaration at file scope. */
export function fileDecl(cx: Ctx, d: Decl): void {
  const base = baseType(cx, d.spec);
  for (const item of d.items) {
    const { name, type, pos } = declare(cx, base, item.decl);
    if (name === undefined) continue;
    if (d.spec.storage === 'typedef') {
      const prev = cx.scope.names.get(name);
      if (prev !== undefined && !(prev.k === 'typedef' && sameType(prev.ty, type)))
        cx.error('redefinition', pos, { name });
      cx.scope.names.set(name, { k: 'typedef', ty: type });
      continue;
    }
    if (type.k === 'func') {
      declareFunc(cx, name, type, pos);
      continue;
    }
    const g = staticVar(cx, name, type, d.spec, item.init, pos);
    const prev = cx.scope.names.get(name);
    if (prev?.k === 'global') {
      if (!sameType(prev.ty, g.type)) cx.error('conflicting-types', pos, { name });
      else if (g.init !== undefined) {
        if (prev.g.init !== undefined) cx.error('redefinition', pos, { name });
        Object.assign(prev.g, { init: g.init, defined: true, type: g.type });
        prev.ty = g.type;
      } else if (g.defined) prev.g.defined = true;
      continue;
    }
    if (prev !== undefined) cx.error('redefinition', pos, { name });
    cx.globals.push(g);
    cx.scope.names.set(name, { k: 'global', ty: g.type, g });
  }
}

/** localDecl checks a declaration inside a function and returns its initialising statements. */
export function localDecl(cx: Ctx, d: Decl, _pos: Pos): TStmt[] {
  const base = baseType(cx, d.spec);
  const out: TStmt[] = [];
  for (const item of d.items) {
    const { name, type, pos } = declare(cx, base, item.decl);
    if (name === undefined) continue;
    const line = cx.line(pos);
    if (cx.scope.names.has(name) && d.spec.storage !== 'extern' && type.k !== 'func')
      cx.error('redefinition', pos, { name });
    if (d.spec.storage === 'typedef') {
      cx.scope.names.set(name, { k: 'typedef', ty: type });
      continue;
    }
    if (type.k === 'func') {
      declareFunc(cx, name, type, pos);
      continue;
    }
    if (d.spec.storage === 'extern') {
      const g = cx.scopes[0]!.names.get(name);
      if (g?.k === 'global') cx.scope.names.set(name, g);
      else {
        const ng: GlobalVar = { name, type, defined: false };
        cx.globals.push(ng);
        cx.scope.names.set(name, { k: 'global', ty: type, g: ng });
      }
      continue;
    }
    if (d.spec.storage === 'static') {
      const g = staticVar(cx, `${cx.fn!.sym.name}.${name}.${cx.staticCount++}`, type, d.spec, item.init, pos);
      cx.globals.push(g);
      cx.scope.names.set(name, { k: 'global', ty: g.type, g });
      continue;
    }
    let ty: CType = type;
    let ops: InitOp[] | undefined;
    let off = -1;
    if (isComplete(ty)) {
      off = cx.allocLocal(sizeOf(ty), alignOf(ty));
      cx.scope.names.set(name, { k: 'local', ty, off });
    }
    if (item.init !== undefined) {
      const low = lowerInit(cx, type, item.init, pos);
      ty = low.type;
      ops = low.ops;
    }
    if (!isComplete(ty)) {
      cx.error('incomplete-type', pos, { name });
      continue;
    }
    if (off < 0) {
      off = cx.allocLocal(sizeOf(ty), alignOf(ty));
      cx.scope.names.set(name, { k: 'local', ty, off });
    }
    if (ops !== undefined) out.push({ k: 'init', off, size: sizeOf(ty), ops, line });
  }
  return out;
}

/** funcDef checks a function definition. */
export function funcDef(cx: Ctx, spec: DeclSpec, decl: Declarator, body: Stmt, pos: Pos): void {
  const { name, type } = declare(cx, baseType(cx, spec), decl);
  if (name === undefined || type.k !== 'func') {
    cx.error('unsupported', pos, { construct: 'this function definition' });
    return;
  }
  const f = declareFunc(cx, name, type, pos);
  if (f.body !== undefined) cx.error('redefinition', pos, { name });
  const fd = findFuncDecl(decl);
  cx.fn = { sym: f, frame: 0, labels: new Set(), gotos: [], loopDepth: 0, switches: [], nextCase: 0 };
  cx.push();
  f.params = [];
  const fnType = type;
  fd?.params.forEach((p, i) => {
    const pd = declare(cx, baseType(cx, p.spec), p.decl);
    if (pd.type.k === 'void') return;
    const pt = fnType.params[i] ?? adjustParam(pd.type);
    if (!isComplete(pt)) cx.error('incomplete-type', pd.pos, { name: pd.name ?? typeStr(pt) });
    const off = cx.allocLocal(sizeOf(pt), alignOf(pt));
    f.params.push(off);
    if (pd.name !== undefined) cx.scope.names.set(pd.name, { k: 'local', ty: pt, off });
  });
  if (fnType.variadic) f.vaArea = cx.allocLocal(8, 8);
  const checked = stmt(cx, body);
  for (const g of cx.fn.gotos)
    if (!cx.fn.labels.has(g.name)) cx.error('undefined-label', g.pos, { name: g.name });
  f.body = checked;
  f.frameSize = cx.fn.frame;
  f.line = cx.line(pos);
  cx.pop();
  cx.fn = undefined;
}

function findFuncDecl(d: Declarator): Extract<Declarator, { k: 'func' }> | undefined {
  if (d.k === 'func' && d.d.k === 'name') return d;
  if (d.k === 'name') return undefined;
  return findFuncDecl(d.d);
}
