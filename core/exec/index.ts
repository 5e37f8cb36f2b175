// core/exec runs students' C programs as tasks in the simulated world: a scheduler (Exec) that
// runs each program's VM in bounded instruction slices interleaved with the simulator's event
// queue, a VM Host per task that turns libc's system calls into the kernel's syscalls for that
// task's pid (blocking calls park the task on the kernel's wait queue until host.onWake), the
// process calls the scheduler itself answers (fork with a copy of the task's fd table, wait,
// kill and signals with 128+N exit statuses, Ctrl-C, job control stops (SIGSTOP, SIGTSTP,
// SIGCONT), sleep and alarms in simulated time, each program's own stdin), and sysctl setting
// for `socklab run`. It counts instructions, never wall time: callers (the CLI, the lab shell)
// bound each run() call to keep their window responsive.
// Also here: the C REPL as a process (ExecRepl, for the shell's `c` command; see repl.ts), the
// default world's services (startServices: inetd on server with echo, discard, daytime, HTTP),
// and what a finished run leaves (traceJsonLines, capturePcap).

export { Exec, type ExecOptions, type RunBudget, type RunStatus, type SpawnOptions } from './exec';
export {
  SIG,
  credsFor,
  type LineEnd,
  type Proc,
  type ProcIo,
  type ProcState,
  type Sink,
  type Wait,
} from './proc';
export { StdinQueue } from './stdin';
export { setSysctl, sysctlKeys } from './sysctl';
export { TaskHost, type ProcServices } from './taskHost';
export { runProgram, type ProgramRun, type RunProgramOptions } from './runProgram';
export { INETD_SOURCE, inetdProgram, startServices } from './inetd';
export { KERNEL_VERSIONS, capturePcap, isKernelVersion, traceJsonLines } from './outputs';
export { ExecRepl, type ExecReplOptions, type ReplEval, type ReplLineResult } from './repl';
