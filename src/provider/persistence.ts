import { dehydrate, hydrate, type DehydratedState } from '@tanstack/react-query'
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { scopeOf, type RoamingKit } from '../query/RoamingKit'
import { persistedPart, type PersistedStoreState } from '../store/createRoamingStore'

/** Options of the persisted cache (`persist` on `RoamingProvider`). */
export interface RoamingPersistOptions {
  /** Oldest cache (ms) that is still shown after a reload. @default 86400000 (one day) */
  maxAge?: number
  /** Change it to drop every cache written before (e.g. after a data migration). @default '' */
  buster?: string
  /** Least time between two writes, ms. @default 1000 */
  throttleMs?: number
}

interface PersistedRecord {
  version: 1
  savedAt: number
  buster: string
  cache: DehydratedState
  store: PersistedStoreState
}

let idb: UseStore | undefined
// One IndexedDB database for every roamkit cache; one record per user.
const database = () => (idb ??= createStore('roamkit', 'cache'))
const recordKey = (kit: RoamingKit) => `user:${scopeOf(kit)}`

/**
 * Puts the user's saved cache back: queries (conversation lists, loaded history) and what must never come back
 * (confirmed removals and deletions). A record of another version, another buster, or older than `maxAge` is
 * dropped. Keyed by user: another user's cache is never read.
 */
export async function restoreRoaming(kit: RoamingKit, options: RoamingPersistOptions = {}): Promise<void> {
  const key = recordKey(kit)
  const record = await get<PersistedRecord>(key, database())
  if (!record) return
  const maxAge = options.maxAge ?? 86_400_000
  if (record.version !== 1 || record.buster !== (options.buster ?? '') || Date.now() - record.savedAt > maxAge) {
    await del(key, database())
    return
  }
  kit.store.getState().restore(record.store)
  hydrate(kit.queryClient, record.cache)
}

/**
 * Writes the user's cache on change, at most once per `throttleMs`, and once more when stopped. Only successful
 * roamkit queries of this user are written; tombstones go with them.
 */
export function persistRoaming(kit: RoamingKit, options: RoamingPersistOptions = {}): () => void {
  const scope = scopeOf(kit)
  const key = recordKey(kit)
  const throttleMs = options.throttleMs ?? 1000
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    timer = undefined
    const cache = dehydrate(kit.queryClient, {
      shouldDehydrateQuery: (q) => q.state.status === 'success' && q.queryKey[0] === 'roamkit' && q.queryKey[1] === scope,
      shouldDehydrateMutation: () => false,
    })
    const record: PersistedRecord = { version: 1, savedAt: Date.now(), buster: options.buster ?? '', cache, store: persistedPart(kit.store.getState()) }
    void set(key, record, database()).catch(() => undefined)
  }
  const schedule = () => { timer ??= setTimeout(save, throttleMs) }
  const stopCache = kit.queryClient.getQueryCache().subscribe(schedule)
  const stopStore = kit.store.subscribe(schedule)
  return () => {
    stopCache()
    stopStore()
    if (timer !== undefined) {
      clearTimeout(timer)
      save()
    }
  }
}
