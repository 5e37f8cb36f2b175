// The contract client reaches components through Svelte context, set once at mount.
import { getContext } from 'svelte';
import type { ConnectedApi } from './client';

/** API_CONTEXT is the context key under which main.ts puts the ConnectedApi. */
export const API_CONTEXT = Symbol('socklab-api');

/** useApi returns the connected contract client; it must be called during component setup. */
export function useApi(): ConnectedApi {
  const api = getContext<ConnectedApi | undefined>(API_CONTEXT);
  if (!api) throw new Error('useApi: the app was mounted without an API context');
  return api;
}
