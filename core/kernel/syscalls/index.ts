// core/kernel/syscalls: the system-call interface the C runtime and the tests call, typed
// functions over a host and a pid. Every call records syscall_enter and syscall_exit (with the errno's name and, for
// failures, which kernel function and condition produced it: "errno explained").
//
// Blocking without async. A syscall returns either a number (>= 0 result or -errno, exactly
// as Linux returns it) or a Block { block: waitQueue, timeoutNs }. On a Block the kernel has
// already put the task in TASK_INTERRUPTIBLE on that wait queue, recorded a `wait` event
// (by inet_wait_for_connect, inet_csk_wait_for_connect, sk_wait_data, sk_stream_wait_connect)
// and set task.restart to the waiting call's name; no syscall_exit is recorded yet. The
// scheduler (the C VM) then stops running the task. When kernel code wakes the queue
// (sk_state_change / sk_data_ready / sk_write_space → `wake` event → host.onWake(task)), or
// signal() delivers a signal (which also wakes it), or the timeout passes, the scheduler calls
// the *same* syscall again with the same arguments. Because task.restart names the waiting
// call, the re-invocation continues the wait rather than starting over (a second connect() on
// a connecting socket would otherwise be EALREADY): it completes (syscall_exit with the
// result), blocks again, or returns -EINTR when a signal is pending. Syscall enter events of a
// re-invocation carry "(restart)" in their args.

export { isBlock, signal, spawn, type Block, type SysResult } from './entry';
export { bind, close, getname, getsockopt, listen, setsockopt, socket } from './setup';
export { accept4, connect, read, recv, recvfrom, send, sendto, shutdown, write } from './io';
export { recvmsg, sendmsg, socketpair, UIO_MAXIOV, type MsgHdr, type RecvMsgHdr } from './msg';
export { fcntl, F, FD_CLOEXEC } from './fcntl';
export { poll, select, type FdSets, type PollFd, type PollOptions, type TimeVal } from './poll';
