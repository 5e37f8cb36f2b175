// The one event queue that drives the simulation: a binary min-heap ordered by (time, seq).
// seq is a monotonically increasing insertion number, so two events at the same nanosecond
// run in the order they were scheduled, which keeps every run deterministic.

/** EventAction is the code an event runs when its time comes. */
export type EventAction = () => void;

/** ScheduledEvent is one queued event: when it fires, its tie-break number and what it runs. */
export interface ScheduledEvent {
  /** time is the simulated time in ns at which the event fires. */
  readonly time: number;
  /** seq is the insertion number that orders events scheduled for the same time. */
  readonly seq: number;
  /** label names the event for debugging and leak reports (e.g. "tcp_write_timer"). */
  readonly label: string;
  /** action runs when the event fires. */
  readonly action: EventAction;
}

/** EventQueue is a binary heap of scheduled events ordered by (time, seq), with cancel by seq. */
export class EventQueue {
  #heap: ScheduledEvent[] = [];
  #nextSeq = 0;
  #cancelled = new Set<number>();
  #live = new Set<number>();

  /** size is the number of live (not cancelled) events in the queue. */
  get size(): number {
    return this.#heap.length - this.#cancelled.size;
  }

  /** schedule queues action at time and returns the event's seq, which cancel() accepts. */
  schedule(time: number, label: string, action: EventAction): number {
    if (!Number.isSafeInteger(time))
      throw new Error(`EventQueue.schedule: got time ${time}, want integer ns`);
    const ev: ScheduledEvent = { time, seq: this.#nextSeq++, label, action };
    this.#heap.push(ev);
    this.#live.add(ev.seq);
    this.#up(this.#heap.length - 1);
    return ev.seq;
  }

  /** cancel removes the event with this seq if it is still queued; it returns whether it was. */
  cancel(seq: number): boolean {
    if (!this.#live.delete(seq)) return false;
    this.#cancelled.add(seq);
    return true;
  }

  /** peekTime is the time of the earliest live event, or undefined when the queue is empty. */
  peekTime(): number | undefined {
    this.#dropCancelled();
    return this.#heap[0]?.time;
  }

  /** pop removes and returns the earliest live event, or undefined when the queue is empty. */
  pop(): ScheduledEvent | undefined {
    this.#dropCancelled();
    const ev = this.#popRaw();
    if (ev !== undefined) this.#live.delete(ev.seq);
    return ev;
  }

  /** pending lists the live events' labels in firing order (for leak checks and the UI). */
  pending(): string[] {
    return this.#heap
      .filter((e) => !this.#cancelled.has(e.seq))
      .sort((a, b) => a.time - b.time || a.seq - b.seq)
      .map((e) => e.label);
  }

  #dropCancelled(): void {
    while (this.#heap.length > 0 && this.#cancelled.has(this.#heap[0]!.seq)) {
      this.#cancelled.delete(this.#heap[0]!.seq);
      this.#popRaw();
    }
  }

  #popRaw(): ScheduledEvent | undefined {
    const heap = this.#heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.#down(0);
    }
    return top;
  }

  #less(i: number, j: number): boolean {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    return a.time < b.time || (a.time === b.time && a.seq < b.seq);
  }

  #swap(i: number, j: number): void {
    const h = this.#heap;
    [h[i], h[j]] = [h[j]!, h[i]!];
  }

  #up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(i, p)) return;
      this.#swap(i, p);
      i = p;
    }
  }

  #down(i: number): void {
    const n = this.#heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.#less(l, m)) m = l;
      if (r < n && this.#less(r, m)) m = r;
      if (m === i) return;
      this.#swap(i, m);
      i = m;
    }
  }
}
