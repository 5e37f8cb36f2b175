// The transmit path's model: the selected system call's kernel calls in order, each with its
// layer, file, arguments, return value and the dispatch hop that chose it; skb operations,
// netfilter verdicts and frames inline; the alternatives the call did not take (dimmed in the
// pane); which of tcp_sendmsg's three push paths ran and why; and the receive path the frame
// then took on the peer.

import type { TraceEvent } from '../trace/index';
import type { FieldMeaning } from './fieldDocs';
import { dispatchHop, layerOf, splitVia, type Layer } from './layers';
import { skbStory, type SkbStory } from './skbStory';
import { upperBound, type SyscallMark, type TraceIndex } from './traceIndex';

/** PathRow is one line of the path: a call (with its return), an inline event, or an alternative not taken. */
export interface PathRow {
  readonly kind: 'call' | 'event' | 'untaken';
  readonly seq: number;
  readonly depth: number;
  readonly layer: Layer;
  /** fn is the function name (for events, the event kind). */
  readonly fn: string;
  readonly file: string;
  /** text is the call's arguments, or the event's description. */
  readonly text: string;
  /** hop is the dispatch that led to the call, e.g. `sock->ops->sendmsg (inet_stream_ops) → inet_sendmsg`. */
  readonly hop: string | null;
  /** skb is an sk_buff operation's offsets from head (skb events only), for the byte ruler. */
  readonly skb?: SkbStep;
  ret: string | null;
}

/** SkbStep is one sk_buff operation: which, on which skb, by whom, and data/tail/end as offsets from head. */
export interface SkbStep {
  readonly op: string;
  readonly skbaddr: string;
  readonly by: string;
  readonly len: number;
  readonly data: number;
  readonly tail: number;
  readonly end: number;
}

/** PushPath says which of tcp_sendmsg's push paths ran and why. */
export interface PushPath {
  readonly fn: 'tcp_push' | '__tcp_push_pending_frames' | 'tcp_push_one';
  readonly why: FieldMeaning;
}

/** PathView is one system call's path, its push path and the peer's receive path. */
export interface PathView {
  readonly syscall: SyscallMark | null;
  readonly rows: PathRow[];
  /** truncated is true when the call made more than MAX_PATH_ROWS rows and the rest were left out. */
  readonly truncated: boolean;
  readonly push: PushPath | null;
  readonly peer: { readonly host: string; readonly rows: PathRow[] } | null;
  /** skb is the story of the first skb the call transmitted, for the sk_buff view. */
  readonly skb: SkbStory | null;
}

/** MAX_PATH_ROWS bounds the rows of one view so a bulk send stays quick to show. */
export const MAX_PATH_ROWS = 400;

/** ALTERNATIVES lists, for a function, the callees it chooses between; the ones not called show dimmed. */
// prettier-ignore
const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  dst_neigh_output: ['neigh_hh_output', 'neigh_resolve_output'], // cached header or resolve (include/net/dst.h 3.10)
  __dev_xmit_skb: ['sch_direct_xmit', '__qdisc_run'], // empty qdisc bypass or queue (net/core/dev.c)
  tcp_sendmsg: ['tcp_push_one', '__tcp_push_pending_frames', 'tcp_push'], // the three push paths (net/ipv4/tcp.c)
  tcp_sendmsg_locked: ['tcp_push_one', '__tcp_push_pending_frames', 'tcp_push'], // the same three, 4.14+ (net/ipv4/tcp.c)
  ip_finish_output: ['ip_finish_output2', 'ip_fragment'], // fits the MTU or fragments (net/ipv4/ip_output.c)
};

const SKB_OPS = new Set(['alloc', 'reserve', 'put', 'push', 'pull', 'clone', 'queue', 'dequeue']);

/** pathView builds the path of the system call that holds seq (or the last one before it). */
export function pathView(index: TraceIndex, seq: number): PathView {
  const syscall = index.syscallAt(seq) ?? null;
  if (!syscall) return { syscall, rows: [], truncated: false, push: null, peer: null, skb: null };
  const { rows, truncated } = collect(index, syscall.host, syscall.seq + 1, syscall.endSeq, false);
  return {
    syscall,
    rows: withAlternatives(rows),
    truncated,
    push: pushPath(rows),
    peer: peerPath(index, syscall),
    skb: skbStory(index, rows),
  };
}

function collect(
  index: TraceIndex,
  host: string,
  from: number,
  to: number,
  stopAtTop: boolean,
): { rows: PathRow[]; truncated: boolean } {
  const rec = index.trace;
  const rows: PathRow[] = [];
  const open: PathRow[] = [];
  for (let i = from; i <= to && i < rec.length; i++) {
    const kind = rec.kindAt(i);
    if (kind === 'field' || kind === 'obj_new' || kind === 'obj_free' || kind === 'timer_set') continue;
    const e = rec.get(i);
    if (e.host !== host) continue;
    if (rows.length >= MAX_PATH_ROWS) return { rows, truncated: true };
    if (e.kind === 'call') {
      const { args, via } = splitVia(e.args);
      const layer = layerOf(e.file) ?? open.at(-1)?.layer ?? 'other';
      const row: PathRow = { kind: 'call', seq: i, depth: e.depth, layer, fn: e.fn, file: e.file, text: args, hop: via ? dispatchHop(via, e.fn) : null, ret: null }; // prettier-ignore
      rows.push(row);
      open.push(row);
    } else if (e.kind === 'ret') {
      const row = open.pop();
      if (row) row.ret = e.ret === null ? 'NULL' : String(e.ret);
      if (stopAtTop && open.length === 0) break;
    } else {
      const text =
        e.kind === 'frame_tx'
          ? `frame #${upperBound(index.frameSeqs, i)} on ${e.dev}, ${e.len} bytes`
          : eventText(e);
      if (text === null) continue;
      const depth = (open.at(-1)?.depth ?? -1) + 1;
      const layer = e.kind === 'frame_tx' ? 'wire' : (open.at(-1)?.layer ?? 'other');
      const skb = e.kind === 'skb' ? { op: e.op, skbaddr: e.skbaddr, by: e.by, len: e.len, data: e.data, tail: e.tail, end: e.end } : undefined; // prettier-ignore
      rows.push({ kind: 'event', seq: i, depth, layer, fn: e.kind, file: '', text, hop: null, ret: null, ...(skb && { skb }) }); // prettier-ignore
    }
  }
  return { rows, truncated: false };
}

function eventText(e: TraceEvent): string | null {
  switch (e.kind) {
    case 'skb':
      return SKB_OPS.has(e.op) ? `skb_${e.op}: len=${e.len} data=${e.data} tail=${e.tail} end=${e.end}${e.queue ? ` ${e.queue}` : ''}` : null; // prettier-ignore
    case 'nf_hook':
      return `${e.hook}: ${e.verdict} (${e.rule})`;
    case 'neigh_update':
      return `${e.primary_key4} ${e.nud_state} → ${e.new_state}`;
    case 'fib_table_lookup':
      return `table ${e.tb_id}: ${e.dst} → dev ${e.dev}`;
    case 'kfree_skb':
      return `dropped: ${e.reason} at ${e.location}`;
    case 'wait':
      return `task ${e.pid} sleeps on ${e.wq}`;
    default:
      return null;
  }
}

/** withAlternatives inserts, after each chooser's taken callee, the callees it did not take. */
function withAlternatives(rows: PathRow[]): PathRow[] {
  const out: PathRow[] = [];
  rows.forEach((row, i) => {
    out.push(row);
    const options = row.kind === 'call' ? ALTERNATIVES[row.fn] : undefined;
    if (!options) return;
    const taken = new Set<string>();
    for (let j = i + 1; j < rows.length && rows[j]!.depth > row.depth; j++) {
      if (rows[j]!.depth === row.depth + 1) taken.add(rows[j]!.fn);
    }
    if (![...taken].some((fn) => options.includes(fn))) return;
    for (const fn of options) {
      if (taken.has(fn)) continue;
      out.push({ kind: 'untaken', seq: row.seq, depth: row.depth + 1, layer: row.layer, fn, file: '', text: '', hop: null, ret: null }); // prettier-ignore
    }
  });
  return out;
}

/** pushPath tells which push path tcp_sendmsg took: a direct child of tcp_sendmsg (tcp_sendmsg_locked on 6.x) names it; a forced push is named before tcp_push_one when a long write took both. */
function pushPath(rows: readonly PathRow[]): PushPath | null {
  const calls = rows.filter((r) => r.kind === 'call');
  const top = calls.find((r) => r.fn === 'tcp_sendmsg_locked') ?? calls.find((r) => r.fn === 'tcp_sendmsg');
  if (!top) return null;
  const children = rows.filter((r) => r.kind === 'call' && r.depth === top.depth + 1 && r.seq > top.seq);
  if (children.some((r) => r.fn === '__tcp_push_pending_frames')) {
    return { fn: '__tcp_push_pending_frames', why: { en: 'forced_push(): more than half the peer\'s largest window was written since the last push (write_seq > pushed_seq + max_window/2).', zh: 'forced_push()：自上次推送以来写入的数据超过对端最大窗口的一半（write_seq > pushed_seq + max_window/2）。' } }; // prettier-ignore
  }
  if (children.some((r) => r.fn === 'tcp_push_one')) {
    return { fn: 'tcp_push_one', why: { en: 'The skb at the send head filled to the MSS, so it was sent at once (skb == tcp_send_head(sk)).', zh: '发送队头的 skb 已填满 MSS，于是立即发送（skb == tcp_send_head(sk)）。' } }; // prettier-ignore
  }
  const push = children.find((r) => r.fn === 'tcp_push');
  if (!push) return null;
  const nonagle = Number(/nonagle=(\d+)/.exec(push.text)?.[1] ?? 0);
  if (nonagle & 2) return { fn: 'tcp_push', why: { en: 'End of tcp_sendmsg with TCP_CORK set: full segments only, the rest waits.', zh: 'tcp_sendmsg 结束时设置了 TCP_CORK：只发送满的报文段，其余等待。' } }; // prettier-ignore
  if (nonagle & 1) return { fn: 'tcp_push', why: { en: 'End of tcp_sendmsg with TCP_NODELAY: Nagle is off, the data goes now.', zh: 'tcp_sendmsg 结束时设置了 TCP_NODELAY：Nagle 关闭，数据立即发出。' } }; // prettier-ignore
  return { fn: 'tcp_push', why: { en: 'End of tcp_sendmsg with Nagle on: a small segment goes only when nothing is in flight (tcp_nagle_test).', zh: 'tcp_sendmsg 结束时 Nagle 开启：只有在没有在途数据时小报文段才会发出（tcp_nagle_test）。' } }; // prettier-ignore
}

/** peerPath follows the call's last frame to the first frame received on another host, and returns that host's receive path. */
function peerPath(index: TraceIndex, syscall: SyscallMark): PathView['peer'] {
  const sent = index.frames.filter(
    (f) => f.host === syscall.host && f.seq >= syscall.seq && f.seq <= syscall.endSeq,
  );
  const last = sent.at(-1);
  if (!last) return null;
  const rec = index.trace;
  for (let i = last.seq + 1; i < rec.length && i < last.seq + 20000; i++) {
    if (rec.kindAt(i) !== 'frame_rx') continue;
    const e = rec.get(i);
    if (e.kind !== 'frame_rx' || e.host === syscall.host || e.len !== last.len) continue;
    const { rows } = collect(index, e.host, i, rec.length - 1, true);
    return { host: e.host, rows };
  }
  return null;
}
