// The shape of a kernel-version profile: everything that differs between 2.6.32, 3.10 and
// 6.x as data (call chains, ops tables, struct field names, defaults and constants), so the
// kernel code stays one code base and a profile swaps tables. Values follow
// shared/reference/linux-net-path.md; each profile file cites the section for its rows.

/** KernelVersion names the three supported eras. */
export type KernelVersion = '2.6.32' | '3.10' | '6.x';

/** CallTree is a nested call chain as data: each node is a function name or [name, children]. */
export type CallTree = ReadonlyArray<string | readonly [string, CallTree]>;

/** OpsTable maps a dispatch-table member (e.g. sendmsg) to its handler's kernel name. */
export type OpsTable = Readonly<Record<string, string>>;

/** ProtoswRow is one inetsw_array entry as the era defines it (af_inet.c). */
export interface ProtoswRow {
  readonly type: number;
  readonly protocol: number;
  readonly prot: string;
  readonly ops: string;
  readonly flags: number;
  /** capability is 2.6.32's per-entry capability (-1 for none); absent in later eras. */
  readonly capability?: number;
  /** no_check is the UDP checksum policy member (2.6.32 and 3.10 only). */
  readonly no_check?: number;
}

/** SysctlDefaults are the kernel defaults of the sysctls SockLab models (reference §4.12). */
export interface SysctlDefaults {
  readonly 'net.ipv4.tcp_wmem': readonly [number, number, number];
  readonly 'net.ipv4.tcp_rmem': readonly [number, number, number];
  readonly 'net.core.wmem_default': number;
  readonly 'net.core.rmem_default': number;
  readonly 'net.core.wmem_max': number;
  readonly 'net.core.rmem_max': number;
  readonly 'net.ipv4.ip_default_ttl': number;
  readonly 'net.ipv4.tcp_syn_retries': number;
  readonly 'net.ipv4.ip_local_port_range': readonly [number, number];
  readonly 'net.core.somaxconn': number;
  /** ping_group_range is null where ping sockets do not exist (2.6.32). */
  readonly 'net.ipv4.ping_group_range': readonly [number, number] | null;
  readonly 'net.ipv4.ip_no_pmtu_disc': number;
  readonly 'net.ipv4.tcp_synack_retries': number;
  readonly 'net.ipv4.tcp_retries2': number;
  readonly 'net.ipv4.tcp_sack': number;
  /** tcp_keepalive_time, _intvl (seconds) and _probes drive SO_KEEPALIVE's sk_timer (tcp_keepalive.ts). */
  readonly 'net.ipv4.tcp_keepalive_time': number;
  readonly 'net.ipv4.tcp_keepalive_intvl': number;
  readonly 'net.ipv4.tcp_keepalive_probes': number;
  /** tcp_congestion_control names the default congestion control module (reno or cubic). */
  readonly 'net.ipv4.tcp_congestion_control': string;
}

/** KernelProfile is one era's data: the kernel code reads every era difference from here. */
export interface KernelProfile {
  readonly version: KernelVersion;
  /** tree is the exact source tree the values were read from. */
  readonly tree: string;
  /** NPROTO is AF_MAX, the family bound __sock_create checks. */
  readonly NPROTO: number;
  /** IPPROTO_MAX is the protocol bound (checked by inet_create only where protocolRangeCheck). */
  readonly IPPROTO_MAX: number;
  /** socketEntry is the chain from the socket syscall to sock_create. */
  readonly socketEntry: readonly string[];
  /** sockMapFd is the call tree sock_map_fd runs: a name, or [name, children]. */
  readonly sockMapFd: CallTree;
  /** routeOutput is the output route lookup from ip_route_output_flow down (reference §2.6). */
  readonly routeOutput: CallTree;
  /** routeOutputCached is the lookup when the route cache hits (2.6.32 only; null without a cache). */
  readonly routeOutputCached: CallTree | null;
  /** neighLookup is what ip_finish_output2 calls to find the neighbour (none in 2.6.32: it hangs on the dst). */
  readonly neighLookup: readonly string[];
  /** neighOutput is the function ip_finish_output2 hands the skb to: dst->neighbour->output, dst_neigh_output or neigh_output. */
  readonly neighOutput: string;
  /** devQueueXmit is the entry chain of dev_queue_xmit (6.x adds __dev_queue_xmit). */
  readonly devQueueXmit: readonly string[];
  /** devStartXmit is the chain from dev_hard_start_xmit to ndo_start_xmit (6.x adds xmit_one …). */
  readonly devStartXmit: readonly string[];
  /** netifReceive is the chain from netif_receive_skb to the protocol dispatch (reference §2.11). */
  readonly netifReceive: readonly string[];
  /** sendmsgEntry is the send/sendto syscall function (sys_sendto, or __sys_sendto in 6.x). */
  readonly sendmsgEntry: readonly string[];
  /** sockSendmsg is the socket-layer chain from sock_sendmsg to sock->ops->sendmsg (reference §2.1). */
  readonly sockSendmsg: readonly string[];
  /** tcpSendmsgLocked is 6.x's tcp_sendmsg_locked (empty before). */
  readonly tcpSendmsgInner: readonly string[];
  /** wrappers lists, per function, the inner functions it delegates to in this era (6.x tcp_transmit_skb → __tcp_transmit_skb). */
  readonly wrappers: Readonly<Record<string, readonly string[]>>;
  /** udpSend is udp_sendmsg's build-and-send tree after routing (reference §2.10). */
  readonly udpSend: CallTree;
  /** udpRcv is the chain from udp_rcv to the queueing function that wakes the reader (reference §2.11). */
  readonly udpRcv: readonly string[];
  /** inetCreate holds the era's inet_create checks. */
  readonly inetCreate: {
    readonly buildEhashSecret: boolean;
    readonly protocolRangeCheck: boolean;
    readonly rawPermission: 'answer_capability' | 'ns_capable';
    readonly netnsCheck: boolean;
    readonly skAllocErrno: 'ENOBUFS' | 'ENOMEM';
    readonly pfCreateArgs: 3 | 4;
  };
  /** inetsw is inetsw_array in registration order. */
  readonly inetsw: readonly ProtoswRow[];
  /** protoOps holds inet_stream_ops, inet_dgram_ops and inet_sockraw_ops. */
  readonly protoOps: Readonly<Record<string, OpsTable>>;
  /** protos holds tcp_prot, udp_prot, raw_prot and (3.10+) ping_prot. */
  readonly protos: Readonly<Record<string, OpsTable>>;
  /** ipv4_specific is the inet_connection_sock_af_ops table of TCP over IPv4. */
  readonly ipv4_specific: OpsTable;
  /** protoInitChain names what sk_prot->init runs for each proto, in order. */
  readonly protoInitChain: Readonly<Record<string, readonly string[]>>;
  /** fieldNames maps SockLab's field key to this era's spelling where it differs (2.6.32's inet->num …). */
  readonly fieldNames: Readonly<Record<string, string>>;
  /** sysctl holds the defaults. */
  readonly sysctl: SysctlDefaults;
  /** tcp holds era-specific TCP values. */
  readonly tcp: {
    /** initCwnd is snd_cwnd at socket creation (2 in 2.6.32, TCP_INIT_CWND 10 later). */
    readonly initCwnd: number;
    /** TCP_TIMEOUT_INIT in ms (3 s in 2.6.32, 1 s later). */
    readonly timeoutInitMs: number;
    /** initialCaOps is icsk_ca_ops right after socket(). */
    readonly initialCaOps: string;
  };
  /** loMtu is the loopback device's MTU. */
  readonly loMtu: number;
  /** sockWaitField is the sock's wait-queue member: sk_sleep (2.6.32) or sk_wq. */
  readonly sockWaitField: 'sk_sleep' | 'sk_wq';
}
