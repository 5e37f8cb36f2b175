// A reading position in one file's token list, shared by the driver (which reads directive
// lines and skips groups) and the macro expander (which may read a call's arguments across
// line ends, but never into a directive line).
import type { TokenSource } from './macro';
import type { Token } from './token';
import { isPunct } from './token';

/** FileCursor walks a lexed file; as a TokenSource it ends at each line end unless asked to cross it. */
export class FileCursor implements TokenSource {
  /** FileCursor.pos is the index of the next token to read. */
  pos = 0;
  readonly #tokens: readonly Token[];

  /** FileCursor's constructor starts at the first token of `tokens`. */
  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  /** next returns the next token of the line, or of later lines when `across` (a crossed line end counts as whitespace). */
  next(across: boolean): Token | undefined {
    const tokens = this.#tokens;
    let j = this.pos;
    if (tokens[j]?.kind === 'newline') {
      if (!across) return undefined;
      while (tokens[j]?.kind === 'newline') j++;
      if (isPunct(tokens[j], '#') && tokens[j]!.bol) return undefined;
    }
    const crossed = j > this.pos;
    this.pos = j + 1;
    const t = tokens[j];
    return t !== undefined && crossed && !t.space ? { ...t, space: true } : t;
  }

  /** peekParen tells whether the next token, possibly on a later line, is `(`. */
  peekParen(): boolean {
    let j = this.pos;
    while (this.#tokens[j]?.kind === 'newline') j++;
    return isPunct(this.#tokens[j], '(');
  }

  /** directiveLine reads the rest of the line after a `#` and the token ending it (a made-up one at end of file). */
  directiveLine(hash: Token): { line: Token[]; eol: Token } {
    const tokens = this.#tokens;
    let end = this.pos + 1;
    while (end < tokens.length && tokens[end]!.kind !== 'newline') end++;
    const line = tokens.slice(this.pos + 1, end);
    const last = line[line.length - 1] ?? hash;
    const eol = tokens[end] ?? { ...last, kind: 'newline', text: '\n', col: last.col + last.text.length };
    this.pos = end;
    return { line, eol };
  }

  /** skipLine moves to the end of the current line. */
  skipLine(): void {
    while (this.pos < this.#tokens.length && this.#tokens[this.pos]!.kind !== 'newline') this.pos++;
  }
}
