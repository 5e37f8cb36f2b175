// core/lang/testing holds TestWorld, a tiny operating system for libc's tests: several C
// processes over a loopback-only toy network (LoopNet) in simulated time, with fork, wait,
// signals and timers, answering the Host calls as the kernel adapter will.
export type { LoopSock } from './loopNet';
export { LoopNet } from './loopNet';
export type { Proc } from './world';
export { TestWorld } from './world';
