// The checks over what left the kernel: frames on the wires (matched on their decoded fields),
// the programs' output and exit statuses, and the shell commands the student ran.
import type { CheckSpec, Match } from '../format';
import { tr } from './lang';
import { matches, showMatch, showValue } from './match';
import type { FrameSeen } from './observation';
import type { CheckContext, CheckResult } from './result';
import { countOk, showCount } from './traceChecks';

type Of<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;
type Verdict = Omit<CheckResult, 'id' | 'hidden'>;

const MAX_LISTED = 3;
const MAX_TEXT = 300;

/** framesMatching returns the frames whose fields all match, in order. */
export function framesMatching(
  ctx: CheckContext,
  match: Readonly<Record<string, Match>>,
  dir: 'tx' | 'rx' | undefined,
): { all: FrameSeen[]; hit: FrameSeen[] } {
  const all = ctx.obs.frames.filter(
    (f) => (dir === undefined || f.dir === dir) && (ctx.host === undefined || f.host === ctx.host),
  );
  const hit = all.filter((f) => Object.entries(match).every(([k, m]) => matches(f.facts[k], m)));
  return { all, hit };
}

/** checkFrame looks for frames whose decoded fields match; failing, it shows the closest frames and which field differed. */
export function checkFrame(c: Of<'frame'>, ctx: CheckContext): Verdict {
  const { all, hit } = framesMatching(ctx, c.match, c.dir);
  const wanted = Object.entries(c.match).map(([k, m]) => `${k} ${showMatch(m)}`);
  const want =
    tr(ctx.lang, `a frame with ${wanted.join(', ')}`, `一个满足 ${wanted.join('、')} 的帧`) +
    showCount(ctx, c.count);
  if (hit.length > 0 || all.length === 0) {
    const seen =
      all.length === 0
        ? tr(
            ctx.lang,
            `no frame was ${c.dir === 'rx' ? 'received' : c.dir === 'tx' ? 'sent' : 'seen'}${ctx.host === undefined ? '' : ` on ${ctx.host}`}`,
            `${ctx.host === undefined ? '' : `${ctx.host} 上`}没有${c.dir === 'rx' ? '收到' : c.dir === 'tx' ? '发出' : ''}任何帧`,
          )
        : tr(ctx.lang, `${hit.length} matching frame(s): `, `${hit.length} 个符合的帧：`) +
          hit
            .slice(0, MAX_LISTED)
            .map((f) => f.facts.summary)
            .join('; ');
    return {
      ok: countOk(hit.length, c.count),
      want,
      seen,
      events: hit.slice(0, MAX_LISTED).map((f) => f.seq),
    };
  }
  // Closest: most fields matching, then most of the wanted fields present (a TCP frame beats an ARP one).
  const score = (f: FrameSeen) =>
    Object.entries(c.match).reduce((n, [k, m]) => n + (matches(f.facts[k], m) ? 2 : k in f.facts ? 1 : 0), 0);
  const best = Math.max(...all.map(score));
  const closest = all.filter((f) => score(f) === best).slice(0, MAX_LISTED);
  const seen =
    tr(ctx.lang, 'no frame matched; closest: ', '没有符合的帧；最接近的：') +
    closest
      .map((f) => {
        const wrong = Object.entries(c.match)
          .filter(([k, m]) => !matches(f.facts[k], m))
          .map(([k]) => `${k} = ${showValue(f.facts[k])}`);
        return `${f.facts.summary} (${wrong.join(', ')})`;
      })
      .join('; ');
  return { ok: false, want, seen, events: closest.map((f) => f.seq) };
}

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/** checkOutput matches a program's output text and exit status (default: every program; any may match). */
export function checkOutput(c: Of<'output'>, ctx: CheckContext): Verdict {
  const stream = c.stream ?? 'stdout';
  const programs = ctx.obs.programs.filter(
    (p, i) => (c.program === undefined || c.program === i) && (ctx.host === undefined || p.host === ctx.host),
  );
  const hit = programs.find(
    (p) =>
      (c.regex === undefined || new RegExp(c.regex).test(p[stream])) &&
      (c.exit === undefined || matches(p.status, c.exit)),
  );
  const want =
    (c.regex === undefined
      ? ''
      : tr(ctx.lang, `${stream} matching /${c.regex}/`, `${stream} 匹配 /${c.regex}/`)) +
    (c.regex !== undefined && c.exit !== undefined ? tr(ctx.lang, ' and ', '且') : '') +
    (c.exit === undefined
      ? ''
      : tr(ctx.lang, `exit status ${showMatch(c.exit)}`, `退出状态 ${showMatch(c.exit)}`));
  const shown = hit === undefined ? programs : [hit];
  const seen =
    shown.length === 0
      ? tr(ctx.lang, 'no program ran', '没有程序运行')
      : shown
          .map((p) => {
            const status =
              p.status === null
                ? tr(ctx.lang, 'still running', '仍在运行')
                : tr(ctx.lang, `exit ${p.status}`, `退出 ${p.status}`);
            return `${p.file}: ${JSON.stringify(clip(p[stream]))} (${status}${p.fault === null ? '' : `, ${p.fault}`})`;
          })
          .join('; ');
  return { ok: hit !== undefined, want, seen, events: [] };
}

/** checkCommand looks for a shell command the student ran. */
export function checkCommand(c: Of<'command'>, ctx: CheckContext): Verdict {
  const re = new RegExp(c.regex);
  const hit = ctx.obs.commands.find((line) => re.test(line));
  const want = tr(ctx.lang, `a shell command matching /${c.regex}/`, `一条匹配 /${c.regex}/ 的 shell 命令`);
  const last = ctx.obs.commands.slice(-MAX_LISTED);
  const seen =
    hit !== undefined
      ? hit
      : last.length === 0
        ? tr(ctx.lang, 'no command was run', '没有运行任何命令')
        : tr(ctx.lang, `last commands: ${last.join('; ')}`, `最近的命令：${last.join('; ')}`);
  return { ok: hit !== undefined, want, seen, events: [] };
}
