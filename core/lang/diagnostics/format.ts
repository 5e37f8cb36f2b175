// The gcc-style printer: `file.c:12:9: error: message`, then the source line under a line-number
// margin and a caret line, laid out as gcc 12 does (columns counted in display columns, tabs
// expanded to 8, a margin at least five digits wide), optionally coloured like
// `-fdiagnostics-color=always`.
import type { Catalogue, Locale } from './catalogue';
import { localize } from './catalogue';
import type { Diagnostic, Severity } from './diagnostic';

/** FormatOptions says where source lines come from and how to print. */
export interface FormatOptions {
  /** getLine returns the text of a 1-based physical line of a file, without its newline. */
  readonly getLine?: (file: string, line: number) => string | undefined;
  /** color adds gcc's ANSI colours (bold location, red error, magenta warning, cyan note). */
  readonly color?: boolean;
  /** locale picks the language of messages and severity labels; default English. */
  readonly locale?: Locale;
  /** catalogues are consulted to re-render messages when `locale` is not English. */
  readonly catalogues?: readonly Catalogue[];
}

const TAB_STOP = 8;
const SGR_END = '\x1b[m\x1b[K';
const SGR_BOLD = '\x1b[01m\x1b[K';
const SEVERITY_SGR: Record<Severity, string> = {
  error: '\x1b[01;31m\x1b[K',
  warning: '\x1b[01;35m\x1b[K',
  note: '\x1b[01;36m\x1b[K',
};
const LABELS: Record<Locale, Record<Severity | 'fatal', string>> = {
  en: { error: 'error', warning: 'warning', note: 'note', fatal: 'fatal error' },
  'zh-CN': { error: '错误', warning: '警告', note: '附注', fatal: '致命错误' },
};
const TERMINATED: Record<Locale, string> = { en: 'compilation terminated.', 'zh-CN': '编译中断。' };

/** charWidth is the number of terminal columns a code point takes (2 for East Asian wide, 0 for combining marks). */
export function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** displayColumn converts a 1-based UTF-16 column of `text` to gcc's 1-based display column (tabs to the next multiple of 8). */
export function displayColumn(text: string, col: number): number {
  let width = 0;
  let i = 0;
  while (i < col - 1 && i < text.length) {
    const cp = text.codePointAt(i)!;
    width = cp === 9 ? width + TAB_STOP - (width % TAB_STOP) : width + charWidth(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return width + 1 + Math.max(0, col - 1 - i);
}

/** expandTabs renders a source line as gcc shows it: each tab becomes spaces up to the next multiple of 8. */
export function expandTabs(text: string): string {
  let out = '';
  let width = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const n = TAB_STOP - (width % TAB_STOP);
      out += ' '.repeat(n);
      width += n;
    } else {
      out += ch;
      width += charWidth(ch.codePointAt(0)!);
    }
  }
  return out;
}

/** formatDiagnostic prints one diagnostic gcc-style: the location line, then the source line and caret when the line is known. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}, withSource = true): string {
  const locale = options.locale ?? 'en';
  const paint = (sgr: string, s: string): string => (options.color === true ? sgr + s + SGR_END : s);
  const sgr = SEVERITY_SGR[d.severity];
  const place = `${d.file}:${d.line}:`;
  const label = LABELS[locale][d.fatal === true && d.severity === 'error' ? 'fatal' : d.severity];
  const message = localize(d, locale, options.catalogues ?? []);
  const flag = d.option === undefined ? '' : ` [${paint(sgr, d.option)}]`;
  const lineText = options.getLine?.(d.file, d.line);
  const startCol = d.col > 0 && lineText !== undefined ? displayColumn(lineText, d.col) : d.col;
  const head = `${paint(SGR_BOLD, d.col > 0 ? `${d.file}:${d.line}:${startCol}:` : place)} `;
  const first = `${head}${paint(sgr, `${label}: `)}${message}${flag}\n`;
  if (!withSource || lineText === undefined) return first;
  const source = lineText;
  const number = String(d.line);
  const margin = Math.max(5, number.length);
  const shown = expandTabs(source);
  let text = shown;
  let caret = '';
  if (d.col > 0) {
    const endCol = displayColumn(source, Math.min(d.col + Math.max(1, d.length ?? 1), source.length + 1));
    const span = Math.max(1, endCol - startCol);
    caret = ' '.repeat(startCol - 1) + paint(sgr, '^' + '~'.repeat(span - 1));
    if (options.color === true && startCol - 1 < shown.length) {
      const [before, inside, after] = splitDisplay(shown, startCol - 1, startCol - 1 + span);
      text = before + paint(sgr, inside) + after;
    }
  }
  return first + `${number.padStart(margin)} | ${text}\n` + `${' '.repeat(margin)} | ${caret}\n`;
}

/** splitDisplay cuts an already tab-expanded line at two display columns (0-based). */
function splitDisplay(text: string, from: number, to: number): [string, string, string] {
  let width = 0;
  let a = text.length;
  let b = text.length;
  let i = 0;
  for (const ch of text) {
    if (width >= from && a === text.length) a = i;
    if (width >= to) {
      b = i;
      break;
    }
    width += charWidth(ch.codePointAt(0)!);
    i += ch.length;
  }
  return [text.slice(0, a), text.slice(a, b), text.slice(b)];
}

/**
 * formatDiagnostics prints a list as gcc would: a note at the same place as the diagnostic
 * before it is printed without repeating the source line, and a fatal error is followed by
 * "compilation terminated.".
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  let out = '';
  let previous: Diagnostic | undefined;
  let chain = '';
  for (const d of diagnostics) {
    const next = includeChain(d, options);
    if (next !== chain && next !== '') out += next;
    chain = next;
    const repeat =
      d.severity === 'note' &&
      previous !== undefined &&
      previous.file === d.file &&
      previous.line === d.line &&
      previous.col === d.col;
    out += formatDiagnostic(d, options, !repeat);
    if (d.fatal === true) out += TERMINATED[options.locale ?? 'en'] + '\n';
    previous = d;
  }
  return out;
}

const INCLUDED_FROM: Record<Locale, [string, string]> = {
  en: ['In file included from ', '                 from '],
  'zh-CN': ['在包含自 ', '                 自 '],
};

/** includeChain prints gcc's "In file included from a.h:1,\n from main.c:2:" lines for a diagnostic, or ''. */
function includeChain(d: Diagnostic, options: FormatOptions): string {
  const sites = d.includedFrom ?? [];
  const [first, more] = INCLUDED_FROM[options.locale ?? 'en'];
  const bold = (s: string): string => (options.color === true ? SGR_BOLD + s + SGR_END : s);
  return sites
    .map(
      (s, k) =>
        `${k === 0 ? first : more}${bold(`${s.file}:${s.line}`)}${k === sites.length - 1 ? ':' : ','}\n`,
    )
    .join('');
}

/** sourceLines makes a `getLine` for FormatOptions from a map of file name to full text. */
export function sourceLines(
  files: ReadonlyMap<string, string>,
): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[]>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      const text = files.get(file);
      if (text === undefined) return undefined;
      lines = text.split(/\r?\n/);
      cache.set(file, lines);
    }
    return lines[line - 1];
  };
}
