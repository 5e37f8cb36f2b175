// Hex text for bytes: the packet pane's hex column, test fixtures and trace payload dumps.
import { type WireError, wireError } from './error';

/** toHex writes bytes as lowercase hex, optionally with a separator between bytes. */
export function toHex(bytes: Uint8Array, separator = ''): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(separator);
}

/** fromHex reads hex text (whitespace and `:` between bytes allowed) into bytes, or returns a WireError. */
export function fromHex(text: string): Uint8Array | WireError {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return wireError(`bad hex text "${text}"`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}
