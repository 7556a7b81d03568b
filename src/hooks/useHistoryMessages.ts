import { hashKey, useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type { ChatType, HistorySearch, RoamingMessage } from '../client/types'
import { checkHistoryView, historyMessagesOptions } from '../query/historyMessagesOptions'
import { FIRST_ITEM_INDEX_BASE, flattenHistory, holdsLatest, nextFirstItemIndex } from '../query/historyPages'
import { keyOf } from '../query/keys'
import { showView } from '../query/shownViews'
import type { ViewRange } from '../query/viewRange'
import { useRoamingContext } from '../provider/RoamingContext'
import { useFirstItemIndex } from './useFirstItemIndex'

/** Options of `useHistoryMessages`. */
export interface UseHistoryMessagesOptions {
  /** Conversation id. */
  conversationId: string
  /** Its chat type. */
  chatType: ChatType
  /** Messages per request, an integer in [1, 50]. @default 20 */
  pageSize?: number
  /** Open around this message instead of at the latest (with `search`, one of the messages it finds). */
  anchorId?: string | null
  /**
   * Only the messages the server finds with this search: `msgTypes` (a media gallery: `['img', 'video']`), `from`
   * (one member of a group), a time window (`startTime` / `endTime`, ms, inclusive). Live messages join the view when
   * they match it; removals and deletions apply to it as to the whole history. A new object each render is fine
   * (the view is keyed by its content).
   */
  search?: HistorySearch | null
}

/** What `useHistoryMessages` returns. */
export interface UseHistoryMessagesResult {
  /** Loaded messages, ascending, without removed ones. */
  messages: RoamingMessage[]
  /**
   * react-virtuoso's `firstItemIndex`: the message at the top of the view (see `setViewRange`) keeps its index, and
   * every message after it (prepends lower it, removals above raise it).
   */
  firstItemIndex: number
  /**
   * Tells which rows are rendered: give it react-virtuoso's `rangeChanged` (indexes counted from `firstItemIndex`),
   * so that removals above the view, on any device, leave it in place, and a reconnection reads again only the pages
   * from one above the view down (see `trimViews`). Without it the first loaded message is kept, a removal between it
   * and the view moves the view by the removed rows, and a reconnection reads every loaded page. Stable; renders
   * nothing.
   */
  setViewRange: (range: ViewRange) => void
  /** `pending` until the first page, `error` when it failed, then `success`. */
  status: 'pending' | 'error' | 'success'
  /** The error, if any. */
  error: Error | null
  /** Loads older messages (no-op while loading or at the start of history). */
  fetchOlder: () => void
  /** Loads newer messages after a jump (no-op while loading or at the latest). */
  fetchNewer: () => void
  /** Whether older messages exist. */
  hasOlder: boolean
  /** Whether newer messages exist beyond the loaded ones. */
  hasNewer: boolean
  /** Whether older messages are loading. */
  isFetchingOlder: boolean
  /** Whether newer messages are loading. */
  isFetchingNewer: boolean
  /** Whether the view holds the latest message (live messages append to it). */
  isLatest: boolean
  /** The message the view was opened around, if any. */
  anchorId: string | null
  /** After a jump: whether the anchor message exists; `null` when there was no jump or it is loading. */
  anchorFound: boolean | null
  /** Shows a message: returns `true` if it is already loaded, else opens the view around it and returns `false`. */
  jumpTo: (messageId: string) => boolean
  /** Goes back to the latest messages. */
  jumpToLatest: () => void
  /** Loads the view again (after an error). */
  retry: () => void
}

/** A conversation's history as a bidirectional infinite query: older pages up, newer pages down, jumps. */
export function useHistoryMessages(options: UseHistoryMessagesOptions): UseHistoryMessagesResult {
  const { kit } = useRoamingContext('useHistoryMessages')
  const view = checkHistoryView('useHistoryMessages', options)
  const key = keyOf(view)
  // A jump belongs to the conversation, anchor and search it was made in; opening another one starts fresh.
  const origin = `${key}|${view.anchorId ?? ''}|${view.search ? hashKey([view.search]) : ''}`
  const [jump, setJump] = useState<{ origin: string; anchorId: string | null } | null>(null)
  const anchorId = jump?.origin === origin ? jump.anchorId : view.anchorId
  const viewOptions = historyMessagesOptions(kit, { ...view, anchorId })
  const query = useInfiniteQuery(viewOptions, kit.queryClient)
  const tombstone = useStore(kit.store, (s) => s.tombstones[key])
  const messages = useMemo(() => flattenHistory(query.data, tombstone), [query.data, tombstone])
  const { hasPreviousPage, hasNextPage, isFetchingPreviousPage, isFetchingNextPage, fetchPreviousPage, fetchNextPage, refetch } = query
  const jumpTo = useCallback((messageId: string) => {
    if (messages.some((m) => m.id === messageId)) return true
    setJump({ origin, anchorId: messageId })
    return false
  }, [messages, origin])
  const around = query.data?.pages.find((p) => p.anchorFound !== undefined)
  // The view's top is the message at the range's first index in the last render.
  const { firstItemIndex, setViewRange, rendered } = useFirstItemIndex(messages, (prev, range) =>
    nextFirstItemIndex(prev, messages, FIRST_ITEM_INDEX_BASE, prev && range ? prev.items[range.startIndex - prev.index] : undefined))
  // What the view renders, for a reconnection to read again only the pages around it (see `trimViews`).
  const queryHash = hashKey(viewOptions.queryKey)
  useEffect(() => showView(kit, queryHash, rendered), [kit, queryHash, rendered])
  return {
    messages,
    firstItemIndex,
    setViewRange,
    status: query.status,
    error: query.error,
    // A view still marked stale (another device removed messages and its refetch failed) is refetched first: a
    // page fetch would succeed, clear the mark and keep the removed rows for good (found by the model test).
    fetchOlder: () => { if (query.isStale && query.isError) void refetch(); else if (hasPreviousPage && !isFetchingPreviousPage) void fetchPreviousPage({ cancelRefetch: false }) },
    fetchNewer: () => { if (query.isStale && query.isError) void refetch(); else if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false }) },
    hasOlder: hasPreviousPage,
    hasNewer: hasNextPage,
    isFetchingOlder: isFetchingPreviousPage,
    isFetchingNewer: isFetchingNextPage,
    isLatest: holdsLatest(query.data),
    anchorId,
    anchorFound: anchorId && around ? around.anchorFound ?? null : null,
    jumpTo,
    jumpToLatest: () => setJump({ origin, anchorId: null }),
    retry: () => { void refetch() },
  }
}
