// What checking produces: one CheckResult per check (what it wanted, what was seen, the trace
// events to jump to) and one StepResult per step, plus the context every check receives.
import type { Language } from '../text';
import type { Observation } from './observation';

/** CheckResult is one check's verdict with feedback that says what was wanted and what was seen. */
export interface CheckResult {
  readonly ok: boolean;
  readonly id: string | undefined;
  /** hidden checks are grading-only; the app leaves them out. */
  readonly hidden: boolean;
  /** want says what the check looks for. */
  readonly want: string;
  /** seen says what the run showed instead (or what satisfied the check). */
  readonly seen: string;
  /** events are trace seqs the views can jump to (the matching or closest events). */
  readonly events: readonly number[];
}

/** CheckContext is what a check reads: the run, the feedback language, and the host filter in force. */
export interface CheckContext {
  readonly obs: Observation;
  readonly lang: Language;
  readonly host: string | undefined;
}

/** FnCheck is a check written as a TypeScript function (the escape hatch registered in labs/fns.ts). */
export type FnCheck = (ctx: CheckContext) => Omit<CheckResult, 'id' | 'hidden'>;

/** StepResult is one step's verdict: every check's result and a note on how the run ended when that alone fails it. */
export interface StepResult {
  readonly step: string;
  readonly ok: boolean;
  /** note explains a run that could not be checked: compile errors, a looping program, a missing file. */
  readonly note: string | undefined;
  readonly checks: readonly CheckResult[];
}
