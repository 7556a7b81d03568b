import type { QueryKey } from '@tanstack/react-query'
import type { Conversation, PinState } from '../client/types'
import { findConversation, insertSorted, patchConversation, removeConversation, type ConversationListData } from './conversationPages'
import { isOpenConversation, listKind, roamingKeys } from './keys'
import { fetchStartOf, nextTick, queriesUnder, scopeOf, updateQueries, writeQuery, type RoamingKit } from './RoamingKit'

/** Per kit and conversation: when a main list read came back without it while this device was deleting it (`nextTick`). */
const unlisted = new WeakMap<RoamingKit, Map<string, number>>()

/**
 * Notes that the server listed none of the conversations in `keys` (deletions of this device still out) in a main
 * list read that just came back: a rollback must not list them again (see `putBackListed`).
 */
export function noteUnlisted(kit: RoamingKit, keys: readonly string[], data: ConversationListData | undefined): void {
  for (const key of keys) {
    if (findConversation(data, key)) continue
    const ticks = unlisted.get(kit) ?? new Map<string, number>()
    unlisted.set(kit, ticks.set(key, nextTick()))
  }
}

/** Where a conversation is listed: each loaded list that has it, with its entry there. */
export function listedConversations(kit: RoamingKit, key: string): Array<[QueryKey, Conversation]> {
  return queriesUnder<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)))
    .flatMap(([queryKey, data]) => { const c = findConversation(data, key); return c ? [[queryKey, c] as [QueryKey, Conversation]] : [] })
}

/**
 * Puts the entries of conversation `key` noted by `listedConversations` at tick `since` back where their list's
 * order says (a rollback). Not into a list read since: the server may have dropped the conversation meanwhile (found
 * by the soak: deleted on another device while this one was away, put back by a failed removal's or deletion's
 * rollback after the fresh list had landed). Every list read since is read again instead, now that the server's
 * answer is known, the ones that had no entry too: a read that landed while the change was pending was mended to its
 * optimistic state (found by the soak: deletions refused while offline; the list read after reconnecting left the
 * conversation out for good).
 */
export function putBackListed(kit: RoamingKit, key: string, entries: ReadonlyArray<[QueryKey, Conversation]>, since: number): void {
  // A read since, as the server answered it, did not list it: the server has it deleted (on another device, while
  // this one was away and heard no event; found by the soak: this device's refused deletion put back a conversation
  // the phone had deleted, after the lists read at the login had landed without it). Nothing to put back.
  if ((unlisted.get(kit)?.get(key) ?? 0) > since) return
  // The pin as known now, not as noted: a pin change may have settled meanwhile (found by the soak: a removal noted
  // the entries while this device's pin was out; the pin was refused and rolled back, then the removal was refused
  // too, and its rollback put the conversation back into the pinned list). Else as noted, from the pinned list first:
  // a main list's entry may have been listed by a message before the pinned list was read, with no pin (found by the
  // soak: deleted here, pinned on the other device, listed again by a message; a refused deletion put it back unpinned).
  const noted = entries.find(([queryKey]) => listKind(queryKey) === 'pinned') ?? entries[0]
  const known = kit.store.getState().pins[key] ?? listedConversations(kit, key)[0]?.[1] ?? noted?.[1]
  for (const query of kit.queryClient.getQueryCache().findAll({ queryKey: roamingKeys.conversationLists(scopeOf(kit)) })) {
    const { queryKey } = query
    const entry = entries.find(([k]) => k === queryKey)?.[1]
    const pinnedList = listKind(queryKey) === 'pinned'
    if (fetchStartOf(kit, query.queryHash) > since) void kit.queryClient.invalidateQueries({ queryKey, exact: true })
    else if (entry && known && (known.isPinned || !pinnedList)) {
      // The open conversation is being read (see `startReadAcks`): its noted count is not put back (found by the soak:
      // opened while its deletion was out, the refused deletion's rollback showed its old count).
      const unread = isOpenConversation(kit.store.getState().activeConversation, key) ? { unreadCount: 0 } : {}
      const conversation = { ...entry, isPinned: known.isPinned, pinnedTime: known.pinnedTime, ...unread }
      writeQuery<ConversationListData>(kit, queryKey, (data) => insertSorted(data, conversation, pinnedList ? 'pinned' : 'activity'))
    }
  }
}

/**
 * Writes a conversation's new pin state into every loaded list: only the pin changes in the main lists, and the
 * entry leaves the pinned list or takes its place there by pin time. Each list keeps its own entry's other fields
 * (found by the model test: an entry copied from a list not yet read again put a removed message back as the
 * preview in the freshly read pinned list); `entry` (else where it is listed) enters a pinned list without it.
 */
export function writePinned(kit: RoamingKit, key: string, pin: PinState, entry = listedConversations(kit, key)[0]?.[1]): void {
  const pinned = (c: Conversation): Conversation => ({ ...c, isPinned: pin.isPinned, pinnedTime: pin.pinnedTime })
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data, queryKey) => {
    if (listKind(queryKey) !== 'pinned') return patchConversation(data, key, pinned)
    const there = findConversation(data, key) ?? entry
    const without = removeConversation(data, key)
    return pin.isPinned && there ? insertSorted(without, pinned(there), 'pinned') : without
  })
}
