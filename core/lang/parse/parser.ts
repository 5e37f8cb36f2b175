// The tree-sitter-c front end: loads the two wasm modules from injected bytes once, then parses
// preprocessed C synchronously into our AST, turning ERROR and MISSING nodes into diagnostics.
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { Reporter } from '../diagnostics/catalogue';
import { langMessages } from '../messages';
import type { SourceInfo } from '../source';
import { locate } from '../source';
import type { TranslationUnit } from './ast';
import { Converter, unnamedBitField } from './convertDecl';

/** WasmBytes are the two WebAssembly binaries the parser needs, read by the caller. */
export interface WasmBytes {
  /** web-tree-sitter's runtime (node_modules/web-tree-sitter/web-tree-sitter.wasm). */
  readonly runtimeWasm: Uint8Array;
  /** The C grammar (node_modules/tree-sitter-c/tree-sitter-c.wasm). */
  readonly languageWasm: Uint8Array;
}

/** ParseResult is the AST (absent after a syntax error) and the diagnostics of one parse. */
export interface ParseResult {
  readonly unit?: TranslationUnit;
  readonly diagnostics: Diagnostic[];
}

/** CParser parses preprocessed C text synchronously. */
export interface CParser {
  parse(code: string, src: SourceInfo): ParseResult;
}

let language: Promise<Language> | undefined;

/** createCParser initialises tree-sitter from the injected wasm bytes (once per process) and returns a parser. */
export async function createCParser(wasm: WasmBytes): Promise<CParser> {
  language ??= Parser.init({ wasmBinary: wasm.runtimeWasm }).then(() => Language.load(wasm.languageWasm));
  const lang = await language;
  const parser = new Parser();
  parser.setLanguage(lang);
  return { parse: (code, src) => parseWith(parser, code, src) };
}

function parseWith(parser: Parser, code: string, src: SourceInfo): ParseResult {
  const tree = parser.parse(code);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  try {
    const rep = new Reporter(langMessages);
    if (tree.rootNode.hasError) {
      syntaxErrors(tree.rootNode, src, rep);
      // the only "errors" may be the names tree-sitter-c misses before unnamed bit-fields
      if (rep.errorCount > 0) return { diagnostics: rep.diagnostics };
    }
    const conv = new Converter(src, rep);
    const unit = conv.unit(tree.rootNode);
    return rep.errorCount > 0 ? { diagnostics: rep.diagnostics } : { unit, diagnostics: rep.diagnostics };
  } finally {
    tree.delete();
  }
}

/** syntaxErrors reports the first few ERROR and MISSING nodes gcc-style. */
function syntaxErrors(root: Node, src: SourceInfo, rep: Reporter<'syntax-error' | 'expected-token'>): void {
  const stack: Node[] = [root];
  let count = 0;
  while (stack.length > 0 && count < 5) {
    const n = stack.pop()!;
    const pos = { line: n.startPosition.row + 1, col: n.startPosition.column + 1 };
    if (n.isMissing && unnamedBitField(n)) continue;
    if (n.isMissing) {
      rep.report('expected-token', locate(src, pos), { args: { token: n.type } });
      count++;
    } else if (n.isError) {
      const first = n.child(0);
      const token = firstToken(first ?? n);
      rep.report('syntax-error', locate(src, pos, Math.max(1, token.length)), { args: { token } });
      count++;
    } else if (n.hasError) {
      for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
    }
  }
}

function firstToken(n: Node): string {
  let cur: Node = n;
  while (cur.childCount > 0) cur = cur.child(0)!;
  const text = cur.text.length > 0 ? cur.text : n.text;
  return text.split('\n')[0]!.slice(0, 40);
}
