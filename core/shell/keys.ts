// Splits the byte stream a terminal sends into keys: printable text, control characters and
// escape sequences (CSI and SS3), the way a line editor such as readline reads them.

/** Key is one keystroke (or one run of printable text) from the terminal. */
export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'ctrl'; char: string } // 'a'..'z' for Ctrl-A..Ctrl-Z, plus 'enter', 'tab', 'backspace'
  | { kind: 'seq'; name: SeqName };

/** SeqName names the escape sequences the line editor understands. */
export type SeqName =
  'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'wordLeft' | 'wordRight' | 'unknown';

const csiNames: Record<string, SeqName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '1;5C': 'wordRight',
  '1;5D': 'wordLeft',
  '1;3C': 'wordRight',
  '1;3D': 'wordLeft',
};

/** readKeys splits terminal input into keys; an unfinished escape sequence at the end is returned as `rest`. */
export function readKeys(data: string): { keys: Key[]; rest: string } {
  const keys: Key[] = [];
  let i = 0;
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  while (i < data.length) {
    const ch = data[i]!;
    const code = ch.charCodeAt(0);
    if (ch === '\x1b') {
      flush();
      const seq = readEscape(data, i);
      if (!seq) return { keys, rest: data.slice(i) };
      keys.push({ kind: 'seq', name: seq.name });
      i = seq.end;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      flush();
      keys.push({ kind: 'ctrl', char: controlName(code) });
      // A terminal sends \r for Enter; swallow the \n of a pasted \r\n pair.
      if (ch === '\r' && data[i + 1] === '\n') i++;
      i++;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return { keys, rest: '' };
}

function controlName(code: number): string {
  if (code === 0x0d || code === 0x0a) return 'enter';
  if (code === 0x09) return 'tab';
  if (code === 0x7f || code === 0x08) return 'backspace';
  if (code === 0) return '@';
  if (code <= 0x1a) return String.fromCharCode(0x60 + code);
  return 'other';
}

function readEscape(data: string, start: number): { name: SeqName; end: number } | undefined {
  const kind = data[start + 1];
  if (kind === undefined) return undefined;
  // A control character ends an escape sequence early and is then read as itself, so Ctrl-C
  // or Enter typed after a stray Esc still works.
  const isControl = (ch: string) => ch.charCodeAt(0) < 0x20;
  if (isControl(kind)) return { name: 'unknown', end: start + 1 };
  if (kind === 'O') {
    const final = data[start + 2];
    if (final === undefined) return undefined;
    if (isControl(final)) return { name: 'unknown', end: start + 2 };
    return { name: csiNames[final] ?? 'unknown', end: start + 3 };
  }
  if (kind !== '[')
    return { name: kind === 'b' ? 'wordLeft' : kind === 'f' ? 'wordRight' : 'unknown', end: start + 2 };
  let j = start + 2;
  while (j < data.length) {
    const c = data.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e)
      return { name: csiNames[data.slice(start + 2, j + 1)] ?? 'unknown', end: j + 1 };
    if (c < 0x20 || c > 0x7e) return { name: 'unknown', end: j }; // not a CSI byte: the sequence was cut short
    j++;
  }
  return undefined;
}
