import type { QueryKey } from '@tanstack/query-core'
import type { Conversation, ConversationType, PinConversationParams, PinState } from '../client/types'
import { checkBoolean, checkChatType, checkId } from '../client/validate'
import { findConversation, insertSorted, patchConversation, removeConversation, type ConversationListData } from './conversationPages'
import { conversationKey, roamingKeys } from './keys'
import { queriesUnder, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Kept between `onMutate` and the outcome: each list's data before the change. */
export type PinConversationContext = Array<[QueryKey, ConversationListData | undefined]>

const isPinnedList = (queryKey: QueryKey) => (queryKey as readonly unknown[])[3] === 'pinned'

function setPinned(kit: RoamingKit, key: string, next: Conversation): void {
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data, queryKey) => {
    if (!isPinnedList(queryKey)) return patchConversation(data, key, () => next)
    const without = removeConversation(data, key)
    return next.isPinned ? insertSorted(without, next, 'pinned') : without
  })
}

/** Mutation options of an optimistic pin/unpin; the server's pin time replaces the guess on success. */
export function pinConversationMutation(kit: RoamingKit) {
  return {
    mutationKey: ['roamkit', 'pinConversation'] as const,
    onMutate: async (v: PinConversationParams): Promise<PinConversationContext> => {
      const op = 'usePinConversation'
      checkId(op, 'conversationId', v?.conversationId)
      checkChatType<ConversationType>(op, v?.chatType, false)
      checkBoolean(op, 'isPinned', v?.isPinned)
      const lists = roamingKeys.conversationLists(scopeOf(kit))
      await kit.queryClient.cancelQueries({ queryKey: lists })
      const snapshot = queriesUnder<ConversationListData>(kit, lists) as PinConversationContext
      const key = conversationKey(v.conversationId, v.chatType)
      const known = snapshot.map(([, d]) => findConversation(d, key)).find(Boolean)
      if (known) setPinned(kit, key, { ...known, isPinned: v.isPinned, pinnedTime: v.isPinned ? Date.now() : 0 })
      return snapshot
    },
    mutationFn: (v: PinConversationParams): Promise<PinState> => kit.client.pinConversation(v),
    onSuccess: (state: PinState, v: PinConversationParams) => {
      const key = conversationKey(v.conversationId, v.chatType)
      const known = queriesUnder<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit))).map(([, d]) => findConversation(d, key)).find(Boolean)
      if (known) setPinned(kit, key, { ...known, ...state })
    },
    onError: (_: Error, v: PinConversationParams, snapshot: PinConversationContext | undefined) => {
      const key = conversationKey(v.conversationId, v.chatType)
      const before = snapshot?.map(([, d]) => findConversation(d, key)).find(Boolean)
      if (before) setPinned(kit, key, before)
    },
  }
}
