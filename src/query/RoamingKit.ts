import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { RoamingClient, RoamingMessage } from '../client/types'
import type { RoamingStore } from '../store/createRoamingStore'

/** What the data layer works with: the seam, the store of one provider, the query cache, the live log. */
export interface RoamingKit {
  /** The roaming client. */
  client: RoamingClient
  /** UI state of this provider (tombstones, active conversation…). */
  store: RoamingStore
  /** The query cache roamkit's queries live in. */
  queryClient: QueryClient
  /**
   * Recent live messages per conversation key. A page fetch that started before a message arrived writes back
   * the pages it started from; the log lets the message be put back after it (see `reconcileFetches`).
   */
  live: Map<string, RoamingMessage[]>
}

/** Live messages kept per conversation for reconciliation. */
export const LIVE_LOG_SIZE = 200

/** Creates the kit of one provider. */
export function createRoamingKit(parts: Omit<RoamingKit, 'live'>): RoamingKit {
  return { ...parts, live: new Map() }
}

/** Cache scope of the logged-in user: keys of two users never meet. */
export const scopeOf = (kit: Pick<RoamingKit, 'client'>): string => kit.client.userId() || '(anonymous)'

/** Runs `update` on every cached query under `prefix` and writes what changed. */
export function updateQueries<T>(kit: RoamingKit, prefix: QueryKey, update: (data: T | undefined, queryKey: QueryKey) => T | undefined): void {
  for (const query of kit.queryClient.getQueryCache().findAll({ queryKey: prefix })) {
    const data = query.state.data as T | undefined
    const next = update(data, query.queryKey)
    if (next !== data) kit.queryClient.setQueryData(query.queryKey, next)
  }
}

/** Cached data of every query under `prefix`, with its key. */
export function queriesUnder<T>(kit: RoamingKit, prefix: QueryKey): Array<[QueryKey, T]> {
  return kit.queryClient.getQueryCache().findAll({ queryKey: prefix })
    .filter((q) => q.state.data !== undefined)
    .map((q) => [q.queryKey, q.state.data as T])
}
