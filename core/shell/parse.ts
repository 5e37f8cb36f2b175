// The lab shell's grammar, a small part of the POSIX shell's (XCU 2.9, 2.10): lists joined by
// `;`, `&`, `&&` and `||`, pipelines joined by `|`, simple commands with redirections
// `[n]>`, `[n]>>`, `[n]<`, `[n]>&m`, `[n]<&m` and bash's `&>`, `&>>`, single and double quotes, backslash escapes,
// `$?` and `$NAME` parameters, `~` at the start of a word and `#` comments. Parameters are
// kept unexpanded in the tree so each command sees the status of the one before it.

/** WordPart is literal text (quoted or not) or a parameter to expand when the command runs. */
export type WordPart = { text: string; quoted: boolean } | { param: string };

/** Word is one shell word before expansion. */
export interface Word {
  parts: WordPart[];
}

/** RedirectOp is a redirection operator. */
export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>';

/** Redirect is `[fd]op target`, e.g. `2>&1` is { fd: 2, op: '>&', target: '1' }. */
export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
}

/** SimpleCommand is the words and redirections of one command. */
export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}

/** Connector is what joins a pipeline to the next one in a list. */
export type Connector = ';' | '&' | '&&' | '||';

/** ListItem is a pipeline and the connector written after it (`;` at the end of the line). */
export interface ListItem {
  pipeline: SimpleCommand[];
  connector: Connector;
}

/** ParseResult is the parsed list, or bash's message for the syntax error. */
export type ParseResult = { ok: true; list: ListItem[] } | { ok: false; message: string };

type Token =
  | { kind: 'word'; word: Word }
  | { kind: 'op'; op: Connector | '|' }
  | { kind: 'redirect'; fd: number; op: RedirectOp };

const BLANK = new Set([' ', '\t']);
const META = new Set([' ', '\t', ';', '&', '|', '<', '>']);

/** parseLine parses one command line. */
export function parseLine(line: string): ParseResult {
  const lexed = lex(line);
  if (!lexed.ok) return lexed;
  const tokens = lexed.tokens;
  const list: ListItem[] = [];
  let pipeline: SimpleCommand[] = [];
  let command: SimpleCommand = { words: [], redirects: [] };
  const empty = () => command.words.length === 0 && command.redirects.length === 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word') command.words.push(token.word);
    else if (token.kind === 'redirect') {
      const target = tokens[i + 1];
      if (target?.kind !== 'word') return unexpected(target);
      command.redirects.push({ fd: token.fd, op: token.op, target: target.word });
      i++;
    } else {
      if (empty()) return unexpected(token);
      pipeline.push(command);
      command = { words: [], redirects: [] };
      if (token.op !== '|') {
        list.push({ pipeline, connector: token.op });
        pipeline = [];
      }
    }
  }
  if (!empty()) list.push({ pipeline: [...pipeline, command], connector: ';' });
  else if (pipeline.length > 0 || list.at(-1)?.connector === '&&' || list.at(-1)?.connector === '||')
    return { ok: false, message: 'syntax error: unexpected end of file' };
  return { ok: true, list };
}

function unexpected(token: Token | undefined): ParseResult {
  const text = token === undefined ? 'newline' : token.kind === 'op' ? token.op : redirectText(token);
  return { ok: false, message: `syntax error near unexpected token \`${text}'` };
}

function redirectText(token: Token): string {
  return token.kind === 'redirect' ? token.op : '';
}

type LexResult = { ok: true; tokens: Token[] } | { ok: false; message: string };

/** lex splits a line into words and operators, keeping quoting in the words' parts. */
function lex(line: string): LexResult {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  let inWord = false;
  const add = (text: string, quoted: boolean) => {
    inWord = true;
    const last = parts.at(-1);
    if (last && 'text' in last && last.quoted === quoted) last.text += text;
    else parts.push({ text, quoted });
  };
  const endWord = () => {
    if (inWord) tokens.push({ kind: 'word', word: { parts } });
    parts = [];
    inWord = false;
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (BLANK.has(ch)) {
      endWord();
      i++;
    } else if (ch === '#' && !inWord) {
      break;
    } else if (ch === '&' && line[i + 1] === '>') {
      endWord();
      const append = line[i + 2] === '>';
      tokens.push({ kind: 'redirect', fd: 1, op: append ? '&>>' : '&>' });
      i += append ? 3 : 2;
    } else if (ch === ';' || ch === '&' || ch === '|') {
      endWord();
      const double = line[i + 1] === ch && ch !== ';';
      tokens.push({ kind: 'op', op: (double ? ch + ch : ch) as Connector | '|' });
      i += double ? 2 : 1;
    } else if (ch === '<' || ch === '>') {
      const digits = parts.length === 1 && 'text' in parts[0]! && !parts[0].quoted ? parts[0].text : '';
      const fd = /^[0-9]$/.test(digits) ? Number(digits) : ch === '<' ? 0 : 1;
      if (/^[0-9]$/.test(digits)) parts = [];
      else endWord();
      inWord = false;
      const next = line[i + 1];
      let op: RedirectOp = ch;
      if (ch === '>' && next === '>') op = '>>';
      else if (next === '&') op = ch === '>' ? '>&' : '<&';
      i += op.length;
      if (ch === '>' && op === '>' && line[i] === '|') i++; // >| is > without noclobber
      tokens.push({ kind: 'redirect', fd, op });
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: "unexpected EOF while looking for matching `''" };
      add(line.slice(i + 1, end), true);
      i = end + 1;
    } else if (ch === '"') {
      const end = lexDouble(line, i + 1, add, (param) => parts.push({ param }));
      if (end < 0) return { ok: false, message: 'unexpected EOF while looking for matching `"\'' };
      inWord = true;
      i = end + 1;
    } else if (ch === '\\') {
      if (i + 1 < line.length) add(line[i + 1]!, true);
      i += 2;
    } else if (ch === '$') {
      i = lexParam(line, i, add, (param) => {
        inWord = true;
        parts.push({ param });
      });
    } else if (
      ch === '~' &&
      !inWord &&
      (i + 1 >= line.length || line[i + 1] === '/' || META.has(line[i + 1]!))
    ) {
      inWord = true;
      parts.push({ param: 'HOME' });
      i++;
    } else {
      add(ch, false);
      i++;
    }
  }
  endWord();
  return { ok: true, tokens };
}

/** lexDouble reads a double-quoted string from `start`; it returns the closing quote's index or -1. */
function lexDouble(
  line: string,
  start: number,
  add: (text: string, quoted: boolean) => void,
  param: (name: string) => void,
): number {
  add('', true);
  let i = start;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '"') return i;
    if (ch === '\\' && '$`"\\'.includes(line[i + 1] ?? 'x')) {
      add(line[i + 1]!, true);
      i += 2;
    } else if (ch === '$') {
      i = lexParam(line, i, (text) => add(text, true), param);
    } else {
      add(ch, true);
      i++;
    }
  }
  return -1;
}

/** lexParam reads `$?` or `$NAME` at `start` (a lone `$` stays literal) and returns the next index. */
function lexParam(
  line: string,
  start: number,
  add: (text: string, quoted: boolean) => void,
  param: (name: string) => void,
): number {
  if (line[start + 1] === '?') {
    param('?');
    return start + 2;
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(start + 1))?.[0];
  if (name === undefined) {
    add('$', false);
    return start + 1;
  }
  param(name);
  return start + 1 + name.length;
}
