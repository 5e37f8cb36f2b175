// `socklab grade LAB [--format text|json|junit] [--budget N] [--time S] [--lang en|zh-CN] PATH…`:
// runs a lab's checks, hidden ones included, against each student's submission and prints one
// report. LAB is a lab id under the project's labs/ or the path of a lab folder. Each PATH is
// one submission (a .c file, or a folder holding the lab's student files) or a folder of
// submissions (one per entry). Every submission runs in a fresh simulated world under an
// instruction budget and a wall-clock budget; one that loops, crashes, does not compile or
// even breaks the grader is reported as such and the others still run. Exit status: 0 when
// every submission passed, 1 when one failed, 2 for a usage error.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkSubmission, type Lab, type Language } from '../../labs/index';
import { readLab, readSubmission } from '../host/labsDisk';
import { formatReport, type GradeFormat, type Graded } from './gradeFormat';
import type { CliIo } from './io';
import { loadParser } from './parser';
import { projectRoot } from './root';

/** GRADE_USAGE is the one-line synopsis of `socklab grade`. */
export const GRADE_USAGE =
  'usage: socklab grade LAB [--format text|json|junit] [--budget INSTRUCTIONS] [--time SECONDS] [--lang en|zh-CN] PATH…';

/** DEFAULT_TIME_S is each submission's wall-clock budget in seconds. */
const DEFAULT_TIME_S = 60;

interface GradeArgs {
  lab: string;
  paths: string[];
  format: GradeFormat;
  budget: number | undefined;
  timeS: number;
  lang: Language;
}

/** parseGradeArgs checks the command line; it returns the arguments or what is wrong. */
export function parseGradeArgs(argv: readonly string[]): GradeArgs | { help: true } | { error: string } {
  const out: GradeArgs = {
    lab: '',
    paths: [],
    format: 'text',
    budget: undefined,
    timeS: DEFAULT_TIME_S,
    lang: 'en',
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return { help: true };
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!['--format', '--budget', '--time', '--lang'].includes(name))
      return { error: `unknown option '${name}'` };
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return { error: `option '${name}' needs a value` };
    if (name === '--format') {
      if (value !== 'text' && value !== 'json' && value !== 'junit')
        return { error: `--format wants text, json or junit, got '${value}'` };
      out.format = value;
    } else if (name === '--lang') {
      if (value !== 'en' && value !== 'zh-CN') return { error: `--lang wants en or zh-CN, got '${value}'` };
      out.lang = value;
    } else {
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1)) return { error: `${name} wants a positive integer, got '${value}'` };
      if (name === '--budget') out.budget = n;
      else out.timeS = n;
    }
  }
  if (positional.length < 2) return { error: 'a lab and at least one submission are needed' };
  out.lab = positional[0]!;
  out.paths = positional.slice(1);
  return out;
}

/** findLab loads a lab by id (a folder of the project's labs/ whose lab.json has that id) or by folder path. */
function findLab(name: string, cwd: string): ReturnType<typeof readLab> | undefined {
  const asPath = resolve(cwd, name);
  if (existsSync(join(asPath, 'lab.json'))) return readLab(asPath);
  const root = join(projectRoot(), 'labs');
  for (const entry of readdirSync(root)) {
    if (entry === name || entry.replace(/^\d+-/, '') === name) return readLab(join(root, entry));
  }
  return undefined;
}

/** submissionsOf expands one PATH into submissions: itself, or each entry of a folder of submissions. */
function submissionsOf(path: string, lab: Lab): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const holdsFiles = lab.spec.student.some((f) => existsSync(join(path, f)));
  if (holdsFiles) return [path];
  return readdirSync(path)
    .sort()
    .filter((e) => !e.startsWith('.'))
    .map((e) => join(path, e))
    .filter((p) => statSync(p).isDirectory() || p.endsWith('.c'));
}

/** gradeOne checks one submission; nothing it does can stop the others. */
function gradeOne(
  lab: Lab,
  path: string,
  parser: Awaited<ReturnType<typeof loadParser>>,
  args: GradeArgs,
): Graded {
  const name = basename(path);
  try {
    const files = readSubmission(path, lab.spec.student);
    const commands =
      files
        .get('commands.txt')
        ?.split('\n')
        .filter((l) => l.trim() !== '') ?? [];
    const deadline = Date.now() + args.timeS * 1000;
    const report = checkSubmission(lab, files, parser, {
      lang: args.lang,
      grading: true,
      instructions: args.budget,
      commands,
      outOfTime: () => Date.now() > deadline,
    });
    return { name, path, steps: report.steps, error: undefined };
  } catch (e) {
    return { name, path, steps: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/** main runs `socklab grade`. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseGradeArgs(argv);
  if ('help' in args) {
    io.stdout(`${GRADE_USAGE}\n`);
    return 0;
  }
  if ('error' in args) {
    io.stderr(`socklab grade: ${args.error}\n${GRADE_USAGE}\n`);
    return 2;
  }
  const lab = findLab(args.lab, io.cwd);
  if (lab === undefined) {
    io.stderr(
      `socklab grade: no lab '${args.lab}' (a lab id under ${join(projectRoot(), 'labs')}, or a lab folder)\n`,
    );
    return 2;
  }
  if (!lab.ok) {
    io.stderr(`socklab grade: lab ${lab.folder} is broken:\n${lab.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  const paths: string[] = [];
  for (const p of args.paths) {
    const full = resolve(io.cwd, p);
    if (!existsSync(full)) {
      io.stderr(`socklab grade: ${p}: no such file or folder\n`);
      return 2;
    }
    paths.push(...submissionsOf(full, lab));
  }
  const parser = await loadParser();
  const graded = paths.map((p) => gradeOne(lab, p, parser, args));
  io.stdout(formatReport(args.format, lab, graded, args.lang));
  return graded.every((g) => g.error === undefined && g.steps.every((s) => s.ok)) ? 0 : 1;
}
