// The compact event store behind the recorder: one column per header (kind, host, time,
// argument offset) in typed arrays, and every field in one Uint32 argument pool. Strings are
// interned; a 'val' or 'num' field takes two slots (a tag and a payload), numbers that are
// not int32 go to a Float64 side pool. No JS object is kept per event.

import { StringTable } from './intern';
import { TRACE_KINDS, type TraceFieldType, type TraceKind, type TraceValue } from './schema';

const TAG_INT = 0;
const TAG_STR = 1;
const TAG_F64 = 2;
const TAG_BOOL = 3;
const TAG_NULL = 4;

/** growU32 returns a Uint32Array of at least need elements holding a's contents. */
function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** FIELD_LISTS is each kind's ordered field names and types, derived once from TRACE_KINDS. */
export const FIELD_LISTS: ReadonlyMap<TraceKind, ReadonlyArray<readonly [string, TraceFieldType]>> = new Map(
  (Object.keys(TRACE_KINDS) as TraceKind[]).map((k) => [
    k,
    Object.entries(TRACE_KINDS[k].fields) as Array<[string, TraceFieldType]>,
  ]),
);

/** EventStore holds encoded events in columns; the recorder writes it and decoders read it. */
export class EventStore {
  /** strings interns every string the events carry. */
  readonly strings = new StringTable();
  #n = 0;
  #kind = new Uint8Array(1024);
  #host = new Uint16Array(1024);
  #t = new Float64Array(1024);
  #argOff = new Uint32Array(1024);
  #args = new Uint32Array(8192);
  #nArgs = 0;
  #f64 = new Float64Array(64);
  #nF64 = 0;

  /** length is the number of stored events. */
  get length(): number {
    return this.#n;
  }

  /** append encodes one event and returns its seq (its index). */
  append(kind: TraceKind, t: number, host: string, fields: Readonly<Record<string, TraceValue>>): number {
    const i = this.#n;
    if (i === this.#kind.length) {
      this.#kind = grow(this.#kind, i + 1);
      this.#host = grow(this.#host, i + 1);
      this.#t = grow(this.#t, i + 1);
      this.#argOff = grow(this.#argOff, i + 1);
    }
    const list = FIELD_LISTS.get(kind)!;
    this.#args = grow(this.#args, this.#nArgs + 2 * list.length);
    this.#kind[i] = TRACE_KINDS[kind].code;
    this.#host[i] = this.strings.intern(host);
    this.#t[i] = t;
    this.#argOff[i] = this.#nArgs;
    for (const [name, type] of list) this.#put(type, fields[name] ?? null);
    this.#n = i + 1;
    return i;
  }

  #put(type: TraceFieldType, v: TraceValue): void {
    const a = this.#args;
    if (type === 'str') a[this.#nArgs++] = this.strings.intern(String(v ?? ''));
    else if (type === 'int') a[this.#nArgs++] = Number(v) | 0;
    else if (typeof v === 'number' && (v | 0) === v && !Object.is(v, -0)) {
      a[this.#nArgs++] = TAG_INT;
      a[this.#nArgs++] = v;
    } else if (typeof v === 'number') {
      this.#f64 = grow(this.#f64, this.#nF64 + 1);
      this.#f64[this.#nF64] = v;
      a[this.#nArgs++] = TAG_F64;
      a[this.#nArgs++] = this.#nF64++;
    } else if (typeof v === 'string') {
      a[this.#nArgs++] = TAG_STR;
      a[this.#nArgs++] = this.strings.intern(v);
    } else if (typeof v === 'boolean') {
      a[this.#nArgs++] = TAG_BOOL;
      a[this.#nArgs++] = v ? 1 : 0;
    } else {
      a[this.#nArgs++] = TAG_NULL;
      a[this.#nArgs++] = 0;
    }
  }

  /** kindCode returns the stored numeric kind of event seq. */
  kindCode(seq: number): number {
    return this.#kind[seq]!;
  }

  /** time returns the time in ns of event seq. */
  time(seq: number): number {
    return this.#t[seq]!;
  }

  /** host returns the host name of event seq. */
  host(seq: number): string {
    return this.strings.get(this.#host[seq]!);
  }

  /** decodeFields returns a fresh object with the fields of event seq of the given kind. */
  decodeFields(seq: number, kind: TraceKind): Record<string, TraceValue> {
    const out: Record<string, TraceValue> = {};
    let p = this.#argOff[seq]!;
    const a = this.#args;
    for (const [name, type] of FIELD_LISTS.get(kind)!) {
      if (type === 'str') out[name] = this.strings.get(a[p++]!);
      else if (type === 'int') out[name] = a[p++]! | 0;
      else {
        const tag = a[p++]!;
        const x = a[p++]!;
        out[name] =
          tag === TAG_INT
            ? x | 0
            : tag === TAG_STR
              ? this.strings.get(x)
              : tag === TAG_F64
                ? this.#f64[x]!
                : tag === TAG_BOOL
                  ? x === 1
                  : null;
      }
    }
    return out;
  }

  /** bytesUsed is the memory the stored events occupy (used part of every column and pool). */
  bytesUsed(): number {
    return this.#n * (1 + 2 + 8 + 4) + this.#nArgs * 4 + this.#nF64 * 8 + this.strings.byteEstimate();
  }
}
