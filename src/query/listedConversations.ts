import type { QueryKey } from '@tanstack/react-query'
import type { Conversation } from '../client/types'
import { findConversation, insertSorted, type ConversationListData } from './conversationPages'
import { roamingKeys } from './keys'
import { queriesUnder, scopeOf, writeQuery, type RoamingKit } from './RoamingKit'

/** Where a conversation is listed: each loaded list that has it, with its entry there. */
export function listedConversations(kit: RoamingKit, key: string): Array<[QueryKey, Conversation]> {
  return queriesUnder<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)))
    .flatMap(([queryKey, data]) => { const c = findConversation(data, key); return c ? [[queryKey, c] as [QueryKey, Conversation]] : [] })
}

/** Puts entries noted by `listedConversations` back where their list's order says (a rollback). */
export function putBackListed(kit: RoamingKit, entries: ReadonlyArray<[QueryKey, Conversation]>): void {
  for (const [queryKey, conversation] of entries) {
    const pinnedList = (queryKey as readonly unknown[])[3] === 'pinned'
    writeQuery<ConversationListData>(kit, queryKey, (data) => insertSorted(data, conversation, pinnedList ? 'pinned' : 'activity'))
  }
}
