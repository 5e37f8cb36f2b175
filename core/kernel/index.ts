// core/kernel simulates the Linux socket layer and TCP/IPv4 path under kernel names and
// kernel files (net/socket.c → net/socket.ts …), dispatching through proto_ops, proto and
// inetsw tables that a kernel-version profile (2.6.32, 3.10, 6.x) supplies as data. Every
// inspector-visible field changes through one traced setter (kset), every kernel function
// is traced with kcall, and failures are -errno from one errno table, explained by the
// function and condition that produced them. Tasks call it through syscalls/index.ts, whose
// header documents the blocking protocol the C runtime's scheduler follows.

export { Host, type ErrOrigin, type Sysctls } from './host/host';
export { type KFields, type KStruct } from './host/kstruct';
export { type WaitQueue } from './host/wait';
export { ERRNO_TABLE, errno, errnoName, strerror, type ErrnoName } from './include/uapi/errno';
export { IPPROTO, INADDR_ANY, ipFromString, ipToString, type SockaddrIn } from './include/uapi/in';
export * from './include/uapi/socket';
export { TCP_STATE, tcpStateName } from './include/net/tcp_states';
export { DEFAULT_KERNEL, PROFILES, type KernelProfile, type KernelVersion } from './profiles';
export { ROOT, STUDENT, type Task, type TaskCreds } from './sched/task';
export {
  accept4,
  bind,
  close,
  connect,
  getname,
  getsockopt,
  isBlock,
  listen,
  read,
  recv,
  recvfrom,
  send,
  sendto,
  setsockopt,
  shutdown,
  signal,
  socket,
  spawn,
  write,
  type Block,
  type SysResult,
} from './syscalls';
export { DEFAULT_HOSTS, World, type WorldOptions } from './world/world';
export { harness, sockOf, socketOf, type Harness } from './testing/harness';
export { established, transfer, type Established } from './testing/tcp';
export { benchTransfer, type BenchTransferOptions, type BenchTransferResult } from './world/bench';
export { captureFrames } from './world/capture';
export { type LinkOptions } from './world/link';
export { type NfRule } from './net/netfilter/core';
export { SO, TCP_OPT } from './net/core/sockopt';
