// The sk_buff view's model: the story of the first skb a system call put on the wire, step by
// step — allocated, headroom reserved, queued on sk_write_queue, data put, cloned for
// transmission, then one skb_push per header on the way down (TCP in tcp_transmit_skb, IPv4 in
// ip_queue_xmit, Ethernet in the neighbour output's dev_hard_header) — each push paired with
// that header's fields decoded from the frame that left, so the pane can animate the ruler.

import type { FieldNode } from '../wire/index';
import type { FieldMeaning } from './fieldDocs';
import { frameDetail } from './packets';
import type { TraceIndex } from './traceIndex';
import type { PathRow, SkbStep } from './transmitPath';

/** SkbFrame is one step of the story: the skb operation, what it did in words, and for a push the header it made room for. */
export interface SkbFrame extends SkbStep {
  readonly seq: number;
  /** queue names the queue an skb_queue step put the skb on. */
  readonly queue: string | null;
  /** header is the header a push made room for, as the frame's field tree names it (TCP, IPv4, Ethernet II), or null. */
  readonly header: string | null;
  /** fields are that header's fields decoded from the frame that left (empty when not a push). */
  readonly fields: FieldNode[];
  readonly note: FieldMeaning;
}

/** SkbStory is the steps of the call's first transmitted skb, its frame number, and how many more skbs the call sent. */
export interface SkbStory {
  readonly steps: SkbFrame[];
  readonly frameNo: number | null;
  readonly moreSkbs: number;
}

const SHOWN = new Set(['alloc', 'reserve', 'queue', 'put', 'clone', 'push']);

/** skbStory builds the story from a path's rows (see pathView); null when the call touched no skb. */
export function skbStory(index: TraceIndex, rows: readonly PathRow[]): SkbStory | null {
  const firstFrame = rows.findIndex((r) => r.kind === 'event' && r.fn === 'frame_tx');
  const upTo = firstFrame < 0 ? rows : rows.slice(0, firstFrame);
  const skbRows = ofFirstSkb(upTo.filter((r) => r.skb && SHOWN.has(r.skb.op)));
  if (skbRows.length === 0) return null;
  const frameRow = firstFrame < 0 ? undefined : rows[firstFrame];
  const frameNo = frameRow ? Number(/#(\d+)/.exec(frameRow.text)?.[1] ?? 0) || null : null;
  const tree = frameNo === null ? [] : (frameDetail(index, frameNo)?.tree ?? []);
  const pushes = skbRows.filter((r) => r.skb!.op === 'push');
  const steps = skbRows.map((r, i): SkbFrame => {
    const s = r.skb!;
    const prev = skbRows[i - 1]?.skb;
    // pushes go on innermost first, so the last push is the frame's first header
    const k = s.op === 'push' ? pushes.length - 1 - pushes.indexOf(r) : -1;
    const node = frameRow && k >= 0 ? tree[k] : undefined;
    const queue = s.op === 'queue' ? (/\s(\w+)$/.exec(r.text)?.[1] ?? null) : null;
    const added = prev && s.op === 'push' ? prev.data - s.data : 0;
    return { ...s, seq: r.seq, queue, header: node?.name ?? null, fields: node?.children ?? [], note: noteOf(s, added, queue, node?.name ?? null) }; // prettier-ignore
  });
  const sent = rows.filter((r) => r.kind === 'event' && r.fn === 'frame_tx').length;
  return { steps, frameNo, moreSkbs: Math.max(0, sent - 1) };
}

/**
 * ofFirstSkb keeps the steps of one skb and its clone: the one the last push before the first
 * frame was made on (a bulk send allocates and fills many skbs before the first leaves), or,
 * when nothing was pushed, the first skb the call touched.
 */
function ofFirstSkb(skbRows: PathRow[]): PathRow[] {
  const lastPush = skbRows.findLast((r) => r.skb!.op === 'push');
  const sent = lastPush?.skb!.skbaddr ?? skbRows[0]?.skb!.skbaddr;
  // a clone's event names the original at the end of its text (skb_clone: … 0xffff…)
  const clone = skbRows.find((r) => r.skb!.op === 'clone' && r.skb!.skbaddr === sent);
  const original = clone ? /\s(0x[0-9a-f]+)$/.exec(clone.text)?.[1] : undefined;
  return skbRows.filter((r) => r.skb!.skbaddr === sent || r.skb!.skbaddr === original);
}

function noteOf(s: SkbStep, added: number, queue: string | null, header: string | null): FieldMeaning {
  switch (s.op) {
    case 'alloc':
      return { en: `${s.by} allocates ${s.end} bytes: head = data = tail, end at ${s.end}.`, zh: `${s.by} 分配 ${s.end} 字节：head = data = tail，end 在 ${s.end}。` }; // prettier-ignore
    case 'reserve':
      return { en: `skb_reserve leaves ${s.data} bytes of headroom for the headers: data and tail move to ${s.data}.`, zh: `skb_reserve 为各层头部留出 ${s.data} 字节的头部空间：data 和 tail 移到 ${s.data}。` }; // prettier-ignore
    case 'queue':
      return { en: `${s.by} puts the skb on ${queue ?? 'a queue'}; it stays there until the peer ACKs it.`, zh: `${s.by} 把 skb 放入 ${queue ?? '队列'}；在对端确认之前它一直留在那里。` }; // prettier-ignore
    case 'put':
      return { en: `skb_put adds ${s.len} bytes of user data at tail: tail moves to ${s.tail}.`, zh: `skb_put 在 tail 处加入 ${s.len} 字节用户数据：tail 移到 ${s.tail}。` }; // prettier-ignore
    case 'clone':
      return { en: `${s.by} sends a clone (${s.skbaddr}) sharing the data; the original stays on sk_write_queue for retransmission.`, zh: `${s.by} 发送一个共享数据的克隆（${s.skbaddr}）；原 skb 留在 sk_write_queue 上以备重传。` }; // prettier-ignore
    default:
      return { en: `${s.by} pushes ${added} bytes${header ? ` for the ${header} header` : ''}: data moves back to ${s.data}, len is ${s.len}.`, zh: `${s.by} 压入 ${added} 字节${header ? `作为 ${header} 头部` : ''}：data 前移到 ${s.data}，len 为 ${s.len}。` }; // prettier-ignore
  }
}
