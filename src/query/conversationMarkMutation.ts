import { MAX_CONVERSATION_MARK, type ConversationMarkParams } from '../client/types'
import { checkBoolean, checkConversation, checkInt } from '../client/validate'
import { patchConversation, withMark, type ConversationListData } from './conversationPages'
import { keyOf, roamingKeys } from './keys'
import { noteMarkChange } from './learnListed'
import { listedConversations } from './listedConversations'
import { joinMarkedLists } from './markedLists'
import { pendingMarks } from './pendingMarks'
import { cancelLoadedFetches, readAgain, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Per kit: mark changes of this device out, and whether another started while one was (see `conversationMarkMutation`). */
const marksOut = new WeakMap<RoamingKit, { count: number; crossed: boolean }>()

/** Checks the variables of a mark change; throws a `RoamingArgumentError` naming the hook. */
function check(v: ConversationMarkParams): void {
  const op = 'useMarkConversation'
  checkConversation(op, v, false)
  checkInt(op, 'mark', v.mark, 0, MAX_CONVERSATION_MARK)
  checkBoolean(op, 'marked', v.marked)
}

/**
 * Writes a mark change into every loaded list (the conversation's `marks`): a conversation given a mark joins that
 * mark's loaded lists; one that lost it stays in their pages, and `useConversationList` does not show it.
 */
export function writeMark(kit: RoamingKit, v: Pick<ConversationMarkParams, 'conversationId' | 'chatType' | 'mark' | 'marked'>): void {
  const key = keyOf(v)
  noteMarkChange(kit, key)
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) => patchConversation(data, key, (c) => withMark(c, v.mark, v.marked)))
  if (v.marked) joinMarkedLists(kit, key)
}

/**
 * Mutation options of an optimistic mark change: the lists show it at once, and a list read answered before the
 * server had it is mended while it is out (`withPendingMarks`). What cannot be ordered is settled by the server's
 * marks, read again: a refusal (a snapshot could undo a change another device made meanwhile); a list read still out
 * at the success (its answer may be from before it); and changes of this device that crossed each other (a star
 * toggled twice at once), once the last settles (found by the model test: unmark then mark, the server had the mark
 * first, and the star stayed though the server had none).
 */
export function conversationMarkMutation(kit: RoamingKit) {
  const lists = () => roamingKeys.conversationLists(scopeOf(kit))
  /** Takes a settled change out; whether it was the last of changes that crossed. */
  const settle = (v: ConversationMarkParams): boolean => {
    // A first-page read sent before this answer may have been answered before the server had the change: its marks
    // must not be written over those of the lists read again now (see `learnListed`; found by the soak: a star given
    // to a deleted conversation a message recreated meanwhile, so not shown; the read the message caused landed after
    // the lists read at the answer, and took the star away).
    noteMarkChange(kit, keyOf(v))
    pendingMarks.set(kit, (pendingMarks.get(kit) ?? []).filter((p) => p !== v))
    const out = marksOut.get(kit)
    if (!out || --out.count > 0 || !out.crossed) return false
    out.crossed = false
    return true
  }
  return {
    mutationKey: ['roamkit', 'setConversationMark'] as const,
    onMutate: async (v: ConversationMarkParams): Promise<{ shown: boolean }> => {
      check(v)
      const out = marksOut.get(kit) ?? { count: 0, crossed: false }
      marksOut.set(kit, out)
      if (out.count++ > 0) out.crossed = true
      // Not first loads, and interrupted refetches run again (see cancelLoadedFetches).
      const cancelling = cancelLoadedFetches(kit, lists())
      if (cancelling) await cancelling // only when something is in flight: see cancelLoadedFetches
      // A conversation no list shows, or deleted as far as this device knows, may be one the server does not have:
      // it ignores the mark then, and still answers yes (the SDK only logs its `ignore` list). Nothing is shown, and
      // the lists are read once the server answered (found by the soak: a star given to a conversation the phone had
      // deleted stayed on the one a message recreated).
      const key = keyOf(v)
      const shown = !kit.store.getState().deletedConversations[key] && listedConversations(kit, key).length > 0
      if (shown) {
        pendingMarks.set(kit, [...(pendingMarks.get(kit) ?? []), v])
        writeMark(kit, v)
      }
      return { shown }
    },
    mutationFn: (v: ConversationMarkParams): Promise<void> => kit.client.setConversationMark(v),
    onSuccess: (_: void, v: ConversationMarkParams, context: { shown: boolean } | undefined) => {
      if (settle(v) || !context?.shown || kit.queryClient.isFetching({ queryKey: lists() }) > 0) void readAgain(kit, lists())
    },
    onError: (_: Error, v: ConversationMarkParams, counted: { shown: boolean } | undefined) => {
      // Refused before it was counted (bad input): nothing was shown or sent.
      if (!counted) return
      settle(v)
      void readAgain(kit, lists())
    },
  }
}
