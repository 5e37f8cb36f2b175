// Terminal key bindings, as an xterm add-on: copy and paste the way terminal users expect
// (Ctrl+Shift+C/V, Shift+Insert, Ctrl+C with a selection copies instead of interrupting,
// Ctrl+V pastes) by handing those keys to the browser's native copy/paste, and font zoom
// with Ctrl +/-/0.
import type { IDisposable, ITerminalAddon, Terminal } from '@xterm/xterm';

/** KeyBindingsAddon connects clipboard and zoom keys to a terminal. */
export class KeyBindingsAddon implements ITerminalAddon {
  readonly #zoom: (step: number) => void;
  #disposables: IDisposable[] = [];

  constructor(zoom: (step: number) => void) {
    this.#zoom = zoom;
  }

  activate(term: Terminal): void {
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // Returning false leaves the key to the browser, whose copy/paste events xterm handles.
      if (ctrl && event.shiftKey && (key === 'c' || key === 'v')) return false;
      if (event.shiftKey && key === 'insert') return false;
      if (ctrl && !event.shiftKey && key === 'v') return false;
      if (ctrl && !event.shiftKey && key === 'c' && term.hasSelection()) {
        setTimeout(() => term.clearSelection(), 0);
        return false;
      }
      if (ctrl && !event.altKey && (key === '=' || key === '+' || key === '-' || key === '0')) {
        event.preventDefault();
        this.#zoom(key === '-' ? -1 : key === '0' ? 0 : 1);
        return false;
      }
      return true;
    });
    this.#disposables.push({ dispose: () => term.attachCustomKeyEventHandler(() => true) });
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
    this.#disposables = [];
  }
}
