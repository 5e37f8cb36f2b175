// Preprocessing tokens (C99 6.4.7 pp-tokens) and the small helpers that copy and print them.

/** TokenKind classifies a preprocessing token; `header` is a `<...>` name lexed only after `#include`. */
export type TokenKind = 'ident' | 'number' | 'char' | 'string' | 'punct' | 'header' | 'other' | 'newline';

/**
 * Token is one pp-token with the physical place it starts (1-based line and UTF-16 column in
 * its file). Tokens made by macro expansion carry the place of the outermost macro name and
 * `fromMacro`, plus the hide set of Prosser's algorithm (the macros that may not expand them).
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Whitespace (or a comment) came before it on its line. */
  readonly space: boolean;
  /** It is the first token of a logical line (where `#` starts a directive). */
  readonly bol: boolean;
  readonly hide?: ReadonlySet<string>;
  readonly fromMacro?: boolean;
  /** An identifier "painted blue": it named a macro inside that macro's own expansion. */
  readonly noExpand?: boolean;
  /** A string or character literal that ran into the end of the line. */
  readonly unterminated?: boolean;
  /** A placemarker of C99 6.10.3.3 (an empty argument next to `##`); never printed. */
  readonly placemarker?: boolean;
}

/** isPunct tells whether a token is the punctuator `text`. */
export function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

/** spell joins tokens into text with one space wherever the source had whitespace, as `#` stringizing does. */
export function spell(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.placemarker === true) continue;
    if (out !== '' && t.space) out += ' ';
    out += t.text;
  }
  return out;
}

/** stringize makes the string-literal text of `#param` from the argument's tokens (C99 6.10.3.2). */
export function stringize(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.placemarker === true) continue;
    if (out !== '' && t.space) out += ' ';
    out += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text;
  }
  return `"${out}"`;
}
