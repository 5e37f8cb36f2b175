// Converts tree-sitter-c expression nodes into AST expressions; the base of the Converter.
import type { Node } from 'web-tree-sitter';
import type { Reporter } from '../diagnostics/catalogue';
import type { LangCode } from '../messages';
import type { SourceInfo } from '../source';
import { locate } from '../source';
import type { Desig, Expr, Init, InitItem, Pos, TypeName } from './ast';

/** posOf is the 1-based position of a node's first character. */
export function posOf(n: Node): Pos {
  return { line: n.startPosition.row + 1, col: n.startPosition.column + 1 };
}

const ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  '0': 0,
  '\\': 92,
  "'": 39,
  '"': 34,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '?': 63,
  e: 27,
};

/** decodeEscape turns one escape sequence such as `\n`, `\x41` or `\101` into its byte value. */
export function decodeEscape(text: string): number {
  const body = text.slice(1);
  if (body[0] === 'x') return parseInt(body.slice(1), 16) & 0xff;
  if (/^[0-7]+$/.test(body)) return parseInt(body, 8) & 0xff;
  return ESCAPES[body] ?? body.charCodeAt(0);
}

/** utf8 encodes text as UTF-8 bytes (core/ has no TextEncoder). */
export function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** ExprConverter holds the source, the reporter, and the expression half of the conversion. */
export abstract class ExprConverter {
  constructor(
    protected readonly src: SourceInfo,
    protected readonly rep: Reporter<LangCode>,
  ) {}

  /** typeName converts a type_descriptor node (implemented by the declaration half). */
  abstract typeName(n: Node): TypeName;

  protected unsupported(n: Node, construct: string): void {
    this.rep.report('unsupported', locate(this.src, posOf(n)), { args: { construct } });
  }

  protected field(n: Node, name: string): Node | null {
    return n.childForFieldName(name);
  }

  protected req(n: Node, name: string): Node {
    const c = n.childForFieldName(name);
    if (c === null) throw new Error(`tree-sitter node ${n.type} lacks field ${name}`);
    return c;
  }

  protected opOf(n: Node): string {
    return this.req(n, 'operator').type;
  }

  /** expr converts one expression node. */
  expr(n: Node): Expr {
    const pos = posOf(n);
    switch (n.type) {
      case 'identifier':
        return { pos, k: 'id', name: n.text };
      case 'true':
      case 'false':
        return { pos, k: 'int', text: n.type === 'true' ? '1' : '0' };
      case 'null':
        return { pos, k: 'int', text: '0' };
      case 'number_literal':
        return this.number(n, pos);
      case 'char_literal':
        return this.charLit(n, pos);
      case 'string_literal':
      case 'concatenated_string':
        return { pos, k: 'str', bytes: this.stringBytes(n) };
      case 'parenthesized_expression':
        return this.expr(n.namedChildren[0]!);
      case 'binary_expression':
        return {
          pos,
          k: 'bin',
          op: this.opOf(n),
          l: this.expr(this.req(n, 'left')),
          r: this.expr(this.req(n, 'right')),
        };
      case 'assignment_expression':
        return {
          pos,
          k: 'assign',
          op: this.opOf(n),
          l: this.expr(this.req(n, 'left')),
          r: this.expr(this.req(n, 'right')),
        };
      case 'unary_expression':
      case 'pointer_expression':
        return { pos, k: 'un', op: this.opOf(n), e: this.expr(this.req(n, 'argument')) };
      case 'update_expression': {
        const op = this.opOf(n) as '++' | '--';
        const prefix = n.child(0)!.type === op;
        return { pos, k: 'incdec', op, prefix, e: this.expr(this.req(n, 'argument')) };
      }
      case 'call_expression':
        return this.call(n, pos);
      case 'field_expression':
        return {
          pos,
          k: 'member',
          e: this.expr(this.req(n, 'argument')),
          name: this.req(n, 'field').text,
          arrow: this.opOf(n) === '->',
        };
      case 'subscript_expression':
        return { pos, k: 'index', e: this.expr(this.req(n, 'argument')), i: this.expr(this.req(n, 'index')) };
      case 'cast_expression':
        return { pos, k: 'cast', tn: this.typeName(this.req(n, 'type')), e: this.expr(this.req(n, 'value')) };
      case 'sizeof_expression': {
        const t = this.field(n, 'type');
        return t !== null
          ? { pos, k: 'sizeofT', tn: this.typeName(t) }
          : { pos, k: 'sizeofE', e: this.expr(this.req(n, 'value')) };
      }
      case 'alignof_expression':
        return { pos, k: 'alignofT', tn: this.typeName(this.req(n, 'type')) };
      case 'conditional_expression': {
        const a = this.field(n, 'consequence');
        if (a === null) return this.bad(n, "the GNU '?:' operator with an empty middle");
        return {
          pos,
          k: 'cond',
          c: this.expr(this.req(n, 'condition')),
          a: this.expr(a),
          b: this.expr(this.req(n, 'alternative')),
        };
      }
      case 'comma_expression':
        return { pos, k: 'comma', l: this.expr(this.req(n, 'left')), r: this.expr(this.req(n, 'right')) };
      case 'compound_literal_expression':
        return {
          pos,
          k: 'compound',
          tn: this.typeName(this.req(n, 'type')),
          init: this.initList(this.req(n, 'value')),
        };
      default:
        return this.bad(n, `the '${n.type.replace(/_/g, ' ')}' construct`);
    }
  }

  protected bad(n: Node, construct: string): Expr {
    this.unsupported(n, construct);
    return { pos: posOf(n), k: 'bad' };
  }

  private call(n: Node, pos: Pos): Expr {
    const fn = this.req(n, 'function');
    const args = this.req(n, 'arguments');
    if (args.type !== 'argument_list') return this.bad(n, 'this call form');
    return {
      pos,
      k: 'call',
      fn: this.expr(fn),
      args: args.namedChildren.filter((c) => c.type !== 'comment').map((c) => this.expr(c)),
    };
  }

  private number(n: Node, pos: Pos): Expr {
    let text = n.text.replace(/'/g, '');
    if (text.startsWith('-')) {
      const inner: Expr = { pos: { line: pos.line, col: pos.col + 1 }, ...this.numberText(text.slice(1), n) };
      return { pos, k: 'un', op: '-', e: inner };
    }
    if (text.startsWith('+')) text = text.slice(1);
    return { pos, ...this.numberText(text, n) };
  }

  private numberText(text: string, n: Node): { k: 'int' | 'float'; text: string } | { k: 'bad' } {
    if (
      /^0[xX][0-9a-fA-F]+[uUlL]*$/.test(text) ||
      /^[0-9]+[uUlL]*$/.test(text) ||
      /^0[bB][01]+[uUlL]*$/.test(text)
    ) {
      return { k: 'int', text };
    }
    if (/^([0-9]*\.[0-9]*([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)[fFlL]?$/.test(text) && text !== '.') {
      return { k: 'float', text };
    }
    this.unsupported(n, `the number '${text}'`);
    return { k: 'bad' };
  }

  private charLit(n: Node, pos: Pos): Expr {
    const parts = n.namedChildren;
    if (n.text.startsWith("'") === false) return this.bad(n, 'wide character constants');
    if (parts.length !== 1) return this.bad(n, 'multi-character constants');
    const p = parts[0]!;
    const v = p.type === 'escape_sequence' ? decodeEscape(p.text) : utf8(p.text)[0]!;
    return { pos, k: 'char', value: v > 127 ? v - 256 : v };
  }

  /** stringBytes decodes a string literal (or adjacent ones) into bytes without the terminating NUL. */
  protected stringBytes(n: Node): number[] {
    if (n.type === 'concatenated_string') return n.namedChildren.flatMap((c) => this.stringBytes(c));
    if (n.type !== 'string_literal') {
      this.unsupported(n, `'${n.type}' in a string`);
      return [];
    }
    if (!n.text.startsWith('"')) {
      this.unsupported(n, 'wide or prefixed string literals');
      return [];
    }
    const out: number[] = [];
    for (const c of n.namedChildren) {
      if (c.type === 'escape_sequence') out.push(decodeEscape(c.text));
      else if (c.type === 'string_content') out.push(...utf8(c.text));
    }
    return out;
  }

  /** init converts an initializer: an expression or a brace list. */
  init(n: Node): Init {
    return n.type === 'initializer_list' ? this.initList(n) : { k: 'expr', e: this.expr(n) };
  }

  protected initList(n: Node): Init {
    const items: InitItem[] = [];
    for (const c of n.namedChildren) {
      if (c.type === 'comment') continue;
      if (c.type === 'initializer_pair') {
        const desig: Desig[] = [];
        for (const d of c.childrenForFieldName('designator')) {
          if (d.type === 'field_designator')
            desig.push({ k: 'field', name: d.namedChildren[0]!.text, pos: posOf(d) });
          else if (d.type === 'subscript_designator')
            desig.push({ k: 'index', e: this.expr(d.namedChildren[0]!) });
          else this.unsupported(d, 'this designator');
        }
        items.push({ desig, init: this.init(this.req(c, 'value')) });
      } else {
        items.push({ desig: [], init: this.init(c) });
      }
    }
    return { k: 'list', pos: posOf(n), items };
  }
}
