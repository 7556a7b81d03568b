import type { QueryKey } from '@tanstack/react-query'
import type { Conversation, ConversationType, DeleteConversationParams } from '../client/types'
import { checkBoolean, checkChatType, checkId } from '../client/validate'
import type { ActiveConversation } from '../store/createRoamingStore'
import { findConversation, insertSorted, removeConversation, type ConversationListData } from './conversationPages'
import { flattenHistory, type HistoryData } from './historyPages'
import { conversationKey, roamingKeys } from './keys'
import { queriesUnder, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Kept between `onMutate` and the outcome. */
export interface DeleteConversationContext {
  /** Where the conversation was, per list. */
  entries: Array<[QueryKey, Conversation]>
  /** The open conversation before, if it was this one. */
  wasActive: ActiveConversation | null
  /** Server time of the deletion as far as the client can tell: the newest message it knows. */
  at: number
}

function check(v: DeleteConversationParams): void {
  const op = 'useDeleteConversation'
  checkId(op, 'conversationId', v?.conversationId)
  checkChatType<ConversationType>(op, v?.chatType, false)
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
      const key = conversationKey(v.conversationId, v.chatType)
      const lists = roamingKeys.conversationLists(scope)
      await kit.queryClient.cancelQueries({ queryKey: lists })
      const entries = queriesUnder<ConversationListData>(kit, lists)
        .flatMap(([queryKey, data]) => { const c = findConversation(data, key); return c ? [[queryKey, c] as [QueryKey, Conversation]] : [] })
      const newest = Math.max(
        0, ...entries.map(([, c]) => c.lastMessage?.time ?? 0),
        ...queriesUnder<HistoryData>(kit, roamingKeys.history(scope, v.conversationId, v.chatType)).map(([, d]) => flattenHistory(d).at(-1)?.time ?? 0),
      )
      const at = newest || Date.now()
      const state = kit.store.getState()
      state.markConversationDeleted(key, at, true)
      const active = state.activeConversation
      const wasActive = active && conversationKey(active.conversationId, active.chatType) === key ? active : null
      if (wasActive) state.setActiveConversation(null)
      updateQueries<ConversationListData>(kit, lists, (data) => removeConversation(data, key))
      return { entries, wasActive, at }
    },
    mutationFn: (v: DeleteConversationParams): Promise<void> => kit.client.deleteConversation(v),
    onSuccess: (_: void, v: DeleteConversationParams, context: DeleteConversationContext | undefined) => {
      if (!context) return
      const key = conversationKey(v.conversationId, v.chatType)
      const state = kit.store.getState()
      state.markConversationDeleted(key, context.at, false)
      if (v.deleteRoam) {
        // Everything up to the deletion is gone for good: drop the cache and make sure no stale page revives it.
        kit.queryClient.removeQueries({ queryKey: roamingKeys.history(scopeOf(kit), v.conversationId, v.chatType) })
        state.settleRemoval(state.addPendingRemoval({ key, ids: [], before: context.at }), { before: context.at })
      }
    },
    onError: (_: Error, v: DeleteConversationParams, context: DeleteConversationContext | undefined) => {
      if (!context) return
      const key = conversationKey(v.conversationId, v.chatType)
      const state = kit.store.getState()
      state.unmarkConversationDeleted(key)
      for (const [queryKey, conversation] of context.entries) {
        const pinnedList = (queryKey as readonly unknown[])[3] === 'pinned'
        kit.queryClient.setQueryData<ConversationListData>(queryKey, (data) => insertSorted(data, conversation, pinnedList ? 'pinned' : 'activity'))
      }
      if (context.wasActive && state.activeConversation === null) state.setActiveConversation(context.wasActive)
    },
  }
}
