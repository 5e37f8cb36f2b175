// Rows shared by several profiles, so each era file lists only what differs.

import type { OpsTable } from './profile';

/** INET_OPS_COMMON are the proto_ops members all three eras share (reference §3.1). */
// prettier-ignore
export const INET_OPS_COMMON: OpsTable = {
  family: 'PF_INET', // .family
  release: 'inet_release', // close()
  bind: 'inet_bind', // bind()
  getname: 'inet_getname', // getsockname()/getpeername()
  ioctl: 'inet_ioctl', // ioctl()
  shutdown: 'inet_shutdown', // shutdown()
  setsockopt: 'sock_common_setsockopt', // setsockopt()
  getsockopt: 'sock_common_getsockopt', // getsockopt()
};

/** INET_PROTOSW_REUSE is inet_protosw flag 0x01 (sk_reuse is set). */
export const INET_PROTOSW_REUSE = 0x01;
/** INET_PROTOSW_PERMANENT is inet_protosw flag 0x02 (cannot be overridden). */
export const INET_PROTOSW_PERMANENT = 0x02;
/** INET_PROTOSW_ICSK is inet_protosw flag 0x04 (an inet_connection_sock). */
export const INET_PROTOSW_ICSK = 0x04;
/** CAP_NET_RAW is capability number 13. */
export const CAP_NET_RAW = 13;
/** UDP_CSUM_DEFAULT is the default UDP checksum policy, 0. */
export const UDP_CSUM_DEFAULT = 0;
