import { dehydrate, hydrate, type DehydratedState } from '@tanstack/react-query'
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval'
import type { DisconnectReason } from '../client/types'
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
  /**
   * Stops of the connection (the store's `stopReason`) that erase the user's saved cache, which is then not written
   * again until the user's next login. By default the ones that say the account is not safe on this device any more:
   * removed, its password changed, or signed out from another device. Add `'loggedOut'` to erase at every logout
   * (a shared computer). @default ['userRemoved', 'passwordChanged', 'kickedByOtherDevice']
   */
  eraseOn?: readonly DisconnectReason[]
}

const ERASE_ON: readonly DisconnectReason[] = ['userRemoved', 'passwordChanged', 'kickedByOtherDevice']

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
const recordKey = (user: string) => `user:${user}`
// The writers running, by record key: an erase must stop them writing the record back.
const erasers = new Map<string, Set<() => void>>()

/**
 * Erases the saved cache of a user (or of every user), and stops the writers of a mounted provider of that user until
 * its next login.
 */
export async function eraseRoaming(user?: string): Promise<void> {
  for (const [key, erase] of erasers) if (user === undefined || key === recordKey(user)) erase.forEach((e) => e())
  await (user === undefined ? clear(database()) : del(recordKey(user), database()))
}

/**
 * Puts the user's saved cache back: queries (conversation lists, loaded history) and what must never come back
 * (confirmed removals and deletions). A record of another version, another buster, or older than `maxAge` is
 * dropped. Keyed by user: another user's cache is never read.
 */
export async function restoreRoaming(kit: RoamingKit, options: RoamingPersistOptions = {}): Promise<void> {
  const key = recordKey(scopeOf(kit))
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
  const key = recordKey(scope)
  const throttleMs = options.throttleMs ?? 1000
  const eraseOn = options.eraseOn ?? ERASE_ON
  let timer: ReturnType<typeof setTimeout> | undefined
  // Erased, nothing is written until a login ends the stop: what still shows must not be saved back.
  let erased = false
  const erase = () => { erased = true; clearTimeout(timer); timer = undefined }
  const save = () => {
    timer = undefined
    const cache = dehydrate(kit.queryClient, {
      shouldDehydrateQuery: (q) => q.state.status === 'success' && q.queryKey[0] === 'roamkit' && q.queryKey[1] === scope,
      shouldDehydrateMutation: () => false,
    })
    const record: PersistedRecord = { version: 1, savedAt: Date.now(), buster: options.buster ?? '', cache, store: persistedPart(kit.store.getState()) }
    void set(key, record, database()).catch(() => undefined)
  }
  const schedule = () => { if (!erased) timer ??= setTimeout(save, throttleMs) }
  const stopCache = kit.queryClient.getQueryCache().subscribe(schedule)
  const stopStore = kit.store.subscribe((state, prev) => {
    if (state.stopReason !== prev.stopReason) {
      if (state.stopReason && eraseOn.includes(state.stopReason)) void eraseRoaming(scope).catch(() => undefined)
      else if (!state.stopReason) erased = false
    }
    schedule()
  })
  const running = erasers.get(key) ?? new Set()
  erasers.set(key, running.add(erase))
  return () => {
    stopCache()
    stopStore()
    running.delete(erase)
    if (running.size === 0) erasers.delete(key)
    if (timer !== undefined) {
      clearTimeout(timer)
      save()
    }
  }
}
