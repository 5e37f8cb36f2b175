// core/lang/parse turns preprocessed C into SockLab's small typed AST: tree-sitter-c (loaded
// once from injected wasm bytes, then synchronous) builds the concrete tree, and the converters
// keep only what the checker needs, with positions; syntax errors and constructs outside the
// subset come back as gcc-style diagnostics instead of a tree.
export type { CParser, ParseResult, WasmBytes } from './parser';
export { createCParser } from './parser';
export type * from './ast';
