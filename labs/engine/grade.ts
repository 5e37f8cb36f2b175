// Checking a whole submission against a lab: each of the lab's runs that some step uses is run
// once on the submission's files, and every step is evaluated against its run. Used by
// `socklab grade`, the app's "check my files" and the labs' own tests.
import type { CParser } from '../../core/index';
import type { Language } from '../text';
import type { Files, Lab } from '../validate';
import { evaluateStep } from './check';
import type { Observation } from './observation';
import type { StepResult } from './result';
import { runLab } from './run';

/** GradeOptions tune a submission's check: language, grading mode (hidden checks), budget, commands. */
export interface GradeOptions {
  readonly lang?: Language;
  /** grading includes the hidden checks (default true). */
  readonly grading?: boolean;
  readonly instructions?: number;
  readonly commands?: readonly string[];
  /** outOfTime stops a run when it returns true (see RunInput). */
  readonly outOfTime?: () => boolean;
}

/** LabReport is a submission's result: every step's verdict and the observations they were read from. */
export interface LabReport {
  readonly ok: boolean;
  readonly steps: readonly StepResult[];
  readonly observations: ReadonlyMap<string, Observation>;
}

/** checkSubmission runs the lab's runs on the files and evaluates every step. */
export function checkSubmission(lab: Lab, files: Files, parser: CParser, opts: GradeOptions = {}): LabReport {
  const observations = new Map<string, Observation>();
  const steps = lab.spec.steps.map((step) => {
    const name = step.run ?? 'default';
    let obs = observations.get(name);
    if (obs === undefined) {
      obs = runLab({
        parser,
        run: lab.spec.runs[name]!,
        student: files,
        fixtures: lab.fixtures,
        instructions: opts.instructions,
        commands: opts.commands,
        outOfTime: opts.outOfTime,
      });
      observations.set(name, obs);
    }
    return evaluateStep(step, obs, { lang: opts.lang ?? 'en', grading: opts.grading ?? true });
  });
  return { ok: steps.every((s) => s.ok), steps, observations };
}
