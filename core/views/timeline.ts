// The timeline's model: the trace's length and its system calls as scrubber markers, and the
// TCP chart — cwnd, ssthresh, the peer's window, segments in flight, queued bytes and srtt of
// one tcp_sock over simulated time, each point the event that changed it.

import type { KernelVersion } from '../kernel/index';
import type { TraceIndex } from './traceIndex';

/** TimelineMark is one system call on the scrubber. */
export interface TimelineMark {
  readonly seq: number;
  readonly endSeq: number;
  readonly t: number;
  readonly host: string;
  readonly pid: number;
  readonly name: string;
  readonly ret: number | null;
  readonly errno: string;
}

/** TimelineView is the scrubber's range and markers. */
export interface TimelineView {
  /** total is the number of events; seqs run 0 … total-1. */
  readonly total: number;
  /** endT is the time of the last event in ns. */
  readonly endT: number;
  readonly marks: TimelineMark[];
  /** marksTruncated is true when only the last MAX_MARKS calls are listed. */
  readonly marksTruncated: boolean;
  /** hosts are the world's hosts with their eth0 address and MAC, for the topology strip. */
  readonly hosts: TopologyHost[];
  /** drops are the last MAX_MARKS skbs the kernel dropped (kfree_skb). */
  readonly drops: TraceIndex['drops'];
}

/** TopologyHost is one host on the segment, with the kernel version it runs. */
export interface TopologyHost {
  readonly name: string;
  readonly addr: string;
  readonly mac: string;
  readonly kernel: KernelVersion;
}

/** ChartSeries is one socket's TCP variables over time: a shared x axis (t, seq) and one value column per name. */
export interface ChartSeries {
  readonly host: string;
  readonly obj: string;
  readonly names: readonly string[];
  readonly t: number[];
  readonly seq: number[];
  readonly values: number[][];
}

/** MAX_MARKS bounds the markers sent to the scrubber. */
export const MAX_MARKS = 5000;
/** MAX_POINTS bounds the chart's points; denser series keep every bucket's last point. */
export const MAX_POINTS = 3000;
/** CHART_FIELDS are the tcp_sock fields the chart draws, in legend order. */
export const CHART_FIELDS = [
  'snd_cwnd',
  'snd_ssthresh',
  'snd_wnd',
  'packets_out',
  'sk_wmem_queued',
  'srtt',
] as const;

/** timelineView lists the trace's extent and its system calls (the last MAX_MARKS). */
export function timelineView(index: TraceIndex, hosts: TopologyHost[] = []): TimelineView {
  const total = index.length;
  const all = index.syscalls;
  const marks = all.slice(-MAX_MARKS).map((s) => ({ seq: s.seq, endSeq: s.endSeq, t: s.t, host: s.host, pid: s.pid, name: s.name, ret: s.ret, errno: s.errno })); // prettier-ignore
  const endT = total > 0 ? index.trace.get(total - 1).t : 0;
  return {
    total,
    endT,
    marks,
    marksTruncated: all.length > MAX_MARKS,
    hosts,
    drops: index.drops.slice(-MAX_MARKS),
  };
}

/** chartSeries returns the chart of host's tcp_sock obj: one point per change of any charted field, values carried forward. */
export function chartSeries(index: TraceIndex, host: string, obj: string): ChartSeries {
  const seqs = CHART_FIELDS.flatMap((f) => index.fieldChanges(host, obj, f)).sort((a, b) => a - b);
  const stride = Math.max(1, Math.ceil(seqs.length / MAX_POINTS));
  const current = CHART_FIELDS.map(() => 0);
  const out: ChartSeries = {
    host,
    obj,
    names: CHART_FIELDS,
    t: [],
    seq: [],
    values: CHART_FIELDS.map(() => []),
  };
  seqs.forEach((seq, i) => {
    const e = index.trace.get(seq);
    if (e.kind !== 'field') return;
    const col = (CHART_FIELDS as readonly string[]).indexOf(e.field);
    if (col >= 0 && typeof e.new === 'number') current[col] = e.new;
    if ((i + 1) % stride !== 0 && i !== seqs.length - 1) return;
    out.t.push(e.t);
    out.seq.push(seq);
    current.forEach((v, c) => out.values[c]!.push(v));
  });
  return out;
}
