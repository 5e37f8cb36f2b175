// Profile A: Linux 2.6.32 (2.6.32.67), the era where inet_stream_ops.sendmsg = tcp_sendmsg.
// Built from the 3.10 rows with the differences the reference lists (sections cited).

import {
  CAP_NET_RAW,
  INET_PROTOSW_ICSK,
  INET_PROTOSW_PERMANENT,
  INET_PROTOSW_REUSE,
  UDP_CSUM_DEFAULT,
} from './common';
import type { KernelProfile } from './profile';
import { PROFILE_3_10 as B } from './v3_10';

const {
  sendmsg: _tcpSendmsg,
  sendpage: _tcpSendpage,
  release_cb: _rcb,
  no_autobind: _na,
  ...tcpProtA
} = B.protos['tcp_prot']!;
const { release_cb: _urcb, rehash: _rehash, ...udpProtA } = B.protos['udp_prot']!;
const { release_cb: _rrcb, ...rawProtA } = B.protos['raw_prot']!;
const { sk_rx_dst_set: _rx, mtu_reduced: _mtu, ...ipv4A } = B.ipv4_specific;

/** PROFILE_2_6_32 is the data of the 2.6.32 era. */
export const PROFILE_2_6_32: KernelProfile = {
  ...B,
  version: '2.6.32',
  tree: 'Linux 2.6.32.67',
  NPROTO: 37, // §1.1: AF_MAX 37
  IPPROTO_MAX: 256, // §5.5 (not checked by inet_create in this era)
  // prettier-ignore
  sockMapFd: [['sock_alloc_fd', ['get_unused_fd_flags', 'get_empty_filp']], 'sock_attach_fd', 'fd_install'], // §1.6 [A]
  // prettier-ignore
  routeOutput: [['ip_route_output_flow', [['__ip_route_output_key', [['ip_route_output_slow', ['fib_lookup', ['ip_mkroute_output', [['__mkroute_output', ['rt_set_nexthop']], ['rt_intern_hash', ['arp_bind_neighbour']]]]]]]], '__xfrm_lookup']]], // §2.6 [A]: cache miss
  routeOutputCached: [['ip_route_output_flow', [['__ip_route_output_key', ['dst_use']], '__xfrm_lookup']]], // §2.6 [A]: rt_hash_table hit
  neighLookup: [], // §2.7 [A]: the neighbour hangs on the dst (arp_bind_neighbour)
  neighOutput: 'dst->neighbour->output', // §2.7 [A]: or neigh_hh_output when dst->hh is set
  devQueueXmit: ['dev_queue_xmit'], // §2.8 [A]
  devStartXmit: ['dev_hard_start_xmit'], // §2.8 [A]
  netifReceive: ['netif_receive_skb'], // §2.11 [A]: netif_receive_skb does it all
  sockSendmsg: ['sock_sendmsg', '__sock_sendmsg'], // §2.1 [A]
  udpSend: ['ip_append_data', ['udp_push_pending_frames', ['ip_push_pending_frames']]], // §2.10 [A]: always corked-style
  udpRcv: ['__udp4_lib_rcv', 'udp_queue_rcv_skb', '__udp_queue_rcv_skb', 'sock_queue_rcv_skb'], // §2.11 [A]
  inetCreate: {
    buildEhashSecret: true, // §1.2
    protocolRangeCheck: false, // §1.2: no IPPROTO_MAX check, so protocol 300 → EPROTONOSUPPORT
    rawPermission: 'answer_capability', // §1.2: answer->capability > 0 && !capable(cap) → EPERM
    netnsCheck: true, // §1.2: !inet_netns_ok → EAFNOSUPPORT (always ok in SockLab's one netns)
    skAllocErrno: 'ENOBUFS', // §1.2
    pfCreateArgs: 3, // §1.1 step 8: pf->create(net, sock, protocol)
  },
  // prettier-ignore
  inetsw: [
    { type: 1, protocol: 6, prot: 'tcp_prot', ops: 'inet_stream_ops', flags: INET_PROTOSW_PERMANENT | INET_PROTOSW_ICSK, capability: -1, no_check: 0 }, // TCP
    { type: 2, protocol: 17, prot: 'udp_prot', ops: 'inet_dgram_ops', flags: INET_PROTOSW_PERMANENT, capability: -1, no_check: UDP_CSUM_DEFAULT }, // UDP
    { type: 3, protocol: 0, prot: 'raw_prot', ops: 'inet_sockraw_ops', flags: INET_PROTOSW_REUSE, capability: CAP_NET_RAW, no_check: UDP_CSUM_DEFAULT }, // RAW wildcard; no ping entry in 2.6.32
  ],
  protoOps: {
    // §3.1 [A]: sendmsg is tcp_sendmsg directly; recvmsg is sock_common_recvmsg; sendpage tcp_sendpage
    inet_stream_ops: {
      ...B.protoOps['inet_stream_ops'],
      sendmsg: 'tcp_sendmsg',
      recvmsg: 'sock_common_recvmsg',
      sendpage: 'tcp_sendpage',
    },
    inet_dgram_ops: { ...B.protoOps['inet_dgram_ops'], recvmsg: 'sock_common_recvmsg' }, // §3.1
    inet_sockraw_ops: { ...B.protoOps['inet_sockraw_ops'], recvmsg: 'sock_common_recvmsg' }, // §3.1
  },
  protos: { tcp_prot: tcpProtA, udp_prot: udpProtA, raw_prot: rawProtA }, // §3.2: tcp_prot has no sendmsg; no ping_prot
  ipv4_specific: { ...ipv4A, remember_stamp: 'tcp_v4_remember_stamp' }, // §3.3 [A]
  protoInitChain: { tcp_prot: ['tcp_v4_init_sock'], udp_prot: [], raw_prot: ['raw_init'] }, // §1.5 [A]
  fieldNames: {
    sk_wq: 'sk_sleep',
    inet_num: 'num',
    inet_sport: 'sport',
    inet_saddr: 'saddr',
    inet_daddr: 'daddr',
    inet_dport: 'dport',
    inet_rcv_saddr: 'rcv_saddr',
    inet_id: 'id',
  }, // §4.4 note
  sysctl: {
    ...B.sysctl,
    'net.ipv4.tcp_rmem': [4096, 87380, 4194304], // §4.12: max min(4MiB, f(mem))
    'net.core.wmem_default': 212992, // §6: not verified for 2.6.32; SockLab shows the 3.x value
    'net.core.rmem_default': 212992, // §6: as above
    'net.core.wmem_max': 131071, // §4.12: sk_init() value for RAM >= 512 MiB
    'net.core.rmem_max': 131071, // §4.12
    'net.ipv4.tcp_syn_retries': 5, // §4.12
    'net.ipv4.ping_group_range': null, // §4.12: no ping sockets
  },
  tcp: { initCwnd: 2, timeoutInitMs: 3000, initialCaOps: 'tcp_init_congestion_ops' }, // §0.2, §4.13
  loMtu: 16436, // §4.10
  sockWaitField: 'sk_sleep', // §1.5 [A]
};
