// The progress file's format: per lab, per step, whether it passed, the attempts, the hints
// used and the predictions made, plus the time spent, as versioned JSON with a SHA-256 of its
// body so a damaged file is detected rather than half-read. Also the merge that import uses:
// it never loses progress (passed stays passed, counts take the larger value).
import { createHash } from 'node:crypto';
import * as v from 'valibot';

/** PROGRESS_VERSION is the progress file's format version. */
export const PROGRESS_VERSION = 1;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const stepSchema = v.object({
  passed: v.boolean(),
  attempts: count,
  hintsUsed: count,
  /** passedAt is when the step first passed (ms since the epoch). */
  passedAt: v.optional(v.number()),
  /** predictions maps a question id to the student's answer and whether the run agreed. */
  predictions: v.record(v.string(), v.object({ answer: v.string(), right: v.boolean() })),
});
const labSchema = v.object({
  /** timeMs is the time spent with the lab open. */
  timeMs: count,
  steps: v.record(v.string(), stepSchema),
});
const dataSchema = v.object({ labs: v.record(v.string(), labSchema) });
const fileSchema = v.strictObject({
  version: v.literal(PROGRESS_VERSION),
  sha256: v.string(),
  data: dataSchema,
});

/** StepProgress is one step's progress. */
export type StepProgress = v.InferOutput<typeof stepSchema>;
/** LabProgress is one lab's progress. */
export type LabProgress = v.InferOutput<typeof labSchema>;
/** Progress is one student's progress in every lab. */
export type Progress = v.InferOutput<typeof dataSchema>;

/** emptyProgress is the progress of a student who has not started. */
export function emptyProgress(): Progress {
  return { labs: {} };
}

/** emptyStep is a step not yet tried. */
export function emptyStep(): StepProgress {
  return { passed: false, attempts: 0, hintsUsed: 0, predictions: {} };
}

const digest = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/** encodeProgress writes progress as the file's text: version, checksum of the data's JSON, data. */
export function encodeProgress(data: Progress): string {
  const body = JSON.stringify(data);
  return `{"version":${PROGRESS_VERSION},"sha256":"${digest(body)}","data":${body}}\n`;
}

/** decodeProgress reads a progress file's text, or says why it cannot be trusted. */
export function decodeProgress(text: string): Progress | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== PROGRESS_VERSION)
    return { error: `format version ${String(version)}, want ${PROGRESS_VERSION}` };
  const r = v.safeParse(fileSchema, raw);
  if (!r.success)
    return { error: r.issues.map((i) => `${v.getDotPath(i) ?? '(top)'}: ${i.message}`).join('; ') };
  // The checksum covers the data as written (key order included), so it is taken before validation reorders keys.
  if (digest(JSON.stringify((raw as { data: unknown }).data)) !== r.output.sha256)
    return { error: 'checksum mismatch: the file was changed or damaged' };
  return r.output.data;
}

/** mergeStep combines two records of one step without losing either. */
function mergeStep(a: StepProgress, b: StepProgress): StepProgress {
  const passedAt = [a.passedAt, b.passedAt].filter((t): t is number => t !== undefined);
  return {
    passed: a.passed || b.passed,
    attempts: Math.max(a.attempts, b.attempts),
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    ...(passedAt.length > 0 ? { passedAt: Math.min(...passedAt) } : {}),
    predictions: { ...b.predictions, ...a.predictions },
  };
}

/** mergeProgress combines two students' files (an import into the current one); a's predictions win. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const labs: Record<string, LabProgress> = structuredClone(a.labs);
  for (const [id, lb] of Object.entries(b.labs)) {
    const la = labs[id];
    if (la === undefined) {
      labs[id] = structuredClone(lb);
      continue;
    }
    la.timeMs = Math.max(la.timeMs, lb.timeMs);
    for (const [step, sb] of Object.entries(lb.steps))
      la.steps[step] = mergeStep(la.steps[step] ?? emptyStep(), sb);
  }
  return { labs };
}
