// The sock wake-up callbacks of net/core/sock.c: sk->sk_state_change = sock_def_wakeup,
// sk->sk_data_ready = sock_def_readable, sk->sk_write_space = sock_def_write_space. Each
// wakes the tasks sleeping on the socket's wait queue (recorded as `wake` events) and tells
// the scheduler through host.onWake.

import type { Host } from '../../host/host';
import type { WaitQueue } from '../../host/wait';
import type { Sock } from '../../include/net/sock';

/** wake_up_interruptible wakes every task sleeping on wq, recording who woke them. */
export function wake_up_interruptible(h: Host, wq: WaitQueue): void {
  for (const pid of wq.sleepers.splice(0)) {
    const task = h.tasks.get(pid);
    if (task === undefined) continue;
    h.trace.record('wake', h.now, h.name, { pid, wq: wq.addr, by: h.current() });
    task.state = 'TASK_RUNNING';
    task.sleepingOn = null;
    h.onWake(task);
  }
}

/** wakeVia calls the sock's callback by the name stored in the field and wakes its socket's queue. */
function wakeVia(h: Host, sk: Sock, field: 'sk_state_change' | 'sk_data_ready' | 'sk_write_space'): void {
  const fn = sk.f[field] ?? 'sock_def_wakeup';
  h.kcall(fn, `sk=${sk.addr} via sk->${field}`, () => {
    if (sk.socket !== null) wake_up_interruptible(h, sk.socket.wait);
  });
}

/** sk_state_change wakes waiters after a state change (sock_def_wakeup). */
export function sk_state_change(h: Host, sk: Sock): void {
  wakeVia(h, sk, 'sk_state_change');
}

/** sk_data_ready wakes readers after data was queued (sock_def_readable). */
export function sk_data_ready(h: Host, sk: Sock): void {
  wakeVia(h, sk, 'sk_data_ready');
}

/** sk_write_space wakes writers after send buffer space was freed (sk_stream_write_space for TCP). */
export function sk_write_space(h: Host, sk: Sock): void {
  wakeVia(h, sk, 'sk_write_space');
}
