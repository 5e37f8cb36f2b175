// The integer constant expressions of `#if` and `#elif` (C99 6.10.1): every C operator except
// assignment, evaluated in intmax_t / uintmax_t (64-bit on x86-64) with C's conversions,
// short-circuit evaluation, and gcc's diagnostics for malformed input.
import type { PreprocessCode } from './messages';
import type { Token } from './token';

/** PpValue is a value of an `#if` expression: 64-bit, signed or unsigned. */
export interface PpValue {
  readonly v: bigint;
  readonly unsigned: boolean;
}

/** TooLarge marks an integer constant that did not fit in 64 bits (gcc warns and truncates). */
export interface TooLarge {
  readonly tooLarge?: Token;
}

/** ExprProblem is the first problem found in an `#if` expression. */
export interface ExprProblem {
  readonly code: PreprocessCode;
  readonly at: Token | undefined;
  readonly args?: Record<string, string | number>;
}

/** MAX_NESTING bounds parentheses, unary operators and `?:` in one `#if`, so evaluation stays within the stack. */
export const MAX_NESTING = 256;

const norm = (v: bigint, unsigned: boolean): PpValue => ({
  v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v),
  unsigned,
});
const bool = (b: boolean): PpValue => ({ v: b ? 1n : 0n, unsigned: false });

// Binary operators by precedence level, loosest first (after `?:` and `,`).
const LEVELS: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
]; // prettier-ignore
const ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  e: 27,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

class Failure {
  constructor(readonly problem: ExprProblem) {}
}

/** evaluateExpression evaluates a fully macro-expanded `#if` line (`defined` already replaced), pushing too-large constants onto `warnings`. */
export function evaluateExpression(
  tokens: readonly Token[],
  end: Token,
  warnings: Token[] = [],
): PpValue | ExprProblem {
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const fail = (
    code: PreprocessCode,
    at: Token | undefined,
    args?: Record<string, string | number>,
  ): never => {
    throw new Failure({ code, at: at ?? end, ...(args === undefined ? {} : { args }) });
  };
  const isOp = (t: Token | undefined, ops: readonly string[]): boolean =>
    t !== undefined && t.kind === 'punct' && ops.includes(t.text);

  let nesting = 0;
  const primary = (live: boolean): PpValue => {
    if (++nesting > MAX_NESTING) fail('pp-too-deep', tokens[i], { limit: MAX_NESTING });
    try {
      return operand(live);
    } finally {
      nesting--;
    }
  };

  const operand = (live: boolean): PpValue => {
    const t = tokens[i++];
    if (t === undefined) return fail('pp-if-no-right-operand', end, { op: tokens[i - 2]?.text ?? '' });
    if (t.kind === 'number') {
      const n = parseNumber(t, fail);
      if (n.tooLarge !== undefined) warnings.push(n.tooLarge);
      return { v: n.v, unsigned: n.unsigned };
    }
    if (t.kind === 'char') return parseChar(t);
    if (t.kind === 'ident') return { v: 0n, unsigned: false };
    if (isOp(t, ['('])) {
      if (isOp(peek(), [')'])) fail('pp-if-empty-parens', peek());
      const v = comma(live);
      if (!isOp(peek(), [')'])) fail('pp-if-missing-paren', t);
      i++;
      return v;
    }
    if (isOp(t, ['+', '-', '~', '!'])) {
      if (peek() === undefined) fail('pp-if-no-right-operand', end, { op: t.text });
      const a = primary(live);
      if (t.text === '+') return a;
      if (t.text === '-') return norm(-a.v, a.unsigned);
      if (t.text === '~') return norm(~a.v, a.unsigned);
      return bool(a.v === 0n);
    }
    if (t.kind === 'punct' && (LEVELS.some((l) => l.includes(t.text)) || t.text === '?' || t.text === ':'))
      return fail('pp-if-no-left-operand', t, { op: t.text });
    return fail('pp-if-invalid-token', t, { token: t.text });
  };

  const binary = (level: number, live: boolean): PpValue => {
    if (level === LEVELS.length) return primary(live);
    let a = binary(level + 1, live);
    while (isOp(peek(), LEVELS[level]!)) {
      const op = tokens[i++]!;
      if (peek() === undefined) fail('pp-if-no-right-operand', end, { op: op.text });
      const short = (op.text === '&&' && a.v === 0n) || (op.text === '||' && a.v !== 0n);
      const b = binary(level + 1, live && !short);
      a = apply(op, a, b, live && !short, fail);
    }
    return a;
  };

  const conditional = (live: boolean): PpValue => {
    if (++nesting > MAX_NESTING) fail('pp-too-deep', tokens[i], { limit: MAX_NESTING });
    try {
      return ternary(live);
    } finally {
      nesting--;
    }
  };

  const ternary = (live: boolean): PpValue => {
    const c = binary(0, live);
    if (!isOp(peek(), ['?'])) return c;
    const q = tokens[i++]!;
    const a = comma(live && c.v !== 0n);
    if (!isOp(peek(), [':'])) fail('pp-if-missing-colon', peek() ?? end, { op: q.text });
    i++;
    const b = conditional(live && c.v === 0n);
    const unsigned = a.unsigned || b.unsigned;
    return norm(c.v !== 0n ? a.v : b.v, unsigned);
  };

  const comma = (live: boolean): PpValue => {
    let v = conditional(live);
    while (isOp(peek(), [','])) {
      i++;
      v = conditional(live);
    }
    return v;
  };

  try {
    const v = comma(true);
    const rest = peek();
    if (rest !== undefined) {
      if (isOp(rest, [')'])) fail('pp-if-missing-open-paren', rest);
      fail(
        rest.kind === 'punct' && rest.text !== '(' ? 'pp-if-invalid-token' : 'pp-if-missing-operator',
        rest,
        { token: rest.text },
      );
    }
    return v;
  } catch (e) {
    if (e instanceof Failure) return e.problem;
    throw e;
  }
}

/** replaceDefined turns each `defined X` / `defined(X)` of an `#if` line into 1 or 0, before macro expansion. */
export function replaceDefined(
  rest: readonly Token[],
  eol: Token,
  isDefined: (name: string) => boolean,
): Token[] | ExprProblem {
  const replaced: Token[] = [];
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    if (t.kind !== 'ident' || t.text !== 'defined') {
      replaced.push(t);
      continue;
    }
    const paren = t.kind === 'ident' && rest[i + 1]?.kind === 'punct' && rest[i + 1]?.text === '(';
    const id = rest[i + (paren ? 2 : 1)];
    if (id === undefined || id.kind !== 'ident')
      return { code: 'pp-defined-needs-identifier', at: id ?? eol };
    const close = rest[i + 3];
    if (paren && !(close?.kind === 'punct' && close.text === ')'))
      return { code: 'pp-defined-missing-paren', at: close ?? eol };
    replaced.push({ ...t, kind: 'number', text: isDefined(id.text) ? '1' : '0' });
    i += paren ? 3 : 1;
  }
  return replaced;
}

/** isProblem tells an evaluation result that failed from a value. */
export function isProblem<T extends object>(r: T | ExprProblem): r is ExprProblem {
  return 'code' in r;
}

type Fail = (code: PreprocessCode, at: Token | undefined, args?: Record<string, string | number>) => never;

function apply(op: Token, a: PpValue, b: PpValue, live: boolean, fail: Fail): PpValue {
  const unsigned = a.unsigned || b.unsigned;
  const x = unsigned ? BigInt.asUintN(64, a.v) : a.v;
  const y = unsigned ? BigInt.asUintN(64, b.v) : b.v;
  switch (op.text) {
    case '||': return bool(a.v !== 0n || b.v !== 0n);
    case '&&': return bool(a.v !== 0n && b.v !== 0n);
    case '|': return norm(x | y, unsigned);
    case '^': return norm(x ^ y, unsigned);
    case '&': return norm(x & y, unsigned);
    case '==': return bool(x === y);
    case '!=': return bool(x !== y);
    case '<': return bool(x < y);
    case '>': return bool(x > y);
    case '<=': return bool(x <= y);
    case '>=': return bool(x >= y);
    case '+': return norm(x + y, unsigned);
    case '-': return norm(x - y, unsigned);
    case '*': return norm(x * y, unsigned);
    case '<<':
    case '>>': {
      const count = b.unsigned ? BigInt.asUintN(64, b.v) : b.v;
      const left = (op.text === '<<') === count >= 0n;
      const n = count < 0n ? -count : count;
      const base = a.unsigned ? BigInt.asUintN(64, a.v) : a.v;
      if (n >= 64n) return norm(left ? 0n : base < 0n ? -1n : 0n, a.unsigned);
      return norm(left ? base << n : base >> n, a.unsigned);
    }
    default: {
      if (y === 0n) return live ? fail('pp-if-division-by-zero', op) : bool(false);
      return norm(op.text === '/' ? x / y : x % y, unsigned);
    }
  }
} // prettier-ignore

/** parseNumber reads an integer constant with its u/l suffixes (C99 6.4.4.1). */
function parseNumber(t: Token, fail: Fail): PpValue & TooLarge {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([a-zA-Z_]*)$/.exec(t.text);
  if (m === null || /^[0-9]+[eE]/.test(t.text) || /^0[xX].*[pP]/.test(t.text)) {
    if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFlL]?$|^0[xX].*[pP]/.test(t.text) || t.text.includes('.'))
      fail('pp-if-float', t);
    const suffix = /^[0-9]+(.*)$/.exec(t.text)?.[1] ?? t.text;
    return fail('pp-if-bad-suffix', t, { suffix });
  }
  const [, digits, suffix] = m as unknown as [string, string, string];
  if (!/^(u|U)?(l|L|ll|LL)?$|^(l|L|ll|LL)(u|U)$/.test(suffix)) fail('pp-if-bad-suffix', t, { suffix });
  const octal = digits.length > 1 && digits[0] === '0' && /^[0-9]+$/.test(digits);
  if (octal && /[89]/.test(digits))
    fail('pp-if-bad-suffix', t, { suffix: digits.slice(digits.search(/[89]/)) });
  const v = octal ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
  // gcc only warns (pp-if-too-large) and keeps the low 64 bits; the driver reports that warning.
  const big = v > 0xffff_ffff_ffff_ffffn;
  return {
    v: BigInt.asUintN(64, v),
    unsigned: big || /[uU]/.test(suffix) || v > 0x7fff_ffff_ffff_ffffn,
    ...(big ? { tooLarge: t } : {}),
  };
}

/** parseChar reads a character constant; a plain `char` is signed on x86-64, as gcc treats it. */
function parseChar(t: Token): PpValue {
  const prefix = t.text.slice(0, t.text.indexOf("'"));
  const body = t.text.slice(prefix.length + 1, -1);
  let v = 0n;
  let count = 0;
  let last = 0;
  for (let i = 0; i < body.length; count++) {
    let c: number;
    if (body[i] === '\\') {
      const e = body[i + 1] ?? '';
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1));
      const hex = /^x([0-9a-fA-F]+)/.exec(body.slice(i + 1));
      if (oct !== null) [c, i] = [parseInt(oct[0], 8), i + 1 + oct[0].length];
      else if (hex !== null) [c, i] = [parseInt(hex[1]!.slice(-8), 16), i + 1 + hex[0].length];
      else [c, i] = [ESCAPES[e] ?? e.charCodeAt(0), i + 2];
    } else {
      c = body.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
    }
    last = c;
    v = (v << 8n) | BigInt(c & 0xff);
  }
  if (prefix === '')
    return { v: count === 1 ? BigInt.asIntN(8, BigInt(last)) : BigInt.asIntN(32, v), unsigned: false };
  return { v: BigInt(last), unsigned: prefix !== 'L' };
}
