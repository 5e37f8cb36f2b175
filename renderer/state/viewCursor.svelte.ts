// The position in the trace every lab view shows: the latest event while following live, or
// an event the student picked on the timeline. It listens for views.changed, keeps the
// timeline's system-call markers, and steps back and forth by event or by system call.
import type { SocklabApi } from '../../main/common/contract';
import type { views } from '../../core/index';

/** ViewCursor is the selected trace position and the timeline's markers. */
export class ViewCursor {
  /** total is the number of events in the trace. */
  total = $state(0);
  /** selected is the picked seq, or null to follow the latest event. */
  selected = $state<number | null>(null);
  /** version changes on every views.changed, so panes refetch even when seq did not move. */
  version = $state(0);
  /** resets counts world resets, so panes drop what they cached. */
  resets = $state(0);
  timeline = $state.raw<views.TimelineView | undefined>();
  /** missing says why there is nothing to show (no simulation yet), or undefined. */
  missing = $state<string | undefined>();
  readonly #api: SocklabApi;
  #refreshing: Promise<void> | undefined;
  #again = false;

  constructor(api: SocklabApi) {
    this.#api = api;
  }

  /** seq is the event the views show. */
  get seq(): number {
    return this.selected ?? this.total - 1;
  }

  /** start subscribes to views.changed and loads the timeline; it returns the unsubscribe function. */
  start(): () => void {
    void this.refresh();
    return this.#api.on('views.changed', ({ reset }) => {
      if (reset) {
        this.selected = null;
        this.resets++;
      }
      void this.refresh();
    });
  }

  /** refresh reloads the timeline and bumps the version; calls while one is loading fold into one more load. */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = this.#load().finally(() => {
      this.#refreshing = undefined;
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    });
    return this.#refreshing;
  }

  async #load(): Promise<void> {
    const reply = await this.#api.request('views.timeline', {});
    if (reply.ok) {
      this.timeline = reply.value;
      this.total = reply.value.total;
      this.missing = undefined;
      if (this.selected !== null && this.selected >= this.total) this.selected = null;
    } else {
      this.timeline = undefined;
      this.total = 0;
      this.missing = reply.error.message;
    }
    this.version++;
  }

  /** select shows the trace as of seq (clamped); the last event means following live. */
  select(seq: number): void {
    const s = Math.max(-1, Math.min(Math.round(seq), this.total - 1));
    this.selected = s >= this.total - 1 ? null : s;
  }

  /** step moves by n events. */
  step(n: number): void {
    this.select(this.seq + n);
  }

  /** stepSyscall moves to the end of the next (dir 1) or previous (dir -1) system call. */
  stepSyscall(dir: 1 | -1): boolean {
    const marks = this.timeline?.marks ?? [];
    const here = this.seq;
    const next = dir > 0 ? marks.find((m) => m.endSeq > here) : marks.findLast((m) => m.endSeq < here);
    if (!next) return false;
    this.select(next.endSeq);
    return true;
  }
}
