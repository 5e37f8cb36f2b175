// The datagram protocols under inet_dgram_ops / inet_sockraw_ops, as a table the socket layer
// dispatches through (sk_prot->sendmsg / sk_prot->recvmsg of udp_prot, ping_prot and
// raw_prot), so net/socket imports each protocol in one place.

import type { Host } from '../../host/host';
import type { Sock } from '../../include/net/sock';
import type { SockaddrIn } from '../../include/uapi/in';
import type { Task } from '../../sched/task';
import { inet_autobind, udp_recvmsg, udp_sendmsg } from '../ipv4/udp_io';
import { ping_autobind, ping_recvmsg, ping_sendmsg } from '../ipv4/ping';
import { raw_recvmsg, raw_sendmsg } from '../ipv4/raw';

/** RecvInfo receives a datagram's source address and the msg_flags recvmsg reports (MSG_TRUNC …). */
export interface RecvInfo {
  addr?: SockaddrIn;
  msgFlags?: number;
  /** discarded is set when the protocol counted the bytes it returns without copying them (TCP under MSG_TRUNC): the buffer was not written. */
  discarded?: boolean;
}

/** DgramProto is one datagram proto's send and receive handlers. */
export interface DgramProto {
  /** autobind gives an unbound sock its port before a send (inet_autobind), when the proto has get_port. */
  readonly autobind?: (h: Host, sk: Sock) => number;
  /** sendmsg sends one datagram: its length or -errno. */
  readonly sendmsg: (
    h: Host,
    task: Task,
    sk: Sock,
    data: Uint8Array,
    flags: number,
    dst: SockaddrIn | null,
  ) => number;
  /** recvmsg takes one datagram into buf: bytes, -errno, or null when the queue is empty. */
  readonly recvmsg: (h: Host, sk: Sock, buf: Uint8Array, flags: number, info: RecvInfo) => number | null;
}

/** DGRAM_PROTOS maps a proto table name to its handlers, one row per proto. */
// prettier-ignore
export const DGRAM_PROTOS: Readonly<Record<string, DgramProto>> = {
  udp_prot: { autobind: inet_autobind, sendmsg: udp_sendmsg, recvmsg: udp_recvmsg }, // net/ipv4/udp.c
  ping_prot: { autobind: ping_autobind, sendmsg: ping_sendmsg, recvmsg: ping_recvmsg }, // net/ipv4/ping.c
  raw_prot: { sendmsg: raw_sendmsg, recvmsg: raw_recvmsg }, // net/ipv4/raw.c
};
