// Running one of a lab's runs against a set of student files, for grading and for the tests:
// a fresh LabSession world on the run's kernel era and seed, the run's sysctls set per host and
// its setup commands typed into a lab shell on their host (`sudo iptables …`, `sudo tc …`,
// exactly as a student would), its programs compiled (the student's from the submission, the
// others from the lab's fixtures/) and started in order, then the scheduler run under an
// instruction budget and a bound on simulated time. A program still running when the budget is
// spent is reported as looping; a fault is kept with its message; compile errors stop the run
// and are reported as gcc prints them.
import {
  LabSession,
  LabShell,
  MemoryWorkspace,
  decodeUtf8,
  exec,
  lang,
  type CParser,
} from '../../core/index';
import type { RunSpec } from '../format';
import type { Files } from '../validate';
import { emptyObservation, observeWorld, type Observation, type Outcome } from './observation';

/** DEFAULT_INSTRUCTIONS is a run's instruction budget when lab.json gives none. */
export const DEFAULT_INSTRUCTIONS = 20_000_000;
/** SIMULATED_LIMIT_NS bounds a run's simulated time (60 s): later kernel timers are not waited for. */
export const SIMULATED_LIMIT_NS = 60_000_000_000;

/** RunInput is a run and the files it reads: the submission's and the lab's fixtures. */
export interface RunInput {
  readonly parser: CParser;
  readonly run: RunSpec;
  readonly student: Files;
  readonly fixtures: Files;
  /** instructions overrides the run's budget (the grader's --budget). */
  readonly instructions?: number;
  /** commands are the shell commands the submission says it ran (commands.txt), for command checks. */
  readonly commands?: readonly string[];
  /** outOfTime is asked between slices of the run; true stops it (the grader's wall-clock budget). */
  readonly outOfTime?: () => boolean;
}

/** SLICE bounds the instructions run between two outOfTime questions. */
const SLICE = 1_000_000;
/** STATUS_MARK prefixes the exit status a setup command's shell echoes after it. */
const STATUS_MARK = '@@setup-status=';

interface Started {
  readonly file: string;
  readonly host: string;
  readonly proc: exec.Proc;
  stdout: string;
  stderr: string;
}

/** compileErrors returns a file's compile errors as gcc prints them (runProgram formats them). */
function compileErrors(parser: CParser, path: string, text: string, files: Files): string {
  const quiet = () => {};
  const r = exec.runProgram({
    parser,
    path,
    text,
    readFile: (f) => files.get(f),
    stdout: quiet,
    stderr: quiet,
  });
  return r.k === 'compile' ? r.text : `${path} did not compile`;
}

/** setUp sets the run's sysctls and types its setup commands; it returns what went wrong, or undefined. */
function setUp(session: LabSession, run: RunSpec): string | undefined {
  for (const [host, table] of Object.entries(run.sysctls ?? {})) {
    const h = session.world.hosts.get(host);
    if (h === undefined) return `the run sets sysctls on unknown host ${host}`;
    for (const [key, value] of Object.entries(table)) {
      const e = exec.setSysctl(h, key, value);
      if (e !== null) return e;
    }
  }
  for (const [host, lines] of Object.entries(run.setup ?? {})) {
    let out = '';
    const shell = new LabShell({
      workspace: new MemoryWorkspace({}),
      session,
      host,
      write: (d) => (out += d),
      tty: false,
    });
    shell.start();
    for (const line of lines) {
      out = '';
      shell.input(`${line}; echo ${STATUS_MARK}$?\r`);
      session.settle();
      const status = new RegExp(`${STATUS_MARK}(\\d+)`).exec(out)?.[1];
      if (status !== '0') return `setup on ${host}: \`${line}\` failed: ${out.split(STATUS_MARK)[0]!.trim()}`;
    }
  }
  return undefined;
}

/** runLab runs the programs of one run and returns what was observed. */
export function runLab(input: RunInput): Observation {
  const { run } = input;
  const sources = run.programs.map((p) => {
    const files = p.from === 'student' ? input.student : input.fixtures;
    return { p, files, text: files.get(p.file) };
  });
  const missing = sources.find((s) => s.text === undefined);
  if (missing !== undefined)
    return emptyObservation({ k: 'error', message: `the submission has no ${missing.p.file}` });
  const compiled = [];
  for (const s of sources) {
    const out = lang.compileProgram(input.parser, {
      path: s.p.file,
      text: s.text!,
      readFile: (f) => s.files.get(f),
    });
    if (out.program === undefined || out.diagnostics.some((d) => d.severity === 'error'))
      return emptyObservation({
        k: 'compile',
        file: s.p.file,
        text: compileErrors(input.parser, s.p.file, s.text!, s.files),
      });
    compiled.push({ ...s, program: out.program });
  }
  const session = new LabSession({
    parser: input.parser,
    kernel: run.kernel,
    seed: run.seed ?? 1,
    trace: 'full',
  });
  const problem = setUp(session, run);
  if (problem !== undefined) return emptyObservation({ k: 'error', message: problem });
  const x = session.exec;
  const started: Started[] = compiled.map(({ p, program }) => {
    const host = p.host ?? 'client';
    const entry: { -readonly [K in keyof Started]: Started[K] } = {
      file: p.file,
      host,
      proc: undefined!,
      stdout: '',
      stderr: '',
    };
    entry.proc = x.spawn(program, {
      host,
      argv: [p.file, ...(p.args ?? [])],
      creds: exec.credsFor(p.uid ?? 1000),
      stdout: (b) => void (entry.stdout += decodeUtf8(b)),
      stderr: (b) => void (entry.stderr += decodeUtf8(b)),
      tty: false,
    });
    return entry;
  });
  const instructions = input.instructions ?? run.instructions ?? DEFAULT_INSTRUCTIONS;
  let left = instructions;
  let status = x.run({ instructions: Math.min(left, SLICE), untilNs: SIMULATED_LIMIT_NS });
  let timedOut = false;
  while (status === 'budget' && (left -= SLICE) > 0 && !(timedOut = input.outOfTime?.() === true)) {
    status = x.run({ instructions: Math.min(left, SLICE), untilNs: SIMULATED_LIMIT_NS });
  }
  const outcome: Outcome =
    status === 'done'
      ? { k: 'done' }
      : status !== 'budget'
        ? { k: 'idle' }
        : timedOut
          ? { k: 'timeout', instructions: instructions - left }
          : { k: 'budget', instructions };
  const programs = started.map((s) => ({
    file: s.file,
    host: s.host,
    pid: s.proc.pid,
    stdout: s.stdout,
    stderr: s.stderr,
    status: s.proc.status,
    fault: s.proc.fault?.message ?? null,
  }));
  return observeWorld(session.world, programs, input.commands ?? [], outcome);
}
