// What a slice of execution ends with, and what the interpreter needs besides the state.
import type { Host } from './host';
import type { Fault } from './state';
import type { Builtin } from './views';

/** RunResult says why run() returned. */
export type RunResult =
  | { readonly k: 'yield' }
  | { readonly k: 'block'; readonly token: unknown }
  | { readonly k: 'exit'; readonly code: number }
  | { readonly k: 'fault'; readonly fault: Fault }
  | { readonly k: 'step'; readonly line: number };

/** Runtime is what run() needs besides the state: the OS and the resolved built-ins. */
export interface Runtime {
  readonly host: Host;
  /** builtins[n] implements chunk.builtins[n]. */
  readonly builtins: readonly Builtin[];
}
