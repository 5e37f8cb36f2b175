// Where a position in the preprocessed text came from: the preprocessor's line map turns an
// output line into the file and line the student wrote, so every stage reports gcc-style.
import type { SourceLocation } from './diagnostics/diagnostic';
import type { Pos } from './parse/ast';

/** LineOrigin is the file and 1-based line one preprocessed output line came from. */
export interface LineOrigin {
  readonly file: string;
  readonly line: number;
}

/** SourceInfo names the file and line map of one preprocessed translation unit. */
export interface SourceInfo {
  /** The main file's path, used where the line map has no entry. */
  readonly file: string;
  /** index = output line - 1; absent when the text was not preprocessed. */
  readonly lineMap?: readonly LineOrigin[];
}

/** locate maps a position in the preprocessed text to the student's file, line and column. */
export function locate(src: SourceInfo, pos: Pos, length?: number): SourceLocation {
  const origin = src.lineMap?.[pos.line - 1];
  const base = origin ?? { file: src.file, line: pos.line };
  return length === undefined
    ? { file: base.file, line: base.line, col: pos.col }
    : { file: base.file, line: base.line, col: pos.col, length };
}
