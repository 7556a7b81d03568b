import type { QueryKey } from '@tanstack/react-query'
import type { Conversation, DeleteConversationParams, DeleteConversationResult } from '../client/types'
import { checkBoolean, checkConversation } from '../client/validate'
import type { ActiveConversation } from '../store/createRoamingStore'
import { removeConversation, type ConversationListData } from './conversationPages'
import { newestOf, type HistoryData } from './historyPages'
import { isOpenConversation, keyOf, roamingKeys } from './keys'
import { listedConversations, putBackListed } from './listedConversations'
import { dropPendingMarks } from './pendingMarks'
import { refreshPreviewOrList } from './refreshPreview'
import { cancelLoadedFetches, nextTick, queriesUnder, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Kept between `onMutate` and the outcome. */
export interface DeleteConversationContext {
  /** Where the conversation was, per list. */
  entries: Array<[QueryKey, Conversation]>
  /** When they were noted (`nextTick`): lists read after that are not patched back (see `putBackListed`). */
  notedAt: number
  /** The open conversation before, if it was this one. */
  wasActive: ActiveConversation | null
  /** Server time of the deletion as far as the client can tell: the newest message it knows. */
  at: number
  /** The session's pin state when the deletion was sent. */
  pin?: { isPinned: boolean; pinnedTime: number }
  /** The conversation's deletion mark before this one (an earlier deletion, confirmed or pending). */
  previous?: { at: number; pending: boolean }
}

function check(v: DeleteConversationParams): void {
  const op = 'useDeleteConversation'
  checkConversation(op, v, false)
  checkBoolean(op, 'deleteRoam', v?.deleteRoam)
}

/**
 * Mutation options of an optimistic conversation deletion: it leaves every list at once (and closes the thread
 * if open); with `deleteRoam` its history cache is dropped and tombstoned on success; on failure it comes back
 * where it was.
 */
export function deleteConversationMutation(kit: RoamingKit) {
  return {
    mutationKey: ['roamkit', 'deleteConversation'] as const,
    onMutate: async (v: DeleteConversationParams): Promise<DeleteConversationContext> => {
      check(v)
      const scope = scopeOf(kit)
      const key = keyOf(v)
      const lists = roamingKeys.conversationLists(scope)
      // Not first loads, and interrupted refetches run again (see cancelLoadedFetches; found by the model test).
      const cancelling = cancelLoadedFetches(kit, lists)
      if (cancelling) await cancelling // only when something is in flight: see cancelLoadedFetches
      const entries = listedConversations(kit, key)
      const notedAt = nextTick()
      const newest = Math.max(
        0, ...entries.map(([, c]) => c.lastMessage?.time ?? 0),
        ...queriesUnder<HistoryData>(kit, roamingKeys.history(scope, v.conversationId, v.chatType)).map(([, d]) => newestOf(d)?.time ?? 0),
      )
      const at = newest || Date.now()
      const state = kit.store.getState()
      const previous = state.deletedConversations[key]
      // Marks of this device still out were for the conversation now going (see `dropPendingMarks`).
      dropPendingMarks(kit, key)
      state.markConversationDeleted(key, at, true)
      const wasActive = isOpenConversation(state.activeConversation, key) ? state.activeConversation : null
      if (wasActive) state.setActiveConversation(null)
      updateQueries<ConversationListData>(kit, lists, (data) => removeConversation(data, key))
      return { entries, notedAt, wasActive, at, pin: state.pins[key], ...(previous ? { previous } : {}) }
    },
    mutationFn: (v: DeleteConversationParams): Promise<DeleteConversationResult> => kit.client.deleteConversation(v),
    onSuccess: (result: DeleteConversationResult, v: DeleteConversationParams, context: DeleteConversationContext | undefined) => {
      if (!context) return
      const key = keyOf(v)
      const state = kit.store.getState()
      // The server's own time of the deletion: a message stored before it but pushed after it (which looked newer
      // than anything this device knew) belongs to the deleted conversation and must not bring it back.
      const at = Math.max(context.at, result.timestamp)
      state.markConversationDeleted(key, at, false)
      // The server unpins a deleted conversation; a recreated one comes back unpinned (see applyRoamingEvent). A pin
      // heard from another device while this was pending is newer news: keep it.
      const pin = state.pins[key]
      if (pin?.isPinned && pin === context.pin) state.setPin(key, { isPinned: false, pinnedTime: 0 })
      if (v.deleteRoam) {
        // Everything up to the deletion is gone for good: drop the cache and make sure no stale page revives it.
        kit.queryClient.removeQueries({ queryKey: roamingKeys.history(scopeOf(kit), v.conversationId, v.chatType) })
        state.settleRemoval(state.addPendingRemoval({ key, ids: [], before: at }), { before: at })
      }
    },
    onError: async (_: Error, v: DeleteConversationParams, context: DeleteConversationContext | undefined) => {
      if (!context) return
      // A list page fetch in flight would write back pages without the conversation put back below: cancel it.
      await cancelLoadedFetches(kit, roamingKeys.conversationLists(scopeOf(kit)))
      const key = keyOf(v)
      const state = kit.store.getState()
      // Deleted meanwhile on another device (its event replaced our pending mark): nothing to undo (found by the
      // model test: the rollback brought back a conversation another device had deleted).
      if (state.deletedConversations[key]?.pending !== true) return
      // A deletion the server confirmed earlier stands (found by the soak at run 6,851: deleting an already deleted
      // conversation again failed, the rollback dropped the first deletion's mark, and a list refetch showed the
      // conversation again with messages from before it).
      if (context.previous && !context.previous.pending) state.markConversationDeleted(key, context.previous.at, false)
      else state.unmarkConversationDeleted(key)
      putBackListed(kit, key, context.entries, context.notedAt)
      if (context.wasActive && state.activeConversation === null) state.setActiveConversation(context.wasActive)
      // The entry put back is from before the deletion; its messages may have changed meanwhile (another device
      // removed some while it was out of the lists, so no preview refresh reached it; found by the model test).
      void refreshPreviewOrList(kit, v.conversationId, v.chatType)
    },
  }
}
