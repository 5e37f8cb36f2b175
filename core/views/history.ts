// A field's history for the inspector's hover card: its meaning, and its changes up to an event, newest first,
// each with the old and new value as the inspector spells them, the kernel function that made
// the change and the event's seq and time.

import { FIELD_MEANINGS, type FieldMeaning } from './fieldDocs';
import { formatValue } from './structLayout';
import { upperBound, type TraceIndex } from './traceIndex';

/** FieldChange is one change of a field. */
export interface FieldChange {
  readonly seq: number;
  readonly t: number;
  readonly old: string;
  readonly new: string;
  readonly by: string;
}

/** FieldHistory is what the inspector's hover card shows: the field's meaning and its changes. */
export interface FieldHistory {
  readonly meaning: FieldMeaning | null;
  readonly changes: FieldChange[];
}

/** fieldNote returns a field's meaning and its changes up to seq, newest first. */
export function fieldNote(
  index: TraceIndex,
  host: string,
  obj: string,
  field: string,
  seq: number,
): FieldHistory {
  return { meaning: FIELD_MEANINGS[field] ?? null, changes: fieldHistory(index, host, obj, field, seq) };
}

/** fieldHistory returns up to limit changes of host's obj.field at or before seq, newest first. */
export function fieldHistory(
  index: TraceIndex,
  host: string,
  obj: string,
  field: string,
  seq: number,
  limit = 12,
): FieldChange[] {
  const seqs = index.fieldChanges(host, obj, field);
  const end = upperBound(seqs, seq);
  const out: FieldChange[] = [];
  for (let i = end - 1; i >= 0 && out.length < limit; i--) {
    const e = index.trace.get(seqs[i]!);
    if (e.kind !== 'field') continue;
    out.push({ seq: e.seq, t: e.t, old: formatValue(e.struct, field, e.old), new: formatValue(e.struct, field, e.new), by: e.by }); // prettier-ignore
  }
  return out;
}
