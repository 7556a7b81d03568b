import { applyRoamingEvent } from './applyRoamingEvent'
import { expirePins } from './expirePins'
import { patchConversation, type ConversationListData } from './conversationPages'
import { keyOf, roamingKeys } from './keys'
import { reconcileFetches } from './reconcileFetches'
import { scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/**
 * Starts live sync for one kit: client events into the cache, fetch results reconciled, the unread count of the
 * conversation being opened cleared, and pins given back to the server's lists (`expirePins`). Returns the
 * function that stops all four (no handler is left on the connection).
 */
export function startRoamingSync(kit: RoamingKit): () => void {
  const stopEvents = kit.client.subscribe((event) => applyRoamingEvent(kit, event))
  const stopReconcile = reconcileFetches(kit)
  const stopPins = expirePins(kit)
  const stopStore = kit.store.subscribe((state, previous) => {
    const active = state.activeConversation
    if (!active || active === previous.activeConversation) return
    const key = keyOf(active)
    updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) =>
      patchConversation(data, key, (c) => (c.unreadCount === 0 ? c : { ...c, unreadCount: 0 })))
  })
  return () => {
    stopEvents()
    stopReconcile()
    stopPins()
    stopStore()
  }
}
