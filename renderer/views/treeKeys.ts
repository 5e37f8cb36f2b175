// Keyboard navigation for role="tree" views (WAI-ARIA tree pattern): Up/Down move between
// visible items, Right expands or enters, Left collapses or goes to the parent, Home/End jump.

/** treeKeydown handles a key on a tree; toggle(item, open) expands or collapses an item. */
export function treeKeydown(
  event: KeyboardEvent,
  tree: HTMLElement,
  toggle: (item: HTMLElement, open: boolean) => void,
): void {
  const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')].filter(
    (el) => el.offsetParent !== null,
  );
  const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[role="treeitem"]');
  const i = current ? items.indexOf(current) : -1;
  const focus = (el: HTMLElement | undefined) => {
    if (!el) return;
    event.preventDefault();
    el.focus();
  };
  switch (event.key) {
    case 'ArrowDown':
      return focus(items[i + 1]);
    case 'ArrowUp':
      return focus(items[Math.max(0, i - 1)]);
    case 'Home':
      return focus(items[0]);
    case 'End':
      return focus(items.at(-1));
    case 'ArrowRight':
      if (current?.getAttribute('aria-expanded') === 'false') {
        event.preventDefault();
        toggle(current, true);
      } else focus(items[i + 1]);
      return;
    case 'ArrowLeft':
      if (current?.getAttribute('aria-expanded') === 'true') {
        event.preventDefault();
        toggle(current, false);
      } else focus(current?.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined);
      return;
  }
}
