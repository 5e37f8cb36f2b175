// Remembers the window's size, position and maximized state between launches, in a small
// JSON file in the user-data folder, written atomically. A saved position that is no longer
// on any display is dropped, so the window never opens off-screen.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { writeFileAtomic } from '../store/atomicWrite';

/** WindowBounds is where the window opens. */
export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

/** WindowState is what is remembered about the window. */
export interface WindowState extends WindowBounds {
  maximized: boolean;
}

/** DisplayArea is one display's work area. */
export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** DEFAULT_WINDOW is the size of the first window. */
export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 800, maximized: false };

const int = v.pipe(v.number(), v.integer());
const stateSchema = v.object({
  version: v.literal(1),
  width: v.pipe(int, v.minValue(400), v.maxValue(20000)),
  height: v.pipe(int, v.minValue(300), v.maxValue(20000)),
  x: v.optional(int),
  y: v.optional(int),
  maximized: v.boolean(),
});

/** parseWindowState reads a saved state, falling back to the default for anything unreadable or off-screen. */
export function parseWindowState(text: string | undefined, displays: readonly DisplayArea[]): WindowState {
  let data: unknown;
  try {
    data = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW;
  }
  const parsed = v.safeParse(stateSchema, data);
  if (!parsed.success) return DEFAULT_WINDOW;
  const { width, height, x, y, maximized } = parsed.output;
  const visible =
    x !== undefined &&
    y !== undefined &&
    displays.some((d) => x + 100 > d.x && y + 40 > d.y && x + 100 < d.x + d.width && y < d.y + d.height - 40);
  return visible ? { width, height, x, y, maximized } : { width, height, maximized };
}

/** loadWindowState reads the state file (missing or broken → default). */
export function loadWindowState(path: string, displays: readonly DisplayArea[]): WindowState {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  return parseWindowState(text, displays);
}

/** saveWindowState writes the state file atomically. */
export function saveWindowState(path: string, state: WindowState): void {
  writeFileAtomic(path, JSON.stringify({ version: 1, ...state }, null, 2) + '\n');
}
