// Profile B: Linux 3.10 (3.10.105), the default era the lab texts follow. Rows cite
// shared/reference/linux-net-path.md sections.

import {
  INET_OPS_COMMON,
  INET_PROTOSW_ICSK,
  INET_PROTOSW_PERMANENT,
  INET_PROTOSW_REUSE,
  UDP_CSUM_DEFAULT,
} from './common';
import type { KernelProfile } from './profile';

/** PROFILE_3_10 is the data of the 3.10 era. */
export const PROFILE_3_10: KernelProfile = {
  version: '3.10',
  tree: 'Linux 3.10.105',
  NPROTO: 41, // AF_MAX: AF_VSOCK (40) is the last family in 3.10; an unregistered family in range gives the same EAFNOSUPPORT
  IPPROTO_MAX: 256, // §5.5
  socketEntry: ['sys_socket'], // §1.1: SYSCALL_DEFINE3(socket) does the work
  sockMapFd: ['get_unused_fd_flags', 'sock_alloc_file', 'fd_install'], // §1.6 [B]
  // prettier-ignore
  routeOutput: [['ip_route_output_flow', [['__ip_route_output_key', ['fib_lookup', ['__mkroute_output', ['rt_dst_alloc', 'rt_set_nexthop', 'rt_cache_route']]]], 'xfrm_lookup']]], // §2.6 [B]: no route cache
  routeOutputCached: null, // §2.6 [B]: the IPv4 route cache is gone
  neighLookup: ['__ipv4_neigh_lookup_noref'], // §2.7 [B]
  neighOutput: 'dst_neigh_output', // §2.7 [B]
  devQueueXmit: ['dev_queue_xmit'], // §2.8 [B]
  devStartXmit: ['dev_hard_start_xmit'], // §2.8 [B]: then ops->ndo_start_xmit
  netifReceive: ['netif_receive_skb', '__netif_receive_skb', '__netif_receive_skb_core'], // §2.11 [B]
  sendmsgEntry: ['sys_sendto'], // §2.1 [B]
  sockSendmsg: ['sock_sendmsg', '__sock_sendmsg', '__sock_sendmsg_nosec'], // §2.1 [B]
  tcpSendmsgInner: [], // §2.1 [B]: tcp_sendmsg locks itself
  wrappers: {}, // §2.5, §2.6 [B]: no inner wrappers
  udpSend: [
    ['ip_make_skb', ['__ip_append_data', '__ip_make_skb']],
    ['udp_send_skb', ['ip_send_skb']],
  ], // §2.10 [B]: non-corked fast path
  udpRcv: ['__udp4_lib_rcv', 'udp_queue_rcv_skb', '__udp_queue_rcv_skb', 'sock_queue_rcv_skb'], // §2.11 [B]
  inetCreate: {
    buildEhashSecret: true, // §1.2: on the first non-RAW, non-DGRAM socket
    protocolRangeCheck: true, // §1.2: protocol >= IPPROTO_MAX → EINVAL
    rawPermission: 'ns_capable', // §1.2: SOCK_RAW && !kern && !ns_capable(CAP_NET_RAW) → EPERM
    netnsCheck: false, // §1.2: inet_netns_ok removed
    skAllocErrno: 'ENOBUFS', // §1.2
    pfCreateArgs: 4, // §1.1 step 8: pf->create(net, sock, protocol, kern)
  },
  // prettier-ignore
  inetsw: [
    { type: 1, protocol: 6, prot: 'tcp_prot', ops: 'inet_stream_ops', flags: INET_PROTOSW_PERMANENT | INET_PROTOSW_ICSK, no_check: 0 }, // TCP
    { type: 2, protocol: 17, prot: 'udp_prot', ops: 'inet_dgram_ops', flags: INET_PROTOSW_PERMANENT, no_check: UDP_CSUM_DEFAULT }, // UDP
    { type: 2, protocol: 1, prot: 'ping_prot', ops: 'inet_dgram_ops', flags: INET_PROTOSW_REUSE, no_check: UDP_CSUM_DEFAULT }, // ICMP ping
    { type: 3, protocol: 0, prot: 'raw_prot', ops: 'inet_sockraw_ops', flags: INET_PROTOSW_REUSE, no_check: UDP_CSUM_DEFAULT }, // RAW wildcard
  ],
  protoOps: {
    // prettier-ignore
    inet_stream_ops: { ...INET_OPS_COMMON, connect: 'inet_stream_connect', socketpair: 'sock_no_socketpair', accept: 'inet_accept', poll: 'tcp_poll', listen: 'inet_listen', sendmsg: 'inet_sendmsg', recvmsg: 'inet_recvmsg', mmap: 'sock_no_mmap', sendpage: 'inet_sendpage', splice_read: 'tcp_splice_read' },
    // prettier-ignore
    inet_dgram_ops: { ...INET_OPS_COMMON, connect: 'inet_dgram_connect', socketpair: 'sock_no_socketpair', accept: 'sock_no_accept', poll: 'udp_poll', listen: 'sock_no_listen', sendmsg: 'inet_sendmsg', recvmsg: 'inet_recvmsg', mmap: 'sock_no_mmap', sendpage: 'inet_sendpage' },
    // prettier-ignore
    inet_sockraw_ops: { ...INET_OPS_COMMON, connect: 'inet_dgram_connect', socketpair: 'sock_no_socketpair', accept: 'sock_no_accept', poll: 'datagram_poll', listen: 'sock_no_listen', sendmsg: 'inet_sendmsg', recvmsg: 'inet_recvmsg', mmap: 'sock_no_mmap', sendpage: 'inet_sendpage' },
  },
  protos: {
    // prettier-ignore
    tcp_prot: { name: 'TCP', close: 'tcp_close', connect: 'tcp_v4_connect', disconnect: 'tcp_disconnect', accept: 'inet_csk_accept', ioctl: 'tcp_ioctl', init: 'tcp_v4_init_sock', destroy: 'tcp_v4_destroy_sock', shutdown: 'tcp_shutdown', setsockopt: 'tcp_setsockopt', getsockopt: 'tcp_getsockopt', recvmsg: 'tcp_recvmsg', sendmsg: 'tcp_sendmsg', sendpage: 'tcp_sendpage', backlog_rcv: 'tcp_v4_do_rcv', release_cb: 'tcp_release_cb', hash: 'inet_hash', unhash: 'inet_unhash', get_port: 'inet_csk_get_port', no_autobind: 'true' },
    // prettier-ignore
    udp_prot: { name: 'UDP', close: 'udp_lib_close', connect: 'ip4_datagram_connect', disconnect: 'udp_disconnect', ioctl: 'udp_ioctl', destroy: 'udp_destroy_sock', setsockopt: 'udp_setsockopt', getsockopt: 'udp_getsockopt', sendmsg: 'udp_sendmsg', recvmsg: 'udp_recvmsg', sendpage: 'udp_sendpage', backlog_rcv: '__udp_queue_rcv_skb', release_cb: 'ip4_datagram_release_cb', hash: 'udp_lib_hash', unhash: 'udp_lib_unhash', rehash: 'udp_v4_rehash', get_port: 'udp_v4_get_port' },
    // prettier-ignore
    ping_prot: { name: 'PING', init: 'ping_init_sock', close: 'ping_close', connect: 'ip4_datagram_connect', disconnect: 'udp_disconnect', setsockopt: 'ip_setsockopt', getsockopt: 'ip_getsockopt', sendmsg: 'ping_sendmsg', recvmsg: 'ping_recvmsg', bind: 'ping_bind', backlog_rcv: 'ping_queue_rcv_skb', release_cb: 'ip4_datagram_release_cb', hash: 'ping_v4_hash', unhash: 'ping_v4_unhash', get_port: 'ping_v4_get_port' },
    // prettier-ignore
    raw_prot: { name: 'RAW', close: 'raw_close', destroy: 'raw_destroy', connect: 'ip4_datagram_connect', disconnect: 'udp_disconnect', ioctl: 'raw_ioctl', init: 'raw_init', setsockopt: 'raw_setsockopt', getsockopt: 'raw_getsockopt', sendmsg: 'raw_sendmsg', recvmsg: 'raw_recvmsg', bind: 'raw_bind', backlog_rcv: 'raw_rcv_skb', release_cb: 'ip4_datagram_release_cb', hash: 'raw_hash_sk', unhash: 'raw_unhash_sk' },
  },
  // prettier-ignore
  ipv4_specific: { queue_xmit: 'ip_queue_xmit', send_check: 'tcp_v4_send_check', rebuild_header: 'inet_sk_rebuild_header', sk_rx_dst_set: 'inet_sk_rx_dst_set', conn_request: 'tcp_v4_conn_request', syn_recv_sock: 'tcp_v4_syn_recv_sock', net_header_len: '20', setsockopt: 'ip_setsockopt', getsockopt: 'ip_getsockopt', addr2sockaddr: 'inet_csk_addr2sockaddr', sockaddr_len: '16', bind_conflict: 'inet_csk_bind_conflict', mtu_reduced: 'tcp_v4_mtu_reduced' },
  protoInitChain: {
    tcp_prot: ['tcp_v4_init_sock', 'tcp_init_sock'], // §1.5: tcp_v4_init_sock calls tcp_init_sock, then sets icsk_af_ops
    udp_prot: [], // §1.5: no init
    ping_prot: ['ping_init_sock'], // §1.5
    raw_prot: ['raw_init'], // §1.5
  },
  fieldNames: {},
  sysctl: {
    'net.ipv4.tcp_wmem': [4096, 16384, 4194304], // §4.12; max depends on RAM, SockLab uses 4 MiB
    'net.ipv4.tcp_rmem': [4096, 87380, 6291456], // §4.12; max depends on RAM, SockLab uses 6 MiB
    'net.core.wmem_default': 212992, // §4.12: SKB_TRUESIZE(256)×256 on x86-64
    'net.core.rmem_default': 212992, // §4.12
    'net.core.wmem_max': 212992, // §4.12: SK_WMEM_MAX
    'net.core.rmem_max': 212992, // §4.12: SK_RMEM_MAX
    'net.ipv4.ip_default_ttl': 64, // §4.12
    'net.ipv4.tcp_syn_retries': 6, // §4.12
    'net.ipv4.tcp_synack_retries': 5, // §4.12 TCP_SYNACK_RETRIES
    'net.ipv4.tcp_retries2': 15, // §4.12 TCP_RETR2
    'net.ipv4.tcp_sack': 1, // §4.12
    'net.ipv4.tcp_keepalive_time': 7200, // §4.12 TCP_KEEPALIVE_TIME, 2 h
    'net.ipv4.tcp_keepalive_intvl': 75, // §4.13 TCP_KEEPALIVE_INTVL
    'net.ipv4.tcp_keepalive_probes': 9, // §4.13 TCP_KEEPALIVE_PROBES
    'net.ipv4.tcp_congestion_control': 'cubic', // §4.12 Kconfig DEFAULT_CUBIC
    'net.ipv4.ip_local_port_range': [32768, 61000], // §4.12
    'net.core.somaxconn': 128, // §4.12
    'net.ipv4.ping_group_range': [1, 0], // §4.12: "1 0", the empty range
    'net.ipv4.ip_no_pmtu_disc': 0, // PMTU discovery on
  },
  tcp: { initCwnd: 10, timeoutInitMs: 1000, initialCaOps: 'tcp_init_congestion_ops' }, // §4.11, §4.13
  loMtu: 65536, // §4.10
  sockWaitField: 'sk_wq', // §1.5
};
