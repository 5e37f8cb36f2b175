// The trace recorder: the one place simulator and kernel code report events. It filters by
// level (off, syscalls, full), stores events compactly in an EventStore, keeps the frames
// that crossed a wire, and hands observers decoded copies, never anything live.

import { EventStore } from './store';
import {
  KIND_BY_CODE,
  levelRecords,
  type TraceEvent,
  type TraceEventOf,
  type TraceFieldsOf,
  type TraceKind,
  type TraceLevel,
  type TraceValue,
} from './schema';

/** TraceListener receives a decoded copy of each recorded event. */
export type TraceListener = (event: TraceEvent) => void;

/** TraceRecorder records typed events at a level and returns copies of them on request. */
export class TraceRecorder {
  /** level is how much is recorded: off, syscalls or full; it may change during a run. */
  level: TraceLevel;
  #store = new EventStore();
  #frames: Uint8Array[] = [];
  #listeners = new Set<TraceListener>();

  /** constructor creates an empty recorder at the given level. */
  constructor(level: TraceLevel = 'full') {
    this.level = level;
  }

  /** length is the number of recorded events; the next event gets this seq. */
  get length(): number {
    return this.#store.length;
  }

  /** wants tells whether an event of kind would be recorded now (so callers can skip building it). */
  wants(kind: TraceKind): boolean {
    return levelRecords(this.level, kind);
  }

  /** record stores one event when the level allows it and returns its seq, or -1 when not recorded. */
  record<K extends TraceKind>(kind: K, t: number, host: string, fields: TraceFieldsOf<K>): number {
    if (!levelRecords(this.level, kind)) return -1;
    const seq = this.#store.append(kind, t, host, fields as Readonly<Record<string, TraceValue>>);
    if (this.#listeners.size > 0) {
      const ev = this.get(seq);
      for (const l of this.#listeners) l(ev);
    }
    return seq;
  }

  /** addFrame keeps a copy of a frame's bytes and returns its index for frame_tx/frame_rx events. */
  addFrame(bytes: Uint8Array): number {
    this.#frames.push(bytes.slice());
    return this.#frames.length - 1;
  }

  /** frame returns a copy of the frame stored at index. */
  frame(index: number): Uint8Array {
    const f = this.#frames[index];
    if (f === undefined) throw new Error(`TraceRecorder.frame: got ${index}, want < ${this.#frames.length}`);
    return f.slice();
  }

  /** frameCount is the number of stored frames. */
  get frameCount(): number {
    return this.#frames.length;
  }

  /** get returns a decoded copy of event seq. */
  get(seq: number): TraceEvent {
    if (!(seq >= 0 && seq < this.#store.length)) throw new Error(`TraceRecorder.get: got ${seq}`);
    const kind = KIND_BY_CODE.get(this.#store.kindCode(seq))!;
    const fields = this.#store.decodeFields(seq, kind);
    return { seq, t: this.#store.time(seq), host: this.#store.host(seq), kind, ...fields } as TraceEvent;
  }

  /** kindAt returns the kind of event seq without decoding its fields. */
  kindAt(seq: number): TraceKind {
    return KIND_BY_CODE.get(this.#store.kindCode(seq))!;
  }

  /** events returns decoded copies of events [from, to). */
  events(from = 0, to = this.#store.length): TraceEvent[] {
    const out: TraceEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.#store.length); i++) out.push(this.get(i));
    return out;
  }

  /** ofKind returns decoded copies of every event of kind K. */
  ofKind<K extends TraceKind>(kind: K): Array<TraceEventOf<K>> {
    const out: Array<TraceEventOf<K>> = [];
    for (let i = 0; i < this.#store.length; i++) {
      if (this.kindAt(i) === kind) out.push(this.get(i) as unknown as TraceEventOf<K>);
    }
    return out;
  }

  /** subscribe calls listener with a copy of every later event and returns the unsubscribe function. */
  subscribe(listener: TraceListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** bytesPerEvent is the store's memory per recorded event (0 when empty). */
  bytesPerEvent(): number {
    return this.#store.length === 0 ? 0 : this.#store.bytesUsed() / this.#store.length;
  }
}
