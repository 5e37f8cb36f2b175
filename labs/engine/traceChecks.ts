// The checks over the trace: kernel calls (with arguments, return value, caller and count),
// call paths within one chain, system calls (arguments, return value, errno), traced field
// changes, and struct field values read from the snapshots at an anchor.
import type { CheckSpec } from '../format';
import { callsOf, type CallInfo } from './calls';
import { tr } from './lang';
import { matches, showMatch, showValue } from './match';
import type { CheckContext, CheckResult } from './result';

type Of<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;
type Verdict = Omit<CheckResult, 'id' | 'hidden'>;

const MAX_LISTED = 3;
const hostOk = (ctx: CheckContext, host: string) => ctx.host === undefined || ctx.host === host;
const showCall = (c: CallInfo) =>
  `${c.fn}(${c.args}) = ${c.ret === undefined ? '…' : showValue(c.ret)}${c.parent === undefined ? '' : ` ← ${c.parent}`}`;

/** countOk applies a check's count (default: at least one). */
export function countOk(n: number, count: { min?: number; max?: number } | undefined): boolean {
  return n >= (count?.min ?? 1) && n <= (count?.max ?? Infinity);
}

/** showCount prints a count requirement, or nothing for the default "at least one". */
export function showCount(ctx: CheckContext, count: { min?: number; max?: number } | undefined): string {
  if (count === undefined) return '';
  const { min, max } = count;
  if (min !== undefined && min === max) return tr(ctx.lang, ` exactly ${min} time(s)`, ` 恰好 ${min} 次`);
  const parts = [
    min === undefined ? '' : tr(ctx.lang, `at least ${min}`, `至少 ${min} 次`),
    max === undefined ? '' : tr(ctx.lang, `at most ${max}`, `至多 ${max} 次`),
  ].filter((p) => p !== '');
  return ` (${parts.join(', ')})`;
}

/** checkCall looks for calls to a kernel function matching the check's arguments, return value and caller. */
export function checkCall(c: Of<'call'>, ctx: CheckContext): Verdict {
  const all = callsOf(ctx.obs).filter((x) => x.fn === c.fn && hostOk(ctx, x.host));
  const hit = all.filter(
    (x) =>
      (c.args === undefined || new RegExp(c.args).test(x.args)) &&
      (c.ret === undefined || matches(x.ret, c.ret)) &&
      (c.parent === undefined || x.parent === c.parent),
  );
  const want =
    tr(ctx.lang, `a call to ${c.fn}`, `对 ${c.fn} 的调用`) +
    (c.args === undefined
      ? ''
      : tr(ctx.lang, ` with arguments matching /${c.args}/`, `，参数匹配 /${c.args}/`)) +
    (c.ret === undefined
      ? ''
      : tr(ctx.lang, ` returning ${showMatch(c.ret)}`, `，返回值 ${showMatch(c.ret)}`)) +
    (c.parent === undefined ? '' : tr(ctx.lang, ` called from ${c.parent}`, `，由 ${c.parent} 调用`)) +
    showCount(ctx, c.count);
  const shown = (hit.length > 0 ? hit : all).slice(0, MAX_LISTED);
  const seen =
    all.length === 0
      ? tr(ctx.lang, `${c.fn} was never called`, `${c.fn} 从未被调用`)
      : tr(
          ctx.lang,
          `${hit.length} of ${all.length} call(s) matched: `,
          `${all.length} 次调用中有 ${hit.length} 次符合：`,
        ) + shown.map(showCall).join('; ');
  return { ok: countOk(hit.length, c.count), want, seen, events: shown.map((x) => x.seq) };
}

/** checkPath looks for the functions in order (others may come between) within one chain of calls. */
export function checkPath(c: Of<'path'>, ctx: CheckContext): Verdict {
  const byChain = new Map<number, CallInfo[]>();
  for (const x of callsOf(ctx.obs)) {
    if (!hostOk(ctx, x.host)) continue;
    const list = byChain.get(x.chain);
    if (list === undefined) byChain.set(x.chain, [x]);
    else list.push(x);
  }
  let best: CallInfo[] = [];
  for (const list of byChain.values()) {
    const got: CallInfo[] = [];
    for (const x of list) if (got.length < c.fns.length && x.fn === c.fns[got.length]) got.push(x);
    if (got.length > best.length) best = got;
    if (best.length === c.fns.length) break;
  }
  const want = tr(ctx.lang, `the path ${c.fns.join(' → ')}`, `调用路径 ${c.fns.join(' → ')}`);
  const next = c.fns[best.length];
  const seen =
    best.length === 0
      ? tr(ctx.lang, `no call to ${c.fns[0]}`, `没有对 ${c.fns[0]} 的调用`)
      : best.map((x) => x.fn).join(' → ') +
        (next === undefined
          ? ''
          : tr(
              ctx.lang,
              `, but no ${next} after ${best.at(-1)!.fn}`,
              `，但 ${best.at(-1)!.fn} 之后没有 ${next}`,
            ));
  return { ok: best.length === c.fns.length, want, seen, events: best.map((x) => x.seq) };
}

/** SyscallInfo is one system call: its arguments from syscall_enter and its result from syscall_exit. */
interface SyscallInfo {
  readonly seq: number;
  readonly host: string;
  readonly name: string;
  readonly args: string;
  readonly ret: number;
  readonly errno: string;
}

/** syscallsOf pairs each syscall_exit with the last syscall_enter of the same task. */
export function syscallsOf(ctx: CheckContext): SyscallInfo[] {
  const open = new Map<string, string>();
  const out: SyscallInfo[] = [];
  for (const e of ctx.obs.events) {
    if (e.kind === 'syscall_enter') open.set(`${e.host}/${e.pid}`, e.args);
    else if (e.kind === 'syscall_exit' && hostOk(ctx, e.host)) {
      const args = open.get(`${e.host}/${e.pid}`) ?? '';
      out.push({ seq: e.seq, host: e.host, name: e.name, args, ret: e.ret, errno: e.errno });
    }
  }
  return out;
}

const showSyscall = (s: SyscallInfo) =>
  `${s.name}(${s.args}) = ${s.ret}${s.errno === '' ? '' : ` ${s.errno}`}`;

/** checkSyscall looks for system calls with matching arguments, return value or errno. */
export function checkSyscall(c: Of<'syscall'>, ctx: CheckContext): Verdict {
  const all = syscallsOf(ctx).filter((s) => s.name === c.name);
  const hit = all.filter(
    (s) =>
      (c.args === undefined || new RegExp(c.args).test(s.args)) &&
      (c.ret === undefined || matches(s.ret, c.ret)) &&
      (c.errno === undefined || s.errno === c.errno),
  );
  const want =
    tr(ctx.lang, `a ${c.name}() system call`, `一次 ${c.name}() 系统调用`) +
    (c.args === undefined
      ? ''
      : tr(ctx.lang, ` with arguments matching /${c.args}/`, `，参数匹配 /${c.args}/`)) +
    (c.ret === undefined
      ? ''
      : tr(ctx.lang, ` returning ${showMatch(c.ret)}`, `，返回 ${showMatch(c.ret)}`)) +
    (c.errno === undefined ? '' : tr(ctx.lang, ` failing with ${c.errno}`, `，以 ${c.errno} 失败`)) +
    showCount(ctx, c.count);
  const shown = (hit.length > 0 ? hit : all).slice(0, MAX_LISTED);
  const seen =
    all.length === 0
      ? tr(ctx.lang, `no ${c.name}() call was made`, `没有调用 ${c.name}()`)
      : shown.map(showSyscall).join('; ');
  return { ok: countOk(hit.length, c.count), want, seen, events: shown.map((s) => s.seq) };
}

/** checkFieldSet looks for a traced change of a struct field, optionally to a value and by a function. */
export function checkFieldSet(c: Of<'fieldSet'>, ctx: CheckContext): Verdict {
  const all = ctx.obs.events.filter(
    (e) => e.kind === 'field' && e.struct === c.struct && e.field === c.field && hostOk(ctx, e.host),
  ) as Array<Extract<(typeof ctx.obs.events)[number], { kind: 'field' }>>;
  const hit = all.filter(
    (e) => (c.value === undefined || matches(e.new, c.value)) && (c.by === undefined || e.by === c.by),
  );
  const want =
    tr(ctx.lang, `${c.struct}.${c.field} set`, `${c.struct}.${c.field} 被设置`) +
    (c.value === undefined ? '' : tr(ctx.lang, ` to ${showMatch(c.value)}`, `为 ${showMatch(c.value)}`)) +
    (c.by === undefined ? '' : tr(ctx.lang, ` by ${c.by}`, `（由 ${c.by}）`));
  const shown = (hit.length > 0 ? hit : all).slice(0, MAX_LISTED);
  const seen =
    all.length === 0
      ? tr(ctx.lang, `${c.struct}.${c.field} never changed`, `${c.struct}.${c.field} 从未改变`)
      : shown.map((e) => `${e.field}: ${showValue(e.old)} → ${showValue(e.new)} by ${e.by}`).join('; ');
  return { ok: hit.length > 0, want, seen, events: shown.map((e) => e.seq) };
}

/** anchorSeq finds the event an anchor names: the nth return of a system call, or the last event. */
export function anchorSeq(ctx: CheckContext, at: Of<'field'>['at']): number | undefined {
  if (at === 'end') return ctx.obs.events.length - 1;
  const exits = syscallsOf({ ...ctx, host: at.host ?? ctx.host }).filter((s) => s.name === at.syscall);
  return exits[(at.nth ?? 1) - 1]?.seq;
}

/** showAnchor prints an anchor for feedback. */
export function showAnchor(ctx: CheckContext, at: Of<'field'>['at']): string {
  if (at === 'end') return tr(ctx.lang, 'at the end of the run', '在运行结束时');
  const nth = at.nth ?? 1;
  return tr(ctx.lang, `after ${at.syscall}() #${nth} returned`, `在第 ${nth} 次 ${at.syscall}() 返回之后`);
}

/** checkField reads a struct field from the snapshot at the anchor; any struct of that type may match. */
export function checkField(c: Of<'field'>, ctx: CheckContext): Verdict {
  const want =
    tr(
      ctx.lang,
      `${c.struct}.${c.field} ${showMatch(c.value)} `,
      `${c.struct}.${c.field} ${showMatch(c.value)}，`,
    ) + showAnchor(ctx, c.at);
  const seq = anchorSeq(ctx, c.at);
  if (seq === undefined)
    return { ok: false, want, seen: tr(ctx.lang, 'that moment never came', '那一时刻从未到来'), events: [] };
  const structs = [...ctx.obs.snapshotAt(seq).values()].filter(
    (s) => s.struct === c.struct && hostOk(ctx, s.host),
  );
  const hit = structs.find((s) => matches(s.fields[c.field], c.value));
  const shown = hit === undefined ? structs.slice(0, MAX_LISTED) : [hit];
  const seen =
    structs.length === 0
      ? tr(ctx.lang, `no ${c.struct} was alive then`, `那时没有存活的 ${c.struct}`)
      : shown
          .map((s) => `${s.host} ${c.struct} ${s.obj}: ${c.field} = ${showValue(s.fields[c.field])}`)
          .join('; ');
  return { ok: hit !== undefined, want, seen, events: [seq] };
}

/** checkEvent looks for trace events of a kind whose fields match (any tracepoint of the schema). */
export function checkEvent(c: Of<'event'>, ctx: CheckContext): Verdict {
  const match = c.match ?? {};
  const all = ctx.obs.events.filter((e) => e.kind === c.name && hostOk(ctx, e.host));
  const fieldsOf = (e: (typeof all)[number]) =>
    e as unknown as Record<string, string | number | boolean | null>;
  const hit = all.filter((e) => Object.entries(match).every(([k, m]) => matches(fieldsOf(e)[k], m)));
  const wanted = Object.entries(match).map(([k, m]) => `${k} ${showMatch(m)}`);
  const want =
    tr(ctx.lang, `a ${c.name} event`, `一个 ${c.name} 事件`) +
    (wanted.length === 0 ? '' : tr(ctx.lang, ` with ${wanted.join(', ')}`, `，满足 ${wanted.join('、')}`)) +
    showCount(ctx, c.count);
  const shown = (hit.length > 0 ? hit : all).slice(0, MAX_LISTED);
  const show = (e: (typeof all)[number]) =>
    `${e.host}: ` +
    Object.keys(match)
      .map((k) => `${k}=${showValue(fieldsOf(e)[k])}`)
      .join(' ');
  const seen =
    all.length === 0
      ? tr(ctx.lang, `no ${c.name} event happened`, `没有发生 ${c.name} 事件`)
      : tr(
          ctx.lang,
          `${hit.length} of ${all.length} matched: `,
          `${all.length} 个中有 ${hit.length} 个符合：`,
        ) + shown.map(show).join('; ');
  return { ok: countOk(hit.length, c.count), want, seen, events: shown.map((e) => e.seq) };
}
