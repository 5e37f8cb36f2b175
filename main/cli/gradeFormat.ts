// The three report formats of `socklab grade`: text for people (one line per submission, then
// each failing step's feedback), JSON for scripts, and JUnit XML for CI-based autograding (one
// <testsuite> per submission, one <testcase> per step, a <failure> with the feedback).
import { describeCheck, type Lab, type Language, type StepResult } from '../../labs/index';

/** GradeFormat names a report format. */
export type GradeFormat = 'text' | 'json' | 'junit';

/** Graded is one submission's result: its steps, or the error that kept it from being checked. */
export interface Graded {
  readonly name: string;
  readonly path: string;
  readonly steps: readonly StepResult[];
  readonly error: string | undefined;
}

const passed = (g: Graded) => g.error === undefined && g.steps.every((s) => s.ok);

/** stepFeedback is a failing step's note and failing checks as text. */
function stepFeedback(s: StepResult, lang: Language): string {
  const lines = s.note === undefined ? [] : [s.note];
  for (const c of s.checks) if (!c.ok) lines.push(describeCheck(c, lang));
  return lines.join('\n');
}

function text(lab: Lab, graded: readonly Graded[], lang: Language): string {
  const ok = graded.filter(passed).length;
  const out = [`${lab.spec.id}: ${graded.length} submission(s), ${ok} passed`];
  const width = Math.max(...graded.map((g) => g.name.length));
  for (const g of graded) {
    const done = g.steps.filter((s) => s.ok).length;
    const status = g.error !== undefined ? 'ERROR' : passed(g) ? 'PASS ' : 'FAIL ';
    out.push(`${g.name.padEnd(width)}  ${status} ${done}/${lab.spec.steps.length} steps`);
    if (g.error !== undefined) out.push(`    ${g.error}`);
    let lastNote: string | undefined;
    for (const s of g.steps) {
      if (s.ok) continue;
      out.push(`  ✗ step ${s.step}`);
      // A note that stopped every step (a compile error, a loop) is printed once.
      const same = s.note !== undefined && s.note === lastNote && s.checks.length === 0;
      lastNote = s.note;
      const fb = same ? '(as above)' : stepFeedback(s, lang);
      out.push(...fb.split('\n').map((l) => `      ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}

function json(lab: Lab, graded: readonly Graded[]): string {
  const report = {
    lab: lab.spec.id,
    submissions: graded.map((g) => ({
      name: g.name,
      path: g.path,
      ok: passed(g),
      error: g.error ?? null,
      passed: g.steps.filter((s) => s.ok).length,
      total: lab.spec.steps.length,
      steps: g.steps.map((s) => ({
        id: s.step,
        ok: s.ok,
        note: s.note ?? null,
        checks: s.checks.map((c) => ({
          id: c.id ?? null,
          ok: c.ok,
          hidden: c.hidden,
          want: c.want,
          seen: c.seen,
        })),
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** xml escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function junit(lab: Lab, graded: readonly Graded[], lang: Language): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = graded.filter((g) => !passed(g)).length;
  out.push(`<testsuites name="${xml(lab.spec.id)}" tests="${graded.length}" failures="${failures}">`);
  for (const g of graded) {
    const suite = `${lab.spec.id}/${g.name}`;
    if (g.error !== undefined) {
      out.push(`  <testsuite name="${xml(suite)}" tests="1" failures="0" errors="1">`);
      out.push(
        `    <testcase classname="${xml(suite)}" name="submission"><error message="${xml(g.error)}"/></testcase>`,
      );
      out.push('  </testsuite>');
      continue;
    }
    const failed = g.steps.filter((s) => !s.ok).length;
    out.push(`  <testsuite name="${xml(suite)}" tests="${g.steps.length}" failures="${failed}">`);
    for (const s of g.steps) {
      const head = `    <testcase classname="${xml(suite)}" name="${xml(s.step)}"`;
      if (s.ok) out.push(`${head}/>`);
      else {
        const fb = stepFeedback(s, lang);
        out.push(
          `${head}><failure message="${xml(fb.split('\n')[0] ?? '')}">${xml(fb)}</failure></testcase>`,
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** formatReport prints the graded submissions in the chosen format. */
export function formatReport(
  format: GradeFormat,
  lab: Lab,
  graded: readonly Graded[],
  lang: Language,
): string {
  if (format === 'json') return json(lab, graded);
  if (format === 'junit') return junit(lab, graded, lang);
  return text(lab, graded, lang);
}
