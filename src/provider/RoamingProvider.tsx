import { IsRestoringProvider, QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { createRoamingClient, type RoamingClientOptions } from '../client/createRoamingClient'
import { RoamingArgumentError } from '../client/RoamingError'
import type { SdkConnection } from '../client/sdkTypes'
import type { RoamingClient } from '../client/types'
import { createRoamingKit, type RoamingKit } from '../query/RoamingKit'
import { startRoamingSync } from '../query/startRoamingSync'
import { createRoamingStore } from '../store/createRoamingStore'
import { checkPersistOptions } from './checkPersistOptions'
import type { RoamingPersistOptions } from './persistence'
import { RoamingContext, type RoamingContextValue, type RoamingLocale, type RoamingTheme } from './RoamingContext'

/** Props of `RoamingProvider`: give either `client` or `connection`. */
export interface RoamingProviderProps {
  /** A ready roaming client (e.g. your own `RoamingClient` in tests). */
  client?: RoamingClient
  /** A logged-in `agora-chat` / `easemob-websdk` connection (or the simulator's), wrapped with `createRoamingClient`. */
  connection?: SdkConnection
  /** Options of `createRoamingClient` when `connection` is given. */
  clientOptions?: RoamingClientOptions
  /**
   * The query cache to use (to share it with your app, or to configure it). roamkit passes it to its hooks
   * directly, so it never shadows a `QueryClientProvider` of your app. @default a cache of its own
   */
  queryClient?: QueryClient
  /**
   * UI language: `'en'`, or a locale object such as `zhCN` (`import { zhCN } from 'roamkit/zh-CN'`), which also sets the
   * language of dates and numbers. Only imported locales are bundled. @default 'en'
   */
  locale?: RoamingLocale
  /** Color scheme of the components. @default 'system' */
  theme?: RoamingTheme
  /**
   * Keep the user's cache in IndexedDB, so after a reload the conversation list and the last opened thread show
   * before any network answer (and deleted messages stay deleted). Opt-in; `true` or options. @default false
   */
  persist?: boolean | RoamingPersistOptions
  /**
   * Send the conversation read ack for the conversation open in the thread view (the store's `activeConversation`):
   * its unread count then stays 0 on the server and on the user's other devices, instead of coming back with the next
   * list read. In a single chat the peer is told its messages were read; set `false` if your app sends read acks
   * itself or lets users keep read state private (counts are then cleared on this device only). @default true
   */
  readAcks?: boolean
  /** The subtree using roamkit's hooks and components. */
  children?: ReactNode
}

/**
 * Provides roamkit to its subtree: one client, one store (never shared with another provider), one query cache,
 * and one subscription to live messages and multi-device events, removed on unmount. A login as another user on the
 * same connection starts over with a store of that user's (and their saved cache, with `persist`), and remounts the
 * children, so no UI state of the first user stays.
 */
export function RoamingProvider({ client, connection, clientOptions, queryClient, locale = 'en', theme = 'system', persist = false, readAcks = true, children }: RoamingProviderProps) {
  if (!client && !connection) throw new RoamingArgumentError('RoamingProvider', 'client', undefined, 'a RoamingClient, or a connection')
  if (client && connection) throw new RoamingArgumentError('RoamingProvider', 'connection', 'both', 'either client or connection, not both')
  if (locale !== 'en' && !(typeof locale?.code === 'string' && typeof locale.strings === 'object' && locale.strings !== null)) {
    throw new RoamingArgumentError('RoamingProvider', 'locale', locale, "'en' or a locale object such as zhCN")
  }
  if (theme !== 'light' && theme !== 'dark' && theme !== 'system') throw new RoamingArgumentError('RoamingProvider', 'theme', theme, "'light', 'dark' or 'system'")
  if (typeof readAcks !== 'boolean') throw new RoamingArgumentError('RoamingProvider', 'readAcks', readAcks, 'true or false')
  checkPersistOptions(persist)
  // The options object is read once per connection: a new object each render must not recreate the client.
  const [options] = useState(clientOptions)
  const roamingClient = useMemo(() => client ?? createRoamingClient(connection!, options), [client, connection, options])
  // The logged-in user, read again at each login: a login as another user on this connection (or a first one, for a
  // provider mounted before it) gets a store and a kit of its own, so no tombstone, open conversation or live
  // message of one user reaches another's, and every hook reads its query keys again.
  const subscribeLogins = useCallback((notify: () => void) => roamingClient.subscribe((event) => { if (event.type === 'reconnected') notify() }), [roamingClient])
  const readUser = useCallback(() => roamingClient.userId(), [roamingClient])
  const userId = useSyncExternalStore(subscribeLogins, readUser, readUser)
  const store = useMemo(() => createRoamingStore(), [userId]) // one per user: a new client of the same user keeps it
  const [ownCache] = useState(() => (queryClient ? null : new QueryClient()))
  const cache = queryClient ?? (ownCache as QueryClient)
  useEffect(() => {
    // What QueryClientProvider does: focus and online tracking for this cache.
    cache.mount()
    return () => cache.unmount()
  }, [cache])
  // A cache the provider made dies with it: otherwise each query's 5-minute GC timer keeps the cache, the kit and
  // the client alive after unmount. Cleared a microtask later, since StrictMode unmounts and remounts at once, and
  // only once its fetches are cancelled: TanStack Query before 5.108.4 schedules GC again for a query removed while
  // fetching, when the fetch settles, which kept unmounted caches alive for 5 minutes.
  const mounts = useRef(0)
  useEffect(() => {
    if (!ownCache) return
    mounts.current++
    return () => {
      mounts.current--
      queueMicrotask(() => { if (mounts.current === 0) void ownCache.cancelQueries().then(() => ownCache.clear()) })
    }
  }, [ownCache])
  const kit = useMemo(() => createRoamingKit({ client: roamingClient, store, queryClient: cache }), [roamingClient, store, cache])
  // A prop, not part of the kit's identity: turning acks off must not drop the cache's live state.
  useEffect(() => { kit.readAcks = readAcks }, [kit, readAcks])
  useEffect(() => startRoamingSync(kit), [kit])
  // Queries wait while the saved cache is read back (TanStack's IsRestoring), so nothing is fetched twice: per kit,
  // so another user's login waits for that user's from its first render (the hooks fetch in effects, before ours).
  const [restoredKit, setRestoredKit] = useState<RoamingKit | null>(null)
  const restoring = persist !== false && restoredKit !== kit
  const persistKey = persist === false ? '' : JSON.stringify(persist)
  useEffect(() => {
    if (!persistKey) return
    let live = true
    let stop = () => {}
    const options: RoamingPersistOptions = JSON.parse(persistKey) === true ? {} : JSON.parse(persistKey)
    // Loaded on demand: apps without `persist` never download it.
    void import('./persistence').then(async ({ restoreRoaming, persistRoaming }) => {
      await restoreRoaming(kit, options).catch(() => undefined)
      if (!live) return
      setRestoredKit(kit)
      stop = persistRoaming(kit, options)
    })
    return () => { live = false; stop() }
  }, [kit, persistKey])
  // A page's first Intl formatter costs 50–65 ms in Chromium (its locale data loads once): pay it while idle after
  // the provider mounts, not when the first thread or list shows its times.
  const intlLocale = locale === 'en' ? 'en' : locale.code
  useEffect(() => {
    const warm = () => { new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit' }).format(0); new Intl.RelativeTimeFormat(intlLocale) }
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(warm, { timeout: 1000 })
      return () => cancelIdleCallback(id)
    }
    const id = setTimeout(warm, 50)
    return () => clearTimeout(id)
  }, [intlLocale])
  const value = useMemo<RoamingContextValue>(() => (locale === 'en'
    ? { kit, locale, strings: {}, theme }
    : { kit, locale: locale.code, strings: locale.strings, theme }), [kit, locale, theme])
  return (
    <IsRestoringProvider value={restoring}>
      {/* Keyed by user: another user's login remounts the subtree, so no UI state of the first (a draft, a scroll
          position, an open dialog) is shown to the second. */}
      <RoamingContext.Provider key={userId} value={value}>{children}</RoamingContext.Provider>
    </IsRestoringProvider>
  )
}
