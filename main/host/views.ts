// The lab views' side of a session: answers the views.* requests from the window's current
// world through core/views, and pushes one views.changed event per burst of trace growth (or
// on a reset), so the panes refresh at most once per event-loop turn. It reads the world
// through an accessor, so a reset world (a new object) gets a fresh index on its first query.
import type { views as coreViews } from '../../core/index';
import { views } from '../../core/index';
import type { EventPayload, ReplyValue, RequestArgs } from '../common/contract';
import { RequestError } from './files';

type World = ConstructorParameters<typeof coreViews.WorldViews>[0];
type ViewRequest =
  | 'views.timeline'
  | 'views.inspector'
  | 'views.history'
  | 'views.path'
  | 'views.compare'
  | 'views.packets'
  | 'views.frame'
  | 'views.chart'
  | 'views.capture';
/** ViewHandlers answer each view request. */
export type ViewHandlers = { [N in ViewRequest]: (args: RequestArgs<N>) => ReplyValue<N> };

/** ViewsHost answers the view requests of one session. */
export class ViewsHost {
  readonly #world: () => World | undefined;
  readonly #emit: (payload: EventPayload<'views.changed'>) => void;
  #views: coreViews.WorldViews | undefined;
  /** #testWorld is a test-only stand-in for the session's world (see testBulkWorld). */
  #testWorld: World | undefined;
  #testWorldLoaded = false;
  #scheduled = false;
  #resetPending = false;

  /** constructor reads the world through world() and pushes views.changed through emit. */
  constructor(world: () => World | undefined, emit: (payload: EventPayload<'views.changed'>) => void) {
    this.#world = world;
    this.#emit = emit;
  }

  /** changed tells the host the trace grew (or the world was reset); one event goes out per event-loop turn. */
  changed(change: { kind: 'trace'; seq: number } | { kind: 'reset' }): void {
    if (change.kind === 'reset') this.#resetPending = true;
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      const reset = this.#resetPending;
      this.#scheduled = false;
      this.#resetPending = false;
      this.#emit({ seq: ((this.#testBulkWorld() ?? this.#world())?.trace.length ?? 0) - 1, reset });
    });
  }

  /** handlers are the request handlers to spread into the session's table. */
  readonly handlers: ViewHandlers = {
    'views.timeline': () => this.#current().timeline(),
    'views.inspector': (a) => this.#current().inspector(a.seq),
    'views.history': (a) => this.#current().history(a.host, a.obj, a.field, a.seq),
    'views.path': (a) => this.#current().path(a.seq),
    'views.compare': (a) => this.#current().compare(a.kernel, a.seq),
    'views.packets': (a) => this.#current().packets(a.from, a.count, a.seq),
    'views.frame': (a) => {
      const frame = this.#current().frame(a.no);
      if (!frame) throw new RequestError('not-found', `there is no frame ${a.no}`);
      return frame;
    },
    'views.chart': (a) => {
      const chart = this.#current().chart(a.host, a.obj);
      if (!chart) throw new RequestError('not-found', 'no TCP socket has sent anything yet');
      return chart;
    },
    'views.capture': (a) => {
      const v = this.#current();
      const bytes = v.capture(a.format, a.seq);
      const frames = v.packets(0, 1, a.seq).total;
      return { fileName: `socklab.${a.format}`, base64: Buffer.from(bytes).toString('base64'), frames };
    },
  };

  #current(): coreViews.WorldViews {
    const world = this.#testBulkWorld() ?? this.#world();
    if (!world) throw new RequestError('not-found', 'no simulation has run in this window yet');
    if (this.#views?.world !== world) this.#views = new views.WorldViews(world);
    return this.#views;
  }

  /**
   * #testBulkWorld is the test-only hook of the e2e performance figures: when main runs with
   * SOCKLAB_TEST_BULK_BYTES=N, the views show a world that moved N bytes over TCP instead of the
   * session's own (running a C program for that would take minutes). Unset, it does nothing.
   */
  #testBulkWorld(): World | undefined {
    if (this.#testWorldLoaded) return this.#testWorld;
    this.#testWorldLoaded = true;
    const bytes = Number(process.env.SOCKLAB_TEST_BULK_BYTES ?? 0);
    if (Number.isInteger(bytes) && bytes > 0) this.#testWorld = views.bulkTransferWorld(bytes);
    return this.#testWorld;
  }
}
