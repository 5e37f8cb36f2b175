// net/core/stream.c and the stream-memory helpers of include/net/sock.h: whether a stream
// sock may queue more (sk_stream_memory_free), the SOCK_NOSPACE bit a writer sets before it
// waits, sk_stream_wait_memory (the writer's sleep when sk_wmem_queued reached sk_sndbuf)
// and sk_stream_write_space, TCP's sk_write_space callback, which wakes that writer once
// ACKs freed a third of the buffer (wspace >= min_wspace).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Sock } from '../../include/net/sock';
import { wake_up_interruptible } from './sock_wake';

/** SOCK_NOSPACE is bit 2 of struct socket's flags (include/linux/net.h), kept here as its mask. */
export const SOCK_NOSPACE = 1 << 2;

/** sk_stream_memory_free tells whether sk_wmem_queued is still below sk_sndbuf. */
export function sk_stream_memory_free(sk: Sock): boolean {
  return sk.f.sk_wmem_queued < sk.f.sk_sndbuf;
}

/** sk_stream_wspace is the free send-buffer space: sk_sndbuf − sk_wmem_queued. */
export function sk_stream_wspace(sk: Sock): number {
  return sk.f.sk_sndbuf - sk.f.sk_wmem_queued;
}

/** sk_stream_min_wspace is the space a waiting writer needs before it is woken: sk_wmem_queued / 2. */
export function sk_stream_min_wspace(sk: Sock): number {
  return sk.f.sk_wmem_queued >> 1;
}

/** nospace tells whether the sock's socket has SOCK_NOSPACE set (a writer found the buffer full). */
export function nospace(sk: Sock): boolean {
  return sk.socket !== null && (sk.socket.f.flags & SOCK_NOSPACE) !== 0;
}

/** setNospace sets or clears SOCK_NOSPACE on the sock's socket (set_bit / clear_bit). */
export function setNospace(h: Host, sk: Sock, on: boolean): void {
  const sock = sk.socket;
  if (sock === null) return;
  kset(h, sock, 'flags', on ? sock.f.flags | SOCK_NOSPACE : sock.f.flags & ~SOCK_NOSPACE);
}

/** sk_stream_write_space is TCP's sk_write_space: it wakes writers once the free space reaches min_wspace. */
export function sk_stream_write_space(h: Host, sk: Sock): void {
  const fn = sk.f.sk_write_space ?? 'sk_stream_write_space';
  h.kcall(fn, `sk=${sk.addr} via sk->sk_write_space`, () => {
    if (sk.socket === null || sk_stream_wspace(sk) < sk_stream_min_wspace(sk)) return;
    setNospace(h, sk, false);
    wake_up_interruptible(h, sk.socket.wait);
  });
}

/** sk_stream_wait_memory is where a writer waits for send-buffer space: -EAGAIN when non-blocking, else 0 (the caller sleeps). */
export function sk_stream_wait_memory(h: Host, sk: Sock, nonblock: boolean): number {
  return h.kcall(
    'sk_stream_wait_memory',
    `sk=${sk.addr}, timeo=${nonblock ? 0 : 'MAX_SCHEDULE_TIMEOUT'}`,
    () => {
      setNospace(h, sk, true);
      if (nonblock)
        return h.kerr(
          'EAGAIN',
          `sk_wmem_queued ${sk.f.sk_wmem_queued} reached sk_sndbuf ${sk.f.sk_sndbuf} on a non-blocking send`,
        );
      return 0;
    },
  );
}
