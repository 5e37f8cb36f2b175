// Structural sharing for view answers: the parts of a new answer that equal the previous one's
// are replaced by the previous objects, so a pane's keyed blocks see the same items and Svelte
// re-runs only the parts of the tree that changed (scrubbing changes a few fields of hundreds).

/** reuse returns next with every array or plain object that deep-equals its counterpart in prev (same key or index) replaced by prev's; prev itself when nothing changed. */
export function reuse<T>(prev: T | undefined, next: T): T {
  return same(prev, next) as T;
}

function same(prev: unknown, next: unknown): unknown {
  if (prev === next || typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null)
    return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let unchanged = prev.length === next.length;
    const out = next.map((item, i) => {
      const kept = same(prev[i], item);
      if (kept !== prev[i]) unchanged = false;
      return kept;
    });
    return unchanged ? prev : out;
  }
  if (Array.isArray(prev)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let unchanged = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const kept = Object.hasOwn(p, k) ? same(p[k], n[k]) : n[k];
    if (kept !== p[k] || !Object.hasOwn(p, k)) unchanged = false;
    out[k] = kept;
  }
  return unchanged ? prev : out;
}
