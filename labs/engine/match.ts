// Value matchers of lab checks (format.ts's Match): equality with a number, string or boolean,
// a numeric comparison, or a regular expression over the value's text; and how a matcher and a
// value read in feedback.
import type { Match } from '../format';

/** Value is what a matcher compares: a trace value, a frame field, an exit status. */
export type Value = string | number | boolean | null | undefined;

/** asNumber reads numbers and numeric text ("0x10" included) as a number, else NaN. */
function asNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?(0x[0-9a-f]+|\d+(\.\d+)?)$/i.test(v.trim())) return Number(v.trim());
  return NaN;
}

/** matches tells whether value satisfies m. */
export function matches(value: Value, m: Match): boolean {
  if (value === undefined) return false;
  if (typeof m === 'number') return asNumber(value) === m;
  if (typeof m === 'string' || typeof m === 'boolean') return value === m || String(value) === String(m);
  if ('regex' in m) return new RegExp(m.regex).test(String(value));
  const n = asNumber(value);
  if (Number.isNaN(n)) return false;
  switch (m.op) {
    case '==':
      return n === m.value;
    case '!=':
      return n !== m.value;
    case '>':
      return n > m.value;
    case '>=':
      return n >= m.value;
    case '<':
      return n < m.value;
    case '<=':
      return n <= m.value;
  }
}

/** showMatch prints a matcher as feedback writes it ("1460", "> 0", "/^E/"). */
export function showMatch(m: Match): string {
  if (typeof m !== 'object') return String(m);
  return 'regex' in m ? `/${m.regex}/` : `${m.op} ${m.value}`;
}

/** showValue prints a value for feedback (strings as they are, nothing as "(none)"). */
export function showValue(v: Value): string {
  return v === undefined ? '(none)' : String(v);
}
