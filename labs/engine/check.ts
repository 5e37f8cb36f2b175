// The check engine's entry: evaluate one check (dispatching on its kind, combining all/any/not)
// and one step (every check against the run, after first making sure the run could be
// checked at all: a compile error, a missing file or a looping program fails the step with a
// note that says so).
import { CHECK_FNS } from '../fns';
import type { CheckSpec, StepSpec } from '../format';
import type { Language } from '../text';
import { checkCommand, checkFrame, checkOutput } from './ioChecks';
import { tr } from './lang';
import type { Observation } from './observation';
import type { CheckContext, CheckResult, StepResult } from './result';
import { checkCall, checkEvent, checkField, checkFieldSet, checkPath, checkSyscall } from './traceChecks';

type Verdict = Omit<CheckResult, 'id' | 'hidden'>;

function verdict(c: CheckSpec, ctx: CheckContext): Verdict {
  switch (c.kind) {
    case 'call':
      return checkCall(c, ctx);
    case 'path':
      return checkPath(c, ctx);
    case 'syscall':
      return checkSyscall(c, ctx);
    case 'fieldSet':
      return checkFieldSet(c, ctx);
    case 'field':
      return checkField(c, ctx);
    case 'event':
      return checkEvent(c, ctx);
    case 'frame':
      return checkFrame(c, ctx);
    case 'output':
      return checkOutput(c, ctx);
    case 'command':
      return checkCommand(c, ctx);
    case 'fn': {
      const fn = CHECK_FNS[c.name];
      if (fn === undefined)
        return { ok: false, want: c.name, seen: `no check function "${c.name}"`, events: [] };
      return fn(ctx);
    }
    case 'all':
    case 'any': {
      const parts = c.checks.map((x) => evaluateCheck(x, ctx));
      const ok = c.kind === 'all' ? parts.every((p) => p.ok) : parts.some((p) => p.ok);
      const shown = c.kind === 'all' && !ok ? parts.filter((p) => !p.ok) : parts;
      const sep = c.kind === 'all' ? tr(ctx.lang, ' and ', '并且') : tr(ctx.lang, ' or ', '或者');
      return {
        ok,
        want: parts.map((p) => p.want).join(sep),
        seen: shown.map((p) => p.seen).join(' | '),
        events: shown.flatMap((p) => p.events),
      };
    }
    case 'not': {
      const inner = evaluateCheck(c.check, ctx);
      return {
        ok: !inner.ok,
        want: tr(ctx.lang, `never: ${inner.want}`, `不应出现：${inner.want}`),
        seen: inner.seen,
        events: inner.events,
      };
    }
  }
}

/** evaluateCheck runs one check against a run. */
export function evaluateCheck(c: CheckSpec, ctx: CheckContext): CheckResult {
  const inner = c.host === undefined ? ctx : { ...ctx, host: c.host };
  return { ...verdict(c, inner), id: c.id, hidden: c.hidden === true };
}

/** outcomeNote explains a run that cannot pass whatever its checks say, or undefined when it ran normally. */
export function outcomeNote(obs: Observation, lang: Language): string | undefined {
  const o = obs.outcome;
  switch (o.k) {
    case 'compile':
      return tr(lang, `${o.file} did not compile:\n${o.text}`, `${o.file} 编译失败：\n${o.text}`);
    case 'error':
      return o.message;
    case 'budget': {
      const running = obs.programs.filter((p) => p.status === null).map((p) => p.file);
      return tr(
        lang,
        `${running.join(', ')} was still running after ${o.instructions} instructions: does it loop forever?`,
        `${running.join('、')} 在执行 ${o.instructions} 条指令后仍在运行：是否陷入了死循环？`,
      );
    }
    case 'timeout': {
      const running = obs.programs.filter((p) => p.status === null).map((p) => p.file);
      return tr(
        lang,
        `${running.join(', ')} was still running when the time budget ran out (${o.instructions} instructions): does it loop forever?`,
        `时间预算用完时 ${running.join('、')} 仍在运行（已执行 ${o.instructions} 条指令）：是否陷入了死循环？`,
      );
    }
    default: {
      const crashed = obs.programs.find((p) => p.fault !== null);
      if (crashed === undefined) return undefined;
      return tr(lang, `${crashed.file} crashed: ${crashed.fault}`, `${crashed.file} 崩溃：${crashed.fault}`);
    }
  }
}

/** evaluateStep checks one step against a run; hidden checks are kept only when grading. */
export function evaluateStep(
  step: StepSpec,
  obs: Observation,
  opts: { lang: Language; grading: boolean },
): StepResult {
  const note = outcomeNote(obs, opts.lang);
  const ctx: CheckContext = { obs, lang: opts.lang, host: undefined };
  const unrunnable = obs.outcome.k === 'compile' || obs.outcome.k === 'error';
  const checks = unrunnable
    ? []
    : step.checks.filter((c) => opts.grading || c.hidden !== true).map((c) => evaluateCheck(c, ctx));
  const ok = note === undefined && checks.every((c) => c.ok);
  return { step: step.id, ok, note, checks };
}

/** describeCheck prints one check result as a line of feedback. */
export function describeCheck(r: CheckResult, lang: Language): string {
  const mark = r.ok ? '✓' : '✗';
  const label = r.id === undefined ? '' : `[${r.id}] `;
  return `${mark} ${label}${tr(lang, 'wanted', '期望')}: ${r.want}\n  ${tr(lang, 'seen', '看到')}: ${r.seen}`;
}
