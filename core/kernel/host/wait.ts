// Wait queues (include/linux/wait.h): the list of tasks sleeping on a socket. Sleeping and
// waking are traced; the scheduler that runs tasks learns about wake-ups through the host's
// wake hook, so blocking needs no async code anywhere.

/** WaitQueue is a wait_queue_head_t: an address and the pids sleeping on it, in order. */
export interface WaitQueue {
  /** addr is the wait queue's kernel-style address (inside its struct socket). */
  readonly addr: string;
  /** sleepers are the pids waiting here, in the order they went to sleep. */
  readonly sleepers: number[];
}

/** newWaitQueue returns an empty wait queue at addr (init_waitqueue_head). */
export function newWaitQueue(addr: string): WaitQueue {
  return { addr, sleepers: [] };
}

/** Block tells the scheduler the calling task sleeps on block until woken, then re-invokes the syscall. */
export interface Block {
  /** block is the wait queue the task sleeps on. */
  readonly block: WaitQueue;
  /** timeoutNs is the sleep limit in ns (SO_RCVTIMEO …), or null to sleep until woken. */
  readonly timeoutNs: number | null;
}
