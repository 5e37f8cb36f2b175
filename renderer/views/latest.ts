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

/** measureUpdate records how long a pane took from asking main to showing the answer, as a performance measure named `socklab:<pane>`. */
export function measureUpdate(pane: string, start: number): void {
  performance.measure(`socklab:${pane}`, { start, end: performance.now() });
}

/**
 * singleFlight keeps at most one request of a pane in flight: asking again while one is out
 * only remembers the newest arguments, sent when the reply arrives. Scrubbing the timeline then
 * costs main one request per pane at a time, not one per position passed.
 */
export function singleFlight<A>(run: (args: A) => Promise<void>): (args: A) => void {
  let busy = false;
  let next: { args: A } | undefined;
  const go = (args: A) => {
    busy = true;
    void run(args).finally(() => {
      busy = false;
      const queued = next;
      next = undefined;
      if (queued) go(queued.args);
    });
  };
  return (args) => {
    if (busy) next = { args };
    else go(args);
  };
}
