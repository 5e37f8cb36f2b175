// Faults: how the VM ends a program that did something the hardware or the allocator would
// not allow, with the signal a shell reports and a message naming the source line.
import type { RunResult } from './result';
import type { Fault, VmState } from './state';

/** SIGNAL_TEXT is what a shell prints for a program killed by a signal (strsignal's words). */
export const SIGNAL_TEXT: Readonly<Record<number, string>> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  6: 'Aborted',
  9: 'Killed',
  10: 'User defined signal 1',
  12: 'User defined signal 2',
  13: 'Broken pipe',
  14: 'Alarm clock',
  15: 'Terminated',
};

const hex = (a: number): string => '0x' + (a >>> 0).toString(16);

/** makeFault records a fault on the state and returns the result ('signal' takes the signal number as addr). */
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
    signal: [addr ?? 0, `${SIGNAL_TEXT[addr ?? 0] ?? `Killed by signal ${addr}`} (line ${line})`],
  };
  const [signal, message] = text[reason];
  const fault: Fault =
    addr === undefined || reason === 'signal'
      ? { signal, reason, message, line }
      : { signal, reason, message, addr, line };
  s.fault = fault;
  s.status = 'faulted';
  return { k: 'fault', fault };
}
