// Faults: how the VM ends a program that did something the hardware or the allocator would
// not allow, with the signal a shell reports and a message naming the source line.
import type { RunResult } from './result';
import type { Fault, VmState } from './state';

const hex = (a: number): string => '0x' + (a >>> 0).toString(16);

/** makeFault records a fault on the state and returns the result. */
export function makeFault(s: VmState, reason: Fault['reason'], line: number, addr?: number): RunResult {
  const where = addr === undefined ? `line ${line}` : `address ${hex(addr)}, line ${line}`;
  const text: Record<Fault['reason'], [number, string]> = {
    segv: [11, `Segmentation fault (${where})`],
    'use-after-free': [11, `Segmentation fault: use after free (${where})`],
    'stack-overflow': [11, `Segmentation fault: stack overflow (line ${line})`],
    fpe: [8, `Floating point exception (line ${line})`],
    'double-free': [6, `free(): double free detected (${where})`],
    'invalid-free': [6, `free(): invalid pointer (${where})`],
    abort: [6, `Aborted (line ${line})`],
  };
  const [signal, message] = text[reason];
  const fault: Fault =
    addr === undefined ? { signal, reason, message, line } : { signal, reason, message, addr, line };
  s.fault = fault;
  s.status = 'faulted';
  return { k: 'fault', fault };
}
