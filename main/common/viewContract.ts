// The lab views' part of the contract: the requests the inspector, transmit path, packet list,
// timeline and chart send (each optionally "as of" a trace seq; without one, the latest), and
// the views.changed event main pushes (coalesced) when the trace grew or the world was reset.
// Replies are core/views' plain models; only their types cross into the renderer.
import * as v from 'valibot';
import type { views } from '../../core/index';

const seq = v.optional(v.pipe(v.number(), v.integer(), v.minValue(-1)));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const address = v.pipe(v.string(), v.regex(/^0x[0-9a-f]{1,16}$/, 'a kernel address like 0xffff888010001000'));
/** model types a reply that main builds itself (never parsed from the renderer). */
const model = <T>() => v.custom<T>((x) => typeof x === 'object' && x !== null);

/** MAX_PACKET_PAGE is the most frame rows one views.packets request returns. */
export const MAX_PACKET_PAGE = 500;

/** viewRequestSchemas are the lab views' requests, spread into contract.ts's requestSchemas. */
export const viewRequestSchemas = {
  /** The trace's extent and its system calls, for the scrubber. */
  'views.timeline': { args: v.strictObject({}), reply: model<views.TimelineView>() },
  /** Every live socket's struct tree as of seq. */
  'views.inspector': { args: v.strictObject({ seq }), reply: model<views.InspectorView>() },
  /** One field's meaning and its changes up to seq, newest first. */
  'views.history': {
    args: v.strictObject({ host: name, obj: address, field: name, seq }),
    reply: model<views.FieldHistory>(),
  },
  /** The path of the system call at seq (and the peer's receive path). */
  'views.path': { args: v.strictObject({ seq }), reply: model<views.PathView>() },
  /** The path of the system call at seq replayed under another kernel version, with the diff; or why that call cannot be compared (in English and Chinese). */
  'views.compare': {
    args: v.strictObject({ kernel: v.picklist(['2.6.32', '3.10', '6.x']), seq }),
    reply: model<views.PathCompare | views.CompareUnavailable>(),
  },
  /** A page of the frames sent up to seq; a negative from counts back from the last of them (-1: the last frame). */
  'views.packets': {
    args: v.strictObject({
      seq,
      from: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(-Number.MAX_SAFE_INTEGER),
        v.maxValue(Number.MAX_SAFE_INTEGER),
      ),
      count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PACKET_PAGE)),
    }),
    reply: model<views.PacketPage>(),
  },
  /** One frame's field tree and bytes; not-found when there is no such frame. */
  'views.frame': {
    args: v.strictObject({ no: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
    reply: model<views.FrameDetail>(),
  },
  /** The TCP chart of one tcp_sock (by default the one that sent the most); not-found when there is none. */
  'views.chart': {
    args: v.strictObject({ host: v.optional(name), obj: v.optional(address) }),
    reply: model<views.ChartSeries>(),
  },
  /** The frames sent up to seq as a capture file, base64-encoded. */
  'views.capture': {
    args: v.strictObject({ format: v.picklist(['pcap', 'pcapng']), seq }),
    reply: v.object({ fileName: v.string(), base64: v.string(), frames: v.number() }),
  },
  /** Compiles an editor buffer without running it; ready is false while the C parser still loads. */
  'editor.check': {
    args: v.strictObject({
      path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
      text: v.pipe(v.string(), v.maxLength(256 * 1024)),
    }),
    reply: v.object({
      ready: v.boolean(),
      diagnostics: v.array(
        v.object({
          line: v.number(),
          col: v.number(),
          length: v.number(),
          severity: v.picklist(['error', 'warning', 'note']),
          message: v.string(),
        }),
      ),
    }),
  },
} as const;

/** viewEventSchemas are the lab views' events, spread into contract.ts's eventSchemas. */
export const viewEventSchemas = {
  /** The trace grew to last event seq, or (reset) the world was replaced; coalesced to one per burst. */
  'views.changed': v.object({ seq: v.number(), reset: v.boolean() }),
} as const;
