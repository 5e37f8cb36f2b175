// The lab format: the valibot schema of a lab's lab.json (how its programs run, its steps, their
// checks and predict-then-observe questions, and the wrong solutions its tests expect to fail).
// Types are derived from the schemas, so a lab and its validator never disagree. labs/README.md
// explains every field for teachers; validate.ts adds the cross-field checks a schema cannot.
import * as v from 'valibot';

/** LAB_FORMAT_VERSION is the lab.json format this code reads; lab.json names it in "format". */
export const LAB_FORMAT_VERSION = 1;

const name = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase name like "send-path"'));
const cFile = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]+\.[ch]$/, 'a C file name like "client.c"'));
const text = v.pipe(v.string(), v.minLength(1, 'an empty text'));
const regex = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'a valid regular expression'),
);

/** compareOps are the comparisons a Match may use. */
export const compareOps = ['==', '!=', '>', '>=', '<', '<='] as const;

/** matchSchema matches one value: equal to a number, string or boolean, a comparison, or a regular expression. */
const matchSchema = v.union([
  v.number(),
  v.string(),
  v.boolean(),
  v.strictObject({ op: v.picklist(compareOps), value: v.number() }),
  v.strictObject({ regex }),
]);
/** Match is one value matcher (see matchSchema). */
export type Match = v.InferOutput<typeof matchSchema>;

/** anchorSchema picks the moment a struct is read: after the nth return of a system call, or at the end of the run. */
const anchorSchema = v.union([
  v.literal('end'),
  v.strictObject({
    syscall: v.string(),
    host: v.optional(v.string()),
    nth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
]);
/** Anchor is when a field check reads its struct (see anchorSchema). */
export type Anchor = v.InferOutput<typeof anchorSchema>;

const countSchema = v.strictObject({
  min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const common = {
  /** id names the check in feedback and grading reports. */
  id: v.optional(name),
  /** hidden checks run only when grading; the app does not show them. */
  hidden: v.optional(v.boolean()),
  /** host limits the check to one host's events. */
  host: v.optional(v.string()),
};

/** The check kinds that are not combinators, one schema each. */
const leafChecks = [
  /** A kernel function call, optionally with its argument text, return value, caller and count. */
  v.strictObject({
    ...common,
    kind: v.literal('call'),
    fn: v.string(),
    args: v.optional(regex),
    ret: v.optional(matchSchema),
    parent: v.optional(v.string()),
    count: v.optional(countSchema),
  }),
  /** Kernel functions called in this order (others may come between), within one system call. */
  v.strictObject({ ...common, kind: v.literal('path'), fns: v.pipe(v.array(v.string()), v.minLength(2)) }),
  /** A system call with its argument text, return value or errno name. */
  v.strictObject({
    ...common,
    kind: v.literal('syscall'),
    name: v.string(),
    args: v.optional(regex),
    ret: v.optional(matchSchema),
    errno: v.optional(v.string()),
    count: v.optional(countSchema),
  }),
  /** A traced struct field change, optionally to a value and by a function. */
  v.strictObject({
    ...common,
    kind: v.literal('fieldSet'),
    struct: v.string(),
    field: v.string(),
    value: v.optional(matchSchema),
    by: v.optional(v.string()),
  }),
  /** A struct field's value at an anchor, read from the snapshots (any struct of that type may match). */
  v.strictObject({
    ...common,
    kind: v.literal('field'),
    struct: v.string(),
    field: v.string(),
    value: matchSchema,
    at: anchorSchema,
  }),
  /** A frame on a wire whose decoded fields match (frame.ts lists the field names). */
  v.strictObject({
    ...common,
    kind: v.literal('frame'),
    dir: v.optional(v.picklist(['tx', 'rx'])),
    match: v.record(v.string(), matchSchema),
    count: v.optional(countSchema),
  }),
  /** A program's output or exit status. */
  v.strictObject({
    ...common,
    kind: v.literal('output'),
    program: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    stream: v.optional(v.picklist(['stdout', 'stderr'])),
    regex: v.optional(regex),
    exit: v.optional(matchSchema),
  }),
  /** A shell command the student ran (live sessions, or a submission's commands.txt). */
  v.strictObject({ ...common, kind: v.literal('command'), regex }),
  /** A trace event of a kind (a Linux tracepoint such as kfree_skb, neigh_update, fib_table_lookup) whose fields match. */
  v.strictObject({
    ...common,
    kind: v.literal('event'),
    name: v.string(),
    match: v.optional(v.record(v.string(), matchSchema)),
    count: v.optional(countSchema),
  }),
  /** The escape hatch: a TypeScript check function registered in labs/fns.ts under this name. */
  v.strictObject({ ...common, kind: v.literal('fn'), name: v.string() }),
] as const;

/** CheckSpec is one declarative assertion over a run; all/any/not combine others. */
export type CheckSpec =
  | v.InferOutput<(typeof leafChecks)[number]>
  | { kind: 'all' | 'any'; checks: CheckSpec[]; id?: string; hidden?: boolean; host?: string }
  | { kind: 'not'; check: CheckSpec; id?: string; hidden?: boolean; host?: string };

/** checkSchema validates one CheckSpec, recursively. */
export const checkSchema: v.GenericSchema<CheckSpec> = v.variant('kind', [
  ...leafChecks,
  v.strictObject({
    ...common,
    kind: v.picklist(['all', 'any']),
    checks: v.pipe(v.array(v.lazy(() => checkSchema)), v.minLength(1)),
  }),
  v.strictObject({ ...common, kind: v.literal('not'), check: v.lazy(() => checkSchema) }),
]) as v.GenericSchema<CheckSpec>;

/** queryAnswerSchema says how a predict question's answer is read from the run. */
const queryAnswerSchema = v.variant('query', [
  /** the first function fn calls (at any depth below it) that is one of among, or any when among is absent */
  v.strictObject({ query: v.literal('callAfter'), fn: v.string(), among: v.optional(v.array(v.string())) }),
  /** a struct field's value at an anchor (the first struct of that type on the host) */
  v.strictObject({
    query: v.literal('field'),
    struct: v.string(),
    field: v.string(),
    at: anchorSchema,
    host: v.optional(v.string()),
  }),
  /** how many frames matched */
  v.strictObject({
    query: v.literal('frameCount'),
    match: v.record(v.string(), matchSchema),
    dir: v.optional(v.picklist(['tx', 'rx'])),
  }),
  /** a system call's return value (its nth call, default the first) */
  v.strictObject({
    query: v.literal('syscallRet'),
    name: v.string(),
    nth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
]);
/** QueryAnswer reads one value from a run for a predict question. */
export type QueryAnswer = v.InferOutput<typeof queryAnswerSchema>;

/** programSchema is one program of a run: a student's file or one of the lab's fixtures. */
const programSchema = v.strictObject({
  file: cFile,
  from: v.picklist(['student', 'lab']),
  host: v.optional(v.picklist(['client', 'server'])),
  args: v.optional(v.array(v.string())),
  uid: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
/** ProgramSpec is one program a run starts. */
export type ProgramSpec = v.InferOutput<typeof programSchema>;

/** runSchema is how a step's programs run: kernel era, sysctls per host, programs in start order, budget. */
const runSchema = v.strictObject({
  kernel: v.optional(v.picklist(['2.6.32', '3.10', '6.x'])),
  seed: v.optional(v.pipe(v.number(), v.integer())),
  sysctls: v.optional(v.record(v.string(), v.record(v.string(), v.string()))),
  /** setup lists shell command lines per host, typed before the programs start (`sudo iptables …`, `sudo tc …`). */
  setup: v.optional(v.record(v.picklist(['client', 'server']), v.array(v.pipe(v.string(), v.minLength(1))))),
  programs: v.pipe(v.array(programSchema), v.minLength(1)),
  /** instructions bounds the whole run; a program still running then is reported as looping. */
  instructions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(500_000_000))),
});
/** RunSpec is how one step's programs run. */
export type RunSpec = v.InferOutput<typeof runSchema>;

/** stepSchema is one step: its checks, an optional run of its own, and predict questions. */
const stepSchema = v.strictObject({
  id: name,
  run: v.optional(v.string()),
  checks: v.pipe(v.array(checkSchema), v.minLength(1)),
  /** predict lists questions answered before the run, then compared with it; choices make it multiple choice. */
  predict: v.optional(
    v.array(
      v.strictObject({ id: name, answer: queryAnswerSchema, choices: v.optional(v.array(v.string())) }),
    ),
  ),
});
/** StepSpec is one step of a lab. */
export type StepSpec = v.InferOutput<typeof stepSchema>;

/** labSchema is a whole lab.json. */
export const labSchema = v.strictObject({
  format: v.literal(LAB_FORMAT_VERSION),
  id: name,
  /** student lists the files a submission provides. */
  student: v.pipe(v.array(cFile), v.minLength(1)),
  /** runs names each way the lab runs programs; "default" is used by steps that name none. */
  runs: v.record(name, runSchema),
  steps: v.pipe(v.array(stepSchema), v.minLength(1)),
  /** wrong names each wrong solution folder and what its tests expect: the failing step and words of the feedback. */
  wrong: v.pipe(
    v.array(v.strictObject({ name, failsStep: name, feedback: text })),
    v.minLength(2, 'at least two wrong solutions'),
  ),
});
/** LabSpec is a lab.json as read. */
export type LabSpec = v.InferOutput<typeof labSchema>;
