// core/lang/vm runs compiled C: byte-addressed memory in one ArrayBuffer with a protection map
// (unmapped NULL page, read-only literals, static data, heap with red zones, stack with a
// guard), a 64-bit-slot operand stack and call frames, all plain data so a program can be
// suspended, stepped, inspected and copied by fork(). run() executes a bounded slice and says
// why it stopped: yield, block (a host call must wait), exit, fault or step. The OS is reached
// only through the Host interface (host.ts).
export type { Host, MemoryAccess, SyscallResult } from './host';
export type { RunResult, Runtime } from './result';
export { run } from './run';
export type { Fault, VmOptions, VmState } from './state';
export { createVm, currentLine, forkVm } from './state';
export { MemoryHost } from './memoryHost';
export { completeCall, deliverSignal } from './signal';
export * as layout from './layout';
