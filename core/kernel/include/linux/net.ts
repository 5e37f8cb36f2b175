// struct socket (include/linux/net.h, reference §4.1): the BSD-socket half every fd points
// to. Field values: pointers are the target's address or the table's name, NULL is null.

import type { KStruct } from '../../host/kstruct';
import type { WaitQueue } from '../../host/wait';
import type { Sock } from '../net/sock';
import type { KFile } from '../../sched/task';

/** SOCKET_ZERO is struct socket as sock_alloc hands it out, one field per line. */
// prettier-ignore
export const SOCKET_ZERO = {
  state: 0, // socket_state: SS_FREE until inet_create sets SS_UNCONNECTED
  type: 0, // short: SOCK_*
  flags: 0, // unsigned long: SOCK_NOSPACE … bit numbers
  file: null as string | null, // struct file *
  sk: null as string | null, // struct sock *
  ops: null as string | null, // const struct proto_ops *
  wq: null as string | null, // 2.6.32: wait inline; 3.10: struct socket_wq *; 6.x: embedded
};

/** SocketFields is the field record of struct socket. */
export type SocketFields = typeof SOCKET_ZERO;

/** Socket is a traced struct socket plus the live links the kernel follows. */
export interface Socket extends KStruct<SocketFields> {
  /** sk is the protocol socket, or null before inet_create attached it. */
  sk: Sock | null;
  /** file is the struct file mapped to the fd. */
  file: KFile | null;
  /** wait is the socket's wait queue head (sock->wq->wait). */
  readonly wait: WaitQueue;
  /** ino is the sockfs inode's i_ino (get_next_ino at sock_alloc): ss -e's ino. */
  readonly ino: number;
  /** uid is the sockfs inode's i_uid, the creating task's fsuid: ss -e's uid. */
  readonly uid: number;
}

/** SOCKET_ALLOC_SIZE is the slot size SockLab gives a socket_alloc (inode + socket). */
export const SOCKET_ALLOC_SIZE = 640;
