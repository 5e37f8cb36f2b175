// The trace event schema: one table, TRACE_KINDS, from which the TypeScript event union, the
// compact columnar encoding (store.ts) and the text printer (print.ts) are all derived.
// Kinds are named after Linux tracepoints where Linux has one (include/trace/events/sock.h,
// tcp.h, net.h, neigh.h, fib.h, skb.h in 6.18) and use their field names; SockLab's own kinds
// follow the same style. Codes are never renumbered; new kinds take new codes.

/** TRACE_SCHEMA_VERSION is the version of this schema; bump it when a kind's fields change. */
export const TRACE_SCHEMA_VERSION = 1;

/** TraceValue is a struct field value as the trace stores it. */
export type TraceValue = string | number | boolean | null;

/** TraceFieldType names how one event field is typed and stored: str, int (int32), num (any number) or val. */
export type TraceFieldType = 'str' | 'int' | 'num' | 'val';

/** TraceLevel is how much the recorder keeps: nothing, syscall-level events, or everything. */
export type TraceLevel = 'off' | 'syscalls' | 'full';

/** KindSpec describes one event kind: stable code, lowest level that records it, fields, print format. */
export interface KindSpec {
  readonly code: number;
  readonly level: 'syscalls' | 'full';
  readonly fields: Readonly<Record<string, TraceFieldType>>;
  /** format is the text printer's template: {name} inserts a field, {>depth} indents by depth. */
  readonly format: string;
}

/** TRACE_KINDS is the table of every trace event kind, one row per kind. */
// prettier-ignore
export const TRACE_KINDS = {
  // SockLab: kernel function entry; depth is the call depth below the syscall.
  call: { code: 1, level: 'full', fields: { fn: 'str', file: 'str', depth: 'int', args: 'str' }, format: '{>depth}{fn}({args}) [{file}]' },
  // SockLab: kernel function return with its value (a negative errno on failure).
  ret: { code: 2, level: 'full', fields: { fn: 'str', depth: 'int', ret: 'val' }, format: '{>depth}{fn} = {ret}' },
  // SockLab: one inspector-visible struct field changed through the traced setter.
  field: { code: 3, level: 'full', fields: { obj: 'str', struct: 'str', field: 'str', old: 'val', new: 'val', by: 'str' }, format: '{struct} {obj} {field}: {old} -> {new} by {by}' },
  // SockLab: a struct was allocated at obj; init is its zeroed field set as JSON.
  obj_new: { code: 4, level: 'full', fields: { obj: 'str', struct: 'str', init: 'str', by: 'str' }, format: '{struct} {obj} allocated by {by}' },
  // SockLab: the struct at obj was freed.
  obj_free: { code: 5, level: 'full', fields: { obj: 'str', struct: 'str', by: 'str' }, format: '{struct} {obj} freed by {by}' },
  // SockLab: an sk_buff operation; data/tail/end are offsets from head (as sk_buff_data_t on 64-bit).
  skb: { code: 6, level: 'full', fields: { op: 'str', skbaddr: 'str', len: 'int', data: 'int', tail: 'int', end: 'int', queue: 'str', by: 'str' }, format: 'skb {op} skbaddr={skbaddr} len={len} data={data} tail={tail} end={end} queue={queue} by {by}' },
  // SockLab: a netfilter hook ran and gave a verdict.
  nf_hook: { code: 7, level: 'full', fields: { hook: 'str', pf: 'int', skbaddr: 'str', verdict: 'str', rule: 'str' }, format: 'nf_hook {hook} pf={pf} skbaddr={skbaddr} verdict={verdict} rule={rule}' },
  // SockLab: a task went to sleep on a wait queue.
  wait: { code: 8, level: 'full', fields: { pid: 'int', wq: 'str', by: 'str' }, format: 'task {pid} sleeps on {wq} in {by}' },
  // SockLab: a wait queue was woken.
  wake: { code: 9, level: 'full', fields: { pid: 'int', wq: 'str', by: 'str' }, format: 'task {pid} woken on {wq} by {by}' },
  // SockLab: a kernel timer was armed (expires in ns of simulated time).
  timer_set: { code: 10, level: 'full', fields: { timer: 'str', obj: 'str', expires: 'num', by: 'str' }, format: 'timer {timer} of {obj} set to expire at {expires} by {by}' },
  // SockLab: a kernel timer fired.
  timer_fire: { code: 11, level: 'full', fields: { timer: 'str', obj: 'str' }, format: 'timer {timer} of {obj} fired' },
  // SockLab: a frame left an interface onto the wire; frame is the index in the frame store.
  frame_tx: { code: 12, level: 'syscalls', fields: { dev: 'str', len: 'int', frame: 'int', by: 'str' }, format: 'frame tx dev={dev} len={len} frame={frame} by {by}' },
  // SockLab: a frame arrived on an interface.
  frame_rx: { code: 13, level: 'syscalls', fields: { dev: 'str', len: 'int', frame: 'int' }, format: 'frame rx dev={dev} len={len} frame={frame}' },
  // SockLab: a task entered a system call.
  syscall_enter: { code: 14, level: 'syscalls', fields: { pid: 'int', name: 'str', args: 'str' }, format: 'pid {pid} {name}({args})' },
  // SockLab: a system call returned; on failure errno names it and errfn/errwhy explain where it came from.
  syscall_exit: { code: 15, level: 'syscalls', fields: { pid: 'int', name: 'str', ret: 'num', errno: 'str', errfn: 'str', errwhy: 'str' }, format: 'pid {pid} {name} = {ret} {errno} {errfn} {errwhy}' },
  // Linux sock:inet_sock_set_state (include/trace/events/sock.h).
  inet_sock_set_state: { code: 16, level: 'syscalls', fields: { skaddr: 'str', protocol: 'str', sport: 'int', dport: 'int', saddr: 'str', daddr: 'str', oldstate: 'str', newstate: 'str' }, format: 'skaddr={skaddr} protocol={protocol} sport={sport} dport={dport} saddr={saddr} daddr={daddr} oldstate={oldstate} newstate={newstate}' },
  // Linux tcp:tcp_retransmit_skb (include/trace/events/tcp.h).
  tcp_retransmit_skb: { code: 17, level: 'full', fields: { skbaddr: 'str', skaddr: 'str', sport: 'int', dport: 'int', saddr: 'str', daddr: 'str', state: 'str' }, format: 'skbaddr={skbaddr} skaddr={skaddr} sport={sport} dport={dport} saddr={saddr} daddr={daddr} state={state}' },
  // Linux tcp:tcp_send_reset (include/trace/events/tcp.h).
  tcp_send_reset: { code: 18, level: 'full', fields: { skbaddr: 'str', skaddr: 'str', sport: 'int', dport: 'int', saddr: 'str', daddr: 'str', state: 'str' }, format: 'skbaddr={skbaddr} skaddr={skaddr} sport={sport} dport={dport} saddr={saddr} daddr={daddr} state={state}' },
  // Linux net:net_dev_queue (include/trace/events/net.h).
  net_dev_queue: { code: 19, level: 'full', fields: { name: 'str', skbaddr: 'str', len: 'int' }, format: 'dev={name} skbaddr={skbaddr} len={len}' },
  // Linux net:net_dev_xmit (include/trace/events/net.h).
  net_dev_xmit: { code: 20, level: 'full', fields: { name: 'str', skbaddr: 'str', len: 'int', rc: 'int' }, format: 'dev={name} skbaddr={skbaddr} len={len} rc={rc}' },
  // Linux net:netif_receive_skb (include/trace/events/net.h).
  netif_receive_skb: { code: 21, level: 'full', fields: { name: 'str', skbaddr: 'str', len: 'int' }, format: 'dev={name} skbaddr={skbaddr} len={len}' },
  // Linux neigh:neigh_update (include/trace/events/neigh.h), IPv4 fields only.
  neigh_update: { code: 22, level: 'full', fields: { dev: 'str', primary_key4: 'str', lladdr: 'str', nud_state: 'str', new_lladdr: 'str', new_state: 'str' }, format: 'dev={dev} primary_key4={primary_key4} lladdr={lladdr} nud_state={nud_state} new_lladdr={new_lladdr} new_state={new_state}' },
  // Linux fib:fib_table_lookup (include/trace/events/fib.h).
  fib_table_lookup: { code: 23, level: 'full', fields: { tb_id: 'int', oif: 'int', src: 'str', dst: 'str', err: 'int', dev: 'str', gw: 'str' }, format: 'table {tb_id} oif {oif} src {src} dst {dst} ==> dev {dev} gw {gw} err {err}' },
  // Linux skb:kfree_skb (include/trace/events/skb.h) with an SKB_DROP_REASON_* reason.
  kfree_skb: { code: 24, level: 'full', fields: { skbaddr: 'str', location: 'str', protocol: 'int', reason: 'str' }, format: 'skbaddr={skbaddr} protocol={protocol} location={location} reason: {reason}' },
} as const satisfies Record<string, KindSpec>;

/** TraceKind is the name of one event kind. */
export type TraceKind = keyof typeof TRACE_KINDS;

interface FieldTypeMap {
  str: string;
  int: number;
  num: number;
  val: TraceValue;
}

/** FieldTypeOf maps a field type name to its TypeScript type. */
type FieldTypeOf<T> = T extends keyof FieldTypeMap ? FieldTypeMap[T] : never;

/** TraceFieldsOf is the field object of one kind, derived from TRACE_KINDS. */
export type TraceFieldsOf<K extends TraceKind> = {
  -readonly [F in keyof (typeof TRACE_KINDS)[K]['fields']]: FieldTypeOf<(typeof TRACE_KINDS)[K]['fields'][F]>;
};

/** TraceHeader is what every event carries: sequence number, time in ns and the host. */
export interface TraceHeader {
  readonly seq: number;
  readonly t: number;
  readonly host: string;
}

/** TraceEventOf is one decoded event of kind K. */
export type TraceEventOf<K extends TraceKind> = TraceHeader & { readonly kind: K } & TraceFieldsOf<K>;

/** TraceEvent is the discriminated union of every event kind, discriminated on kind. */
export type TraceEvent = { [K in TraceKind]: TraceEventOf<K> }[TraceKind];

/** KIND_BY_CODE maps a stored numeric code back to its kind name. */
export const KIND_BY_CODE: ReadonlyMap<number, TraceKind> = new Map(
  (Object.keys(TRACE_KINDS) as TraceKind[]).map((k) => [TRACE_KINDS[k].code, k]),
);

/** levelRecords tells whether a recorder at level records events of kind. */
export function levelRecords(level: TraceLevel, kind: TraceKind): boolean {
  if (level === 'off') return false;
  return level === 'full' || TRACE_KINDS[kind].level === 'syscalls';
}
