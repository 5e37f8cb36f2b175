// Address families, socket types, MSG_* flags and option levels/names as x86-64 Linux numbers
// them (include/linux/socket.h, include/linux/net.h, asm-generic/socket.h; reference §5).

/** AF_UNSPEC is address family 0. */
export const AF_UNSPEC = 0;
/** AF_UNIX is the local-socket address family (1). */
export const AF_UNIX = 1;
/** AF_INET is the IPv4 address family (2); PF_INET is the same. */
export const AF_INET = 2;
/** PF_INET is the IPv4 protocol family, equal to AF_INET. */
export const PF_INET = AF_INET;
/** AF_INET6 is the IPv6 address family (10). */
export const AF_INET6 = 10;
/** PF_PACKET is the packet-socket protocol family (17), equal to AF_PACKET. */
export const PF_PACKET = 17;
/** AF_PACKET is the packet-socket family (17); PF_PACKET is the same. */
export const AF_PACKET = 17;

/** SOCK_STREAM is socket type 1. */
export const SOCK_STREAM = 1;
/** SOCK_DGRAM is socket type 2. */
export const SOCK_DGRAM = 2;
/** SOCK_RAW is socket type 3. */
export const SOCK_RAW = 3;
/** SOCK_SEQPACKET is socket type 5. */
export const SOCK_SEQPACKET = 5;
/** SOCK_PACKET is the obsolete socket type 10. */
export const SOCK_PACKET = 10;
/** SOCK_MAX is one past the largest socket type (11). */
export const SOCK_MAX = 11;
/** SOCK_TYPE_MASK masks the type bits out of socket()'s type argument (0xf). */
export const SOCK_TYPE_MASK = 0xf;
/** O_NONBLOCK is 04000 octal on x86 (SOCK_NONBLOCK is the same). */
export const O_NONBLOCK = 0x800;
/** O_CLOEXEC is 02000000 octal on x86 (SOCK_CLOEXEC is the same). */
export const O_CLOEXEC = 0x80000;
/** O_RDWR is the file mode socket files get (2). */
export const O_RDWR = 2;
/** SOCK_NONBLOCK is socket()'s non-blocking flag, equal to O_NONBLOCK. */
export const SOCK_NONBLOCK = O_NONBLOCK;
/** SOCK_CLOEXEC is socket()'s close-on-exec flag, equal to O_CLOEXEC. */
export const SOCK_CLOEXEC = O_CLOEXEC;

/** SOCK_TYPE_NAMES maps socket type numbers to their names. */
export const SOCK_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'SOCK_STREAM',
  2: 'SOCK_DGRAM',
  3: 'SOCK_RAW',
  4: 'SOCK_RDM',
  5: 'SOCK_SEQPACKET',
  6: 'SOCK_DCCP',
  10: 'SOCK_PACKET',
};

/** MSG_DONTWAIT makes one call non-blocking (0x40). */
export const MSG_DONTWAIT = 0x40;
/** MSG_PEEK reads without removing data (0x2). */
export const MSG_PEEK = 0x2;
/** MSG_OOB sends or receives urgent data (0x1). */
export const MSG_OOB = 0x1;
/** MSG_WAITALL waits for the full length (0x100). */
export const MSG_WAITALL = 0x100;
/** MSG_NOSIGNAL suppresses SIGPIPE (0x4000). */
export const MSG_NOSIGNAL = 0x4000;
/** MSG_MORE tells TCP and UDP more data follows (0x8000). */
export const MSG_MORE = 0x8000;

/** SOL_SOCKET is the socket-level option level (1). */
export const SOL_SOCKET = 1;
/** SOL_IP is the IP option level (0). */
export const SOL_IP = 0;
/** SOL_TCP is the TCP option level, IPPROTO_TCP (6). */
export const SOL_TCP = 6;

/** socket_state values of struct socket (include/linux/net.h), one row per state. */
// prettier-ignore
export const SS = {
  SS_FREE: 0, // not allocated
  SS_UNCONNECTED: 1, // unconnected to any socket
  SS_CONNECTING: 2, // in process of connecting
  SS_CONNECTED: 3, // connected to a socket
  SS_DISCONNECTING: 4, // in process of disconnecting
} as const;

/** MSG_TRUNC asks recv for a datagram's real length and, in msg_flags, reports a truncated one (0x20). */
export const MSG_TRUNC = 0x20;
/** MSG_CTRUNC reports truncated control data in msg_flags (0x8). */
export const MSG_CTRUNC = 0x8;
