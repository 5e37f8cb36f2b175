// Loading a lab from its folder's files: lab.json checked against the format's schema, then
// the cross-references a schema cannot see (runs, fixture and student files, step ids in both
// languages' text, wrong-solution folders, check functions). A lab with any problem loads as
// a BrokenLab listing every problem, so the panel shows what to fix instead of a step.
import * as v from 'valibot';
import { trace } from '../core/index';
import { CHECK_FNS } from './fns';
import { labSchema, type CheckSpec, type LabSpec } from './format';
import { LANGUAGES, parseLabText, type Language, type LabText } from './text';

/** Files maps a path relative to a folder ("solution/client.c") to its text. */
export type Files = ReadonlyMap<string, string>;

/** Lab is a lab that loaded: its spec, its text per language and its file sets. */
export interface Lab {
  readonly ok: true;
  /** folder is the lab folder's name (e.g. "01-socket-create"). */
  readonly folder: string;
  readonly spec: LabSpec;
  readonly text: Readonly<Record<Language, LabText>>;
  /** fixtures are the lab's own programs (fixtures/), by file name. */
  readonly fixtures: Files;
  /** start is the student's starting workspace (start/). */
  readonly start: Files;
  /** solution is the reference solution (solution/). */
  readonly solution: Files;
  /** wrong maps each wrong solution's name to its files (wrong/<name>/). */
  readonly wrong: ReadonlyMap<string, Files>;
}

/** BrokenLab is a lab folder that failed to load, with every problem found. */
export interface BrokenLab {
  readonly ok: false;
  readonly folder: string;
  readonly errors: readonly string[];
}

/** subFiles returns the files under prefix/, keyed by the rest of their path. */
function subFiles(files: Files, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, t] of files) if (p.startsWith(`${prefix}/`)) out.set(p.slice(prefix.length + 1), t);
  return out;
}

/** eachCheck calls fn on every check of a tree, combinators included. */
export function eachCheck(c: CheckSpec, fn: (c: CheckSpec) => void): void {
  fn(c);
  if (c.kind === 'all' || c.kind === 'any') c.checks.forEach((x) => eachCheck(x, fn));
  if (c.kind === 'not') eachCheck(c.check, fn);
}

/** crossCheck lists the problems between lab.json's parts and the folder's files. */
function crossCheck(
  folder: string,
  spec: LabSpec,
  files: Files,
  text: Partial<Record<Language, LabText>>,
): string[] {
  const errors: string[] = [];
  const fixtures = subFiles(files, 'fixtures');
  for (const [runName, run] of Object.entries(spec.runs)) {
    for (const p of run.programs) {
      if (p.from === 'lab' && !fixtures.has(p.file)) errors.push(`runs.${runName}: no fixtures/${p.file}`);
      if (p.from === 'student' && !spec.student.includes(p.file))
        errors.push(
          `runs.${runName}: ${p.file} is not one of the student files (${spec.student.join(', ')})`,
        );
    }
  }
  const stepIds = spec.steps.map((s) => s.id);
  for (const s of spec.steps) {
    const run = s.run ?? 'default';
    if (!Object.hasOwn(spec.runs, run)) errors.push(`step ${s.id}: no run named "${run}" in runs`);
    for (const c of s.checks)
      eachCheck(c, (x) => {
        if (x.kind === 'fn' && !Object.hasOwn(CHECK_FNS, x.name))
          errors.push(
            `step ${s.id}: no check function "${x.name}" (known: ${Object.keys(CHECK_FNS).join(', ')})`,
          );
        if (x.kind === 'event' && !Object.hasOwn(trace.TRACE_KINDS, x.name))
          errors.push(
            `step ${s.id}: no trace event kind "${x.name}" (known: ${Object.keys(trace.TRACE_KINDS).join(', ')})`,
          );
      });
  }
  if (new Set(stepIds).size !== stepIds.length) errors.push('two steps share an id');
  if (folder !== spec.id && folder.replace(/^\d+-/, '') !== spec.id)
    errors.push(`the folder is named ${folder}; name it ${spec.id} or NN-${spec.id} after the lab's id`);
  const solution = subFiles(files, 'solution');
  for (const f of spec.student) if (!solution.has(f)) errors.push(`no solution/${f}`);
  for (const w of spec.wrong) {
    if (subFiles(files, `wrong/${w.name}`).size === 0)
      errors.push(`wrong ${w.name}: no files in wrong/${w.name}/`);
    if (!stepIds.includes(w.failsStep))
      errors.push(`wrong ${w.name}: failsStep "${w.failsStep}" is not a step`);
  }
  for (const lang of LANGUAGES) {
    const t = text[lang];
    if (t === undefined) continue;
    for (const s of spec.steps) {
      const st = t.steps[s.id];
      if (st === undefined) {
        errors.push(`${lang}.md: no section for step "${s.id}"`);
        continue;
      }
      for (const q of s.predict ?? [])
        if (!Object.hasOwn(st.questions, q.id))
          errors.push(`${lang}.md: step ${s.id} has no "### Question {#${q.id}}"`);
    }
    for (const id of Object.keys(t.steps))
      if (!stepIds.includes(id)) errors.push(`${lang}.md: section "${id}" is not a step of lab.json`);
  }
  return errors;
}

/** loadLab validates one lab folder's files and returns the lab or every problem found. */
export function loadLab(folder: string, files: Files): Lab | BrokenLab {
  const errors: string[] = [];
  const json = files.get('lab.json');
  let spec: LabSpec | undefined;
  if (json === undefined) errors.push('no lab.json');
  else {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (e) {
      errors.push(`lab.json: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (raw !== undefined) {
      const r = v.safeParse(labSchema, raw);
      if (r.success) spec = r.output;
      else
        for (const issue of r.issues)
          errors.push(`lab.json: ${v.getDotPath(issue) ?? '(top)'}: ${issue.message}`);
    }
  }
  const text: Partial<Record<Language, LabText>> = {};
  for (const lang of LANGUAGES) {
    const md = files.get(`${lang}.md`);
    if (md === undefined) {
      errors.push(`no ${lang}.md`);
      continue;
    }
    const t = parseLabText(md);
    if ('errors' in t) errors.push(...t.errors.map((e) => `${lang}.md: ${e}`));
    else text[lang] = t;
  }
  if (spec !== undefined) errors.push(...crossCheck(folder, spec, files, text));
  if (spec === undefined || errors.length > 0) return { ok: false, folder, errors };
  const wrong = new Map(spec.wrong.map((w) => [w.name, subFiles(files, `wrong/${w.name}`)] as const));
  return {
    ok: true,
    folder,
    spec,
    text: text as Record<Language, LabText>,
    fixtures: subFiles(files, 'fixtures'),
    start: subFiles(files, 'start'),
    solution: subFiles(files, 'solution'),
    wrong,
  };
}
