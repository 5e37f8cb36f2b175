// The registry of the lab shell's built-in commands, in the order `help` lists them.
import type { ShellCommand } from '../command';
import { cd, clear, echo, history, pwd } from './basic';
import { cat } from './cat';
import { cp, mv } from './copy';
import { mkdir, touch } from './create';
import { head, tail } from './headTail';
import { help } from './help';
import { ls } from './ls';
import { rm, rmdir } from './remove';
import { wc } from './wc';

/** builtinCommands maps each command name to its implementation. */
export const builtinCommands: ReadonlyMap<string, ShellCommand> = new Map(
  [help, echo, ls, cat, cp, mv, rm, mkdir, rmdir, touch, head, tail, wc, pwd, cd, history, clear].map((c) => [
    c.name,
    c,
  ]),
);
