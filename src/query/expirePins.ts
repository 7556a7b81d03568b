import { listKind, roamingKeys } from './keys'
import { listedConversations } from './listedConversations'
import { noteCrossedPins } from './pinConversationMutation'
import { fetchStartOf, nextTick, scopeOf, type RoamingKit } from './RoamingKit'

/**
 * Lets the pin states this session decided give way to the server's once every loaded list was read again after
 * them, for the conversations those lists show. They win over pages fetched before (a refetch in flight would undo
 * a pin), but a reload or a dropped connection may have missed another device's pin change, which only a newer
 * list tells (found by a reconnect test: a conversation unpinned on the phone meanwhile stayed pinned on the laptop
 * for good). Returns the unsubscribe function.
 */
export function expirePins(kit: RoamingKit): () => void {
  /** When each pin state was decided (`nextTick`). */
  const decided = new Map<string, number>()
  /** When the last full read that succeeded of each list started (a next page leaves the older pages as they were). */
  const fresh = new Map<string, number>()
  const stopStore = kit.store.subscribe((s, prev) => {
    // Most store changes (removals, deletions, the open conversation) leave the pins map as it is.
    if (s.pins === prev.pins) return
    for (const key in s.pins) if (s.pins[key] !== prev.pins[key]) decided.set(key, nextTick())
  })
  const stopCache = kit.queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey[2] !== 'conversations') return
    const { action, query } = event
    if (action.type !== 'success' || action.manual || (query.state.fetchMeta as { fetchMore?: unknown } | null)?.fetchMore) return
    fresh.set(query.queryHash, fetchStartOf(kit, query.queryHash))
    // Not a mark's list: a part of the whole list read apart, whose failed read would keep the whole list's pins as
    // this session left them (found by the soak: a refused pin's rollback stayed on a conversation the phone pinned
    // meanwhile, the star list's read having failed while the others succeeded).
    const since = Math.min(...kit.queryClient.getQueryCache().findAll({ queryKey: roamingKeys.conversationLists(scopeOf(kit)) })
      .filter((q) => q.state.data !== undefined && listKind(q.queryKey) !== 'marked').map((q) => fresh.get(q.queryHash) ?? 0))
    // Not while a pin change is being sent: the lists may have been read before the server applied it. They are read
    // again once it settles (found by the model test: a pin changed on the phone while this device was away stayed as
    // this device had left it, its reads after reconnecting having landed while it was unpinning another conversation;
    // and a pin answered after such a read put back into the pinned list a conversation the phone had deleted).
    if (kit.queryClient.isMutating({ mutationKey: ['roamkit', 'pinConversation'] }) > 0) return noteCrossedPins(kit)
    const state = kit.store.getState()
    // Only where the lists say something: a conversation they leave out (emptied, so unlisted) keeps its pin, which
    // it still has on the server when a message lists it again (found by the model test).
    for (const key in state.pins) if ((decided.get(key) ?? 0) < since && listedConversations(kit, key).length > 0) state.setPin(key, null)
  })
  return () => {
    stopStore()
    stopCache()
  }
}
