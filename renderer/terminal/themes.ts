// xterm colour themes matching the app's light and dark palettes (Tango-like ANSI colours,
// readable on both backgrounds).
import type { ITheme } from '@xterm/xterm';

/** lightTheme is used when the OS prefers a light scheme. */
export const lightTheme: ITheme = {
  background: '#ffffff',
  foreground: '#1f2328',
  cursor: '#1f2328',
  cursorAccent: '#ffffff',
  selectionBackground: '#b6d6fd',
  black: '#24292f',
  red: '#c4271f',
  green: '#1a7f37',
  yellow: '#8a6d00',
  blue: '#0550ae',
  magenta: '#8250df',
  cyan: '#1b7c83',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#116329',
  brightYellow: '#633c01',
  brightBlue: '#0969da',
  brightMagenta: '#6639ba',
  brightCyan: '#3192aa',
  brightWhite: '#8c959f',
};

/** darkTheme is used when the OS prefers a dark scheme. */
export const darkTheme: ITheme = {
  background: '#1e1e1e',
  foreground: '#e6e6e6',
  cursor: '#e6e6e6',
  cursorAccent: '#1e1e1e',
  selectionBackground: '#264f78',
  black: '#3b3b3b',
  red: '#f14c4c',
  green: '#23d18b',
  yellow: '#f5f543',
  blue: '#3b8eea',
  magenta: '#d670d6',
  cyan: '#29b8db',
  white: '#e5e5e5',
  brightBlack: '#767676',
  brightRed: '#f14c4c',
  brightGreen: '#23d18b',
  brightYellow: '#f5f543',
  brightBlue: '#3b8eea',
  brightMagenta: '#d670d6',
  brightCyan: '#29b8db',
  brightWhite: '#ffffff',
};
