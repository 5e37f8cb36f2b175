// Running a linear chain of nested kernel calls (a → b → c), each traced, with body as the
// innermost work: how era-specific wrapper chains from the profile are executed.

import type { Host } from './host';

/** kchain calls names[0] → names[1] → … nested and runs body inside the last; args label the outermost call. */
export function kchain<T>(h: Host, names: readonly string[], args: string, body: () => T, i = 0): T {
  const fn = names[i];
  if (fn === undefined) return body();
  return h.kcall(fn, i === 0 ? args : '', () => kchain(h, names, args, body, i + 1));
}
