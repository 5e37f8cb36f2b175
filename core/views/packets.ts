// The packet pane's model: a page of the frame list (tcpdump-style summary per frame, numbered
// from 1 like Wireshark), one frame's field tree and bytes with the function that sent it, and
// the capture as pcap or pcapng with each frame's kernel origin as its comment.

import { describeFrame, frameComment, frameTree, pcap, pcapng, toHex, type FieldNode } from '../wire/index';
import { upperBound, type FrameMark, type TraceIndex } from './traceIndex';

/** PacketRow is one line of the frame list. */
export interface PacketRow {
  /** no is the frame's number, from 1. */
  readonly no: number;
  readonly seq: number;
  readonly t: number;
  readonly host: string;
  readonly dev: string;
  readonly len: number;
  readonly summary: string;
  readonly by: string;
}

/** PacketPage is a slice of the frame list and how many frames there are up to the view's seq. */
export interface PacketPage {
  readonly total: number;
  readonly rows: PacketRow[];
}

/** FrameDetail is one frame's headers as a field tree, its bytes as hex and who sent it. */
export interface FrameDetail {
  readonly no: number;
  readonly seq: number;
  readonly host: string;
  readonly dev: string;
  readonly by: string;
  readonly tree: FieldNode[];
  /** hex is the frame's bytes, two hex digits each, no separators. */
  readonly hex: string;
}

/** framesUpTo counts the frames sent at or before seq. */
export function framesUpTo(index: TraceIndex, seq: number): number {
  return upperBound(index.frameSeqs, seq);
}

/** packetPage returns up to count rows from frame number from+1, among the frames sent at or before seq; a negative from counts back from the last of them (-1: the last frame), as slice() does. */
export function packetPage(index: TraceIndex, seq: number, from: number, count: number): PacketPage {
  const total = framesUpTo(index, seq);
  const rows: PacketRow[] = [];
  const start = Math.max(0, from < 0 ? total + from : from);
  for (let i = start; i < Math.min(total, start + count); i++) {
    const f = index.frames[i]!;
    rows.push({ no: i + 1, seq: f.seq, t: f.t, host: f.host, dev: f.dev, len: f.len, summary: describeFrame(index.trace.frame(f.frame)), by: f.by }); // prettier-ignore
  }
  return { total, rows };
}

/** frameDetail returns frame number no (from 1), or undefined when there is no such frame. */
export function frameDetail(index: TraceIndex, no: number): FrameDetail | undefined {
  const f: FrameMark | undefined = index.frames[no - 1];
  if (!f) return undefined;
  const bytes = index.trace.frame(f.frame);
  return { no, seq: f.seq, host: f.host, dev: f.dev, by: f.by, tree: frameTree(bytes), hex: toHex(bytes) };
}

/** exportCapture encodes the frames sent at or before seq as a pcap file or a pcapng file (one interface per host and device, a comment per frame). */
export function exportCapture(index: TraceIndex, seq: number, format: 'pcap' | 'pcapng'): Uint8Array {
  const frames = index.frames.slice(0, framesUpTo(index, seq));
  if (format === 'pcap') {
    return pcap.encodePcap(frames.map((f) => ({ timestampNs: f.t, data: index.trace.frame(f.frame) })));
  }
  const ifaces: string[] = [];
  const ifaceOf = (f: FrameMark): number => {
    const name = `${f.host}:${f.dev}`;
    if (!ifaces.includes(name)) ifaces.push(name);
    return ifaces.indexOf(name);
  };
  const packets = frames.map((f) => ({
    interfaceId: ifaceOf(f),
    timestampNs: f.t,
    data: index.trace.frame(f.frame),
    comment: frameComment({ eventId: f.seq, func: f.by, host: f.host, dev: f.dev }),
  }));
  return pcapng.encodePcapng({
    interfaces: ifaces.map((name) => ({ name })),
    packets,
    application: 'SockLab',
  });
}
