// The one record every stage of the C front end (preprocess, parse, check, compile) uses for
// what it reports to the student, and the helpers that fill it from a message catalogue.

/** Severity is how bad a diagnostic is, as gcc words it; `fatal` on an error stops the stage. */
export type Severity = 'error' | 'warning' | 'note';

/** MessageArgs are the named values a catalogue template interpolates (`{name}` in the text). */
export type MessageArgs = Readonly<Record<string, string | number>>;

/**
 * Diagnostic is one message about a place in the student's source: a stable `code` from a
 * catalogue, the English text already rendered into `message` (so it prints without a
 * catalogue) and the `args` it was rendered from (so it can be re-rendered in another locale).
 * `line` is 1-based; `col` is the 1-based UTF-16 column in that physical source line, or 0
 * when the message is about the whole line (gcc then prints `file:line:` with no column).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  /** The values `message` was rendered from; absent when the template has no placeholders. */
  readonly args?: MessageArgs;
  /** Length in UTF-16 units of the source range starting at `col`, printed as `^~~~`; default 1. */
  readonly length?: number;
  /** For an error: gcc's "fatal error", after which the stage stopped. */
  readonly fatal?: boolean;
  /** The gcc option that controls a warning, printed as ` [-Wcpp]` after the message. */
  readonly option?: string;
  /** The `#include` lines that led to `file`, innermost first, printed as gcc's "In file included from". */
  readonly includedFrom?: readonly IncludeSite[];
}

/** IncludeSite is the file and line of one `#include` directive in an include chain. */
export interface IncludeSite {
  readonly file: string;
  readonly line: number;
}

/** SourceLocation is where a diagnostic points: file, 1-based line and column, optional range length. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly length?: number;
}

/** formatTemplate replaces each `{name}` in a template with `args[name]`, leaving unknown names as written. */
export function formatTemplate(template: string, args: MessageArgs = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(args, name) ? String(args[name]) : whole,
  );
}

/** compareDiagnostics orders diagnostics by file, line and column, keeping equal ones in report order when used with a stable sort. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col;
}

/** hasErrors tells whether any diagnostic is an error (so the next stage should not run). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
