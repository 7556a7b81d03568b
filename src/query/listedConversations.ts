import type { QueryKey } from '@tanstack/react-query'
import type { Conversation } from '../client/types'
import { findConversation, insertSorted, patchConversation, removeConversation, type ConversationListData } from './conversationPages'
import { isPinnedList, roamingKeys } from './keys'
import { queriesUnder, scopeOf, updateQueries, writeQuery, type RoamingKit } from './RoamingKit'

/** Where a conversation is listed: each loaded list that has it, with its entry there. */
export function listedConversations(kit: RoamingKit, key: string): Array<[QueryKey, Conversation]> {
  return queriesUnder<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)))
    .flatMap(([queryKey, data]) => { const c = findConversation(data, key); return c ? [[queryKey, c] as [QueryKey, Conversation]] : [] })
}

/** Puts entries noted by `listedConversations` back where their list's order says (a rollback). */
export function putBackListed(kit: RoamingKit, entries: ReadonlyArray<[QueryKey, Conversation]>): void {
  for (const [queryKey, conversation] of entries) {
    writeQuery<ConversationListData>(kit, queryKey, (data) => insertSorted(data, conversation, isPinnedList(queryKey) ? 'pinned' : 'activity'))
  }
}

/**
 * Writes a conversation's new pin state into every loaded list: the entry is replaced in place in the main lists,
 * and leaves the pinned list or takes its place there by pin time (a pin from this device or from another one).
 */
export function writePinned(kit: RoamingKit, key: string, next: Conversation): void {
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data, queryKey) => {
    if (!isPinnedList(queryKey)) return patchConversation(data, key, () => next)
    const without = removeConversation(data, key)
    return next.isPinned ? insertSorted(without, next, 'pinned') : without
  })
}
