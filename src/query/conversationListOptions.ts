import type { QueryKey } from '@tanstack/react-query'
import { MAX_CONVERSATION_MARK, type ConversationPage } from '../client/types'
import { checkInt } from '../client/validate'
import { infiniteQueryOptions } from './infiniteQueryOptions'
import { roamingKeys } from './keys'
import { retryDelay, shouldRetry } from './retry'
import { scopeOf, type RoamingKit } from './RoamingKit'

/** Most pinned conversations per user (the server's limit): one page holds them all. */
export const PINNED_PAGE_SIZE = 50

/** The options every conversation list shares: cursor paging, and its key and page read. */
function listOptions<K extends QueryKey>(queryKey: K, read: (cursor: string | null) => Promise<ConversationPage>) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }): Promise<ConversationPage> => read(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ConversationPage) => last.nextCursor ?? undefined,
    // Live events keep the lists current; a remount within a minute needs no request.
    staleTime: 60_000,
    retry: shouldRetry,
    retryDelay,
  })
}

/**
 * The options factory of the server conversation list (most recently active first), shared by
 * `useConversationList`, prefetching and cache writes.
 */
export function conversationListOptions(kit: Pick<RoamingKit, 'client'>, params: { pageSize?: number } = {}) {
  const pageSize = checkInt('conversationListOptions', 'pageSize', params?.pageSize, 1, 50, 20)
  return listOptions(roamingKeys.conversations(scopeOf(kit), pageSize), (cursor) => kit.client.getConversations({ pageSize, cursor }))
}

/** The options factory of the pinned conversations (most recently pinned first). */
export function pinnedConversationsOptions(kit: Pick<RoamingKit, 'client'>) {
  return listOptions(roamingKeys.pinnedConversations(scopeOf(kit)), (cursor) => kit.client.getPinnedConversations({ pageSize: PINNED_PAGE_SIZE, cursor }))
}

/**
 * The options factory of a mark's list: the conversations carrying `mark` (an integer in [0, 19]), most recently
 * active first, `pageSize` in [1, 10] (the server's limit for it), shared by `useConversationList({ mark })`,
 * prefetching and cache writes.
 */
export function markedConversationsOptions(kit: Pick<RoamingKit, 'client'>, params: { mark: number; pageSize?: number }) {
  const op = 'markedConversationsOptions'
  const mark = checkInt(op, 'mark', params?.mark, 0, MAX_CONVERSATION_MARK)
  const pageSize = checkInt(op, 'pageSize', params?.pageSize, 1, 10, 10)
  return listOptions(roamingKeys.markedConversations(scopeOf(kit), mark, pageSize), (cursor) => kit.client.getMarkedConversations({ mark, pageSize, cursor }))
}
