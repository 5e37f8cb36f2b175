// Translation phases 1–3 for one file: line splicing (backslash-newline), comments replaced by
// one space, and the split into pp-tokens, each tagged with the physical line and column
// where it starts so later stages can point at the student's text.
import type { Token, TokenKind } from './token';

/** LexProblem is a lexical problem found in a file, reported by the driver. */
export interface LexProblem {
  readonly code: 'unterminated-comment';
  readonly line: number;
  readonly col: number;
}

/** LexedFile is a file as a token list, `newline` tokens ending each logical line. */
export interface LexedFile {
  readonly tokens: Token[];
  /** lineCount is the number of physical lines (a final newline does not start another). */
  readonly lineCount: number;
  readonly problems: LexProblem[];
}

// Longest first, so that the first match is the longest punctuator.
const PUNCTUATORS = [
  '...', '<<=', '>>=', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##',
]; // prettier-ignore
const SINGLE = '[](){}.&*+-~!/%<>^|?:;=,#';

/** isIdentStart tells whether a UTF-16 unit may start an identifier (letters, `_`, `$`, non-ASCII). */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 0x80;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** lex splits one file's text into pp-tokens; it never throws, whatever the text. */
export function lex(file: string, source: string): LexedFile {
  const text = source.replace(/\r\n?/g, '\n');
  // Phase 2: drop backslash-newline, remembering where each kept character was.
  let clean = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    clean += text[i];
    origin.push(i);
  }
  origin.push(text.length);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineCount = text.endsWith('\n') || text === '' ? lineStarts.length - 1 : lineStarts.length;
  let lineIdx = 0;
  const place = (cleanIndex: number): [number, number] => {
    const at = origin[cleanIndex]!;
    while (lineIdx + 1 < lineStarts.length && lineStarts[lineIdx + 1]! <= at) lineIdx++;
    return [lineIdx + 1, at - lineStarts[lineIdx]! + 1];
  };

  const tokens: Token[] = [];
  const problems: LexProblem[] = [];
  let space = false;
  let bol = true;
  let i = 0;
  const n = clean.length;
  const push = (kind: TokenKind, start: number, end: number, extra?: Partial<Token>): void => {
    const [line, col] = place(start);
    tokens.push({ kind, text: clean.slice(start, end), file, line, col, space, bol, ...extra });
    space = false;
    bol = false;
  };
  // After `#include` on a line, `<...>` is one header-name token.
  const wantsHeader = (): boolean => {
    const k = tokens.length;
    return (
      k >= 2 &&
      tokens[k - 2]!.bol &&
      tokens[k - 2]!.text === '#' &&
      tokens[k - 1]!.kind === 'ident' &&
      (tokens[k - 1]!.text === 'include' || tokens[k - 1]!.text === 'include_next')
    );
  };
  const quoted = (start: number, quote: string): void => {
    let j = i;
    while (j < n && clean[j] !== quote && clean[j] !== '\n')
      j += clean[j] === '\\' && clean[j + 1] !== '\n' ? 2 : 1;
    if (j < n && clean[j] === quote) {
      i = j + 1;
      push(quote === '"' ? 'string' : 'char', start, i);
    } else {
      i = Math.min(j, n);
      push('other', start, i, { unterminated: true });
    }
  };
  while (i < n) {
    const c = clean.charCodeAt(i);
    const ch = clean[i]!;
    if (ch === '\n') {
      const [line, col] = place(i);
      tokens.push({ kind: 'newline', text: '\n', file, line, col, space, bol });
      i++;
      space = false;
      bol = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\r') {
      i++;
      space = true;
    } else if (ch === '/' && clean[i + 1] === '*') {
      const end = clean.indexOf('*/', i + 2);
      if (end < 0) {
        const [line, col] = place(i);
        problems.push({ code: 'unterminated-comment', line, col });
        i = n;
      } else i = end + 2;
      space = true;
    } else if (ch === '/' && clean[i + 1] === '/') {
      while (i < n && clean[i] !== '\n') i++;
      space = true;
    } else if (ch === '<' && wantsHeader()) {
      const end = clean.indexOf('>', i);
      const eol = clean.indexOf('\n', i);
      if (end > 0 && (eol < 0 || end < eol)) {
        const start = i;
        i = end + 1;
        push('header', start, i);
      } else {
        i++;
        push('punct', i - 1, i);
      }
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(clean.charCodeAt(i))) i++;
      const word = clean.slice(start, i);
      if ((clean[i] === '"' || clean[i] === "'") && /^(L|u|U|u8)$/.test(word)) {
        i++;
        quoted(start, clean[i - 1]!);
      } else push('ident', start, i);
    } else if (isDigit(c) || (ch === '.' && isDigit(clean.charCodeAt(i + 1)))) {
      const start = i;
      i++;
      while (i < n) {
        const d = clean[i]!;
        if ((d === '+' || d === '-') && /[eEpP]/.test(clean[i - 1]!)) i++;
        else if (d === '.' || isIdentPart(clean.charCodeAt(i))) i++;
        else break;
      }
      push('number', start, i);
    } else if (ch === '"' || ch === "'") {
      const start = i;
      i++;
      quoted(start, ch);
    } else {
      const p = PUNCTUATORS.find((q) => clean.startsWith(q, i));
      const start = i;
      if (p !== undefined) {
        i += p.length;
        push('punct', start, i);
      } else {
        i++;
        push(SINGLE.includes(ch) ? 'punct' : 'other', start, i);
      }
    }
  }
  return { tokens, lineCount, problems };
}
