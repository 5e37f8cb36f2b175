// core/lang/diagnostics is the one way every stage of SockLab's C front end (preprocess,
// parse, check, compile) reports problems in a student's program: a plain `Diagnostic` record
// with a stable code from the stage's own message catalogue (English and Simplified Chinese
// texts for the same codes), a `Reporter` that collects them, and a printer that lays them out
// exactly as gcc 12 does — `file.c:12:9: error: message`, the source line under a line-number
// margin, and a `^~~~` caret line, optionally in gcc's colours. A stage defines its catalogue
// (`const MESSAGES = { code: { severity, en, 'zh-CN' } } as const satisfies Catalogue`), makes a
// `new Reporter(MESSAGES)`, calls `report(code, { file, line, col, length }, { args })`, and
// hands `reporter.diagnostics` on; the caller prints them with `formatDiagnostics`.
export type { Diagnostic, IncludeSite, MessageArgs, Severity, SourceLocation } from './diagnostic';
export { compareDiagnostics, formatTemplate, hasErrors } from './diagnostic';
export type { Catalogue, Locale, MessageEntry, ReportOptions } from './catalogue';
export { localize, makeDiagnostic, Reporter } from './catalogue';
export type { FormatOptions } from './format';
export {
  charWidth,
  displayColumn,
  expandTabs,
  formatDiagnostic,
  formatDiagnostics,
  sourceLines,
} from './format';
