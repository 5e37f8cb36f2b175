// The inspector's icsk_accept_queue of a listening sock, rebuilt from the trace: each rise of
// the listener's sk_ack_backlog follows the tcp_child_process(parent=listener, child=…) call
// that queued an established child (tcp_v4_rcv, net/ipv4/tcp_ipv4.c), each fall is an
// inet_csk_accept taking the oldest one (FIFO, net/ipv4/inet_connection_sock.c). Pending
// connection requests are the SYN_RECV socks bound to the listener's port, which is how
// SockLab keeps request socks (full socks in SYN_RECV rather than struct request_sock).

import type { Snapshot, StructSnapshot } from '../trace/index';
import { formatValue } from './structLayout';
import type { InspectorField, InspectorNode } from './inspector';
import type { TraceIndex } from './traceIndex';

const TCP_LISTEN = 10; // include/net/tcp_states.h
const TCP_SYN_RECV = 3; // include/net/tcp_states.h
/** LOOK_BACK bounds how far before a backlog change the queuing call is looked for. */
const LOOK_BACK = 4000;

/** acceptedChildren returns the children on listener's accept queue after event seq, oldest first. */
export function acceptedChildren(index: TraceIndex, host: string, listener: string, seq: number): string[] {
  const rec = index.trace;
  const queue: string[] = [];
  for (const at of index.fieldChanges(host, listener, 'sk_ack_backlog')) {
    if (at > seq) break;
    const e = rec.get(at);
    if (e.kind !== 'field') continue;
    if (Number(e.new) < Number(e.old)) {
      queue.shift();
      continue;
    }
    for (let i = at - 1; i >= 0 && i >= at - LOOK_BACK; i--) {
      if (rec.kindAt(i) !== 'call') continue;
      const c = rec.get(i);
      if (c.kind !== 'call' || c.fn !== 'tcp_child_process' || c.host !== host) continue;
      const m = /parent=(0x[0-9a-f]+), child=(0x[0-9a-f]+)/.exec(c.args);
      if (m?.[1] === listener) queue.push(m[2]!);
      break;
    }
  }
  return queue;
}

/** acceptQueueNode is a listening sock's icsk_accept_queue (children waiting for accept) and its pending requests, or null for a sock that is not listening. */
export function acceptQueueNode(
  index: TraceIndex,
  snapshot: Snapshot,
  host: string,
  sk: StructSnapshot,
  seq: number,
  key: string,
): InspectorNode | null {
  if (sk.fields.sk_state !== TCP_LISTEN) return null;
  const children = acceptedChildren(index, host, sk.obj, seq);
  const waiting = new Set(children);
  const requests = [...snapshot.values()].filter(
    (s) =>
      s.host === host &&
      s.struct === 'tcp_sock' &&
      s.fields.sk_state === TCP_SYN_RECV &&
      s.fields.inet_num === sk.fields.inet_num &&
      !waiting.has(s.obj),
  );
  const row = (name: string, s: StructSnapshot | undefined, addr: string): InspectorField => ({
    name,
    type: 'struct sock *',
    value: s ? `${addr} ${peer(s)}` : addr,
    link: null, // a child not yet accepted has no struct socket, so no tree of its own to go to
    changedSeq: -1,
    obj: null,
  });
  const count = (name: string, value: number, type: string): InspectorField => ({ name, type, value: String(value), link: null, changedSeq: -1, obj: null }); // prettier-ignore
  return {
    key: `${key}/icsk_accept_queue`,
    target: null,
    struct: 'request_sock_queue',
    name: 'icsk_accept_queue',
    addr: null,
    header: 'include/net/request_sock.h',
    fields: [
      count('qlen', requests.length, 'int'),
      ...requests.map((s, i) => row(`syn_table[${i}]`, s, s.obj)),
      count('sk_ack_backlog', children.length, 'unsigned short'),
      ...children.map((c, i) => row(`rskq_accept_head[${i}]`, snapshot.get(`${host}/${c}`), c)),
    ],
    children: [],
  };
}

/** peer renders a child's remote end and state, e.g. `10.0.0.1:50659 sk_state = TCP_ESTABLISHED (1)`. */
function peer(s: StructSnapshot): string {
  const be16 = Number(s.fields.inet_dport); // __be16: network byte order
  const port = ((be16 & 0xff) << 8) | (be16 >> 8);
  return `${String(s.fields.inet_daddr)}:${port} ${formatValue(s.struct, 'sk_state', s.fields.sk_state ?? null)}`;
}
