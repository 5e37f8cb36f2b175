// The registry of the lab shell's built-in commands, in the order `help` lists them.
import type { ShellCommand } from '../command';
import { cd, clear, echo, history, pwd } from './basic';
import { cat, ls } from './files';
import { help } from './help';

/** builtinCommands maps each command name to its implementation. */
export const builtinCommands: ReadonlyMap<string, ShellCommand> = new Map(
  [help, echo, ls, cat, pwd, cd, history, clear].map((c) => [c.name, c]),
);
