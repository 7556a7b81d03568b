import { MAX_CONVERSATION_MARK, type ConversationMarkParams } from '../client/types'
import { checkBoolean, checkConversation, checkInt } from '../client/validate'
import { patchConversation, withMark, type ConversationListData } from './conversationPages'
import { keyOf, roamingKeys } from './keys'
import { noteMarkChange } from './learnListed'
import { fetchCountOf } from './reconcileFetches'
import { cancelLoadedFetches, readAgain, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** Kept between `onMutate` and the outcome: the fetch results each list had received at the optimistic write. */
export interface ConversationMarkContext {
  versions: Map<string, number>
}

/** Per kit: mark changes of this device out, and whether another started while one was (see `conversationMarkMutation`). */
const marksOut = new WeakMap<RoamingKit, { count: number; crossed: boolean }>()

/** Checks the variables of a mark change; throws a `RoamingArgumentError` naming the hook. */
function check(v: ConversationMarkParams): void {
  const op = 'useMarkConversation'
  checkConversation(op, v, false)
  checkInt(op, 'mark', v.mark, 0, MAX_CONVERSATION_MARK)
  checkBoolean(op, 'marked', v.marked)
}

/** Writes a mark change into every loaded list (the conversation's `marks`). */
export function writeMark(kit: RoamingKit, v: Pick<ConversationMarkParams, 'conversationId' | 'chatType' | 'mark' | 'marked'>): void {
  const key = keyOf(v)
  noteMarkChange(kit, key)
  updateQueries<ConversationListData>(kit, roamingKeys.conversationLists(scopeOf(kit)), (data) => patchConversation(data, key, (c) => withMark(c, v.mark, v.marked)))
}

/**
 * Mutation options of an optimistic mark change: the lists show it at once. A list read that lands while it is out
 * may have been answered before the server had it: it is read again once the server said yes, and on a refusal the
 * lists are read again (the server's marks win; a snapshot could undo a change another device made meanwhile).
 * Changes of this device that cross each other (a star toggled twice at once) may reach the server in either order:
 * once the last one settles, the lists are read again (found by the model test: unmark then mark, the server had the
 * mark first, and the star stayed though the server had none).
 */
export function conversationMarkMutation(kit: RoamingKit) {
  const lists = () => roamingKeys.conversationLists(scopeOf(kit))
  const listVersions = () => new Map(kit.queryClient.getQueryCache().findAll({ queryKey: lists() }).map((q) => [q.queryHash, fetchCountOf(kit, q.queryHash)]))
  return {
    mutationKey: ['roamkit', 'setConversationMark'] as const,
    onMutate: async (v: ConversationMarkParams): Promise<ConversationMarkContext> => {
      check(v)
      const out = marksOut.get(kit) ?? { count: 0, crossed: false }
      marksOut.set(kit, out)
      if (out.count++ > 0) out.crossed = true
      // Not first loads, and interrupted refetches run again (see cancelLoadedFetches).
      const cancelling = cancelLoadedFetches(kit, lists())
      if (cancelling) await cancelling // only when something is in flight: see cancelLoadedFetches
      writeMark(kit, v)
      return { versions: listVersions() }
    },
    mutationFn: (v: ConversationMarkParams): Promise<void> => kit.client.setConversationMark(v),
    onSuccess: (_: void, __: ConversationMarkParams, context: ConversationMarkContext | undefined) => {
      const now = listVersions()
      const crossed = [...now].some(([hash, count]) => context?.versions.get(hash) !== count)
      if (crossed || kit.queryClient.isFetching({ queryKey: lists() }) > 0) void readAgain(kit, lists())
    },
    onError: () => { void readAgain(kit, lists()) },
    onSettled: (_: unknown, error: Error | null, __: ConversationMarkParams, context: ConversationMarkContext | undefined) => {
      const out = marksOut.get(kit)
      // Refused before it was counted (bad input): nothing to settle.
      if (!out || !context) return
      if (--out.count > 0 || !out.crossed) return
      out.crossed = false
      if (!error) void readAgain(kit, lists()) // a refusal has read them already
    },
  }
}
