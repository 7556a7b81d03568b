import type { ConversationPage } from '../client/types'
import { checkInt } from '../client/validate'
import { infiniteQueryOptions } from './infiniteQueryOptions'
import { roamingKeys } from './keys'
import { retryDelay, shouldRetry } from './retry'
import { scopeOf, type RoamingKit } from './RoamingKit'

/** Most pinned conversations per user (the server's limit): one page holds them all. */
export const PINNED_PAGE_SIZE = 50

/**
 * The options factory of the server conversation list (most recently active first), shared by
 * `useConversationList`, prefetching and cache writes.
 */
export function conversationListOptions(kit: Pick<RoamingKit, 'client'>, params: { pageSize?: number } = {}) {
  const pageSize = checkInt('conversationListOptions', 'pageSize', params?.pageSize, 1, 50, 20)
  return infiniteQueryOptions({
    queryKey: roamingKeys.conversations(scopeOf(kit), pageSize),
    queryFn: ({ pageParam }): Promise<ConversationPage> => kit.client.getConversations({ pageSize, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Live events keep the list current; a remount within a minute needs no request.
    staleTime: 60_000,
    retry: shouldRetry,
    retryDelay,
  })
}

/** The options factory of the pinned conversations (most recently pinned first). */
export function pinnedConversationsOptions(kit: Pick<RoamingKit, 'client'>) {
  return infiniteQueryOptions({
    queryKey: roamingKeys.pinnedConversations(scopeOf(kit)),
    queryFn: ({ pageParam }): Promise<ConversationPage> => kit.client.getPinnedConversations({ pageSize: PINNED_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
    retry: shouldRetry,
    retryDelay,
  })
}
