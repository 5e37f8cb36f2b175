// TCP states (include/net/tcp_states.h; reference §5.1). TCP_NEW_SYN_RECV and
// TCP_BOUND_INACTIVE exist only in 6.x.

/** TCP_STATE maps each TCP state name to its number, one row per state. */
// prettier-ignore
export const TCP_STATE = {
  TCP_ESTABLISHED: 1,
  TCP_SYN_SENT: 2,
  TCP_SYN_RECV: 3,
  TCP_FIN_WAIT1: 4,
  TCP_FIN_WAIT2: 5,
  TCP_TIME_WAIT: 6,
  TCP_CLOSE: 7,
  TCP_CLOSE_WAIT: 8,
  TCP_LAST_ACK: 9,
  TCP_LISTEN: 10,
  TCP_CLOSING: 11,
  TCP_NEW_SYN_RECV: 12, // 6.x only
  TCP_BOUND_INACTIVE: 13, // 6.x only; an inet_diag pseudo-state
} as const;

/** TCP_STATE_NAMES maps state numbers back to names. */
export const TCP_STATE_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(TCP_STATE).map(([k, v]) => [v, k]),
);

/** tcpStateName returns the name of a TCP state number, or its number as text when unknown. */
export function tcpStateName(state: number): string {
  return TCP_STATE_NAMES[state] ?? String(state);
}
