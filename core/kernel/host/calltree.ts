// Walking a profile's call tree: each node is traced as a kernel call; its `pre` action (if
// any) runs before its children and its action after them. The first negative result stops
// the walk and is returned, as an error return unwinds a kernel call chain.

import type { CallTree } from '../profiles';
import type { Host } from './host';

/** TreeActions maps a function name in a call tree to what it does (a negative result is -errno). */
export type TreeActions = Readonly<Record<string, () => number>>;

/** walkCallTree runs tree on host h with actions (after children) and pre (before); the first negative result or 0. */
export function walkCallTree(
  h: Host,
  tree: CallTree,
  actions: TreeActions,
  args: (name: string) => string = () => '',
  pre: TreeActions = {},
): number {
  for (const node of tree) {
    const [name, kids] = typeof node === 'string' ? [node, [] as CallTree] : node;
    const r = h.kcall(name, args(name), () => {
      const first = pre[name]?.() ?? 0;
      if (first < 0) return first;
      const inner = walkCallTree(h, kids, actions, args, pre);
      return inner < 0 ? inner : (actions[name]?.() ?? 0);
    });
    if (r < 0) return r;
  }
  return 0;
}
