// Traced kernel structs. Every inspector-visible field lives in a struct's `f` record, which
// is read-only to TypeScript: the one way to change it is kset(), which records the old and
// new value and the kernel function that made the change (the top of the host's call
// stack). kalloc() and kfree() record the object's life so snapshots can rebuild it.

import type { TraceValue } from '../../trace';
import type { Host } from './host';

/** KFields is the field record of a traced struct. */
export type KFields = Record<string, TraceValue>;

/** KStruct is one traced kernel object: its address, struct name and fields. */
export interface KStruct<F extends KFields = KFields> {
  /** addr is the object's stable kernel-style address. */
  readonly addr: string;
  /** struct is the C struct name shown to the student (e.g. tcp_sock). */
  readonly struct: string;
  /** size is the allocation size used for the address allocator. */
  readonly size: number;
  /** f holds the inspector-visible fields; change them only through kset. */
  readonly f: Readonly<F>;
}

/** kalloc allocates a zeroed struct on host h, records obj_new, and registers it as live. */
export function kalloc<F extends KFields>(h: Host, struct: string, size: number, zero: F): KStruct<F> {
  const addr = h.addrs.alloc(size);
  const obj: KStruct<F> = { addr, struct, size, f: { ...zero } };
  h.live.set(addr, obj as unknown as KStruct);
  if (h.trace.wants('obj_new')) {
    const init: KFields = {};
    for (const [k, v] of Object.entries(zero)) init[h.fieldName(k)] = v;
    h.trace.record('obj_new', h.now, h.name, {
      obj: addr,
      struct,
      init: JSON.stringify(init),
      by: h.current(),
    });
  }
  return obj;
}

/** kset changes one field through the traced funnel; it records nothing when the value is unchanged. */
export function kset<F extends KFields, K extends keyof F & string>(
  h: Host,
  obj: KStruct<F>,
  field: K,
  value: F[K],
): void {
  const old = obj.f[field];
  if (Object.is(old, value)) return;
  (obj.f as F)[field] = value;
  if (h.trace.wants('field')) {
    h.trace.record('field', h.now, h.name, {
      obj: obj.addr,
      struct: obj.struct,
      field: h.fieldName(field),
      old: old ?? null,
      new: value ?? null,
      by: h.current(),
    });
  }
}

/** kfree frees a struct: records obj_free, unregisters it and returns its address to the allocator. */
export function kfree(h: Host, obj: KStruct<KFields>): void {
  if (!h.live.delete(obj.addr)) throw new Error(`kfree: ${obj.struct} ${obj.addr} is not live`);
  h.addrs.free(obj.addr, obj.size);
  if (h.trace.wants('obj_free')) {
    h.trace.record('obj_free', h.now, h.name, { obj: obj.addr, struct: obj.struct, by: h.current() });
  }
}
