// Message catalogues: each stage owns one table from stable code to English template and one
// with the same codes in Simplified Chinese (Svelte's packages/svelte/messages/ idea), and
// makes its diagnostics through a Reporter bound to that table.
import type { Diagnostic, IncludeSite, MessageArgs, Severity, SourceLocation } from './diagnostic';
import { formatTemplate } from './diagnostic';

/** Locale is a language SockLab prints diagnostics in. */
export type Locale = 'en' | 'zh-CN';

/** MessageEntry is one catalogue row: the default severity and the template in each locale. */
export interface MessageEntry {
  readonly severity: Severity;
  readonly en: string;
  readonly 'zh-CN': string;
  /** The gcc warning option to print after the message, e.g. `-Wcpp`. */
  readonly option?: string;
}

/** Catalogue maps each stable code of one stage to its entry; codes are never renamed or reused. */
export type Catalogue<Code extends string = string> = Readonly<Record<Code, MessageEntry>>;

/** ReportOptions tweak one diagnostic: its arguments, a different severity, fatality. */
export interface ReportOptions {
  readonly args?: MessageArgs;
  readonly severity?: Severity;
  readonly fatal?: boolean;
  /** The include chain of the file the diagnostic is in, innermost first. */
  readonly includedFrom?: readonly IncludeSite[];
}

/** Reporter collects the diagnostics of one run of a stage, made from one catalogue. */
export class Reporter<Code extends string> {
  /** Reporter.diagnostics holds everything reported so far, in report order. */
  readonly diagnostics: Diagnostic[] = [];
  readonly #catalogue: Catalogue<Code>;

  /** Reporter's constructor binds it to the catalogue whose codes it reports. */
  constructor(catalogue: Catalogue<Code>) {
    this.#catalogue = catalogue;
  }

  /** report adds a diagnostic for `code` at `at` and returns it. */
  report(code: Code, at: SourceLocation, options: ReportOptions = {}): Diagnostic {
    const d = makeDiagnostic(this.#catalogue, code, at, options);
    this.diagnostics.push(d);
    return d;
  }

  /** errorCount is the number of error diagnostics reported so far. */
  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}

/** makeDiagnostic builds a diagnostic for `code` from its catalogue entry, rendering the English text. */
export function makeDiagnostic<Code extends string>(
  catalogue: Catalogue<Code>,
  code: Code,
  at: SourceLocation,
  options: ReportOptions = {},
): Diagnostic {
  const entry = catalogue[code];
  const d: Diagnostic = {
    code,
    severity: options.severity ?? entry.severity,
    file: at.file,
    line: at.line,
    col: at.col,
    message: formatTemplate(entry.en, options.args),
    ...(options.args === undefined ? {} : { args: options.args }),
    ...(at.length === undefined ? {} : { length: at.length }),
    ...(options.fatal === true ? { fatal: true } : {}),
    ...(entry.option === undefined ? {} : { option: entry.option }),
    ...(options.includedFrom === undefined || options.includedFrom.length === 0
      ? {}
      : { includedFrom: options.includedFrom }),
  };
  return d;
}

/** localize renders a diagnostic's message in `locale` from whichever catalogue knows its code, falling back to its English text. */
export function localize(d: Diagnostic, locale: Locale, catalogues: readonly Catalogue[]): string {
  if (locale === 'en') return d.message;
  for (const catalogue of catalogues) {
    if (Object.hasOwn(catalogue, d.code)) return formatTemplate(catalogue[d.code]![locale], d.args);
  }
  return d.message;
}
