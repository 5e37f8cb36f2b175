// The text and JSON Lines views of a trace. Text follows each kind's format from TRACE_KINDS
// (the tracepoints' print style), prefixed like ftrace with the host and the time in seconds.
// JSON Lines puts seq, t_ns, host and kind first, then the kind's fields in table order.

import type { TraceRecorder } from './recorder';
import { TRACE_KINDS, type TraceEvent } from './schema';

/** formatTime renders ns as seconds with nine decimals, like ftrace's timestamp column. */
export function formatTime(ns: number): string {
  const s = Math.floor(ns / 1e9);
  return `${s}.${String(ns - s * 1e9).padStart(9, '0')}`;
}

/** formatEvent renders one event as a text line in its kind's print format. */
export function formatEvent(e: TraceEvent): string {
  const rec = e as unknown as Record<string, unknown>;
  const body = TRACE_KINDS[e.kind].format.replace(/\{(>?)(\w+)\}/g, (_m, indent: string, name: string) => {
    const v = rec[name];
    if (indent === '>') return '  '.repeat(Number(v));
    return v === null ? 'NULL' : String(v);
  });
  return `${e.host.padStart(8)} ${formatTime(e.t)}: ${e.kind}: ${body}`;
}

/** printTrace renders events [from, to) of a recorder, one line each. */
export function printTrace(rec: TraceRecorder, from = 0, to = rec.length): string {
  return rec
    .events(from, to)
    .map((e) => formatEvent(e))
    .join('\n');
}

/** toJsonLine renders one event as one JSON object: seq, t_ns, host, kind, then its fields. */
export function toJsonLine(e: TraceEvent): string {
  const { seq, t, host, kind, ...fields } = e as TraceEvent & Record<string, unknown>;
  return JSON.stringify({ seq, t_ns: t, host, kind, ...fields });
}

/** toJsonLines renders events [from, to) as JSON Lines (one object per line, trailing newline). */
export function toJsonLines(rec: TraceRecorder, from = 0, to = rec.length): string {
  let out = '';
  for (const e of rec.events(from, to)) out += toJsonLine(e) + '\n';
  return out;
}

/** traceHash is a 64-bit FNV-1a hash (hex) of the JSON Lines of the whole trace, for determinism tests. */
export function traceHash(rec: TraceRecorder): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const text = toJsonLines(rec);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x2f) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
