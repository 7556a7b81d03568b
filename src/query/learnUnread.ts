import type { RoamingMessage } from '../client/types'
import { patchConversation, type ConversationListData } from './conversationPages'
import { isOpenConversation, keyOf, roamingKeys } from './keys'
import { unreadAfterRead, unreadSince } from './readAcks'
import { nextTick, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Conversations the server's first page fits: the message just put its conversation at or near the top. */
const FIRST_PAGE = 20

/**
 * A message from someone else listed a conversation that no loaded page had, while the list has pages not loaded
 * yet: it may sit in one of those with unread messages the kit never counted (it showed 1 unread for 5). The
 * server's first page, where the message just put it, has its count. One request per conversation that comes up
 * from the unloaded pages (the next message finds it listed); none when every page is loaded (then it is new).
 * The answer's count, without messages read since the request went (`unreadAfterRead`), grows by the logged unread
 * messages newer than its preview (`unreadSince`: a burst's next messages can come before it), and is never lower
 * than shown.
 * A failed request changes nothing.
 */
export async function learnUnread(kit: RoamingKit, message: RoamingMessage): Promise<void> {
  const key = keyOf(message)
  const started = nextTick()
  const page = await kit.client.getConversations({ pageSize: FIRST_PAGE }).catch(() => null)
  const entry = page?.conversations.find((c) => keyOf(c) === key)
  if (!entry || isOpenConversation(kit.store.getState().activeConversation, key)) return
  const counted = unreadAfterRead(kit, key, entry, started) + unreadSince(kit, key, entry.lastMessage?.time ?? 0)
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) =>
    patchConversation(data, key, (c) => (c.unreadCount >= counted ? c : { ...c, unreadCount: counted })))
}
