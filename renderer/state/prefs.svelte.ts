// The student's display preferences: the colour scheme (following the OS) and the terminal's
// font size (zoomed with Ctrl +/-, kept across launches).

const FONT_KEY = 'socklab.terminalFontSize';
/** DEFAULT_FONT_SIZE is the terminal's font size before any zoom. */
export const DEFAULT_FONT_SIZE = 14;
const MIN_FONT = 8;
const MAX_FONT = 32;

/** Prefs holds the theme and terminal font size. */
export class Prefs {
  dark = $state(false);
  fontSize = $state(DEFAULT_FONT_SIZE);
  readonly #storage: Storage | undefined;

  constructor(storage: Storage | undefined, media: MediaQueryList | undefined) {
    this.#storage = storage;
    const saved = Number(storage?.getItem(FONT_KEY));
    if (Number.isInteger(saved) && saved >= MIN_FONT && saved <= MAX_FONT) this.fontSize = saved;
    if (media) {
      this.dark = media.matches;
      media.addEventListener('change', (event) => (this.dark = event.matches));
    }
  }

  /** zoom changes the terminal font size by `step` points (0 resets it). */
  zoom(step: number): void {
    const next = step === 0 ? DEFAULT_FONT_SIZE : this.fontSize + step;
    this.fontSize = Math.min(MAX_FONT, Math.max(MIN_FONT, next));
    this.#storage?.setItem(FONT_KEY, String(this.fontSize));
  }
}
