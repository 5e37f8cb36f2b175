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
// Added for the C runtime (TS signatures in syscalls/msg.ts, fcntl.ts, poll.ts):
// sendmsg(h, pid, fd, msg: MsgHdr, flags) / recvmsg(h, pid, fd, msg: RecvMsgHdr, flags): SysResult;
// socketpair(h, pid, family, type, protocol, sv: number[]): number;
// fcntl(h, pid, fd, cmd, arg): number; poll(h, pid, fds: PollFd[], timeoutMs, opts?): SysResult;
// select(h, pid, nfds, sets: FdSets, timeout: TimeVal | null, opts?): SysResult.
// setsockopt now also takes the raw optval bytes (struct timeval for SO_RCVTIMEO/SO_SNDTIMEO) and
// getsockopt(h, pid, fd, level, name, out?: { val?: Uint8Array }) fills out.val for struct options.
// Host.onSignal(task, sig) is how the kernel sends SIGPIPE (send_sig); the scheduler should set it.
export {
  F,
  FD_CLOEXEC,
  UIO_MAXIOV,
  fcntl,
  poll,
  recvmsg,
  select,
  sendmsg,
  socketpair,
  type FdSets,
  type MsgHdr,
  type PollFd,
  type PollOptions,
  type RecvMsgHdr,
  type TimeVal,
} from './syscalls';
export { POLL } from './net/socket/poll';
export { wake_up_interruptible } from './net/core/sock_wake';
export { newWaitQueue } from './host/wait';
export { IP_OPT, IP_PMTUDISC_DO } from './include/uapi/in';
export { type RecvInfo } from './net/socket';
export { DEFAULT_HOSTS, World, type WorldOptions } from './world/world';
export { harness, sockOf, socketOf, type Harness } from './testing/harness';
export {
  established,
  filterLink,
  segmentLog,
  transfer,
  type Established,
  type FrameVerdict,
} from './testing/tcp';
export { benchTransfer, type BenchTransferOptions, type BenchTransferResult } from './world/bench';
export { captureFrames, capturePcapng } from './world/capture';
export { type LinkOptions } from './world/link';
export { type NfRule } from './net/netfilter/core';
export {
  NF_CHAINS,
  nfAppend,
  nfDelete,
  nfFlush,
  nfInsert,
  nfList,
  ruleSpec,
  type NfChain,
} from './net/netfilter/api';
export { REJECT_WITH } from './net/netfilter/targets';
export { tcQdiscAdd, tcQdiscChange, tcQdiscDel, tcQdiscShow } from './net/sched/api';
export { type NetemOptions } from './net/sched/sch_netem';
export { dev_change_tx_queue_len, dev_set_mtu } from './net/core/dev_api';
export { neigh_flush, neighShow } from './net/core/neighbour';
export { SO, TCP_OPT } from './net/core/sockopt';
export { tcpCongList, type TcpCongestionOps } from './net/ipv4/tcp_cong';
export { fib_lookup, isFibRoute, type FibRoute } from './net/ipv4/route';
export { inet_rtm_delroute, inet_rtm_newroute, mainTable, type RouteSpec } from './net/ipv4/route_api';
