// The one failure value of core/wire (CONVENTIONS §10): decoders return it instead of throwing.

/** WireError is what a decoder returns when the bytes are not a valid instance of its format. */
export interface WireError {
  readonly kind: 'wire-error';
  readonly reason: string;
}

/** wireError builds a WireError with the given reason. */
export function wireError(reason: string): WireError {
  return { kind: 'wire-error', reason };
}

/** isWireError tells a WireError apart from a successfully decoded value. */
export function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'wire-error';
}

/** Field is a byte range [start, end) inside a header, as listed in each format's field table. */
export type Field = readonly [start: number, end: number];
