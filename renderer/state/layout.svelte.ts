// Which panes are shown and how big the resizable regions are, persisted in localStorage
// so the window reopens as the student left it.
import type { PaneId } from '../../main/common/contract';

/** LayoutSizes are the splitters' positions: side columns and bottom strip in pixels, splits as fractions. */
export interface LayoutSizes {
  labWidth: number;
  rightWidth: number;
  bottomHeight: number;
  editorFraction: number;
  inspectorFraction: number;
  packetsFraction: number;
}

const DEFAULT_SIZES: LayoutSizes = {
  labWidth: 280,
  rightWidth: 400,
  bottomHeight: 230,
  editorFraction: 0.45,
  inspectorFraction: 0.5,
  packetsFraction: 0.6,
};

const STORAGE_KEY = 'socklab.layout.v1';

/** Layout holds pane visibility and region sizes. */
export class Layout {
  sizes = $state<LayoutSizes>({ ...DEFAULT_SIZES });
  hidden = $state<Partial<Record<PaneId, boolean>>>({});
  readonly #storage: Storage | undefined;

  constructor(storage: Storage | undefined) {
    this.#storage = storage;
    try {
      const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as {
        sizes?: Partial<LayoutSizes>;
        hidden?: Partial<Record<PaneId, boolean>>;
      } | null;
      if (saved?.sizes) this.sizes = { ...DEFAULT_SIZES, ...pickNumbers(saved.sizes) };
      if (saved?.hidden) this.hidden = { ...saved.hidden };
    } catch {
      // an unreadable saved layout is replaced by the default one
    }
  }

  /** visible is true when the pane is shown. */
  visible(id: PaneId): boolean {
    return !this.hidden[id];
  }

  /** toggle shows or hides a pane. */
  toggle(id: PaneId): void {
    this.hidden = { ...this.hidden, [id]: !this.hidden[id] };
    this.save();
  }

  /** resize sets one size, clamped to its range. */
  resize(key: keyof LayoutSizes, value: number): void {
    const fraction = key.endsWith('Fraction');
    const [min, max] = fraction ? [0.15, 0.85] : [140, 900];
    this.sizes = { ...this.sizes, [key]: Math.min(max, Math.max(min, value)) };
    this.save();
  }

  /** reset restores the default layout. */
  reset(): void {
    this.sizes = { ...DEFAULT_SIZES };
    this.hidden = {};
    this.save();
  }

  save(): void {
    this.#storage?.setItem(STORAGE_KEY, JSON.stringify({ sizes: this.sizes, hidden: this.hidden }));
  }
}

function pickNumbers(sizes: Partial<LayoutSizes>): Partial<LayoutSizes> {
  return Object.fromEntries(
    Object.entries(sizes).filter(([key, value]) => key in DEFAULT_SIZES && Number.isFinite(value)),
  ) as Partial<LayoutSizes>;
}
