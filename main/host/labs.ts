// The guided labs of one window: the lab list with progress, a lab opened in a language (its
// starting files copied into the workspace folder named after it), hints revealed one at a
// time, predictions, and checks. A check reads the window's live LabSession first (what the
// student ran in the terminal); when that does not pass and the student's files are in the lab's
// folder, it runs them as the lab runs them and reports that. After each program the student
// runs, the open lab's next step is checked against the session by itself, and a pass is pushed
// as labs.changed. Progress is saved through one ProgressStore per folder, shared by windows.
import { join } from 'node:path';
import type { CParser, LabSession, Workspace } from '../../core/index';
import {
  evaluateStep,
  judgePrediction,
  observeSession,
  runLab,
  type Lab,
  type Language,
  type Observation,
  type StepResult,
} from '../../labs/index';
import type { LabStepView } from '../common/labContract';
import type { ReplyValue, RequestArgs } from '../common/contract';
import { ProgressStore } from '../store/progress';
import { RequestError } from './files';
import { readLabs } from './labsDisk';

/** LabsHostOptions are what the labs of a window need from it. */
export interface LabsHostOptions {
  /** dirs names the folder of lab folders and the folder progress is kept in (read when needed, as options arrive late). */
  readonly dirs: () => { readonly labsDir: string; readonly progressDir: string };
  readonly workspace: () => Workspace;
  readonly session: () => LabSession;
  readonly parser: () => Promise<CParser>;
  readonly changed: (payload: { id: string; step: string }) => void;
  /** now gives the time for the time-spent count (default Date.now). */
  readonly now?: () => number;
}

/** AUTO_CHECK_DELAY_MS coalesces the automatic check after a burst of session changes. */
const AUTO_CHECK_DELAY_MS = 200;
/** IDLE_CAP_MS caps the time counted between two lab requests, so a window left open is not counted as work. */
const IDLE_CAP_MS = 5 * 60 * 1000;

const stores = new Map<string, ProgressStore>();
/** storeFor returns the one progress store of a folder, loading it on first use. */
function storeFor(dir: string): ProgressStore {
  let s = stores.get(dir);
  if (s === undefined) {
    s = new ProgressStore(dir);
    const report = s.load();
    for (const p of report.problems) console.warn(`SockLab progress: ${p}`);
    stores.set(dir, s);
  }
  return s;
}

/** LabsHost answers one window's lab requests. */
export class LabsHost {
  readonly #o: LabsHostOptions;
  readonly #pending = new Map<string, string>();
  #open: string | undefined;
  #activeSince = 0;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #exitsSeen = 0;

  constructor(options: LabsHostOptions) {
    this.#o = options;
  }

  /** handlers are the labs' request handlers, spread into the session's table. */
  readonly handlers = {
    'labs.list': (a: RequestArgs<'labs.list'>): ReplyValue<'labs.list'> => this.#list(a.lang),
    'labs.open': (a: RequestArgs<'labs.open'>): ReplyValue<'labs.open'> => this.#openLab(a.id, a.lang),
    'labs.hint': (a: RequestArgs<'labs.hint'>): ReplyValue<'labs.hint'> => {
      this.#tick();
      return this.#hint(a.id, a.step, a.lang);
    },
    'labs.predict': (a: RequestArgs<'labs.predict'>): ReplyValue<'labs.predict'> => {
      this.#tick();
      const step = this.#step(this.#lab(a.id), a.step);
      if (!(step.predict ?? []).some((q) => q.id === a.question))
        throw new RequestError('not-found', `step ${a.step} has no question "${a.question}"`);
      this.#pending.set(`${a.id}/${a.step}/${a.question}`, a.answer);
      return {};
    },
    'labs.check': (a: RequestArgs<'labs.check'>): Promise<ReplyValue<'labs.check'>> => {
      this.#tick();
      return this.#check(a.id, a.step, a.lang);
    },
  } as const;

  /** tick adds the time since the last lab request (capped) to the open lab's time spent. */
  #tick(): void {
    const now = (this.#o.now ?? Date.now)();
    if (this.#open !== undefined)
      this.#progress.addTime(this.#open, Math.min(now - this.#activeSince, IDLE_CAP_MS));
    this.#activeSince = now;
  }

  /** dispose stops the automatic checks (the window closed). */
  dispose(): void {
    this.#tick();
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }

  get #progress(): ProgressStore {
    return storeFor(this.#o.dirs().progressDir);
  }

  #labs(): Array<Lab | { ok: false; folder: string; errors: readonly string[] }> {
    return readLabs(this.#o.dirs().labsDir);
  }

  #lab(id: string): Lab {
    const lab = this.#labs().find((l) => (l.ok ? l.spec.id === id : l.folder.replace(/^\d+-/, '') === id));
    if (lab === undefined) throw new RequestError('not-found', `no lab "${id}"`);
    if (!lab.ok)
      throw new RequestError('bad-request', `lab ${lab.folder} is broken: ${lab.errors.join('; ')}`);
    return lab;
  }

  #step(lab: Lab, id: string) {
    const step = lab.spec.steps.find((s) => s.id === id);
    if (step === undefined) throw new RequestError('not-found', `lab ${lab.spec.id} has no step "${id}"`);
    return step;
  }

  #list(lang: Language): ReplyValue<'labs.list'> {
    return {
      labs: this.#labs().map((l) => {
        if (!l.ok)
          return {
            id: l.folder.replace(/^\d+-/, ''),
            title: l.folder,
            ok: false,
            errors: [...l.errors],
            steps: 0,
            passed: 0,
            timeMs: 0,
          };
        const p = this.#progress.lab(l.spec.id);
        const passed = l.spec.steps.filter((s) => p.steps[s.id]?.passed === true).length;
        return {
          id: l.spec.id,
          title: l.text[lang].title,
          ok: true,
          errors: [],
          steps: l.spec.steps.length,
          passed,
          timeMs: p.timeMs,
        };
      }),
    };
  }

  #openLab(id: string, lang: Language): ReplyValue<'labs.open'> {
    const lab = this.#lab(id);
    const folder = id; // workspace paths are relative to the student's home
    const ws = this.#o.workspace();
    if (lab.start.size > 0 && !ws.stat(folder).ok) ws.mkdir(folder);
    for (const [name, text] of lab.start)
      if (!ws.stat(`${folder}/${name}`).ok) ws.writeText(`${folder}/${name}`, text);
    this.#tick();
    this.#open = id;
    this.#watch();
    const text = lab.text[lang];
    return {
      id,
      title: text.title,
      intro: text.intro,
      folder,
      steps: lab.spec.steps.map((s) => this.#stepView(lab, s.id, lang)),
    };
  }

  #stepView(lab: Lab, stepId: string, lang: Language): LabStepView {
    const spec = this.#step(lab, stepId);
    const text = lab.text[lang].steps[stepId]!;
    const p = this.#progress.lab(lab.spec.id).steps[stepId];
    const questions = (spec.predict ?? []).map((q) => ({
      id: q.id,
      text: text.questions[q.id] ?? '',
      choices: q.choices ?? null,
      answer: this.#pending.get(`${lab.spec.id}/${stepId}/${q.id}`) ?? p?.predictions[q.id]?.answer ?? null,
      right: p?.predictions[q.id]?.right ?? null,
    }));
    return {
      id: stepId,
      title: text.title,
      body: text.body,
      hints: text.hints.slice(0, p?.hintsUsed ?? 0),
      hintCount: text.hints.length,
      questions,
      passed: p?.passed ?? false,
      attempts: p?.attempts ?? 0,
    };
  }

  #hint(id: string, stepId: string, lang: Language): ReplyValue<'labs.hint'> {
    const lab = this.#lab(id);
    const all = lab.text[lang].steps[this.#step(lab, stepId).id]!.hints;
    const used = this.#progress.lab(id).steps[stepId]?.hintsUsed ?? 0;
    const shown = used < all.length ? this.#progress.useHint(id, stepId).hintsUsed : used;
    return { hints: all.slice(0, shown) };
  }

  async #check(id: string, stepId: string, lang: Language): Promise<ReplyValue<'labs.check'>> {
    const lab = this.#lab(id);
    const step = this.#step(lab, stepId);
    let obs: Observation = observeSession(this.#o.session());
    let result: StepResult = evaluateStep(step, obs, { lang, grading: false });
    let source: 'session' | 'files' = 'session';
    const files = this.#studentFiles(lab);
    if (!result.ok && files !== undefined) {
      const run = lab.spec.runs[step.run ?? 'default']!;
      obs = runLab({ parser: await this.#o.parser(), run, student: files, fixtures: lab.fixtures });
      result = evaluateStep(step, obs, { lang, grading: false });
      source = 'files';
    }
    const predictions = (step.predict ?? []).flatMap((q) => {
      const key = `${id}/${stepId}/${q.id}`;
      const answer = this.#pending.get(key);
      if (answer === undefined) return [];
      const v = judgePrediction(q.answer, answer, obs, lang);
      if (v.observed.value === undefined) return [{ id: q.id, right: false, text: v.text, event: null }];
      this.#pending.delete(key);
      this.#progress.recordPrediction(id, stepId, q.id, answer, v.right);
      return [{ id: q.id, right: v.right, text: v.text, event: v.observed.event ?? null }];
    });
    const after = this.#progress.recordCheck(id, stepId, result.ok);
    return {
      passed: result.ok,
      source,
      note: result.note ?? null,
      checks: result.checks.map((c) => ({
        id: c.id ?? null,
        ok: c.ok,
        want: c.want,
        seen: c.seen,
        events: [...c.events],
      })),
      predictions,
      attempts: after.attempts,
    };
  }

  /** studentFiles reads the lab's student files from its workspace folder, or undefined when one is missing. */
  #studentFiles(lab: Lab): Map<string, string> | undefined {
    const ws = this.#o.workspace();
    const files = new Map<string, string>();
    for (const name of lab.spec.student) {
      const r = ws.readText(`${lab.spec.id}/${name}`);
      if (!r.ok) return undefined;
      files.set(name, r.value);
    }
    return files;
  }

  /** watch starts the automatic checks: after a program exits, the open lab's next step is checked live. */
  #watch(): void {
    if (this.#unsubscribe !== undefined) return;
    const session = this.#o.session();
    this.#unsubscribe = session.onChange(() => {
      if (this.#timer !== undefined) return;
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#autoCheck();
      }, AUTO_CHECK_DELAY_MS);
    });
  }

  #autoCheck(): void {
    const session = this.#o.session();
    const exits = session.log.filter((e) => e.kind === 'exit').length;
    if (exits === this.#exitsSeen || this.#open === undefined) return;
    this.#exitsSeen = exits;
    let lab: Lab;
    try {
      lab = this.#lab(this.#open);
    } catch {
      return;
    }
    // Steps pass in order: each unpassed step that the session satisfies ticks, up to the first that does not.
    const p = this.#progress.lab(lab.spec.id);
    const obs = observeSession(session);
    for (const step of lab.spec.steps) {
      if (p.steps[step.id]?.passed === true) continue;
      if (!evaluateStep(step, obs, { lang: 'en', grading: false }).ok) return;
      this.#progress.recordCheck(lab.spec.id, step.id, true);
      this.#o.changed({ id: lab.spec.id, step: step.id });
    }
  }
}

/** labsProgressDir is where a host keeps progress when it is given no user-data folder: .socklab in the workspace. */
export function labsProgressDir(workspaceDir: string, userDataDir: string | undefined): string {
  return userDataDir ?? join(workspaceDir, '.socklab');
}
