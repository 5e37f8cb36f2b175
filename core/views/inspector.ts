// The struct inspector's model: for every live socket as of an event, the chain a student
// follows in the source — fd → struct file → struct socket → its proto_ops table → the sock
// (split into __sk_common, sock, inet_sock, inet_connection_sock, tcp_sock / udp_sock) → its
// proto and icsk_af_ops tables → sk_dst_cache's rtable → neighbour → net_device → Qdisc —
// with kernel types, enum names and the seq of each field's last change (its meaning and
// history come with views.history, on hover).

import type { Snapshot, StructSnapshot, TraceValue } from '../trace/index';
import { ADDRESS, C_TYPES, STRUCT_HEADERS, formatValue, sockPart, type SockPart } from './structLayout';
import { acceptQueueNode } from './acceptQueue';
import type { TraceIndex } from './traceIndex';

/** InspectorField is one field row: name, C type, value as shown, the node it points to and its last change. */
export interface InspectorField {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  /** link is the target (an address or a table name) this field points to, or null. */
  readonly link: string | null;
  /** changedSeq is the seq of the field's last change at or before the view's seq, or -1. */
  readonly changedSeq: number;
  /** obj is the address of the struct that holds the field, for its history. */
  readonly obj: string | null;
}

/** InspectorNode is one struct or table of the tree. */
export interface InspectorNode {
  /** key is unique in the view. */
  readonly key: string;
  /** target is what links to this node (its address or table name); null for embedded parts. */
  readonly target: string | null;
  readonly struct: string;
  /** name is the member or variable name the node is reached by (e.g. __sk_common, sk_dst_cache). */
  readonly name: string;
  readonly addr: string | null;
  readonly header: string;
  readonly fields: InspectorField[];
  readonly children: InspectorNode[];
}

/** InspectorRoot is one socket's tree, named by its fd. */
export interface InspectorRoot {
  readonly host: string;
  readonly pid: number | null;
  readonly fd: number | null;
  readonly node: InspectorNode;
}

/** InspectorView is every live socket's tree as of seq. */
export interface InspectorView {
  readonly seq: number;
  readonly roots: InspectorRoot[];
}

/** OpsTableData is one dispatch table: its struct type and member → handler rows. */
export interface OpsTableData {
  readonly struct: string;
  readonly members: Readonly<Record<string, string>>;
}

/** InspectorInput is what inspectorView reads: the index, the snapshot at seq (boot structs included) and the era's tables. */
export interface InspectorInput {
  readonly index: TraceIndex;
  readonly snapshot: Snapshot;
  readonly seq: number;
  readonly tables: Readonly<Record<string, OpsTableData>>;
}

const SOCK_PARTS: readonly { part: SockPart; name: string }[] = [
  { part: 'sock_common', name: '__sk_common' },
  { part: 'sock', name: 'sk' },
  { part: 'inet_sock', name: 'inet_sk(sk)' },
  { part: 'inet_connection_sock', name: 'inet_csk(sk)' },
  { part: 'tcp_sock', name: 'tcp_sk(sk)' },
  { part: 'udp_sock', name: 'udp_sk(sk)' },
];

/** inspectorView builds the tree of every live socket in the snapshot, hosts in name order, fds ascending. */
export function inspectorView(input: InspectorInput): InspectorView {
  const sockets = [...input.snapshot.values()].filter((s) => s.struct === 'socket');
  const queues = new Map<string, Map<string, string[]>>();
  const queuesOf = (host: string) => () => {
    let q = queues.get(host);
    if (!q) queues.set(host, (q = input.index.queuesAt(host, input.seq)));
    return q;
  };
  const roots = sockets.map((socket) => {
    const origin = input.index.sockets.get(`${socket.host}/${socket.obj}`);
    return {
      host: socket.host,
      pid: origin?.pid ?? null,
      fd: origin?.fd ?? null,
      node: socketTree(input, socket, queuesOf(socket.host)),
    };
  });
  roots.sort((a, b) => a.host.localeCompare(b.host) || (a.fd ?? 1e9) - (b.fd ?? 1e9));
  return { seq: input.seq, roots };
}

/** Builder carries the input and the root's key prefix while one tree is built. */
interface Builder {
  readonly input: InspectorInput;
  readonly host: string;
  readonly prefix: string;
  /** queues returns the host's skb queues as of the view's seq. */
  readonly queues: () => Map<string, string[]>;
}

function socketTree(
  input: InspectorInput,
  socket: StructSnapshot,
  queues: () => Map<string, string[]>,
): InspectorNode {
  const b: Builder = { input, host: socket.host, prefix: `${socket.host}/${socket.obj}`, queues };
  const socketNode = structNode(b, socket, 'sock', 'socket', [
    tableNode(b, socket.fields.ops, 'ops'),
    sockNode(b, socket.fields.sk),
  ]);
  const file = lookup(b, socket.fields.file);
  return file ? structNode(b, file, 'file', 'file', [socketNode]) : socketNode;
}

function sockNode(b: Builder, addr: TraceValue): InspectorNode | null {
  const sk = lookup(b, addr);
  if (!sk) return null;
  const outer = sk.struct === 'udp_sock' ? 'udp_sock' : 'tcp_sock';
  const parts: InspectorNode[] = [];
  for (const { part, name } of SOCK_PARTS) {
    const names = Object.keys(sk.fields).filter((f) => sockPart(f, outer) === part);
    if (names.length === 0) continue;
    parts.push({
      key: `${b.prefix}/${sk.obj}/${part}`,
      target: part === 'sock_common' ? null : part === 'sock' ? sk.obj : null,
      struct: part,
      name,
      addr: part === 'sock_common' ? null : sk.obj,
      header: STRUCT_HEADERS[part] ?? '',
      fields: names.map((f) => fieldRow(b, sk, f)),
      children: [],
    });
  }
  const queues = b.queues();
  const children = [
    ...parts,
    ...SOCK_QUEUES.map((q) => queueNode(b, sk, q, queues.get(q) ?? [])),
    acceptQueueNode(b.input.index, b.input.snapshot, b.host, sk, b.input.seq, `${b.prefix}/${sk.obj}`),
    tableNode(b, sk.fields.sk_prot, 'sk_prot'),
    tableNode(b, sk.fields.icsk_af_ops, 'icsk_af_ops'),
    routeNode(b, sk),
  ].filter((n): n is InspectorNode => n !== null);
  return {
    key: `${b.prefix}/${sk.obj}`,
    target: null,
    struct: sk.struct,
    name: 'sk',
    addr: sk.obj,
    header: STRUCT_HEADERS[sk.struct] ?? '',
    fields: [],
    children,
  };
}

/** MAX_QUEUE_ROWS bounds the skbs listed per queue (a bulk sender's write queue holds thousands). */
export const MAX_QUEUE_ROWS = 32;

/** SOCK_QUEUES are the sock's skb queues the inspector lists (include/net/sock.h). */
const SOCK_QUEUES = ['sk_write_queue', 'sk_receive_queue'] as const;

/** queueNode lists the skbs on one of a sock's queues: as many as the sock counts in it, of those queued under that name on the host (the trace names a queue, not its owner). */
function queueNode(
  b: Builder,
  sk: StructSnapshot,
  queue: string,
  skbs: readonly string[],
): InspectorNode | null {
  const count = sk.fields[queue];
  if (typeof count !== 'number' || count <= 0) return null;
  const mine = skbs
    .map((addr) => b.input.snapshot.get(`${b.host}/${addr}`))
    .filter((s): s is StructSnapshot => s !== undefined && (s.fields.sk == null || s.fields.sk === sk.obj))
    .slice(-count);
  if (mine.length === 0) return null;
  const fields = mine.slice(0, MAX_QUEUE_ROWS).map((skb, i) => ({
    name: `[${i}]`,
    type: 'struct sk_buff *',
    value: `${skb.obj} len=${skb.fields.len} data=${skb.fields.data} tail=${skb.fields.tail} end=${skb.fields.end}`,
    link: null,
    changedSeq: -1,
    obj: null,
  }));
  if (mine.length > MAX_QUEUE_ROWS) {
    fields.push({ name: '…', type: '', value: `${mine.length - MAX_QUEUE_ROWS} more`, link: null, changedSeq: -1, obj: null }); // prettier-ignore
  }
  return { key: `${b.prefix}/${sk.obj}/${queue}`, target: null, struct: 'sk_buff_head', name: queue, addr: null, header: STRUCT_HEADERS.sk_buff ?? '', fields, children: [] }; // prettier-ignore
}

function routeNode(b: Builder, sk: StructSnapshot): InspectorNode | null {
  const rt = lookup(b, sk.fields.sk_dst_cache);
  if (!rt) return null;
  const devName = rt.fields['dst.dev'];
  const gw = rt.fields.rt_gateway;
  const nexthop = typeof gw === 'string' && gw !== '0.0.0.0' ? gw : sk.fields.inet_daddr;
  const all = [...b.input.snapshot.values()].filter((s) => s.host === b.host);
  const neigh = all.find(
    (s) => s.struct === 'neighbour' && s.fields.primary_key === nexthop && s.fields.dev === devName,
  );
  const dev = all.find((s) => s.struct === 'net_device' && s.fields.name === devName);
  const devNode = dev
    ? structNode(
        b,
        dev,
        'dst.dev',
        'net_device',
        [qdiscNode(b, dev)].filter((n) => n !== null),
      )
    : null;
  const children = [neigh ? structNode(b, neigh, 'neighbour', 'neighbour', []) : null, devNode];
  return structNode(b, rt, 'sk_dst_cache', 'rtable', children);
}

function qdiscNode(b: Builder, dev: StructSnapshot): InspectorNode | null {
  const kind = dev.fields.qdisc;
  if (typeof kind !== 'string' || kind === '') return null;
  const row = (name: string, value: string): InspectorField => ({
    name, type: '', value, link: null, changedSeq: -1, obj: null,
  }); // prettier-ignore
  return {
    key: `${b.prefix}/${dev.obj}/qdisc`,
    target: null,
    struct: 'Qdisc',
    name: 'qdisc',
    addr: null,
    header: STRUCT_HEADERS.Qdisc ?? '',
    fields: [row('ops->id', `"${kind}"`), row('dev->tx_queue_len', String(dev.fields.tx_queue_len))],
    children: [],
  };
}

function tableNode(b: Builder, name: TraceValue, member: string): InspectorNode | null {
  if (typeof name !== 'string') return null;
  const table = b.input.tables[name];
  if (!table) return null;
  const fields = Object.entries(table.members).map(([m, handler]) => ({
    name: `.${m}`, type: '', value: handler, link: null, changedSeq: -1, obj: null,
  })); // prettier-ignore
  return {
    key: `${b.prefix}/table/${member}/${name}`,
    target: name,
    struct: table.struct,
    name: `${member} = &${name}`,
    addr: null,
    header: STRUCT_HEADERS[table.struct] ?? '',
    fields,
    children: [],
  };
}

function structNode(
  b: Builder,
  s: StructSnapshot,
  name: string,
  headerOf: string,
  children: readonly (InspectorNode | null)[],
): InspectorNode {
  return {
    key: `${b.prefix}/${s.obj}`,
    target: s.obj,
    struct: s.struct,
    name,
    addr: s.obj,
    header: STRUCT_HEADERS[headerOf] ?? '',
    fields: Object.keys(s.fields).map((f) => fieldRow(b, s, f)),
    children: children.filter((n): n is InspectorNode => n !== null),
  };
}

function fieldRow(b: Builder, s: StructSnapshot, field: string): InspectorField {
  const value = s.fields[field] ?? null;
  const isAddr = typeof value === 'string' && ADDRESS.test(value);
  const isTable = typeof value === 'string' && b.input.tables[value] !== undefined;
  return {
    name: field,
    type: C_TYPES[field] ?? '',
    value: formatValue(s.struct, field, value),
    link: isAddr || isTable ? (value as string) : null,
    changedSeq: b.input.index.lastChange(s.host, s.obj, field, b.input.seq),
    obj: s.obj,
  };
}

function lookup(b: Builder, addr: TraceValue): StructSnapshot | undefined {
  return typeof addr === 'string' ? b.input.snapshot.get(`${b.host}/${addr}`) : undefined;
}
