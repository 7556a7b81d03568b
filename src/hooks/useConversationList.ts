import { hashKey, useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import type { Conversation } from '../client/types'
import { conversationListOptions, pinnedConversationsOptions } from '../query/conversationListOptions'
import { visibleConversations } from '../query/conversationPages'
import { nextListIndex } from '../query/nextListIndex'
import { showView } from '../query/shownViews'
import type { ViewRange } from '../query/viewRange'
import { useRoamingContext } from '../provider/RoamingContext'
import { useFirstItemIndex } from './useFirstItemIndex'

/** Options of `useConversationList`. */
export interface UseConversationListOptions {
  /** Conversations per request, an integer in [1, 50]. @default 20 */
  pageSize?: number
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
  /** Loads the list again (after an error, for instance). */
  refetch: () => void
}

/** The server conversation list as an infinite query, merged with the pinned list and kept live. */
export function useConversationList(options: UseConversationListOptions = {}): UseConversationListResult {
  const { kit } = useRoamingContext('useConversationList')
  const listOptions = conversationListOptions(kit, options)
  const all = useInfiniteQuery(listOptions, kit.queryClient)
  const pinned = useInfiniteQuery(pinnedConversationsOptions(kit), kit.queryClient)
  const deleted = useStore(kit.store, (s) => s.deletedConversations)
  const pins = useStore(kit.store, (s) => s.pins)
  const conversations = useMemo(() => visibleConversations(all.data, pinned.data, deleted, pins), [all.data, pinned.data, deleted, pins])
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
    refetch: () => { void refetch(); if (pinned.isError) void pinned.refetch() },
  }
}
