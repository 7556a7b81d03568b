import { applyRoamingEvent } from './applyRoamingEvent'
import { patchConversation, type ConversationListData } from './conversationPages'
import { conversationKey, roamingKeys } from './keys'
import { reconcileFetches } from './reconcileFetches'
import { scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/**
 * Starts live sync for one kit: client events into the cache, fetch results reconciled, and the unread count of
 * the conversation being opened cleared. Returns the function that stops all three (no handler is left on the
 * connection).
 */
export function startRoamingSync(kit: RoamingKit): () => void {
  const stopEvents = kit.client.subscribe((event) => applyRoamingEvent(kit, event))
  const stopReconcile = reconcileFetches(kit)
  const stopStore = kit.store.subscribe((state, previous) => {
    const active = state.activeConversation
    if (!active || active === previous.activeConversation) return
    const key = conversationKey(active.conversationId, active.chatType)
    updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) =>
      patchConversation(data, key, (c) => (c.unreadCount === 0 ? c : { ...c, unreadCount: 0 })))
  })
  return () => {
    stopEvents()
    stopReconcile()
    stopStore()
  }
}
