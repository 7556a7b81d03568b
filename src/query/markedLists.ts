import type { Conversation } from '../client/types'
import { insertSorted, listHas, withMark, type ConversationListData } from './conversationPages'
import { keyOf, listKind, markOfList, roamingKeys } from './keys'
import { listedConversations } from './listedConversations'
import { pendingMarks } from './pendingMarks'
import { queriesUnder, scopeOf, writeQuery, type RoamingKit } from './RoamingKit'

/**
 * A mark's list with a conversation that carries the mark put where its last message says, unless the list has pages
 * not loaded and the conversation is older than all it loaded: its place is on one of those, which brings it (shown at
 * the bottom now, it would jump when they load). The caller checks the mark.
 */
export function joinMarked(data: ConversationListData | undefined, conversation: Conversation): ConversationListData | undefined {
  const last = data?.pages.at(-1)
  const oldest = last?.conversations.at(-1)
  if (last?.nextCursor && oldest && (conversation.lastMessage?.time ?? 0) < (oldest.lastMessage?.time ?? 0)) return data
  return insertSorted(data, conversation, 'activity')
}

/** The entry of a conversation in the lists that have all conversations (main, else pinned), if loaded. */
export function entryOf(kit: RoamingKit, key: string): Conversation | undefined {
  const entries = listedConversations(kit, key)
  return (entries.find(([k]) => listKind(k) === 'main') ?? entries.find(([k]) => listKind(k) === 'pinned'))?.[1]
}

/**
 * Puts a conversation into the loaded lists of the marks it carries that lack it: a mark given here or on another
 * device, marks learned from the server, or a message that moved it above what a mark's list loaded. A mark's list is
 * what the server answered, and a message or a mark changes it only here (the server's answer to a read has it too).
 * `known`: the server's entry, when no list of every conversation has one. Costs one scan of the cache's queries when
 * no mark's list is loaded.
 */
export function joinMarkedLists(kit: RoamingKit, key: string, known?: Conversation): void {
  const lists = queriesUnder<ConversationListData>(kit, [...roamingKeys.conversationLists(scopeOf(kit)), 'marked'])
  if (lists.length === 0) return
  const entry = entryOf(kit, key) ?? known
  if (!entry) return
  for (const [queryKey, data] of lists) {
    if (entry.marks.includes(markOfList(queryKey) ?? -1) && !listHas(data, key)) writeQuery<ConversationListData>(kit, queryKey, (d) => joinMarked(d, entry))
  }
}

/**
 * A mark's list a read just wrote, with the conversations this device is giving the mark (changes still out) put in:
 * the read may have been answered before the server had them (as `withPendingMarks`, which runs after this and so
 * has the last word on a conversation marked and unmarked at once).
 */
export function withPendingJoins(kit: RoamingKit, mark: number, data: ConversationListData | undefined): ConversationListData | undefined {
  let next = data
  for (const v of pendingMarks.get(kit) ?? []) {
    if (v.mark !== mark || !v.marked || listHas(next, keyOf(v))) continue
    const entry = entryOf(kit, keyOf(v))
    if (entry) next = joinMarked(next, withMark(entry, mark, true))
  }
  return next
}
