// Predict-then-observe: a step's question is answered by the student before the run, then the
// engine reads the true answer from the run (format.ts's QueryAnswer) and compares the two,
// pointing at the event that holds the answer.
import type { QueryAnswer } from '../format';
import type { Language } from '../text';
import { callsOf } from './calls';
import { framesMatching } from './ioChecks';
import { tr } from './lang';
import { showValue } from './match';
import type { Observation } from './observation';
import type { CheckContext } from './result';
import { anchorSeq, syscallsOf } from './traceChecks';

/** Observed is the answer a run gives to a question, with the event to jump to. */
export interface Observed {
  readonly value: string | undefined;
  readonly event: number | undefined;
}

/** observeAnswer reads a question's answer from a run. */
export function observeAnswer(q: QueryAnswer, obs: Observation): Observed {
  const ctx: CheckContext = { obs, lang: 'en', host: undefined };
  switch (q.query) {
    case 'callAfter': {
      const calls = callsOf(obs);
      const i = calls.findIndex((c) => c.fn === q.fn);
      if (i < 0) return { value: undefined, event: undefined };
      const at = calls[i]!;
      let next: (typeof calls)[number] | undefined;
      for (const c of calls.slice(i + 1)) {
        if (c.host !== at.host) continue;
        if (c.depth <= at.depth) break;
        if (q.among === undefined || q.among.includes(c.fn)) {
          next = c;
          break;
        }
      }
      return { value: next?.fn, event: next?.seq };
    }
    case 'field': {
      const seq = anchorSeq({ ...ctx, host: q.host }, q.at);
      if (seq === undefined) return { value: undefined, event: undefined };
      const s = [...obs.snapshotAt(seq).values()].find(
        (x) => x.struct === q.struct && (q.host === undefined || x.host === q.host),
      );
      const v = s?.fields[q.field];
      return { value: v === undefined ? undefined : showValue(v), event: seq };
    }
    case 'frameCount': {
      const { hit } = framesMatching(ctx, q.match, q.dir);
      return { value: String(hit.length), event: hit[0]?.seq };
    }
    case 'syscallRet': {
      const s = syscallsOf(ctx).filter((x) => x.name === q.name)[(q.nth ?? 1) - 1];
      return { value: s === undefined ? undefined : String(s.ret), event: s?.seq };
    }
  }
}

/** normalize makes answers comparable: trimmed, lower case, "()" dropped, numbers in decimal. */
function normalize(s: string): string {
  const t = s.trim().toLowerCase().replace(/\(\)$/, '');
  return /^-?(0x[0-9a-f]+|\d+)$/.test(t) ? String(Number(t)) : t;
}

/** PredictVerdict compares a prediction with what the run showed. */
export interface PredictVerdict {
  readonly right: boolean;
  readonly observed: Observed;
  readonly text: string;
}

/** judgePrediction compares the student's prediction with the run's answer. */
export function judgePrediction(
  q: QueryAnswer,
  predicted: string,
  obs: Observation,
  lang: Language,
): PredictVerdict {
  const observed = observeAnswer(q, obs);
  if (observed.value === undefined)
    return {
      right: false,
      observed,
      text: tr(lang, 'the run did not show the answer', '这次运行没有显示出答案'),
    };
  const right = normalize(predicted) === normalize(observed.value);
  const text = right
    ? tr(lang, `right: the run shows ${observed.value}`, `正确：运行结果是 ${observed.value}`)
    : tr(
        lang,
        `you predicted ${predicted}; the run shows ${observed.value}`,
        `你预测的是 ${predicted}；运行结果是 ${observed.value}`,
      );
  return { right, observed, text };
}
