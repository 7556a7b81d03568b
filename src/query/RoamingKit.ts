import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { RoamingClient, RoamingMessage } from '../client/types'
import type { RoamingStore } from '../store/createRoamingStore'
import { isBuried, type Tombstone } from '../store/tombstones'

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
  /**
   * Messages taken out of views by removals not yet settled, per conversation key, with the view they came from.
   * Shared by all removals: when overlapping removals fail in any order, whatever no tombstone covers any more is
   * put back (`returnDisplaced`), even if the removal that took it out failed first while another still hid it.
   */
  displaced: Map<string, Array<{ queryKey: QueryKey; message: RoamingMessage }>>
  /** Live events heard so far: a resync whose reads were out meanwhile reads once more (see `resync`). */
  heard: number
  /** Whether the open conversation's read ack is sent (see `startReadAcks`); the provider's `readAcks`. */
  readAcks: boolean
}

let ticks = 0
/** The data layer's clock: orders fetch starts, pin decisions and preview refreshes (a counter, not a time). */
export const nextTick = (): number => ++ticks

/** When the fetch in flight (or the last one) of each query started, by kit (see `nextTick`). */
const fetchStarts = new WeakMap<RoamingKit, Map<string, number>>()

/** Notes that a query's fetch starts now (`reconcileFetches` does, for every query of the kit's cache). */
export function noteFetchStart(kit: RoamingKit, queryHash: string): void {
  const starts = fetchStarts.get(kit) ?? new Map<string, number>()
  fetchStarts.set(kit, starts.set(queryHash, nextTick()))
}

/** When the fetch in flight, or the last one, of a query started (`nextTick`); 0 if none was seen. */
export const fetchStartOf = (kit: RoamingKit, queryHash: string): number => fetchStarts.get(kit)?.get(queryHash) ?? 0

/** Live messages kept per conversation for reconciliation. */
export const LIVE_LOG_SIZE = 200

/** Creates the kit of one provider. */
export function createRoamingKit(parts: Omit<RoamingKit, 'live' | 'displaced' | 'heard' | 'readAcks'>): RoamingKit {
  return { ...parts, live: new Map(), displaced: new Map(), heard: 0, readAcks: true }
}

/** The newest logged live message of a conversation that the tombstone does not bury (a preview candidate). */
export const newestLive = (kit: Pick<RoamingKit, 'live'>, key: string, tombstone: Tombstone | undefined): RoamingMessage | undefined =>
  [...(kit.live.get(key) ?? [])].reverse().find((m) => !isBuried(tombstone, m))

/** Cache scope of the logged-in user: keys of two users never meet. */
export const scopeOf = (kit: Pick<RoamingKit, 'client'>): string => kit.client.userId() || '(anonymous)'

/**
 * Writes a cached query's data, keeping it invalidated and failed if it was: `setQueryData` clears both, so a view
 * invalidated by another device's removal while unobserved, then given a live message, was never refetched when
 * shown again and kept the removed messages, and a list whose refresh failed looked fine again after a live
 * message while it kept a removed message as a preview (both found by the model test).
 */
export function writeQuery<T>(kit: RoamingKit, queryKey: QueryKey, update: (data: T | undefined) => T | undefined): void {
  const query = kit.queryClient.getQueryCache().find({ queryKey, exact: true })
  const data = query?.state.data as T | undefined
  const next = update(data)
  if (next === data) return
  const before = query?.state
  kit.queryClient.setQueryData(queryKey, next)
  if (query && before && (before.isInvalidated || before.status === 'error')) {
    query.setState({ isInvalidated: before.isInvalidated, ...(before.status === 'error' ? { status: 'error' as const, error: before.error } : {}) })
  }
}

/** Runs `update` on every cached query under `prefix` and writes what changed. */
export function updateQueries<T>(kit: RoamingKit, prefix: QueryKey, update: (data: T | undefined, queryKey: QueryKey) => T | undefined): void {
  for (const query of kit.queryClient.getQueryCache().findAll({ queryKey: prefix })) {
    writeQuery<T>(kit, query.queryKey, (data) => update(data, query.queryKey))
  }
}

/** Cached data of every query under `prefix`, with its key. */
export function queriesUnder<T>(kit: RoamingKit, prefix: QueryKey): Array<[QueryKey, T]> {
  return kit.queryClient.getQueryCache().findAll({ queryKey: prefix })
    .filter((q) => q.state.data !== undefined)
    .map((q) => [q.queryKey, q.state.data as T])
}

/**
 * Cancels the fetches of loaded queries under `prefix` before an optimistic write or a rollback (a page fetch in
 * flight would write back the pages it started from). A first load is left alone: cancelling it reverts it to a
 * pending query that nothing fetches again (found by the model test: the view stayed pending for good); it is
 * mended by `reconcileFetches` when it lands. A refetch of invalidated data (another device changed it) is started
 * again, or the cancel would leave the stale pages for good (found by the model test).
 *
 * Returns `undefined`, having done everything, when no loaded query under `prefix` is fetching (the usual case):
 * a caller that awaits only a promise then writes its optimistic update in the same task as the click, which React
 * renders with the click's own update, instead of one notification hop and one render later (the bench's delete at
 * 100k loaded messages: 16.9 ms median from the click to the row gone).
 */
export function cancelLoadedFetches(kit: RoamingKit, prefix: QueryKey): Promise<void> | undefined {
  const loaded = (q: { state: { data: unknown } }) => q.state.data !== undefined
  const queries = kit.queryClient.getQueryCache().findAll({ queryKey: prefix, predicate: loaded })
  // Noted before the cancel: its revert restores a state from before the fetch (or from the last cache write),
  // which may have lost the invalidation.
  const refetch = queries
    .filter((q) => q.state.isInvalidated || (q.state.fetchStatus !== 'idle' && !(q.state.fetchMeta as { fetchMore?: unknown } | null)?.fetchMore))
  const again = () => { for (const q of refetch) void kit.queryClient.invalidateQueries({ queryKey: q.queryKey, exact: true }) }
  if (queries.every((q) => q.state.fetchStatus === 'idle')) { again(); return undefined }
  return kit.queryClient.cancelQueries({ queryKey: prefix, predicate: loaded }).then(again)
}

/**
 * Reads everything under `prefix` again, from the server's current state: fetches in flight are cancelled first,
 * since `invalidateQueries` alone joins a first load in flight instead of restarting it, and that load may carry an
 * answer from before the change (found by the model test). Resolves once the active queries were read.
 */
export const readAgain = (kit: RoamingKit, prefix: QueryKey): Promise<void> =>
  kit.queryClient.cancelQueries({ queryKey: prefix }).then(() => kit.queryClient.invalidateQueries({ queryKey: prefix }))
