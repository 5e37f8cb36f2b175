// core/lang/preprocess is the first stage of SockLab's C front end: a C99 preprocessor at the
// token level. It splices lines, drops comments, runs directives (`#include "x.h"` through an
// injected `readFile` and `#include <x.h>` from core/lang/headers, `#define` object- and
// function-like with `#`, `##` and `__VA_ARGS__`, `#undef`, `#if/#ifdef/#ifndef/#elif/#else/
// #endif` with `defined` and full integer constant expressions, `#error`, `#warning`, `#line`,
// `#pragma once`) and expands macros with Prosser's hide-set algorithm. Its output keeps one
// line per physical source line with source tokens at their own columns, plus a line map, so
// later stages report errors at the student's file:line:col. It never throws and never runs
// unbounded: include depth, expansion size and malformed input all end as diagnostics.
//
// Decisions, in the files that carry them: the column rule (output.ts: a source token keeps
// its column unless a longer expansion earlier on its line pushed it right by the excess;
// expansions sit at the macro name's place); the predefined macros (predefined.ts: gcc's
// x86-64 Linux set without `__GNUC__`, since SockLab's C refuses GNU extensions); GNU
// behaviour where gcc's default mode differs from strict C99 (`, ## __VA_ARGS__` drops the
// comma only when the variable arguments are left out); `#pragma` other than `once` and
// `#ident` are ignored; digraphs are not recognised.
export type { PreprocessInput, PreprocessResult } from './preprocess';
export { MAX_INCLUDE_DEPTH, MAX_TOKENS, preprocess } from './preprocess';
export type { LineOrigin } from './output';
export { locate } from './output';
export type { PreprocessCode } from './messages';
export { PREPROCESS_MESSAGES } from './messages';
export { PREDEFINED_MACROS } from './predefined';
