// The executables `cc` writes into the workspace. A real gcc writes ELF; SockLab's programs
// run in its own VM, so the file holds a short header naming the C source it was built from
// and that source itself: `./name` recompiles it (cached per session), so a binary keeps
// working after the app restarts, and `cat a.out` shows what it is instead of noise.

/** EXEC_MAGIC is the first line of every executable cc writes. */
export const EXEC_MAGIC = '#!/usr/lib/socklab/c-program';

/** Executable is what an executable file carries: the C source's path (for #include "x.h") and text. */
export interface Executable {
  /** sourcePath is the C file's workspace-relative path. */
  readonly sourcePath: string;
  readonly source: string;
}

/** encodeExecutable builds the file cc writes for a source. */
export function encodeExecutable(exe: Executable): string {
  return `${EXEC_MAGIC}\n# SockLab program built by cc; it runs only in SockLab's simulated hosts.\n# source: ${exe.sourcePath}\n${exe.source}`;
}

/** decodeExecutable reads an executable file; undefined when the file is not one (Exec format error). */
export function decodeExecutable(text: string): Executable | undefined {
  const lines = text.split('\n');
  if (lines[0] !== EXEC_MAGIC || lines.length < 4) return undefined;
  const source = /^# source: (.+)$/.exec(lines[2]!);
  if (source === null) return undefined;
  return { sourcePath: source[1]!, source: lines.slice(3).join('\n') };
}
