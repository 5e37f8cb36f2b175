// Calls from a program into libc built-ins: the arguments stay on the operand stack, the
// built-in reads them through a Call and leaves its result in the first argument's slot. A
// built-in that must block leaves everything as it was, so the same call runs again later.
import type { RunResult, Runtime } from './result';
import type { VmState } from './state';
import type { Call } from './views';
import { B_BLOCK, B_EXIT, B_FAULT, B_JUMP, views } from './views';

/**
 * callBuiltin runs built-in `id` with `argc` arguments on top of the stack; the registers are
 * in the state. `fnAddr` is the function address for CALLI (-1 for CALLB), pushed back under
 * the arguments when the call blocks. It returns a result when the program must stop.
 */
export function callBuiltin(
  s: VmState,
  rt: Runtime,
  id: number,
  argc: number,
  fnAddr: number,
): RunResult | undefined {
  const { si, sl } = views(s);
  const code = s.chunk.code;
  const pc = s.pc;
  let sp = s.sp;
  const call: Call = { s, v: views(s), host: rt.host, base: sp - argc, argc, line: s.chunk.lines[pc]! };
  const status = rt.builtins[id]!(call);
  if (status === B_BLOCK) {
    if (fnAddr >= 0) {
      for (let i = sp; i > sp - argc; i--) sl[i] = sl[i - 1]!;
      si[(sp - argc) << 1] = fnAddr;
      s.sp = sp + 1;
    }
    return { k: 'block', token: s.blockToken };
  }
  if (status === B_EXIT) {
    s.status = 'exited';
    return { k: 'exit', code: s.exitCode };
  }
  if (status === B_FAULT) return { k: 'fault', fault: s.fault! };
  if (status === B_JUMP) return undefined;
  sp = sp - argc + (code[pc] === 151 && code[pc + 2] === 1 ? 0 : 1);
  s.sp = sp;
  s.pc = pc + 3;
  return undefined;
}
