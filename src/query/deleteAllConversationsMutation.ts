import type { QueryKey } from '@tanstack/react-query'
import type { ActiveConversation } from '../store/createRoamingStore'
import type { ConversationListData } from './conversationPages'
import { newestOf, type HistoryData } from './historyPages'
import { keyOf, keyOfView, roamingKeys } from './keys'
import { pendingMarks } from './pendingMarks'
import { cancelLoadedFetches, fetchStartOf, nextTick, queriesUnder, readAgain, scopeOf, type RoamingKit } from './RoamingKit'

type DeletionMark = { at: number; pending: boolean }

/** Kept between `onMutate` and the outcome of a deletion of every conversation. */
export interface DeleteAllConversationsContext {
  /** The deletion marks this deletion set, by conversation key (compared by identity: a later change replaces one). */
  marks: Record<string, DeletionMark>
  /** The marks they replaced (absent: none). */
  previous: Record<string, DeletionMark>
  /** The loaded lists as they were, and when they were noted (`nextTick`): a list read since is not put back. */
  lists: Array<[QueryKey, ConversationListData]>
  notedAt: number
  /** The open conversation, closed meanwhile. */
  wasActive: ActiveConversation | null
}

/**
 * The deletion marks of every conversation this device knows (loaded lists, loaded views, the live log), each at the
 * newest message it knows of it: the deletion's time as far as the client can tell (the SDK's answer has none), so a
 * message newer than it brings the conversation back as the server does. One record written in place (10k listed
 * conversations: a map and a copy into the record took 6 ms more of the click's task; bench, list 10k).
 */
function markKnown(kit: RoamingKit): Record<string, DeletionMark> {
  const scope = scopeOf(kit)
  const marks: Record<string, DeletionMark> = {}
  const now = Date.now()
  const note = (key: string, time: number) => {
    const known = marks[key]
    if (!known) marks[key] = { at: time || now, pending: true }
    else if (time > known.at) known.at = time
  }
  for (const [, data] of queriesUnder<ConversationListData>(kit, roamingKeys.conversationLists(scope))) {
    for (const page of data.pages) {
      for (const c of page.conversations) {
        // Inline: the 10k listed conversations are most of the work.
        const key = keyOf(c)
        const time = c.lastMessage?.time ?? 0
        const known = marks[key]
        if (!known) marks[key] = { at: time || now, pending: true }
        else if (time > known.at) known.at = time
      }
    }
  }
  for (const [queryKey, data] of queriesUnder<HistoryData>(kit, [...roamingKeys.all(scope), 'history'])) {
    note(keyOfView(queryKey), newestOf(data)?.time ?? 0)
  }
  for (const [key, log] of kit.live) note(key, log.at(-1)?.time ?? 0)
  return marks
}

/**
 * Mutation options of an optimistic deletion of every conversation with its server history: the lists empty at once
 * and the thread closes; on success the loaded histories are dropped and the lists read again (pages not loaded held
 * conversations too); on failure the lists come back as they were and are read again. A message newer than what this
 * device knew of its conversation lists it again, as on the server. Other devices are not told (the SDK has no
 * event for it): they show it at their next read.
 */
export function deleteAllConversationsMutation(kit: RoamingKit) {
  const lists = () => roamingKeys.conversationLists(scopeOf(kit))
  /** The conversations whose mark is still this deletion's. */
  const ours = (context: DeleteAllConversationsContext) => {
    const now = kit.store.getState().deletedConversations
    return Object.keys(context.marks).filter((key) => now[key] === context.marks[key])
  }
  return {
    mutationKey: ['roamkit', 'deleteAllConversations'] as const,
    onMutate: async (): Promise<DeleteAllConversationsContext> => {
      const cancelling = cancelLoadedFetches(kit, lists())
      if (cancelling) await cancelling // only when something is in flight: see cancelLoadedFetches
      const state = kit.store.getState()
      const marks = markKnown(kit)
      // Only the marks there were (a few): the rest had none.
      const previous: Record<string, DeletionMark> = {}
      for (const key in state.deletedConversations) if (marks[key]) previous[key] = state.deletedConversations[key]!
      // Marks of this device still out were for conversations now going (see `dropPendingMarks`).
      pendingMarks.delete(kit)
      const wasActive = state.activeConversation
      if (wasActive) state.setActiveConversation(null)
      state.markConversationsDeleted(marks)
      const noted = queriesUnder<ConversationListData>(kit, lists())
      for (const [queryKey, data] of noted) {
        kit.queryClient.setQueryData<ConversationListData>(queryKey, { ...data, pages: data.pages.map((p) => ({ ...p, conversations: [] })) })
      }
      return { marks, previous, lists: noted, notedAt: nextTick(), wasActive }
    },
    mutationFn: (): Promise<void> => kit.client.deleteAllConversations(),
    onSuccess: (_: void, __: void, context: DeleteAllConversationsContext | undefined) => {
      if (!context) return
      const state = kit.store.getState()
      const settled = ours(context)
      state.markConversationsDeleted(Object.fromEntries(settled.map((key) => [key, { at: context.marks[key]!.at, pending: false }])))
      // The server unpins and forgets every deleted conversation's history.
      for (const key of settled) if (state.pins[key]?.isPinned) state.setPin(key, { isPinned: false, pinnedTime: 0 })
      // Logged messages are newer than the deletion only past the newest known then; one of a conversation unknown
      // then came while it was out, and a read has it if it stayed.
      for (const [key, log] of kit.live) {
        const at = context.marks[key]?.at
        if (at === undefined) kit.live.delete(key)
        else kit.live.set(key, log.filter((m) => m.time > at))
      }
      // As one deletion with its history does: a tombstone keeps a view on screen, or a page on its way, from showing
      // what the server no longer has. Every loaded view is then dropped, or read again when on screen: one opened
      // while the deletion was out holds pages from before it (found by the model test), and a dropped view still on
      // screen would keep showing its pages.
      const history = [...roamingKeys.all(scopeOf(kit)), 'history']
      const viewed = new Set(kit.queryClient.getQueryCache().findAll({ queryKey: history }).map((q) => keyOfView(q.queryKey)))
      for (const key of viewed) {
        const at = context.marks[key]?.at
        if (at !== undefined) state.settleRemoval(state.addPendingRemoval({ key, ids: [], before: at }), { before: at })
      }
      kit.queryClient.removeQueries({ queryKey: history, predicate: (q) => q.getObserversCount() === 0 })
      void readAgain(kit, history)
      void readAgain(kit, lists())
    },
    onError: async (_: Error, __: void, context: DeleteAllConversationsContext | undefined) => {
      if (!context) return
      await cancelLoadedFetches(kit, lists())
      const state = kit.store.getState()
      state.markConversationsDeleted(Object.fromEntries(ours(context).map((key) => [key, context.previous[key] ?? null])))
      for (const [queryKey, data] of context.lists) {
        const query = kit.queryClient.getQueryCache().find({ queryKey, exact: true })
        if (query && fetchStartOf(kit, query.queryHash) <= context.notedAt) kit.queryClient.setQueryData(queryKey, data)
      }
      if (context.wasActive && state.activeConversation === null) state.setActiveConversation(context.wasActive)
      // What came meanwhile (a message, another device's change) is not in the lists put back: the server's are.
      void readAgain(kit, lists())
    },
  }
}
