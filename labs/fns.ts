// The escape hatch of the lab format: checks written as TypeScript functions over the same
// data as the declarative ones, registered here by name and named in lab.json as
// { "kind": "fn", "name": "…" }. A new function needs a code change, so teachers' own labs use
// the declarative checks; these are for what a declaration cannot say.
import { tr } from './engine/lang';
import type { FnCheck } from './engine/result';

/** segmentsWithinMss: every TCP segment with data carries at most the MSS its receiver announced in its SYN. */
const segmentsWithinMss: FnCheck = (ctx) => {
  const mssOf = new Map<string, number>();
  for (const f of ctx.obs.frames) {
    if (f.dir === 'tx' && typeof f.facts['tcp.mss'] === 'number')
      mssOf.set(String(f.facts['ip.src']), f.facts['tcp.mss']);
  }
  const data = ctx.obs.frames.filter(
    (f) => f.dir === 'tx' && typeof f.facts['tcp.len'] === 'number' && f.facts['tcp.len'] > 0,
  );
  const over = data.filter(
    (f) => (f.facts['tcp.len'] as number) > (mssOf.get(String(f.facts['ip.dst'])) ?? 536),
  );
  const want = tr(
    ctx.lang,
    'data segments, each at most the MSS the receiver announced',
    '数据段，且每段不超过接收方通告的 MSS',
  );
  if (data.length === 0)
    return { ok: false, want, seen: tr(ctx.lang, 'no segment carried data', '没有携带数据的段'), events: [] };
  const sizes = data
    .slice(0, 8)
    .map((f) => f.facts['tcp.len'])
    .join(', ');
  const seen =
    over.length === 0
      ? tr(
          ctx.lang,
          `${data.length} data segment(s) of ${sizes} bytes`,
          `${data.length} 个数据段，大小为 ${sizes} 字节`,
        )
      : tr(
          ctx.lang,
          `${over.length} segment(s) larger than the MSS: ${over[0]!.facts.summary}`,
          `${over.length} 个段超过 MSS：${over[0]!.facts.summary}`,
        );
  return {
    ok: over.length === 0,
    want,
    seen,
    events: (over.length > 0 ? over : data).slice(0, 3).map((f) => f.seq),
  };
};

/** CHECK_FNS maps each registered check function's name to it. */
export const CHECK_FNS: Readonly<Record<string, FnCheck>> = { segmentsWithinMss };
