import type { QueryKey } from '@tanstack/react-query'
import type { PinConversationParams, PinState } from '../client/types'
import { checkBoolean, checkConversation } from '../client/validate'
import { findConversation, type ConversationListData } from './conversationPages'
import { keyOf, roamingKeys } from './keys'
import { listedConversations, writePinned } from './listedConversations'
import { cancelLoadedFetches, queriesUnder, readAgain, scopeOf, type RoamingKit } from './RoamingKit'

/** Kept between `onMutate` and the outcome: each list's data, and the session's pin state, before the change. */
export interface PinConversationContext {
  snapshot: Array<[QueryKey, ConversationListData | undefined]>
  previousPin: { isPinned: boolean; pinnedTime: number } | null
}

/** Per kit: pin changes of this device out, and whether something crossed them (see `noteCrossedPins`). */
const pinsOut = new WeakMap<RoamingKit, { count: number; crossed: boolean }>()

/**
 * Notes what pin changes of this device out cannot be ordered against: a pin event (a pin, an unpin, a deletion) or
 * a list read landing meanwhile (found by the model test: the phone pinned after this device's unpin reached the
 * server; the event came first, then the unpin's answer, which unpinned it here).
 */
export function noteCrossedPins(kit: RoamingKit): void {
  const out = pinsOut.get(kit)
  if (out?.count) out.crossed = true
}

/**
 * Mutation options of an optimistic pin/unpin; the server's pin time replaces the guess on success. Changes that
 * cross each other, a pin event or a list read (`noteCrossedPins`) cannot be ordered by their answers (nor by their
 * requests, which may overtake each other on the way): once the last one settles, the lists are read again and the
 * server's state wins (see `expirePins`; found by the model test: pin then unpin at once, the unpin answered first,
 * and the pin's answer pinned it again).
 */
export function pinConversationMutation(kit: RoamingKit) {
  return {
    mutationKey: ['roamkit', 'pinConversation'] as const,
    onMutate: async (v: PinConversationParams): Promise<PinConversationContext> => {
      const op = 'usePinConversation'
      checkConversation(op, v, false)
      checkBoolean(op, 'isPinned', v?.isPinned)
      const lists = roamingKeys.conversationLists(scopeOf(kit))
      const key = keyOf(v)
      const out = pinsOut.get(kit) ?? { count: 0, crossed: false }
      pinsOut.set(kit, out)
      if (out.count++ > 0) out.crossed = true
      // Not first loads, and interrupted refetches run again (see cancelLoadedFetches; found by the model test).
      const cancelling = cancelLoadedFetches(kit, lists)
      if (cancelling) await cancelling // only when something is in flight: see cancelLoadedFetches
      const snapshot = queriesUnder<ConversationListData>(kit, lists)
      const state = kit.store.getState()
      const previousPin = state.pins[key] ?? null
      const pin = { isPinned: v.isPinned, pinnedTime: v.isPinned ? Date.now() : 0 }
      state.setPin(key, pin)
      writePinned(kit, key, pin)
      return { snapshot, previousPin }
    },
    mutationFn: (v: PinConversationParams): Promise<PinState> => kit.client.pinConversation(v),
    onSuccess: (state: PinState, v: PinConversationParams) => {
      const key = keyOf(v)
      kit.store.getState().setPin(key, state)
      writePinned(kit, key, state)
    },
    onError: (_: Error, v: PinConversationParams, context: PinConversationContext | undefined) => {
      if (!context) return
      const key = keyOf(v)
      // Only the pin goes back: a message may have come meanwhile, and the entry noted then would hide it. The pin
      // listed before is kept as known: a rollback of another change noted meanwhile, while no list has the
      // conversation, takes its pin from there (see `putBackListed`; found by the soak).
      const before = context.snapshot.map(([, d]) => findConversation(d, key)).find(Boolean)
      const pin = context.previousPin ?? (before ? { isPinned: before.isPinned, pinnedTime: before.pinnedTime } : null)
      kit.store.getState().setPin(key, pin)
      if (before) writePinned(kit, key, pin ?? before, listedConversations(kit, key)[0]?.[1] ?? before)
    },
    onSettled: (_d: unknown, _e: unknown, _v: unknown, context: PinConversationContext | undefined) => {
      const out = pinsOut.get(kit)
      const lists = roamingKeys.conversationLists(scopeOf(kit))
      // No context: refused before it was counted (bad input). A list read still out started while the change was:
      // it may know better than the answer, or not (found by the model test: the answer of an unpin, held while the
      // connection was down, landed after the resync's reads started, which had the phone's later pin).
      if (!context || !out || --out.count > 0 || !(out.crossed || kit.queryClient.isFetching({ queryKey: lists }))) return
      out.crossed = false
      void readAgain(kit, lists)
    },
  }
}
