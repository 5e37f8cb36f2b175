// Snapshots: every live struct's fields as of any event number, rebuilt from the trace's own
// change log (obj_new, field, obj_free events, and skb events for an sk_buff's offsets) instead of a copy per event. Checkpoints are
// taken every CHECKPOINT_EVERY events the first time a query passes them, so a query replays
// at most that many events from the nearest checkpoint. Results are fresh copies.

import type { TraceRecorder } from './recorder';
import type { TraceValue } from './schema';

/** CHECKPOINT_EVERY is the distance in events between two snapshot checkpoints. */
export const CHECKPOINT_EVERY = 4096;

/** StructSnapshot is one live struct as of a given event: its type, host and field values. */
export interface StructSnapshot {
  readonly obj: string;
  readonly struct: string;
  readonly host: string;
  readonly fields: Record<string, TraceValue>;
}

/** Snapshot maps each live struct's address to its state; "host/addr" keys keep hosts apart. */
export type Snapshot = Map<string, StructSnapshot>;

/** copySnapshot returns a deep copy of a snapshot, so no caller shares state with the store. */
function copySnapshot(s: Snapshot): Snapshot {
  const out: Snapshot = new Map();
  for (const [k, v] of s) out.set(k, { ...v, fields: { ...v.fields } });
  return out;
}

/** SnapshotIndex answers "what did every struct hold after event n" for one recorder. */
export class SnapshotIndex {
  #rec: TraceRecorder;
  #checkpoints: Array<{ upTo: number; state: Snapshot }> = [{ upTo: 0, state: new Map() }];

  /** constructor indexes the given recorder; it reads events lazily as queries arrive. */
  constructor(rec: TraceRecorder) {
    this.#rec = rec;
  }

  /** at returns every live struct after events [0, seq] were applied (seq = -1 means before any). */
  at(seq: number): Snapshot {
    const upTo = Math.min(seq + 1, this.#rec.length);
    let cp = this.#checkpoints[0]!;
    for (const c of this.#checkpoints) if (c.upTo <= upTo) cp = c;
    const state = copySnapshot(cp.state);
    for (let i = cp.upTo; i < upTo; i++) {
      this.#apply(state, i);
      if ((i + 1) % CHECKPOINT_EVERY === 0 && i + 1 > this.#checkpoints.at(-1)!.upTo) {
        this.#checkpoints.push({ upTo: i + 1, state: copySnapshot(state) });
      }
    }
    return state;
  }

  /** struct returns one struct's state after event seq, or undefined when it was not live. */
  struct(seq: number, host: string, obj: string): StructSnapshot | undefined {
    return this.at(seq).get(`${host}/${obj}`);
  }

  #apply(state: Snapshot, i: number): void {
    const kind = this.#rec.kindAt(i);
    if (kind !== 'obj_new' && kind !== 'field' && kind !== 'obj_free' && kind !== 'skb') return;
    const e = this.#rec.get(i);
    if (e.kind === 'obj_new') {
      const fields = JSON.parse(e.init) as Record<string, TraceValue>;
      state.set(`${e.host}/${e.obj}`, { obj: e.obj, struct: e.struct, host: e.host, fields });
    } else if (e.kind === 'field') {
      const s = state.get(`${e.host}/${e.obj}`);
      if (s !== undefined) s.fields[e.field] = e.new;
    } else if (e.kind === 'skb') {
      const s = state.get(`${e.host}/${e.skbaddr}`);
      if (s !== undefined) Object.assign(s.fields, { len: e.len, data: e.data, tail: e.tail, end: e.end });
    } else if (e.kind === 'obj_free') {
      state.delete(`${e.host}/${e.obj}`);
    }
  }
}
