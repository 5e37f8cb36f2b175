// Finding and compiling what a command line runs: a C file for `cc` and `run`, or an
// executable written by cc for `./name`, with the errors gcc and bash print when they cannot.
import type { CompiledProgram } from '../../lang/index';
import type { LabIo } from '../command';
import type { OutStream } from '../streams';
import type { Workspace } from '../workspace';
import { fsErrorText, resolvePath } from '../workspace';
import { decodeExecutable } from './binary';
import { compileC } from './compile';

/** Loaded is a compiled program, or the status to exit with after the error was printed. */
export type Loaded = CompiledProgram | number;

/** Source is a C file read from the workspace. */
export interface Source {
  readonly sourcePath: string;
  readonly shownPath: string;
  readonly source: string;
}

/** readSource reads a C file named on the command line; a string is cc1's error line. */
export function readSource(workspace: Workspace, cwd: string, typed: string): Source | string {
  const rel = resolvePath(cwd, typed);
  const text = rel.ok ? workspace.readText(rel.value) : rel;
  if (!text.ok || !rel.ok)
    return `cc1: fatal error: ${typed}: ${fsErrorText[text.ok ? 'ENOENT' : text.errno]}\n`;
  return { sourcePath: rel.value, shownPath: typed, source: text.value };
}

/** compileSource waits for the parser, compiles, prints the diagnostics to err and gives the program or 1. */
export function compileSource(
  lab: LabIo,
  workspace: Workspace,
  src: Source,
  err: OutStream,
  done: (loaded: Loaded) => void,
): void {
  lab.session.whenParser((parser) => {
    if (parser instanceof Error) {
      err.write(`cc: the C compiler could not start: ${parser.message}\n`);
      return done(1);
    }
    const result = compileC(lab.session, parser, workspace, src, err.isTerminal);
    if (result.text !== '') err.write(result.text);
    done(result.program ?? 1);
  });
}

/** readExecutable finds the program `./name` names; a string is bash's error and the number its status. */
export function readExecutable(
  workspace: Workspace,
  cwd: string,
  typed: string,
): { exe: Source } | { error: string; status: number } {
  const rel = resolvePath(cwd, typed);
  const stat = rel.ok ? workspace.stat(rel.value) : rel;
  if (!stat.ok || !rel.ok)
    return { error: `${typed}: ${fsErrorText[stat.ok ? 'ENOENT' : stat.errno]}\n`, status: 127 };
  if (stat.value.kind === 'dir') return { error: `${typed}: Is a directory\n`, status: 126 };
  const text = workspace.readText(rel.value);
  const exe = text.ok ? decodeExecutable(text.value) : undefined;
  if (exe === undefined)
    return { error: `${typed}: cannot execute binary file: Exec format error\n`, status: 126 };
  return { exe: { sourcePath: exe.sourcePath, shownPath: exe.sourcePath, source: exe.source } };
}
