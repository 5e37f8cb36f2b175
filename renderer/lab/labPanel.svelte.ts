// The Lab pane's state: the lab list with progress, the open lab and its selected step, the
// last check's feedback, hints and predictions, all through the contract's labs.* requests. It
// refreshes when main reports a step passed by itself (labs.changed).
import type { ReplyValue, SocklabApi } from '../../main/common/contract';

/** LabSummary is one row of the lab list. */
export type LabSummary = ReplyValue<'labs.list'>['labs'][number];
/** OpenLab is the open lab's text and state. */
export type OpenLab = ReplyValue<'labs.open'>;
/** CheckReply is the feedback of one check. */
export type CheckReply = ReplyValue<'labs.check'>;
/** LabLang is a lab text language. */
export type LabLang = 'en' | 'zh-CN';

/** LabPanel holds the Lab pane's state; it has no side effects until start(). */
export class LabPanel {
  labs = $state.raw<LabSummary[]>([]);
  lab = $state.raw<OpenLab | null>(null);
  /** step is the selected step's id. */
  step = $state<string | null>(null);
  result = $state.raw<CheckReply | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  readonly #api: SocklabApi;
  readonly #lang: () => LabLang;

  /** constructor takes the contract client and the current language. */
  constructor(api: SocklabApi, lang: () => LabLang) {
    this.#api = api;
    this.#lang = lang;
  }

  /** current is the selected step of the open lab. */
  get current(): OpenLab['steps'][number] | undefined {
    return this.lab?.steps.find((s) => s.id === this.step);
  }

  /** start loads the list and follows labs.changed; it returns the unsubscribe function. */
  start(): () => void {
    void this.refreshList();
    return this.#api.on('labs.changed', ({ id }) => {
      void this.refreshList();
      if (this.lab?.id === id) void this.#reload();
    });
  }

  async #ask<N extends 'labs.list' | 'labs.open' | 'labs.hint' | 'labs.predict' | 'labs.check'>(
    name: N,
    args: Parameters<SocklabApi['request']>[1] & object,
  ): Promise<ReplyValue<N> | undefined> {
    const reply = await this.#api.request(name, args as never);
    if (!reply.ok) {
      this.error = reply.error.message;
      return undefined;
    }
    this.error = null;
    return reply.value as ReplyValue<N>;
  }

  /** refreshList reloads the lab list. */
  async refreshList(): Promise<void> {
    const v = await this.#ask('labs.list', { lang: this.#lang() });
    if (v) this.labs = v.labs;
  }

  /** open opens a lab at its first step not yet passed. */
  async open(id: string): Promise<void> {
    const v = await this.#ask('labs.open', { id, lang: this.#lang() });
    if (!v) return;
    this.lab = v;
    this.result = null;
    this.step = (v.steps.find((s) => !s.passed) ?? v.steps[0])?.id ?? null;
  }

  /** relanguage reloads the open lab and the list in the current language. */
  async relanguage(): Promise<void> {
    await this.refreshList();
    if (this.lab) await this.#reload();
  }

  async #reload(): Promise<void> {
    if (!this.lab) return;
    const v = await this.#ask('labs.open', { id: this.lab.id, lang: this.#lang() });
    if (v) this.lab = v;
  }

  /** close goes back to the list. */
  close(): void {
    this.lab = null;
    this.result = null;
    void this.refreshList();
  }

  /** select shows another step. */
  select(step: string): void {
    this.step = step;
    this.result = null;
  }

  /** hint reveals the selected step's next hint. */
  async hint(): Promise<void> {
    if (!this.lab || !this.step) return;
    const v = await this.#ask('labs.hint', { id: this.lab.id, step: this.step, lang: this.#lang() });
    if (v) await this.#reload();
  }

  /** predict records the student's answer to a question of the selected step. */
  async predict(question: string, answer: string): Promise<void> {
    if (!this.lab || !this.step || answer.trim() === '') return;
    const v = await this.#ask('labs.predict', {
      id: this.lab.id,
      step: this.step,
      question,
      answer: answer.trim(),
    });
    if (v) await this.#reload();
  }

  /** check checks the selected step and keeps the feedback. */
  async check(): Promise<void> {
    if (!this.lab || !this.step || this.busy) return;
    this.busy = true;
    try {
      const v = await this.#ask('labs.check', { id: this.lab.id, step: this.step, lang: this.#lang() });
      if (v) {
        this.result = v;
        await this.#reload();
        void this.refreshList();
      }
    } finally {
      this.busy = false;
    }
  }
}
