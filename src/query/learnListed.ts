import type { RoamingMessage } from '../client/types'
import { patchConversation, type ConversationListData } from './conversationPages'
import { isOpenConversation, keyOf, roamingKeys } from './keys'
import { joinMarkedLists } from './markedLists'
import { withPendingMarks } from './pendingMarks'
import { unreadAfterRead, unreadSince } from './readAcks'
import { nextTick, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Conversations the server's first page fits: the message just put its conversation at or near the top. */
const FIRST_PAGE = 20

/** Per kit and conversation, when its marks last changed here (`nextTick`): by this device, or an event. */
const markChanges = new WeakMap<RoamingKit, Map<string, number>>()

/** Notes that a conversation's marks changed now (an optimistic write, another device's event). */
export function noteMarkChange(kit: RoamingKit, key: string): void {
  const changes = markChanges.get(kit) ?? new Map<string, number>()
  markChanges.set(kit, changes.set(key, nextTick()))
}

const sameMarks = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((m) => b.includes(m))

/**
 * A message listed a conversation that no loaded list had: what the kit put in the lists is a guess. Its marks are
 * unknown (a conversation emptied, or on a page not loaded, keeps its marks on the server: found by the model test,
 * marked on the phone while emptied here, then listed again by a message without its mark), and, while the list has
 * pages not loaded (`countUnread`), so is its unread count (it showed 1 unread for 5). The server's first page,
 * where the message just put it, has both. One request per conversation listed again this way (the next message
 * finds it listed). Marks changed here since the request went are newer than its answer and stay.
 * The answer's count, without messages read since the request went (`unreadAfterRead`), grows by the logged unread
 * messages newer than its preview (`unreadSince`: a burst's next messages can come before it), and is never lower
 * than shown. A failed request changes nothing.
 */
export async function learnListed(kit: RoamingKit, message: RoamingMessage, countUnread: boolean): Promise<void> {
  const key = keyOf(message)
  const started = nextTick()
  const page = await kit.client.getConversations({ pageSize: FIRST_PAGE }).catch(() => null)
  const entry = page?.conversations.find((c) => keyOf(c) === key)
  if (!entry) return
  const marks = (markChanges.get(kit)?.get(key) ?? 0) > started ? null : entry.marks
  const counted = countUnread && !isOpenConversation(kit.store.getState().activeConversation, key)
    ? unreadAfterRead(kit, key, entry, started) + unreadSince(kit, key, entry.lastMessage?.time ?? 0)
    : null
  // This device's mark changes still out are newer than the answer, even when they began before the request.
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) => withPendingMarks(kit,
    patchConversation(data, key, (c) => {
      let next = c
      if (counted !== null && c.unreadCount < counted) next = { ...next, unreadCount: counted }
      if (marks && !sameMarks(c.marks, marks)) next = { ...next, marks: [...marks] }
      return next
    })))
  joinMarkedLists(kit, key, marks ? entry : undefined)
}
