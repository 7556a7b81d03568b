import type { QueryKey } from '@tanstack/react-query'
import type { PinConversationParams, PinState } from '../client/types'
import { checkBoolean, checkConversation } from '../client/validate'
import { findConversation, type ConversationListData } from './conversationPages'
import { conversationKey, roamingKeys } from './keys'
import { listedConversations, writePinned } from './listedConversations'
import { cancelLoadedFetches, queriesUnder, scopeOf, type RoamingKit } from './RoamingKit'

/** Kept between `onMutate` and the outcome: each list's data, and the session's pin state, before the change. */
export interface PinConversationContext {
  snapshot: Array<[QueryKey, ConversationListData | undefined]>
  previousPin: { isPinned: boolean; pinnedTime: number } | null
}

/** Mutation options of an optimistic pin/unpin; the server's pin time replaces the guess on success. */
export function pinConversationMutation(kit: RoamingKit) {
  return {
    mutationKey: ['roamkit', 'pinConversation'] as const,
    onMutate: async (v: PinConversationParams): Promise<PinConversationContext> => {
      const op = 'usePinConversation'
      checkConversation(op, v, false)
      checkBoolean(op, 'isPinned', v?.isPinned)
      const lists = roamingKeys.conversationLists(scopeOf(kit))
      // Not first loads, and interrupted refetches run again (see cancelLoadedFetches; found by the model test).
      const cancelling = cancelLoadedFetches(kit, lists)
      if (cancelling) await cancelling // only when something is in flight: see cancelLoadedFetches
      const snapshot = queriesUnder<ConversationListData>(kit, lists)
      const key = conversationKey(v.conversationId, v.chatType)
      const state = kit.store.getState()
      const previousPin = state.pins[key] ?? null
      const pin = { isPinned: v.isPinned, pinnedTime: v.isPinned ? Date.now() : 0 }
      state.setPin(key, pin)
      const known = snapshot.map(([, d]) => findConversation(d, key)).find(Boolean)
      if (known) writePinned(kit, key, { ...known, ...pin })
      return { snapshot, previousPin }
    },
    mutationFn: (v: PinConversationParams): Promise<PinState> => kit.client.pinConversation(v),
    onSuccess: (state: PinState, v: PinConversationParams) => {
      const key = conversationKey(v.conversationId, v.chatType)
      kit.store.getState().setPin(key, state)
      const known = listedConversations(kit, key)[0]?.[1]
      if (known) writePinned(kit, key, { ...known, ...state })
    },
    onError: (_: Error, v: PinConversationParams, context: PinConversationContext | undefined) => {
      if (!context) return
      const key = conversationKey(v.conversationId, v.chatType)
      kit.store.getState().setPin(key, context.previousPin)
      const before = context.snapshot.map(([, d]) => findConversation(d, key)).find(Boolean)
      if (before) writePinned(kit, key, before)
    },
  }
}
