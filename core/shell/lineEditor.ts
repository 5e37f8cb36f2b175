// The line discipline of the lab shell: a small readline. It edits one line in place on a
// terminal in raw mode (cursor movement, history, the Emacs control keys bash users expect)
// and tells the shell when a line is submitted, interrupted or needs completing.
import type { Key } from './keys';
import { charWidth, textWidth } from './width';

/** EditResult is what the shell must do after a key. */
export type EditResult =
  | { type: 'none' }
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'clearScreen' }
  | { type: 'complete'; line: string; cursor: number };

const NONE: EditResult = { type: 'none' };

/** LineEditor edits the current input line and draws it on the terminal. */
export class LineEditor {
  cols = 80;
  #write: (data: string) => void;
  #prompt = '';
  #chars: string[] = [];
  #cursor = 0;
  #shownCell = 0; // where the terminal cursor is, in cells from the prompt's start
  #history: readonly string[] = [];
  #historyIndex = 0;
  #draft = '';
  #killed = '';

  constructor(write: (data: string) => void) {
    this.#write = write;
  }

  /** line is the text being edited. */
  get line(): string {
    return this.#chars.join('');
  }

  /** cursor is the cursor's index in code points. */
  get cursor(): number {
    return this.#cursor;
  }

  /** start prints the prompt and begins a new empty line. */
  start(prompt: string, history: readonly string[]): void {
    this.#prompt = prompt;
    this.#history = history;
    this.#historyIndex = history.length;
    this.#chars = [];
    this.#cursor = 0;
    this.#draft = '';
    this.#write(prompt);
    this.#shownCell = textWidth(prompt);
    this.#fixWrap(this.#shownCell);
  }

  /** handle applies one key and reports what the shell should do next. */
  handle(key: Key): EditResult {
    if (key.kind === 'text') {
      this.#insert([...key.text]);
      return NONE;
    }
    if (key.kind === 'seq') return this.#sequence(key.name);
    switch (key.char) {
      case 'enter':
        this.#moveTo(this.#cells(this.#chars.length));
        this.#write('\r\n');
        return { type: 'submit', line: this.line };
      case 'c':
        this.#moveTo(this.#cells(this.#chars.length));
        this.#write('^C\r\n');
        return { type: 'interrupt' };
      case 'd':
        if (this.#chars.length === 0) return { type: 'eof' };
        this.#deleteRange(this.#cursor, this.#cursor + 1);
        return NONE;
      case 'l':
        return { type: 'clearScreen' };
      case 'tab':
        return { type: 'complete', line: this.line, cursor: this.#cursor };
      case 'backspace':
      case 'h':
        if (this.#cursor > 0) this.#deleteRange(this.#cursor - 1, this.#cursor, true);
        return NONE;
      case 'a':
        this.#setCursor(0);
        return NONE;
      case 'e':
        this.#setCursor(this.#chars.length);
        return NONE;
      case 'b':
        return this.#sequence('left');
      case 'f':
        return this.#sequence('right');
      case 'p':
        return this.#sequence('up');
      case 'n':
        return this.#sequence('down');
      case 'k':
        this.#killed = this.#chars.slice(this.#cursor).join('');
        this.#deleteRange(this.#cursor, this.#chars.length);
        return NONE;
      case 'u':
        this.#killed = this.#chars.slice(0, this.#cursor).join('');
        this.#deleteRange(0, this.#cursor, true);
        return NONE;
      case 'w': {
        const start = this.#wordStart(this.#cursor);
        this.#killed = this.#chars.slice(start, this.#cursor).join('');
        this.#deleteRange(start, this.#cursor, true);
        return NONE;
      }
      case 'y':
        this.#insert([...this.#killed]);
        return NONE;
      default:
        return NONE;
    }
  }

  /** replace sets the line and cursor (after tab completion or history recall) and redraws. */
  replace(line: string, cursor: number): void {
    this.#chars = [...line];
    this.#cursor = Math.max(0, Math.min(cursor, this.#chars.length));
    this.#redraw();
  }

  /** redraw prints the prompt and line again below whatever was printed since. */
  redraw(): void {
    this.#write(this.#prompt);
    this.#shownCell = textWidth(this.#prompt);
    this.#redraw();
  }

  /** resize tells the editor the terminal's new width in columns. */
  resize(cols: number): void {
    this.cols = Math.max(1, cols);
  }

  #sequence(name: string): EditResult {
    switch (name) {
      case 'left':
        this.#setCursor(this.#cursor - 1);
        break;
      case 'right':
        this.#setCursor(this.#cursor + 1);
        break;
      case 'home':
        this.#setCursor(0);
        break;
      case 'end':
        this.#setCursor(this.#chars.length);
        break;
      case 'wordLeft':
        this.#setCursor(this.#wordStart(this.#cursor));
        break;
      case 'wordRight':
        this.#setCursor(this.#wordEnd(this.#cursor));
        break;
      case 'delete':
        this.#deleteRange(this.#cursor, this.#cursor + 1);
        break;
      case 'up':
      case 'down':
        this.#recall(name === 'up' ? -1 : 1);
        break;
    }
    return NONE;
  }

  #recall(step: number): void {
    const next = this.#historyIndex + step;
    if (next < 0 || next > this.#history.length) return;
    if (this.#historyIndex === this.#history.length) this.#draft = this.line;
    this.#historyIndex = next;
    const text = next === this.#history.length ? this.#draft : (this.#history[next] ?? '');
    this.replace(text, [...text].length);
  }

  #insert(chars: string[]): void {
    if (chars.length === 0) return;
    const atEnd = this.#cursor === this.#chars.length;
    this.#chars.splice(this.#cursor, 0, ...chars);
    this.#cursor += chars.length;
    if (atEnd) {
      this.#write(chars.join(''));
      this.#shownCell = this.#cells(this.#cursor);
      this.#fixWrap(this.#shownCell);
    } else {
      this.#redraw();
    }
  }

  #deleteRange(from: number, to: number, moveCursor = false): void {
    const start = Math.max(0, from);
    const end = Math.min(this.#chars.length, to);
    if (end <= start) return;
    this.#chars.splice(start, end - start);
    if (moveCursor || this.#cursor > start) this.#cursor = start;
    this.#redraw();
  }

  #setCursor(index: number): void {
    this.#cursor = Math.max(0, Math.min(index, this.#chars.length));
    this.#moveTo(this.#cells(this.#cursor));
  }

  #wordStart(from: number): number {
    let i = from;
    while (i > 0 && this.#chars[i - 1] === ' ') i--;
    while (i > 0 && this.#chars[i - 1] !== ' ') i--;
    return i;
  }

  #wordEnd(from: number): number {
    let i = from;
    const n = this.#chars.length;
    while (i < n && this.#chars[i] === ' ') i++;
    while (i < n && this.#chars[i] !== ' ') i++;
    return i;
  }

  /** #cells is the cell offset, from the prompt's start, of code point index i. */
  #cells(i: number): number {
    let n = textWidth(this.#prompt);
    for (let k = 0; k < i; k++) n += charWidth(this.#chars[k]!.codePointAt(0) ?? 0);
    return n;
  }

  #redraw(): void {
    const promptCells = textWidth(this.#prompt);
    this.#moveTo(promptCells);
    this.#write(this.#chars.join('') + '\x1b[J');
    this.#shownCell = this.#cells(this.#chars.length);
    this.#fixWrap(this.#shownCell);
    this.#moveTo(this.#cells(this.#cursor));
  }

  /** #fixWrap moves a cursor parked past the last column onto the next row (linenoise's trick). */
  #fixWrap(cell: number): void {
    if (cell > 0 && cell % this.cols === 0) this.#write('\r\n');
  }

  #moveTo(cell: number): void {
    const fromRow = Math.floor(this.#shownCell / this.cols);
    const toRow = Math.floor(cell / this.cols);
    const toCol = cell % this.cols;
    let seq = '';
    if (toRow < fromRow) seq += `\x1b[${fromRow - toRow}A`;
    if (toRow > fromRow) seq += `\x1b[${toRow - fromRow}B`;
    seq += '\r';
    if (toCol > 0) seq += `\x1b[${toCol}C`;
    this.#write(seq);
    this.#shownCell = cell;
  }
}
