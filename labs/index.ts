// labs/ holds the guided labs, one folder per lab (lab.json with the runs, steps and checks;
// en.md and zh-CN.md with the text; start/, solution/, wrong/<name>/ and fixtures/ with C
// files; labs/README.md documents the format for teachers), and the pure code that reads them:
// the format's schema and validator, and the check engine that runs a submission or reads a
// live session and says, per step, what was wanted and what was seen. main/ reads the folders
// from disk and hands their files here; nothing here touches Node or the DOM.
export {
  LAB_FORMAT_VERSION,
  labSchema,
  type CheckSpec,
  type LabSpec,
  type StepSpec,
  type QueryAnswer,
  type RunSpec,
} from './format';
export { LANGUAGES, parseLabText, type Language, type LabText, type StepText } from './text';
export { loadLab, type BrokenLab, type Files, type Lab } from './validate';
export { CHECK_FNS } from './fns';
export { describeCheck, evaluateCheck, evaluateStep, outcomeNote } from './engine/check';
export { checkSubmission, type GradeOptions, type LabReport } from './engine/grade';
export { judgePrediction, observeAnswer, type Observed, type PredictVerdict } from './engine/predict';
export { runLab, DEFAULT_INSTRUCTIONS, type RunInput } from './engine/run';
export { observeSession } from './engine/session';
export {
  observeWorld,
  type Observation,
  type Outcome,
  type ProgramResult,
  type FrameSeen,
} from './engine/observation';
export type { CheckResult, StepResult, CheckContext, FnCheck } from './engine/result';
