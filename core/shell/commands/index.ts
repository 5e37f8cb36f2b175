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
import { bg, fg, jobs, kill, wait } from './jobs';
import { edit, kernel, ps, reset, sleep, trace } from './world';
import { cc, gcc, run } from '../programs/cc';
import { step } from '../programs/step';
import { c } from './crepl';
import { ss } from '../net/ss';
import { arp, ip } from '../net/ip';
import { tcpdump } from '../net/tcpdump';
import { iptables } from '../net/iptables';
import { sysctl } from '../net/sysctl';
import { tc } from '../net/tc';
import { inspect } from '../net/inspect';
import { ping } from '../net/ping';
import { nc } from '../net/nc';

/** builtinCommands maps each command name to its implementation. */
export const builtinCommands: ReadonlyMap<string, ShellCommand> = new Map(
  [
    ...[help, echo, ls, cat, cp, mv, rm, mkdir, rmdir, touch, head, tail, wc, pwd, cd, history, clear, edit],
    ...[cc, gcc, run, step, c, jobs, fg, bg, wait, kill, ps, sleep],
    ...[ss, ip, arp, ping, nc, tcpdump, iptables, tc, sysctl],
    ...[trace, inspect, kernel, reset],
  ].map((c) => [c.name, c]),
);
