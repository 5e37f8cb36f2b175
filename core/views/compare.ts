// The profile comparison: the selected system call's path under another kernel version, side
// by side with the session's own. The trace does not keep a program's buffers or the other
// kernel's behaviour, so the call is replayed in a fresh world of the other profile on the
// kernel's canned established client → server:8080 connection: the same call, the same byte
// count and flags, and the same Nagle/cork setting (tcp_sock.nonagle as of the call). The diff
// names the functions only one kernel ran and the ops-table slots that dispatch differently
// (2.6.32's `inet_stream_ops.sendmsg = tcp_sendmsg` against 3.10's `inet_sendmsg`).

import {
  established,
  IPPROTO,
  PROFILES,
  ipFromString,
  sendmsg,
  sendto,
  setsockopt,
  TCP_OPT,
  write,
  type Established,
  type KernelVersion,
} from '../kernel/index';
import type { FieldMeaning } from './fieldDocs';
import type { PathRow, PathView } from './transmitPath';
import { pathView } from './transmitPath';
import { TraceIndex, type SyscallMark } from './traceIndex';

/** HopDiff is one dispatch slot (`sock->ops->sendmsg (inet_stream_ops)`) and the function each kernel reached through it, null where that kernel did not dispatch through it. */
export interface HopDiff {
  readonly slot: string;
  readonly here: string | null;
  readonly there: string | null;
}

/** PathDiff is what differs between two paths of the same call. */
export interface PathDiff {
  /** onlyHere lists the functions the session's kernel called and the other did not, in call order. */
  readonly onlyHere: string[];
  /** onlyThere lists the functions the other kernel called and the session's did not, in call order. */
  readonly onlyThere: string[];
  readonly hops: HopDiff[];
  /** tables lists the members of the ops tables the paths dispatched through that differ between the two profiles. */
  readonly tables: TableDiff[];
}

/** TableDiff is one ops-table member that points to different functions in the two profiles (null where absent). */
export interface TableDiff {
  readonly table: string;
  readonly member: string;
  readonly here: string | null;
  readonly there: string | null;
}

/** PathCompare is the selected call's path replayed under another kernel, with the diff against the session's path. */
export interface PathCompare {
  readonly here: KernelVersion;
  readonly there: KernelVersion;
  /** replay says in words what ran in the other kernel's world. */
  readonly replay: FieldMeaning;
  readonly path: PathView;
  readonly diff: PathDiff;
}

/** CompareUnavailable says, in each language the window speaks, why a call cannot be compared. */
export interface CompareUnavailable {
  readonly unavailable: FieldMeaning;
}

/** ReplayPlan is the call to repeat on the canned connection. */
export interface ReplayPlan {
  readonly name: 'socket' | 'connect' | 'send' | 'sendto' | 'write' | 'sendmsg';
  readonly restart: boolean;
  readonly len: number;
  readonly flags: number;
  readonly nonagle: number;
}

/** SERVER is the canned connection's peer, server:8080, for a replayed sendto(). */
const SERVER = { family: 2, port: 8080, addr: ipFromString('10.0.0.2')! };

const SEND_CALLS = new Set(['send', 'sendto', 'write', 'sendmsg']);

/** unavailable wraps a reason given in English and Chinese. */
export const unavailable = (en: string, zh: string): CompareUnavailable => ({ unavailable: { en, zh } });

/** replayPlan reads what to repeat from the call's marker and path, or says why the call cannot be compared. */
export function replayPlan(
  mark: SyscallMark,
  path: PathView,
  nonagle: number,
): ReplayPlan | CompareUnavailable {
  const restart = mark.args.endsWith(' (restart)');
  const call = `${mark.name}()`;
  if (mark.name === 'socket' || mark.name === 'connect') {
    if (!path.rows.some((r) => r.kind === 'call' && /^tcp_|inet_stream_connect/.test(r.fn)))
      return unavailable(`only a TCP socket's ${call} can be compared`, `只能比较 TCP 套接字的 ${call}`);
    return { name: mark.name, restart, len: 0, flags: 0, nonagle: 0 };
  }
  if (!SEND_CALLS.has(mark.name))
    return unavailable(
      `${call} cannot be compared: pick socket(), connect() or a send on a TCP socket`,
      `${call} 无法比较：请选择 socket()、connect() 或 TCP 套接字上的发送调用`,
    );
  if (!path.rows.some((r) => r.kind === 'call' && r.fn === 'tcp_sendmsg'))
    return unavailable(
      `this ${call} did not reach tcp_sendmsg: only TCP sends can be compared`,
      `这次 ${call} 没有到达 tcp_sendmsg：只能比较 TCP 发送`,
    );
  // args read "fd, len, 0xflags" (send, sendto), "fd, len" (write), "fd, {iovlen=n, len=len}, 0xflags" (sendmsg)
  const asked = Number((mark.name === 'sendmsg' ? /[ {]len=(\d+)/ : /^\d+, (\d+)/).exec(mark.args)?.[1] ?? 0);
  const len = mark.ret !== null && mark.ret > 0 ? mark.ret : asked;
  if (len <= 0)
    return unavailable(`this ${call} sent no bytes to compare`, `这次 ${call} 没有发送可比较的字节`);
  const flags = Number(/, (0x[0-9a-f]+)/.exec(mark.args)?.[1] ?? 0);
  return { name: mark.name as ReplayPlan['name'], restart, len, flags, nonagle };
}

/** replay runs plan in a fresh world of kernel and returns the path of the replayed call and its description. */
export function replay(kernel: KernelVersion, plan: ReplayPlan): { path: PathView; replay: FieldMeaning } {
  const e = established(kernel);
  const before = e.w.trace.length;
  if (plan.name === 'send' || plan.name === 'sendto' || plan.name === 'write' || plan.name === 'sendmsg')
    sendOn(e, plan);
  e.w.sim.runUntilIdle();
  const index = new TraceIndex(e.w.trace);
  index.update();
  const client = index.syscalls.filter((s) => s.host === 'client' && s.name === plan.name);
  const pick =
    plan.name === 'connect'
      ? client.find((s) => s.args.endsWith(' (restart)') === plan.restart)
      : plan.name === 'socket'
        ? client[0]
        : client.find((s) => s.seq >= before);
  if (!pick) throw new Error(`replay: the canned connection made no ${plan.name}() on ${kernel}`);
  const flags = `0x${plan.flags.toString(16)}`;
  const what =
    plan.name === 'socket' || plan.name === 'connect'
      ? {
          en: `${plan.name}() of a client connecting to server:8080`,
          zh: `客户端连接 server:8080 时的 ${plan.name}()`,
        }
      : {
          en: `${plan.name}() of ${plan.len} bytes, flags ${flags}, nonagle ${plan.nonagle}, on an established client → server:8080 connection`,
          zh: `在已建立的 client → server:8080 连接上 ${plan.name}() ${plan.len} 字节，flags ${flags}，nonagle ${plan.nonagle}`,
        };
  return { path: pathView(index, pick.seq), replay: what };
}

function sendOn(e: Established, plan: ReplayPlan): void {
  const tcp = IPPROTO.IPPROTO_TCP;
  if (plan.nonagle & 1) setsockopt(e.c, e.cp, e.cfd, tcp, TCP_OPT.TCP_NODELAY, 1);
  if (plan.nonagle & 2) setsockopt(e.c, e.cp, e.cfd, tcp, TCP_OPT.TCP_CORK, 1);
  const data = new Uint8Array(plan.len).map((_, i) => 0x61 + (i % 26));
  if (plan.name === 'write') write(e.c, e.cp, e.cfd, data);
  else if (plan.name === 'sendmsg') sendmsg(e.c, e.cp, e.cfd, { name: null, iov: [data] }, plan.flags);
  else sendto(e.c, e.cp, e.cfd, data, plan.flags, plan.name === 'sendto' ? SERVER : null);
}

/** diffPaths compares two paths of one call: functions only one ran, dispatch slots that reach different functions, and the differing members of the ops tables involved (from the profiles). */
export function diffPaths(
  here: { readonly kernel: KernelVersion; readonly rows: readonly PathRow[] },
  there: { readonly kernel: KernelVersion; readonly rows: readonly PathRow[] },
): PathDiff {
  return {
    ...diffRows(here.rows, there.rows),
    tables: diffTables(here.kernel, there.kernel, [...here.rows, ...there.rows]),
  };
}

function diffRows(here: readonly PathRow[], there: readonly PathRow[]): Omit<PathDiff, 'tables'> {
  const fnsHere = callNames(here);
  const fnsThere = callNames(there);
  const hopsHere = hopTargets(here);
  const hopsThere = hopTargets(there);
  const hops: HopDiff[] = [];
  for (const slot of new Set([...hopsHere.keys(), ...hopsThere.keys()])) {
    const a = hopsHere.get(slot) ?? null;
    const b = hopsThere.get(slot) ?? null;
    if (a !== b) hops.push({ slot, here: a, there: b });
  }
  return {
    onlyHere: [...fnsHere].filter((fn) => !fnsThere.has(fn)),
    onlyThere: [...fnsThere].filter((fn) => !fnsHere.has(fn)),
    hops,
  };
}

function callNames(rows: readonly PathRow[]): Set<string> {
  return new Set(rows.filter((r) => r.kind === 'call').map((r) => r.fn));
}

/** hopTargets maps each dispatch slot of the path to the first function reached through it. */
function hopTargets(rows: readonly PathRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.hop === null) continue;
    const arrow = r.hop.lastIndexOf(' → ');
    const slot = arrow < 0 ? r.hop : r.hop.slice(0, arrow);
    if (!out.has(slot)) out.set(slot, r.fn);
  }
  return out;
}

/** opsTables returns a profile's proto_ops, proto and icsk_af_ops tables by name. */
function opsTables(kernel: KernelVersion): Record<string, Readonly<Record<string, string>>> {
  const p = PROFILES[kernel];
  return { ...p.protoOps, ...p.protos, ipv4_specific: p.ipv4_specific };
}

/** diffTables compares, member by member, the ops tables named in the rows' dispatch hops. */
function diffTables(here: KernelVersion, there: KernelVersion, rows: readonly PathRow[]): TableDiff[] {
  const a = opsTables(here);
  const b = opsTables(there);
  const named = new Set(
    rows.flatMap((r) => (r.hop ? [...r.hop.matchAll(/\((\w+)\)/g)].map((m) => m[1]!) : [])),
  );
  const out: TableDiff[] = [];
  for (const table of [...named].sort()) {
    const ta = a[table] ?? {};
    const tb = b[table] ?? {};
    for (const member of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
      const x = ta[member] ?? null;
      const y = tb[member] ?? null;
      if (x !== y) out.push({ table, member, here: x, there: y });
    }
  }
  return out;
}
