// Keeps only the newest answer when a pane asks main again before the previous reply came
// back (scrubbing the timeline sends a request per position).

/** latestOnly wraps requests so a reply is delivered only if no newer request was made since. */
export function latestOnly<T>(): (request: Promise<T>) => Promise<T | undefined> {
  let newest = 0;
  return async (request) => {
    const id = ++newest;
    const value = await request;
    return id === newest ? value : undefined;
  };
}

/** timeText renders simulated nanoseconds as seconds with microsecond precision. */
export function timeText(ns: number): string {
  return (ns / 1e9).toFixed(6);
}

/**
 * measureUpdate records two performance measures for one pane update: `socklab:<pane>` from
 * the answer's arrival to now (the pane applying it to its DOM: call it after tick()), and,
 * once the frame that shows it has been drawn, `socklab:<pane>:latency` from the moment the
 * pane asked main (adding main's work, the wait behind other panes and the frame itself).
 */
export function measureUpdate(pane: string, asked: number, answered: number): void {
  performance.measure(`socklab:${pane}`, { start: answered, end: performance.now() });
  afterNextPaint(() =>
    performance.measure(`socklab:${pane}:latency`, { start: asked, end: performance.now() }),
  );
}

/** afterNextPaint runs fn in a task after the next frame's layout and paint (a task queued from requestAnimationFrame); the returned function cancels it. */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * singleFlight keeps at most one request of a pane in flight: asking again while one is out
 * only remembers the newest arguments, sent when the reply arrives. Scrubbing the timeline then
 * costs main one request per pane at a time, not one per position passed. run also gets when
 * its arguments were asked for (performance.now()), for measureUpdate.
 */
export function singleFlight<A>(run: (args: A, asked: number) => Promise<void>): (args: A) => void {
  let busy = false;
  let next: { args: A; asked: number } | undefined;
  const go = (args: A, asked: number) => {
    busy = true;
    void run(args, asked).finally(() => {
      busy = false;
      const queued = next;
      next = undefined;
      if (queued) go(queued.args, queued.asked);
    });
  };
  return (args) => {
    if (busy) next = { args, asked: performance.now() };
    else go(args, performance.now());
  };
}
