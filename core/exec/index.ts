// core/exec runs students' C programs as tasks in the simulated world: a scheduler (Exec) that
// runs each program's VM in bounded instruction slices interleaved with the simulator's event
// queue, a VM Host per task that turns libc's system calls into the kernel's syscalls for that
// task's pid (blocking calls park the task on the kernel's wait queue until host.onWake), the
// process calls the scheduler itself answers (fork with a copy of the task's fd table, wait,
// kill and signals with 128+N exit statuses, Ctrl-C, sleep and alarms in simulated time, the
// terminal's stdin), and sysctl setting for `socklab run`. It counts instructions, never wall
// time: callers (the CLI, the lab shell) bound each run() call to keep their window responsive.

export { Exec, type ExecOptions, type RunBudget, type RunStatus, type SpawnOptions } from './exec';
export { SIG, type Proc, type ProcIo, type ProcState, type Sink, type Wait } from './proc';
export { setSysctl, sysctlKeys } from './sysctl';
export { TaskHost, type ProcServices } from './taskHost';
export { credsFor, runProgram, type ProgramRun, type RunProgramOptions } from './runProgram';
