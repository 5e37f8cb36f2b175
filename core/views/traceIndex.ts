// An incremental index over one trace for the lab views: the system calls (enter and end), the
// frames put on a wire, where each socket's fd came from, and the seqs at which every struct
// field changed. update() reads only events recorded since the last call, so a pane refresh
// after a burst costs the burst, not the whole trace.

import type { TraceRecorder } from '../trace/index';

/** SyscallMark is one system call: where it entered, where it ended (its exit, or the next enter of the same task) and its result. */
export interface SyscallMark {
  readonly seq: number;
  /** endSeq is the seq of its syscall_exit, or of the event before the task's next syscall when it blocked and was restarted. */
  endSeq: number;
  readonly t: number;
  readonly host: string;
  readonly pid: number;
  readonly name: string;
  readonly args: string;
  /** ret is the return value, or null while the call has not returned (it blocked). */
  ret: number | null;
  errno: string;
}

/** FrameMark is one frame put on a wire (frame_tx): its event, time, host, device, length, store index and sender. */
export interface FrameMark {
  readonly seq: number;
  readonly t: number;
  readonly host: string;
  readonly dev: string;
  readonly len: number;
  readonly frame: number;
  readonly by: string;
}

/** SocketOrigin tells which task and fd a struct socket was created for. */
export interface SocketOrigin {
  readonly pid: number;
  readonly fd: number;
  readonly syscall: string;
}

const FD_CALLS = new Set(['socket', 'accept', 'accept4']);

/** TraceIndex indexes one trace for the views; call update() before each query. */
export class TraceIndex {
  readonly trace: TraceRecorder;
  /** syscalls lists every system call in trace order. */
  readonly syscalls: SyscallMark[] = [];
  /** frames lists every frame put on a wire in trace order. */
  readonly frames: FrameMark[] = [];
  /** sockets maps "host/socket address" to the fd it was installed as. */
  readonly sockets = new Map<string, SocketOrigin>();
  /** drops lists every skb the kernel dropped (kfree_skb) with its reason. */
  readonly drops: { seq: number; t: number; host: string; reason: string; location: string }[] = [];
  /** frameSeqs holds each frame's seq, parallel to frames. */
  readonly frameSeqs: number[] = [];
  readonly #syscallSeqs: number[] = [];
  /** #queues holds each host's skb queue operations and membership checkpoints. */
  readonly #queues = new Map<string, HostQueues>();
  readonly #fieldSeqs = new Map<string, number[]>();
  readonly #open = new Map<string, SyscallMark>();
  readonly #newSockets = new Map<string, string[]>();
  #scanned = 0;

  /** constructor indexes nothing yet; update() reads the trace. */
  constructor(trace: TraceRecorder) {
    this.trace = trace;
  }

  /** length is how many events have been indexed. */
  get length(): number {
    return this.#scanned;
  }

  /** update indexes the events recorded since the last update. */
  update(): void {
    const rec = this.trace;
    const n = rec.length;
    for (let i = this.#scanned; i < n; i++) {
      const kind = rec.kindAt(i);
      if (kind === 'field') {
        const e = rec.get(i) as { host: string; obj: string; field: string };
        const key = `${e.host}/${e.obj}/${e.field}`;
        const list = this.#fieldSeqs.get(key);
        if (list) list.push(i);
        else this.#fieldSeqs.set(key, [i]);
      } else if (kind === 'skb') {
        const e = rec.get(i) as { host: string; op: string; skbaddr: string; queue: string };
        if (e.op === 'queue' || e.op === 'dequeue' || e.op === 'free') {
          let q = this.#queues.get(e.host);
          if (!q) this.#queues.set(e.host, (q = new HostQueues()));
          q.add(i, e.skbaddr, e.op === 'queue' ? e.queue : null);
        }
      } else if (
        kind === 'syscall_enter' ||
        kind === 'syscall_exit' ||
        kind === 'frame_tx' ||
        kind === 'kfree_skb' ||
        kind === 'obj_new'
      ) {
        this.#index(i);
      }
    }
    this.#scanned = n;
    for (const mark of this.#open.values()) mark.endSeq = n - 1;
  }

  /** fieldChanges returns the seqs at which host's struct obj changed field, oldest first. */
  fieldChanges(host: string, obj: string, field: string): readonly number[] {
    return this.#fieldSeqs.get(`${host}/${obj}/${field}`) ?? [];
  }

  /** busiest returns "host/obj" of the struct whose field changed most often, or undefined. */
  busiest(field: string): { host: string; obj: string } | undefined {
    let best: string | undefined;
    let most = 0;
    for (const [key, list] of this.#fieldSeqs) {
      if (key.endsWith(`/${field}`) && list.length > most) [best, most] = [key, list.length];
    }
    if (best === undefined) return undefined;
    const [host, obj] = best.split('/');
    return { host: host!, obj: obj! };
  }

  /** lastChange returns the seq of the last change of the field at or before seq, or -1. */
  lastChange(host: string, obj: string, field: string, seq: number): number {
    const list = this.fieldChanges(host, obj, field);
    const i = upperBound(list, seq) - 1;
    return i >= 0 ? list[i]! : -1;
  }

  /** queuesAt returns host's skb queues after event seq: queue name → skb addresses, oldest first. */
  queuesAt(host: string, seq: number): Map<string, string[]> {
    const where = this.#queues.get(host)?.at(seq) ?? new Map<string, string>();
    const out = new Map<string, string[]>();
    for (const [skb, queue] of where) {
      const list = out.get(queue);
      if (list) list.push(skb);
      else out.set(queue, [skb]);
    }
    return out;
  }

  /** syscallAt returns the system call whose span [seq, endSeq] holds seq on any host, else the last one entered before seq. */
  syscallAt(seq: number): SyscallMark | undefined {
    const i = upperBound(this.#syscallSeqs, seq) - 1;
    for (let j = i; j >= 0; j--) {
      const s = this.syscalls[j]!;
      if (seq <= s.endSeq) return s;
    }
    return i >= 0 ? this.syscalls[i] : undefined;
  }

  #index(i: number): void {
    const e = this.trace.get(i);
    if (e.kind === 'syscall_enter') {
      const key = `${e.host}/${e.pid}`;
      const prev = this.#open.get(key);
      if (prev) prev.endSeq = i - 1;
      const mark: SyscallMark = {
        seq: i,
        endSeq: i,
        t: e.t,
        host: e.host,
        pid: e.pid,
        name: e.name,
        args: e.args,
        ret: null,
        errno: '',
      };
      this.syscalls.push(mark);
      this.#syscallSeqs.push(i);
      this.#open.set(key, mark);
      this.#newSockets.set(key, []);
    } else if (e.kind === 'syscall_exit') {
      const key = `${e.host}/${e.pid}`;
      const mark = this.#open.get(key);
      if (!mark) return;
      mark.endSeq = i;
      mark.ret = e.ret;
      mark.errno = e.errno;
      this.#open.delete(key);
      const created = this.#newSockets.get(key) ?? [];
      if (FD_CALLS.has(e.name) && e.ret >= 0 && created.length > 0) {
        this.sockets.set(`${e.host}/${created.at(-1)}`, { pid: e.pid, fd: e.ret, syscall: e.name });
      }
      this.#newSockets.delete(key);
    } else if (e.kind === 'frame_tx') {
      this.frameSeqs.push(i);
      this.frames.push({ seq: i, t: e.t, host: e.host, dev: e.dev, len: e.len, frame: e.frame, by: e.by });
    } else if (e.kind === 'kfree_skb') {
      this.drops.push({ seq: i, t: e.t, host: e.host, reason: e.reason, location: e.location });
    } else if (e.kind === 'obj_new' && e.struct === 'socket') {
      for (const [key, list] of this.#newSockets) if (key.startsWith(`${e.host}/`)) list.push(e.obj);
    }
  }
}

/** QUEUE_CHECKPOINT_EVERY is the distance in queue operations between two membership checkpoints. */
const QUEUE_CHECKPOINT_EVERY = 1024;

/** HostQueues records one host's skb queue operations and checkpoints of which skb sits on which queue. */
class HostQueues {
  readonly #seqs: number[] = [];
  readonly #ops: { skb: string; queue: string | null }[] = [];
  readonly #checkpoints: { upTo: number; where: Map<string, string> }[] = [{ upTo: 0, where: new Map() }];
  readonly #live = new Map<string, string>();

  /** add records that at seq skb was queued on queue, or (queue null) taken off or freed. */
  add(seq: number, skb: string, queue: string | null): void {
    this.#seqs.push(seq);
    this.#ops.push({ skb, queue });
    apply(this.#live, skb, queue);
    if (this.#ops.length % QUEUE_CHECKPOINT_EVERY === 0) {
      this.#checkpoints.push({ upTo: this.#ops.length, where: new Map(this.#live) });
    }
  }

  /** at returns skb → queue after event seq, in queueing order. */
  at(seq: number): Map<string, string> {
    const end = upperBound(this.#seqs, seq);
    const cp = this.#checkpoints[Math.floor(end / QUEUE_CHECKPOINT_EVERY)]!;
    const where = new Map(cp.where);
    for (let i = cp.upTo; i < end; i++) apply(where, this.#ops[i]!.skb, this.#ops[i]!.queue);
    return where;
  }
}

function apply(where: Map<string, string>, skb: string, queue: string | null): void {
  if (queue === null) where.delete(skb);
  else where.set(skb, queue);
}

/** upperBound returns the index of the first element of sorted list greater than x. */
export function upperBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
