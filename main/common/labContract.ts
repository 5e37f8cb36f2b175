// The guided labs' part of the contract: the lab list with progress, one lab's text and state in
// a language, revealing a hint, recording a prediction, checking a step (against the window's
// live session, and against the student's files when the session alone does not pass), and the
// labs.changed event main pushes when an automatic check passed a step. Spread into contract.ts.
import * as v from 'valibot';

const labId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lab id like "socket-create"'));
const stepId = labId;
const lang = v.picklist(['en', 'zh-CN']);

const checkView = v.object({
  id: v.nullable(v.string()),
  ok: v.boolean(),
  want: v.string(),
  seen: v.string(),
  /** events are trace seqs the views can jump to. */
  events: v.array(v.number()),
});
const questionView = v.object({
  id: v.string(),
  text: v.string(),
  choices: v.nullable(v.array(v.string())),
  /** answer is the student's prediction, once made. */
  answer: v.nullable(v.string()),
  /** right says whether the run agreed, once checked. */
  right: v.nullable(v.boolean()),
});
const stepView = v.object({
  id: v.string(),
  title: v.string(),
  body: v.string(),
  /** hints are the hints revealed so far, in order. */
  hints: v.array(v.string()),
  hintCount: v.number(),
  questions: v.array(questionView),
  passed: v.boolean(),
  attempts: v.number(),
});

/** LabStepView is one step as the panel shows it. */
export type LabStepView = v.InferOutput<typeof stepView>;
/** LabCheckView is one check's feedback as the panel shows it. */
export type LabCheckView = v.InferOutput<typeof checkView>;

/** labRequestSchemas are the labs' requests, spread into contract.ts's requestSchemas. */
export const labRequestSchemas = {
  /** Every lab with its title and progress; a broken lab carries its problems instead. */
  'labs.list': {
    args: v.strictObject({ lang }),
    reply: v.object({
      labs: v.array(
        v.object({
          id: v.string(),
          title: v.string(),
          ok: v.boolean(),
          errors: v.array(v.string()),
          steps: v.number(),
          passed: v.number(),
          /** timeMs is the time spent with the lab open. */
          timeMs: v.number(),
        }),
      ),
    }),
  },
  /** One lab's text and state; its starting files are copied into the workspace folder named after it (folder, relative to home) when missing. */
  'labs.open': {
    args: v.strictObject({ id: labId, lang }),
    reply: v.object({
      id: v.string(),
      title: v.string(),
      intro: v.string(),
      folder: v.string(),
      steps: v.array(stepView),
    }),
  },
  /** Reveals the step's next hint; the reply lists the hints revealed so far. */
  'labs.hint': {
    args: v.strictObject({ id: labId, step: stepId, lang }),
    reply: v.object({ hints: v.array(v.string()) }),
  },
  /** Records the student's prediction for a question (compared with the run at the next check). */
  'labs.predict': {
    args: v.strictObject({
      id: labId,
      step: stepId,
      question: stepId,
      answer: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    }),
    reply: v.object({}),
  },
  /** Checks a step: what was wanted and seen per check, the predictions judged, the progress after. */
  'labs.check': {
    args: v.strictObject({ id: labId, step: stepId, lang }),
    reply: v.object({
      passed: v.boolean(),
      /** source says what was checked: the live session, or the student's files run as the lab runs them. */
      source: v.picklist(['session', 'files']),
      note: v.nullable(v.string()),
      checks: v.array(checkView),
      predictions: v.array(
        v.object({ id: v.string(), right: v.boolean(), text: v.string(), event: v.nullable(v.number()) }),
      ),
      attempts: v.number(),
    }),
  },
} as const;

/** labEventSchemas are the labs' events, spread into contract.ts's eventSchemas. */
export const labEventSchemas = {
  /** A step of a lab passed by itself (the student ran something in the terminal); the panel refreshes. */
  'labs.changed': v.object({ id: v.string(), step: v.string() }),
} as const;
