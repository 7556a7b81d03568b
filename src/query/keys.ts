import type { QueryKey } from '@tanstack/react-query'
import type { ChatType, HistorySearch } from '../client/types'

/** Identifies a conversation across chat types (a group and a room may share an id). */
export const conversationKey = (conversationId: string, chatType: ChatType): string => `${chatType}:${conversationId}`

/** `conversationKey` of anything naming a conversation (a conversation, a message's target, hook parameters). */
export const keyOf = (c: { conversationId: string; chatType: ChatType }): string => conversationKey(c.conversationId, c.chatType)

/**
 * Query keys of roamkit, all under `['roamkit', scope]` where `scope` is the logged-in user, so two users never
 * share cache entries. Prefixes (`history(scope, id, type)`) match every variant below them.
 */
export const roamingKeys = {
  /** Everything of one user. */
  all: (scope: string) => ['roamkit', scope] as const,
  /** Every conversation list of one user (any page size, pinned or not). */
  conversationLists: (scope: string) => ['roamkit', scope, 'conversations'] as const,
  /** The server conversation list with a page size. */
  conversations: (scope: string, pageSize: number) => ['roamkit', scope, 'conversations', 'all', pageSize] as const,
  /** The pinned conversation list. */
  pinnedConversations: (scope: string) => ['roamkit', scope, 'conversations', 'pinned'] as const,
  /** The list of the conversations carrying a mark, with a page size. */
  markedConversations: (scope: string, mark: number, pageSize: number) => ['roamkit', scope, 'conversations', 'marked', mark, pageSize] as const,
  /** Every loaded view of one conversation's history. */
  history: (scope: string, conversationId: string, chatType: ChatType) => ['roamkit', scope, 'history', chatType, conversationId] as const,
  /**
   * One view: a page size, either the latest messages or those around an anchor message, and a server-side search
   * (checked, `checkHistorySearch`: `null` for none; `searchOfView` reads it back).
   */
  historyView: (scope: string, conversationId: string, chatType: ChatType, pageSize: number, anchorId: string | null, search: HistorySearch | null = null) =>
    ['roamkit', scope, 'history', chatType, conversationId, pageSize, anchorId, search] as const,
}

/** `conversationKey` of a history view's key (`roamingKeys.historyView`, or any key under `roamingKeys.history`). */
export const keyOfView = (queryKey: QueryKey): string => conversationKey(queryKey[4] as string, queryKey[3] as ChatType)

/** Whether `key` is the conversation open in the thread view (`activeConversation` of the store). */
export const isOpenConversation = (active: { conversationId: string; chatType: ChatType } | null, key: string): boolean =>
  !!active && keyOf(active) === key

/**
 * The kind of a conversation-list key: the server list (`main`, every conversation), the pinned list (`pinned`, by pin time),
 * or a mark's list (`marked`, only the conversations carrying the mark).
 */
export type ListKind = 'main' | 'pinned' | 'marked'

/** The kind of a conversation-list key (see `ListKind`). */
export const listKind = (queryKey: QueryKey): ListKind => (queryKey[3] === 'pinned' ? 'pinned' : queryKey[3] === 'marked' ? 'marked' : 'main')

/** The mark a conversation-list key lists (`roamingKeys.markedConversations`), `null` for the other lists. */
export const markOfList = (queryKey: QueryKey): number | null => (queryKey[3] === 'marked' ? (queryKey[4] as number) : null)
