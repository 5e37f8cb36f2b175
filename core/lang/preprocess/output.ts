// The preprocessor's output text and line map. Every physical line of every file read gets
// exactly one output line (directives and skipped lines become empty lines), and a token
// written in the source file is put at its own column, so a later stage's line:column on the
// output maps straight back to the student's file. A macro expansion is written at the
// macro name's place; when it is longer than the invocation, the rest of that line shifts
// right by the difference (when shorter, the next source token returns to its column).
import type { IncludeSite } from '../diagnostics';
import type { Token } from './token';

/** LineOrigin is the file and 1-based line an output line came from (after any `#line`). */
export interface LineOrigin {
  readonly file: string;
  readonly line: number;
  /** The `#include` lines that led to this file, innermost first; absent in the main file. */
  readonly includedFrom?: readonly IncludeSite[];
}

// Characters that would fuse into one token if written side by side.
const WORD = /[\w$\u0080-\uffff]/;
const OPERATOR = /[-+*/%&|^<>=!#.:]/;

/** needsSpace tells whether writing `next` right after `prev` would lex as something else. */
export function needsSpace(prev: string, next: string): boolean {
  const a = prev[prev.length - 1];
  const b = next[0];
  if (a === undefined || b === undefined) return false;
  if (WORD.test(a) && (WORD.test(b) || b === '"' || b === "'")) return true;
  if (OPERATOR.test(a) && OPERATOR.test(b)) return true;
  return (a === '.' && /\d/.test(b)) || (/[\d.]/.test(a) && b === '.');
}

/** Output accumulates output lines and their origins while files are read. */
export class Output {
  readonly #lines: string[] = [];
  readonly #map: LineOrigin[] = [];
  #parts: string[] = [];
  #length = 0;
  #last = '';
  #aligned = false;
  #open = false;
  // Per file being written: the next physical line not yet given an output line.
  #nextLine = 1;
  #file = '';
  #presumedFile = '';
  #lineDelta = 0;
  #chain: readonly IncludeSite[] = [];

  /** enterFile starts writing a file's lines and returns what to pass to `leaveFile` afterwards. */
  enterFile(file: string, includedFrom: readonly IncludeSite[]): () => void {
    const saved = [this.#nextLine, this.#file, this.#presumedFile, this.#lineDelta, this.#chain] as const;
    [this.#nextLine, this.#file, this.#presumedFile, this.#lineDelta] = [1, file, file, 0];
    this.#chain = includedFrom;
    return () => {
      [this.#nextLine, this.#file, this.#presumedFile, this.#lineDelta, this.#chain] = saved;
    };
  }

  /** setPresumed applies `#line`: physical line `physical + 1` is reported as `line` of `file`. */
  setPresumed(physical: number, line: number, file?: string): void {
    this.#lineDelta = line - (physical + 1);
    if (file !== undefined) this.#presumedFile = file;
  }

  /** presumed gives the file and line a physical line of the current file is reported as. */
  presumed(physical: number): LineOrigin {
    const origin = { file: this.#presumedFile, line: physical + this.#lineDelta };
    return this.#chain.length === 0 ? origin : { ...origin, includedFrom: this.#chain };
  }

  /** reachLine opens output lines up to and including physical line `line` of the current file. */
  reachLine(line: number): void {
    while (this.#nextLine <= line) {
      this.#flush();
      this.#map.push(this.presumed(this.#nextLine));
      this.#nextLine++;
      this.#open = true;
    }
  }

  /** write puts a token on the output: at its source column when it was written in the current file, else after what precedes it. */
  write(t: Token): void {
    if (t.placemarker === true) return;
    if (t.file === this.#file) this.reachLine(t.line);
    if (!this.#open) this.reachLine(this.#nextLine);
    const atColumn = t.fromMacro !== true && t.file === this.#file;
    // Two source tokens that touch in the source and in the output need no space between them.
    const touching = atColumn && this.#aligned && !t.space && t.col - 1 === this.#length;
    if (atColumn && t.col - 1 > this.#length) this.#append(' '.repeat(t.col - 1 - this.#length));
    else if (this.#length > 0 && this.#last !== ' ' && !touching) {
      if (t.space || needsSpace(this.#last, t.text)) this.#append(' ');
    }
    this.#aligned = atColumn && t.col - 1 === this.#length;
    this.#append(t.text);
  }

  // The current line is kept as parts, with its length and last character, so that writing a
  // token never rescans the line (a rope string would be flattened by indexing).
  #append(text: string): void {
    if (text === '') return;
    this.#parts.push(text);
    this.#length += text.length;
    this.#last = text[text.length - 1]!;
  }

  #flush(): void {
    if (this.#open) this.#lines.push(this.#parts.join('').trimEnd());
    this.#parts = [];
    this.#length = 0;
    this.#last = '';
    this.#aligned = false;
    this.#open = false;
  }

  /** finish closes the last line and returns the code and its line map. */
  finish(): { code: string; lineMap: LineOrigin[] } {
    this.#flush();
    const code = this.#lines.length === 0 ? '' : this.#lines.join('\n') + '\n';
    return { code, lineMap: this.#map };
  }
}

/**
 * locate maps a 1-based line and column of the preprocessed code back to the student's file:
 * the line through the line map, the column unchanged (exact for every token written in the
 * source; for tokens from a macro expansion, tokens after a longer expansion on the same line
 * are off by the excess). Returns undefined for a line outside the output.
 */
export function locate(
  lineMap: readonly LineOrigin[],
  line: number,
  col: number,
): { file: string; line: number; col: number } | undefined {
  const origin = lineMap[line - 1];
  return origin === undefined ? undefined : { file: origin.file, line: origin.line, col };
}
