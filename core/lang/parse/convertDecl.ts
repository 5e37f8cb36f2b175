// Converts tree-sitter-c declarations and statements into the AST (expressions are the base
// class's); anything outside SockLab's C subset becomes an "unsupported" diagnostic.
import type { Node } from 'web-tree-sitter';
import type {
  BaseSpec,
  Decl,
  DeclSpec,
  Declarator,
  FieldDecl,
  Param,
  Stmt,
  TopLevel,
  TranslationUnit,
  TypeName,
} from './ast';
import { ExprConverter, posOf } from './convertExpr';

const IGNORED = new Set([
  'comment',
  'attribute_specifier',
  'attribute_declaration',
  'ms_declspec_modifier',
  ';',
]);

/** Converter turns a tree-sitter-c translation_unit into a TranslationUnit. */
/** unnamedBitField tells whether a missing node is the name tree-sitter-c wants before an unnamed bit-field's `: width` (C allows none). */
export function unnamedBitField(n: Node): boolean {
  const parent = n.parent;
  return (
    n.type === 'field_identifier' &&
    parent?.type === 'field_declaration' &&
    parent.namedChildren.some((c) => c.type === 'bitfield_clause')
  );
}

export class Converter extends ExprConverter {
  /** unit converts the root node. */
  unit(root: Node): TranslationUnit {
    const items: TopLevel[] = [];
    for (const n of root.namedChildren) {
      if (IGNORED.has(n.type)) continue;
      const pos = posOf(n);
      if (n.type === 'function_definition') {
        const spec = this.declSpec(n);
        const body = this.stmt(this.req(n, 'body'));
        items.push({ k: 'func', spec, decl: this.declarator(this.req(n, 'declarator')), body, pos });
      } else if (this.isDeclNode(n)) {
        items.push({ k: 'decl', d: this.decl(n), pos });
      } else if (n.type === 'expression_statement' && n.namedChildCount === 0) {
        continue;
      } else {
        this.unsupported(n, `'${n.type.replace(/_/g, ' ')}' at file scope`);
      }
    }
    return { items };
  }

  private isDeclNode(n: Node): boolean {
    return [
      'declaration',
      'type_definition',
      'struct_specifier',
      'union_specifier',
      'enum_specifier',
    ].includes(n.type);
  }

  /** decl converts a declaration, typedef or bare struct/union/enum specifier. */
  decl(n: Node): Decl {
    if (['struct_specifier', 'union_specifier', 'enum_specifier'].includes(n.type)) {
      return { spec: { pos: posOf(n), isConst: false, base: this.baseSpec(n) }, items: [] };
    }
    const spec = this.declSpec(n);
    const items: Decl['items'] = [];
    for (const d of n.childrenForFieldName('declarator')) {
      if (d.type === 'init_declarator') {
        const value = this.req(d, 'value');
        if (value.type === 'argument_list') {
          this.unsupported(d, 'constructor-style initialisation');
          continue;
        }
        items.push({ decl: this.declarator(this.req(d, 'declarator')), init: this.init(value) });
      } else {
        items.push({ decl: this.declarator(d) });
      }
    }
    for (const c of n.namedChildren) if (c.type === 'bitfield_clause') this.unsupported(c, 'bit-fields');
    return { spec, items };
  }

  /** declSpec reads the storage class, qualifiers and type specifier of a declaration-like node. */
  declSpec(n: Node): DeclSpec {
    let storage: DeclSpec['storage'];
    let isConst = false;
    if (n.type === 'type_definition') storage = 'typedef';
    for (const c of n.namedChildren) {
      if (c.type === 'storage_class_specifier') {
        const s = c.text;
        if (s === 'typedef' || s === 'static' || s === 'extern' || s === 'auto' || s === 'register')
          storage = s;
        else if (s !== 'inline' && s !== '__inline' && s !== '__inline__')
          this.unsupported(c, `the '${s}' storage class`);
      } else if (c.type === 'type_qualifier') {
        const q = c.text;
        if (q === 'const') isConst = true;
        else if (q === '_Atomic') this.unsupported(c, '_Atomic');
      }
    }
    return { pos: posOf(n), storage, isConst, base: this.baseSpec(this.req(n, 'type')) };
  }

  private baseSpec(t: Node): BaseSpec {
    switch (t.type) {
      case 'primitive_type':
        return /^[a-z0-9]+_t$/.test(t.text) ? { k: 'named', name: t.text } : { k: 'prim', words: [t.text] };
      case 'sized_type_specifier': {
        const words = t.children.filter((c) => !c.isNamed).map((c) => c.type);
        const inner = this.field(t, 'type');
        if (inner !== null) words.push(inner.text);
        return { k: 'prim', words };
      }
      case 'type_identifier':
        return { k: 'named', name: t.text };
      case 'struct_specifier':
      case 'union_specifier': {
        const name = this.field(t, 'name')?.text;
        const body = this.field(t, 'body');
        const fields = body === null ? undefined : this.fields(body);
        return { k: 'struct', union: t.type === 'union_specifier', tag: name, fields };
      }
      case 'enum_specifier': {
        const name = this.field(t, 'name')?.text;
        const body = this.field(t, 'body');
        if (this.field(t, 'underlying_type') !== null) this.unsupported(t, 'enums with an underlying type');
        const items = body?.namedChildren
          .filter((e) => e.type === 'enumerator')
          .map((e) => {
            const v = this.field(e, 'value');
            return {
              name: this.req(e, 'name').text,
              pos: posOf(e),
              ...(v === null ? {} : { value: this.expr(v) }),
            };
          });
        return { k: 'enum', tag: name, items };
      }
      default:
        this.unsupported(t, `the type '${t.text}'`);
        return { k: 'prim', words: ['int'] };
    }
  }

  private fields(body: Node): FieldDecl[] {
    const out: FieldDecl[] = [];
    for (const f of body.namedChildren) {
      if (IGNORED.has(f.type)) continue;
      if (f.type !== 'field_declaration') {
        this.unsupported(f, `'${f.type.replace(/_/g, ' ')}' in a struct`);
        continue;
      }
      const spec = this.declSpec(f);
      // each declarator is followed by its own `: width` when it is a bit-field (`a : 4, b : 4`)
      const members: { d: Node | undefined; width?: Node }[] = [];
      const declarators = new Set(f.childrenForFieldName('declarator').map((d) => d.id));
      for (const c of f.namedChildren) {
        if (declarators.has(c.id)) members.push({ d: c.isMissing && unnamedBitField(c) ? undefined : c });
        else if (c.type === 'bitfield_clause') {
          const last = members.at(-1);
          const width = c.namedChildren[0];
          if (last !== undefined && last.width === undefined) last.width = width;
          else members.push({ d: undefined, width });
        }
      }
      if (members.length === 0) out.push({ spec, decl: { k: 'name', pos: posOf(f) } });
      for (const m of members)
        out.push({
          spec,
          decl: m.d === undefined ? { k: 'name', pos: posOf(f) } : this.declarator(m.d),
          ...(m.width === undefined ? {} : { width: this.expr(m.width) }),
        });
    }
    return out;
  }

  /** declarator converts a (possibly abstract) declarator. */
  declarator(n: Node | null, at?: Node): Declarator {
    if (n === null) return { k: 'name', pos: posOf(at!) };
    const pos = posOf(n);
    switch (n.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
      case 'primitive_type':
        return { k: 'name', name: n.text, pos };
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
        return { k: 'ptr', d: this.declarator(this.field(n, 'declarator'), n) };
      case 'array_declarator':
      case 'abstract_array_declarator': {
        const size = this.field(n, 'size');
        const inner = this.declarator(this.field(n, 'declarator'), n);
        return size === null
          ? { k: 'array', d: inner, pos }
          : { k: 'array', d: inner, size: this.expr(size), pos };
      }
      case 'function_declarator':
      case 'abstract_function_declarator':
        return this.funcDeclarator(n);
      case 'parenthesized_declarator':
      case 'abstract_parenthesized_declarator':
        return this.declarator(n.namedChildren.find((c) => !IGNORED.has(c.type)) ?? null, n);
      default:
        this.unsupported(n, `the declarator '${n.type.replace(/_/g, ' ')}'`);
        return { k: 'name', pos };
    }
  }

  private funcDeclarator(n: Node): Declarator {
    const list = this.req(n, 'parameters');
    const params: Param[] = [];
    let variadic = false;
    for (const p of list.namedChildren) {
      if (p.type === 'variadic_parameter') variadic = true;
      else if (p.type === 'parameter_declaration')
        params.push({ spec: this.declSpec(p), decl: this.declarator(this.field(p, 'declarator'), p) });
      else if (!IGNORED.has(p.type)) this.unsupported(p, 'old-style parameter declarations');
    }
    const noProto = params.length === 0 && !variadic;
    return {
      k: 'func',
      d: this.declarator(this.field(n, 'declarator'), n),
      params,
      variadic,
      noProto,
      pos: posOf(n),
    };
  }

  /** typeName converts a type_descriptor. */
  typeName(n: Node): TypeName {
    return { spec: this.declSpec(n), decl: this.declarator(this.field(n, 'declarator'), n) };
  }

  /** stmt converts one statement node. */
  stmt(n: Node): Stmt {
    const pos = posOf(n);
    switch (n.type) {
      case 'compound_statement':
        return { pos, k: 'block', items: this.stmts(n.namedChildren) };
      case 'declaration':
      case 'type_definition':
      case 'struct_specifier':
      case 'union_specifier':
      case 'enum_specifier':
        return { pos, k: 'decl', d: this.decl(n) };
      case 'expression_statement': {
        const e = n.namedChildren.find((c) => c.type !== 'comment');
        return e === undefined ? { pos, k: 'expr' } : { pos, k: 'expr', e: this.expr(e) };
      }
      case 'if_statement': {
        const alt = this.field(n, 'alternative');
        const f = alt === null ? undefined : this.stmt(alt.namedChildren.find((c) => c.type !== 'comment')!);
        const c = this.expr(this.req(n, 'condition'));
        return {
          pos,
          k: 'if',
          c,
          t: this.stmt(this.req(n, 'consequence')),
          ...(f === undefined ? {} : { f }),
        };
      }
      case 'while_statement':
        return {
          pos,
          k: 'while',
          c: this.expr(this.req(n, 'condition')),
          body: this.stmt(this.req(n, 'body')),
        };
      case 'do_statement':
        return { pos, k: 'do', body: this.stmt(this.req(n, 'body')), c: this.expr(this.req(n, 'condition')) };
      case 'for_statement':
        return this.forStmt(n);
      case 'return_statement': {
        const e = n.namedChildren.find((c) => c.type !== 'comment');
        return e === undefined ? { pos, k: 'return' } : { pos, k: 'return', e: this.expr(e) };
      }
      case 'break_statement':
        return { pos, k: 'break' };
      case 'continue_statement':
        return { pos, k: 'continue' };
      case 'switch_statement':
        return {
          pos,
          k: 'switch',
          e: this.expr(this.req(n, 'condition')),
          body: this.stmt(this.req(n, 'body')),
        };
      case 'case_statement': {
        const v = this.field(n, 'value');
        const body = this.stmts(
          n.namedChildren.filter((c) => v === null || c.startIndex !== v.startIndex || c.type !== v.type),
        );
        return v === null ? { pos, k: 'case', body } : { pos, k: 'case', value: this.expr(v), body };
      }
      case 'labeled_statement': {
        const body = n.namedChildren.filter((c) => c.type !== 'statement_identifier' && c.type !== 'comment');
        const s: Stmt = body.length > 0 ? this.stmt(body[0]!) : { pos, k: 'expr' };
        return { pos, k: 'label', name: this.req(n, 'label').text, body: s };
      }
      case 'goto_statement':
        return { pos, k: 'goto', name: this.req(n, 'label').text };
      default:
        this.unsupported(n, `the '${n.type.replace(/_/g, ' ')}' statement`);
        return { pos, k: 'expr' };
    }
  }

  private stmts(nodes: Node[]): Stmt[] {
    return nodes.filter((c) => !IGNORED.has(c.type)).map((c) => this.stmt(c));
  }

  private forStmt(n: Node): Stmt {
    const pos = posOf(n);
    const init = this.field(n, 'initializer');
    const cond = this.field(n, 'condition');
    const step = this.field(n, 'update');
    const initStmt: Stmt | undefined =
      init === null
        ? undefined
        : init.type === 'declaration'
          ? { pos: posOf(init), k: 'decl', d: this.decl(init) }
          : { pos: posOf(init), k: 'expr', e: this.expr(init) };
    return {
      pos,
      k: 'for',
      ...(initStmt === undefined ? {} : { init: initStmt }),
      ...(cond === null ? {} : { c: this.expr(cond) }),
      ...(step === null ? {} : { step: this.expr(step) }),
      body: this.stmt(this.req(n, 'body')),
    };
  }
}
