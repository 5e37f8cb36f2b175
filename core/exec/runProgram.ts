// One C program from source to a running process in a fresh default world: the world with a
// kernel era, seed and trace level, sysctls set on the program's host, the file compiled, and
// the program spawned as the given user. What `socklab run` and the tests share.

import * as k from '../kernel/index';
import type { KernelVersion } from '../kernel/index';
import type { CParser } from '../lang/index';
import { compileProgram } from '../lang/index';
import { formatDiagnostics, hasErrors, sourceLines } from '../lang/diagnostics';
import type { TraceLevel } from '../trace/index';
import { Exec } from './exec';
import { credsFor, type Proc, type Sink } from './proc';
import { startServices } from './inetd';
import { setSysctl } from './sysctl';

/** RunProgramOptions describe one `socklab run`: the source, the world and the program's user and streams. */
export interface RunProgramOptions {
  readonly parser: CParser;
  /** path is the C file's path as diagnostics name it. */
  readonly path: string;
  readonly text: string;
  /** readFile reads the student's other files (#include "x.h"), relative to the C file's folder. */
  readonly readFile?: (path: string) => string | undefined;
  /** args are the program's arguments after argv[0]. */
  readonly args?: readonly string[];
  readonly kernel?: KernelVersion;
  /** host is where the program runs (default client). */
  readonly host?: string;
  /** uid 0 runs as root with every capability; any other uid has none (default 1000). */
  readonly uid?: number;
  /** sysctls are set on the program's host before it starts, in order. */
  readonly sysctls?: readonly (readonly [string, string])[];
  readonly seed?: number;
  readonly trace?: TraceLevel;
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** tty says whether stdout is a terminal (line-buffered) or a pipe (fully buffered). */
  readonly tty?: boolean;
  /** services starts the standard services (inetd on server) first, as `socklab run` does (default false). */
  readonly services?: boolean;
}

/** ProgramRun is a program ready to run, or why it could not start (a usage error, or compile errors as gcc prints them). */
export type ProgramRun =
  | { readonly k: 'error'; readonly message: string }
  | { readonly k: 'compile'; readonly text: string }
  | { readonly k: 'ready'; readonly exec: Exec; readonly proc: Proc; readonly warnings: string };

/** runProgram builds the world, sets the sysctls, compiles the file and spawns it. */
export function runProgram(o: RunProgramOptions): ProgramRun {
  const hostName = o.host ?? 'client';
  const world = new k.World({
    seed: o.seed ?? 1,
    kernel: o.kernel ?? k.DEFAULT_KERNEL,
    trace: o.trace ?? 'off',
  });
  const host = world.hosts.get(hostName);
  if (host === undefined)
    return {
      k: 'error',
      message: `unknown host "${hostName}" (hosts: ${[...world.hosts.keys()].join(', ')})`,
    };
  for (const [key, value] of o.sysctls ?? []) {
    const e = setSysctl(host, key, value);
    if (e !== null) return { k: 'error', message: e };
  }
  const files = new Map<string, string>([[o.path, o.text]]);
  const readFile = (p: string): string | undefined => {
    const text = o.readFile?.(p);
    if (text !== undefined) files.set(p, text);
    return text;
  };
  const out = compileProgram(o.parser, { path: o.path, text: o.text, readFile });
  const text = formatDiagnostics(out.diagnostics, { getLine: sourceLines(files) });
  if (out.program === undefined || hasErrors(out.diagnostics)) return { k: 'compile', text };
  const exec = new Exec(world);
  if (o.services === true) startServices(exec, o.parser);
  const proc = exec.spawn(out.program, {
    host: hostName,
    argv: [o.path.split('/').pop() ?? o.path, ...(o.args ?? [])],
    creds: credsFor(o.uid ?? 1000),
    stdout: o.stdout,
    stderr: o.stderr,
    tty: o.tty ?? false,
  });
  return { k: 'ready', exec, proc, warnings: text };
}
