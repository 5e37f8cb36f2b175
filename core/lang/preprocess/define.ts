// `#define` lines into Macro records (C99 6.10.3), with gcc's checks on the parameter list and
// on `#` / `##` placement, and the "same definition" test used to warn on redefinition.
import type { Macro } from './macro';
import type { PreprocessCode } from './messages';
import { lex } from './lexer';
import type { Token } from './token';
import { isPunct } from './token';

/** DefineProblem is why a `#define` line was refused or is suspicious. */
export interface DefineProblem {
  readonly code: PreprocessCode;
  readonly at: Token | undefined;
  readonly args?: Record<string, string>;
  /** A warning does not stop the macro from being defined. */
  readonly warning?: boolean;
}

/** parseDefine reads the tokens after `#define` (without the newline) into a macro, or says what is wrong. */
export function parseDefine(
  tokens: readonly Token[],
  end: Token,
): { macro?: Macro; problems: DefineProblem[] } {
  const name = tokens[0];
  if (name === undefined)
    return { problems: [{ code: 'pp-no-macro-name', at: end, args: { directive: 'define' } }] };
  if (name.kind !== 'ident') return { problems: [{ code: 'pp-macro-name-not-identifier', at: name }] };
  if (name.text === 'defined') return { problems: [{ code: 'pp-defined-as-macro-name', at: name }] };
  const problems: DefineProblem[] = [];
  let params: string[] | null = null;
  let variadic = false;
  let i = 1;
  if (isPunct(tokens[1], '(') && !tokens[1]!.space) {
    params = [];
    i = 2;
    for (;;) {
      const t = tokens[i++];
      if (t === undefined) return { problems: [{ code: 'pp-bad-parameter-list', at: end }] };
      if (params.length === 0 && isPunct(t, ')')) break;
      if (isPunct(t, '...')) {
        params.push('__VA_ARGS__');
        variadic = true;
        if (isPunct(tokens[i], ')')) {
          i++;
          break;
        }
        return { problems: [{ code: 'pp-bad-parameter-list', at: tokens[i] ?? end }] };
      }
      if (t.kind !== 'ident' || t.text === '__VA_ARGS__')
        return { problems: [{ code: 'pp-bad-parameter', at: t, args: { token: t.text } }] };
      if (params.includes(t.text))
        return { problems: [{ code: 'pp-duplicate-parameter', at: t, args: { name: t.text } }] };
      params.push(t.text);
      const sep = tokens[i++];
      if (isPunct(sep, ')')) break;
      if (isPunct(sep, '...')) {
        // GNU named variadic `args...` is outside SockLab's C; treat as a bad list.
        return { problems: [{ code: 'pp-bad-parameter-list', at: sep }] };
      }
      if (!isPunct(sep, ',')) return { problems: [{ code: 'pp-bad-parameter-list', at: sep ?? end }] };
    }
  }
  const body = tokens.slice(i).map((t, k) => (k === 0 ? { ...t, space: false } : t));
  if (isPunct(body[0], '##')) return { problems: [{ code: 'pp-paste-at-edge', at: body[0] }] };
  if (isPunct(body[body.length - 1], '##'))
    return { problems: [{ code: 'pp-paste-at-edge', at: body[body.length - 1] }] };
  if (params !== null) {
    for (let k = 0; k < body.length; k++) {
      const next = body[k + 1];
      if (
        isPunct(body[k], '#') &&
        (next === undefined || next.kind !== 'ident' || !params.includes(next.text))
      )
        return { problems: [{ code: 'pp-stringify-not-parameter', at: body[k] }] };
    }
  }
  const vaArgs = body.find((t) => t.kind === 'ident' && t.text === '__VA_ARGS__');
  if (vaArgs !== undefined && !variadic)
    problems.push({ code: 'pp-va-args-outside-variadic', at: vaArgs, warning: true });
  return { macro: { name: name.text, params, variadic, body, file: name.file, line: name.line }, problems };
}

/** sameDefinition tells whether two definitions are identical in C99's sense (6.10.3p2), so redefining is allowed. */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.variadic !== b.variadic || (a.params === null) !== (b.params === null)) return false;
  if (a.params !== null && a.params.join(',') !== b.params!.join(',')) return false;
  if (a.body.length !== b.body.length || a.dynamic !== b.dynamic) return false;
  return a.body.every((t, k) => t.text === b.body[k]!.text && (k === 0 || t.space === b.body[k]!.space));
}

/** macroFromText defines `name` (or `NAME(params)`) as `value`, like gcc's `-DNAME=value`; undefined if that is not a valid definition. */
export function macroFromText(file: string, name: string, value: string): Macro | undefined {
  const tokens = lex(file, `${name} ${value}`).tokens.filter((t) => t.kind !== 'newline');
  return tokens[0] === undefined ? undefined : parseDefine(tokens, tokens[0]).macro;
}
