import { hashKey, useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import type { Conversation } from '../client/types'
import { conversationListOptions, markedConversationsOptions, pinnedConversationsOptions } from '../query/conversationListOptions'
import { visibleConversations } from '../query/conversationPages'
import { nextListIndex } from '../query/nextListIndex'
import { showView } from '../query/shownViews'
import type { ViewRange } from '../query/viewRange'
import { useRoamingContext } from '../provider/RoamingContext'
import { useFirstItemIndex } from './useFirstItemIndex'

/** Options of `useConversationList`. */
export interface UseConversationListOptions {
  /** Conversations per request, an integer in [1, 50]; with `mark`, in [1, 10]. @default 20 (10 with `mark`) */
  pageSize?: number
  /**
   * Only the conversations carrying this mark (an integer in [0, 19]; see `useMarkConversation`), read from the server
   * a page at a time (`getMarkedConversations`), pinned ones first as in the whole list. A conversation given the mark
   * here or on another device joins it, one that lost it leaves it.
   */
  mark?: number
}

/** What `useConversationList` returns. */
export interface UseConversationListResult {
  /** Pinned first (most recently pinned first), then by last-message time; each conversation once. */
  conversations: Conversation[]
  /**
   * react-virtuoso's `firstItemIndex`: scrolled down, the rows in view (see `setViewRange`) keep their index, so they
   * stay still when conversations come to the top, move there or go above them; at the top it stays, and new
   * conversations show as they arrive.
   */
  firstItemIndex: number
  /**
   * Tells which rows are rendered: give it react-virtuoso's `rangeChanged` (indexes counted from `firstItemIndex`;
   * with `increaseViewportBy` those rows count as in view). Without it `firstItemIndex` never moves, and every change
   * above the view moves the view by a row. Stable; renders nothing.
   */
  setViewRange: (range: ViewRange) => void
  /** `pending` until the first page, `error` when it failed, then `success`. */
  status: 'pending' | 'error' | 'success'
  /** The error of the list (or of the pinned list), if any. */
  error: Error | null
  /** Loads the next page; does nothing while one is loading or when there is none. */
  fetchNextPage: () => void
  /** Whether the server has more conversations. */
  hasNextPage: boolean
  /** Whether the next page is loading. */
  isFetchingNextPage: boolean
  /** Loads the list and the pinned list again (after an error, or to see what no event tells). */
  refetch: () => void
}

/**
 * The server conversation list (or a mark's list, `mark`) as an infinite query, merged with the pinned list and kept
 * live.
 */
export function useConversationList(options: UseConversationListOptions = {}): UseConversationListResult {
  const { kit } = useRoamingContext('useConversationList')
  const { mark } = options
  // One query either way (the two keys differ in their tuple type only).
  const listOptions = (mark === undefined ? conversationListOptions(kit, options) : markedConversationsOptions(kit, { ...options, mark })) as ReturnType<typeof conversationListOptions>
  const all = useInfiniteQuery(listOptions, kit.queryClient)
  const pinned = useInfiniteQuery(pinnedConversationsOptions(kit), kit.queryClient)
  const deleted = useStore(kit.store, (s) => s.deletedConversations)
  const pins = useStore(kit.store, (s) => s.pins)
  const conversations = useMemo(() => {
    const visible = visibleConversations(all.data, pinned.data, deleted, pins)
    // A mark's pages keep a conversation that lost the mark here until read again; the pinned list has every mark.
    return mark === undefined ? visible : visible.filter((c) => c.marks.includes(mark))
  }, [all.data, pinned.data, deleted, pins, mark])
  const { firstItemIndex, setViewRange, rendered } = useFirstItemIndex(conversations, (prev, range) => nextListIndex(prev, conversations, range))
  // What the list renders, for a reconnection to read again only the pages down to it (see `trimLists`).
  const queryHash = hashKey(listOptions.queryKey)
  useEffect(() => showView(kit, queryHash, rendered), [kit, queryHash, rendered])
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = all
  return {
    conversations,
    firstItemIndex,
    setViewRange,
    status: all.status,
    error: all.error ?? pinned.error,
    fetchNextPage: () => { if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false }) },
    hasNextPage,
    isFetchingNextPage,
    // Both: the pinned list may hold what the server dropped (another device's deletion of them all, which no event tells).
    refetch: () => { void refetch(); void pinned.refetch() },
  }
}
