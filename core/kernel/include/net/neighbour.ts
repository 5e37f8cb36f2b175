// struct neighbour (include/net/neighbour.h, reference §4.9) and the NUD states.

import type { KStruct } from '../../host/kstruct';
import type { SkBuff } from '../linux/skbuff';

/** NUD maps each neighbour state to its bit, one row per state. */
// prettier-ignore
export const NUD = {
  NUD_NONE: 0x00, // just created
  NUD_INCOMPLETE: 0x01, // resolving: ARP request sent
  NUD_REACHABLE: 0x02, // confirmed recently
  NUD_STALE: 0x04, // usable, needs confirmation
  NUD_DELAY: 0x08, // waiting before probing
  NUD_PROBE: 0x10, // probing
  NUD_FAILED: 0x20, // resolution failed
  NUD_NOARP: 0x40, // no ARP needed (lo)
  NUD_PERMANENT: 0x80, // static entry
} as const;

/** NUD_CONNECTED is PERMANENT | NOARP | REACHABLE. */
export const NUD_CONNECTED = NUD.NUD_PERMANENT | NUD.NUD_NOARP | NUD.NUD_REACHABLE;

/** nudName returns the name of a single NUD state bit. */
export function nudName(state: number): string {
  return Object.entries(NUD).find(([, v]) => v === state)?.[0] ?? `0x${state.toString(16)}`;
}

/** NEIGHBOUR_ZERO is struct neighbour as neigh_alloc hands it out, one field per line. */
// prettier-ignore
export const NEIGHBOUR_ZERO = {
  primary_key: '', // the IPv4 next hop
  dev: '', // device name
  nud_state: 0, // NUD_* bit
  ha: '00:00:00:00:00:00', // hardware address
  output: '', // neigh_resolve_output / neigh_connected_output …
  probes: 0, // probes sent
  arp_queue: 0, // skbs waiting for resolution
  hh_len: 0, // cached hardware header length (0 until neigh_hh_init)
  refcnt: 0, // references
};

/** Neighbour is a traced neighbour entry with its queue of unresolved skbs. */
export interface Neighbour extends KStruct<typeof NEIGHBOUR_ZERO> {
  readonly arpQueue: SkBuff[];
  /** timer is the queued neigh_timer_handler event's seq, if one is armed. */
  timer?: number | undefined;
}
