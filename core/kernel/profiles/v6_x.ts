// Profile C: a current kernel, Linux 6.18 (6.18.2). Built from the 3.10 rows with the
// differences the reference lists (sections cited).

import { INET_PROTOSW_ICSK, INET_PROTOSW_PERMANENT, INET_PROTOSW_REUSE } from './common';
import type { KernelProfile } from './profile';
import { PROFILE_3_10 as B } from './v3_10';

const { sendpage: _s1, ...streamC } = B.protoOps['inet_stream_ops']!;
const { sendpage: _s2, ...dgramC } = B.protoOps['inet_dgram_ops']!;
const { sendpage: _s3, ...rawOpsC } = B.protoOps['inet_sockraw_ops']!;
const { sendpage: _s4, ...tcpC } = B.protos['tcp_prot']!;
const { sendpage: _s5, backlog_rcv: _b, ...udpC } = B.protos['udp_prot']!;
const { hash: _h, ...pingC } = B.protos['ping_prot']!;
const { addr2sockaddr: _a, sockaddr_len: _l, bind_conflict: _c, ...ipv4C } = B.ipv4_specific;

/** PROFILE_6_X is the data of the 6.x era (read from 6.18.2). */
export const PROFILE_6_X: KernelProfile = {
  ...B,
  version: '6.x',
  tree: 'Linux 6.18.2',
  NPROTO: 46, // §1.1: AF_MAX 46
  IPPROTO_MAX: 263, // §5.5
  socketEntry: ['__sys_socket', '__sys_socket_create', 'update_socket_protocol'], // §1.1 [C]
  sockMapFd: ['get_unused_fd_flags', ['sock_alloc_file', ['alloc_file_pseudo']], 'fd_install'], // §1.6 [C]
  // prettier-ignore
  routeOutput: [['ip_route_output_flow', [['__ip_route_output_key', [['ip_route_output_key_hash', [['ip_route_output_key_hash_rcu', ['fib_lookup', ['__mkroute_output', ['rt_dst_alloc']]]]]]]], 'xfrm_lookup_route']]], // §2.6 [C]
  neighLookup: ['ip_neigh_for_gw'], // §2.7 [C]
  neighOutput: 'neigh_output', // §2.7 [C]
  devQueueXmit: ['dev_queue_xmit', '__dev_queue_xmit'], // §2.8 [C]: inline wrapper
  devStartXmit: ['dev_hard_start_xmit', 'xmit_one', 'netdev_start_xmit', '__netdev_start_xmit'], // §2.8 [C]
  netifReceive: [
    'netif_receive_skb',
    'netif_receive_skb_internal',
    '__netif_receive_skb',
    '__netif_receive_skb_one_core',
    '__netif_receive_skb_core',
  ], // §2.11 [C]
  sendmsgEntry: ['__sys_sendto'], // §2.1 [C]
  sockSendmsg: ['__sock_sendmsg', 'sock_sendmsg_nosec'], // §2.1 [C]
  tcpSendmsgInner: ['tcp_sendmsg_locked'], // §2.1 [C]
  wrappers: { tcp_transmit_skb: ['__tcp_transmit_skb'], ip_queue_xmit: ['__ip_queue_xmit'] }, // §2.5 step 8, §2.6 [C]
  udpRcv: [
    '__udp4_lib_rcv',
    'udp_unicast_rcv_skb',
    'udp_queue_rcv_skb',
    'udp_queue_rcv_one_skb',
    '__udp_queue_rcv_skb',
    '__udp_enqueue_schedule_skb',
  ], // §2.11 [C]
  inetCreate: {
    buildEhashSecret: false, // §1.2 [C]: no ehash-secret call
    protocolRangeCheck: true, // §1.2
    rawPermission: 'ns_capable', // §1.2
    netnsCheck: false, // §1.2
    skAllocErrno: 'ENOMEM', // §1.2 [C]
    pfCreateArgs: 4, // §1.1
  },
  // prettier-ignore
  inetsw: [
    { type: 1, protocol: 6, prot: 'tcp_prot', ops: 'inet_stream_ops', flags: INET_PROTOSW_PERMANENT | INET_PROTOSW_ICSK }, // TCP
    { type: 2, protocol: 17, prot: 'udp_prot', ops: 'inet_dgram_ops', flags: INET_PROTOSW_PERMANENT }, // UDP
    { type: 2, protocol: 1, prot: 'ping_prot', ops: 'inet_sockraw_ops', flags: INET_PROTOSW_REUSE }, // ICMP ping, on inet_sockraw_ops in 6.x
    { type: 3, protocol: 0, prot: 'raw_prot', ops: 'inet_sockraw_ops', flags: INET_PROTOSW_REUSE }, // RAW wildcard
  ],
  protoOps: {
    // prettier-ignore
    inet_stream_ops: { ...streamC, mmap: 'tcp_mmap', splice_eof: 'inet_splice_eof', gettstamp: 'sock_gettstamp', set_peek_off: 'sk_set_peek_off', read_sock: 'tcp_read_sock', read_skb: 'tcp_read_skb', sendmsg_locked: 'tcp_sendmsg_locked', peek_len: 'tcp_peek_len', set_rcvlowat: 'tcp_set_rcvlowat' }, // §3.1 [C]
    inet_dgram_ops: {
      ...dgramC,
      splice_eof: 'inet_splice_eof',
      gettstamp: 'sock_gettstamp',
      read_skb: 'udp_read_skb',
      set_peek_off: 'udp_set_peek_off',
    }, // §3.1 [C]
    inet_sockraw_ops: { ...rawOpsC, splice_eof: 'inet_splice_eof', gettstamp: 'sock_gettstamp' }, // §3.1 [C]
  },
  protos: {
    tcp_prot: {
      ...tcpC,
      pre_connect: 'tcp_v4_pre_connect',
      splice_eof: 'tcp_splice_eof',
      put_port: 'inet_put_port',
      keepalive: 'tcp_set_keepalive',
      diag_destroy: 'tcp_abort',
    }, // §3.2 [C]
    // prettier-ignore
    udp_prot: { ...udpC, connect: 'udp_connect', pre_connect: 'udp_pre_connect', init: 'udp_init_sock', splice_eof: 'udp_splice_eof', put_port: 'udp_lib_unhash', diag_destroy: 'udp_abort' }, // §3.2 [C]
    // prettier-ignore
    ping_prot: { ...pingC, disconnect: '__udp_disconnect', pre_connect: 'ping_pre_connect', sendmsg: 'ping_v4_sendmsg', unhash: 'ping_unhash', get_port: 'ping_get_port', put_port: 'ping_unhash' }, // §3.2 [C]
    raw_prot: {
      ...B.protos['raw_prot'],
      disconnect: '__udp_disconnect',
      init: 'raw_sk_init',
      diag_destroy: 'raw_abort',
    }, // §3.2 [C]
  },
  ipv4_specific: ipv4C, // §3.3 [C]
  protoInitChain: {
    tcp_prot: ['tcp_v4_init_sock', 'tcp_init_sock'], // §1.5
    udp_prot: ['udp_init_sock', 'udp_lib_init_sock'], // §1.5 [C]
    ping_prot: ['ping_init_sock'], // §1.5
    raw_prot: ['raw_sk_init'], // §1.5 [C]
  },
  sysctl: {
    ...B.sysctl,
    'net.ipv4.tcp_rmem': [4096, 131072, 33554432], // §4.12; max depends on RAM, SockLab uses 32 MiB
    'net.ipv4.ip_local_port_range': [32768, 60999], // §4.12
    'net.core.somaxconn': 4096, // §4.12
    'net.core.wmem_max': 4194304, // §4.12
    'net.core.rmem_max': 4194304, // §4.12
  },
  tcp: { initCwnd: 10, timeoutInitMs: 1000, initialCaOps: 'cubic' }, // §4.11: the default CC assigned at init
  fieldNames: { srtt: 'srtt_us', mdev: 'mdev_us', rttvar: 'rttvar_us' }, // §4.6 [C]
  loMtu: 65536, // §4.10
  sockWaitField: 'sk_wq', // §1.5
};
