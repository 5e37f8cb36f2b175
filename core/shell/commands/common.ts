// Helpers the file commands share: coreutils' usage errors, operand resolution and the
// names they print.
import type { CommandIo } from '../command';
import type { FsResult } from '../workspace';
import { resolvePath } from '../workspace';

/** usageError prints coreutils' "NAME: MESSAGE" plus the "Try 'help NAME'" line and returns 1. */
export function usageError(io: CommandIo, name: string, message: string, status = 1): number {
  io.err(`${name}: ${message}\nTry 'help ${name}' for more information.\n`);
  return status;
}

/** invalidOption reports an unknown flag letter as coreutils does. */
export function invalidOption(io: CommandIo, name: string, letter: string, status = 1): number {
  return usageError(io, name, `invalid option -- '${letter}'`, status);
}

/** resolveOperand turns an operand into a workspace path (EACCES outside the workspace). */
export function resolveOperand(io: CommandIo, operand: string): FsResult<string> {
  return resolvePath(io.cwd, operand);
}

/** baseName is the last name of a typed path, ignoring trailing slashes ('src/' gives 'src'). */
export function baseName(typed: string): string {
  const trimmed = typed.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || typed;
}

/** childName joins a typed folder and a name the way coreutils prints it ('d/' + 'a' is 'd/a'). */
export function childName(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** splitLines cuts text after each '\n', keeping the newlines (a last line may lack one). */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}
