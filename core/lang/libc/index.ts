// SockLab's libc: functions that need no OS are TypeScript built-ins over the program's memory
// (stdio formatting and buffering, string.h, malloc, strtol); OS functions pass through to the
// host as system calls, turning a `-errno` result into errno and -1 as glibc's wrappers do.
import type { Chunk } from '../compile/chunk';
import type { VmState } from '../vm/state';
import type { Builtin } from '../vm/views';
import { B_BLOCK, argN, retN } from '../vm/views';
import { mallocBuiltins } from './malloc';
import { msgBuiltins } from './msg';
import { memoryAccess } from './mem';
import { setErrno, stdioBuiltins, stdioInit } from './stdio';
import { stringBuiltins } from './string';
import { strmoreBuiltins } from './strmore';
import { stdlibMoreBuiltins } from './stdlibMore';
import { timeFmtBuiltins } from './timefmt';
import { inetBuiltins } from './inet';
import { netdbBuiltins } from './netdb';
import { pollBuiltins } from './poll';
import { procBuiltins } from './proc';
import { sockBuiltins } from './sock';
import { stdinBuiltins } from './stdin';

export { PRELUDE } from './prelude';
export { stdioInit } from './stdio';
export type { SignalAction } from './proc';
export { killBySignal, signalAction } from './proc';

/** SYSCALLS are the functions passed straight to Host.syscall, with their argument counts. */
const SYSCALLS: Record<string, number> = {
  read: 3,
  write: 3,
  close: 1,
  getpid: 0,
  getppid: 0,
  isatty: 1,
  getuid: 0,
  geteuid: 0,
  getgid: 0,
  gethostname: 2,
};

function syscallBuiltin(name: string, argc: number): Builtin {
  return (c) => {
    const args: number[] = [];
    for (let i = 0; i < Math.min(argc, c.argc); i++) args.push(argN(c, i));
    const r = c.host.syscall(name, args, memoryAccess(c.s));
    if (typeof r !== 'number') {
      c.s.blockToken = r.block;
      return B_BLOCK;
    }
    if (r < 0 && r > -4096) {
      setErrno(c.s, -r);
      return retN(c, -1);
    }
    return retN(c, r);
  };
}

/** BUILTINS maps each libc function name to its implementation. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ...Object.entries(stdioBuiltins),
  ...Object.entries(stringBuiltins),
  ...Object.entries(strmoreBuiltins),
  ...Object.entries(stdlibMoreBuiltins),
  ...Object.entries(timeFmtBuiltins),
  ...Object.entries(mallocBuiltins),
  ...Object.entries(inetBuiltins),
  ...Object.entries(stdinBuiltins),
  ...Object.entries(sockBuiltins),
  ...Object.entries(msgBuiltins),
  ...Object.entries(pollBuiltins),
  ...Object.entries(netdbBuiltins),
  ...Object.entries(procBuiltins),
  ...Object.entries(SYSCALLS).map(([n, argc]) => [n, syscallBuiltin(n, argc)] as const),
]);

/** isBuiltin tells whether libc provides a function. */
export const isBuiltin = (name: string): boolean => BUILTINS.has(name);

/** resolveBuiltins returns the implementations of the built-ins a chunk calls, in its order. */
export function resolveBuiltins(chunk: Chunk): Builtin[] {
  return chunk.builtins.map((n) => {
    const b = BUILTINS.get(n);
    if (b === undefined) throw new Error(`chunk calls unknown built-in ${n}`);
    return b;
  });
}

/** libcInit prepares a fresh program's libc state (stdio buffers, errno, std streams). */
export function libcInit(s: VmState): void {
  stdioInit(s);
}
