import type { QueryKey } from '@tanstack/react-query'
import { RemovePartialError, RoamingArgumentError } from '../client/RoamingError'
import type { ChatType, RemoveProgress, RemoveResult, RoamingMessage } from '../client/types'
import { checkChatType, checkId, checkIdList } from '../client/validate'
import { applyTombstone, flattenHistory, placeMessages, removeFromHistory, type HistoryData } from './historyPages'
import { conversationKey, roamingKeys } from './keys'
import { refreshPreview } from './refreshPreview'
import { queriesUnder, scopeOf, updateQueries, type RoamingKit } from './RoamingKit'

/** What to remove: ids (any count), or everything at or before a time or strictly before a loaded message. */
export type RemoveMessagesVariables =
  | { conversationId: string; chatType: ChatType; messageIds: readonly string[] }
  | { conversationId: string; chatType: ChatType; before: number | { messageId: string } }

/** Kept between `onMutate` and the outcome: the removed messages of each view, to put back what failed. */
export interface RemoveMessagesContext {
  removalId: string
  removed: Array<[QueryKey, RoamingMessage[]]>
}

/** Resolves the variables to ids or a time; a `before` message must be loaded, and stays (it is not before itself). */
function resolve(kit: RoamingKit, v: RemoveMessagesVariables): { ids: string[]; before: number } {
  const op = 'useRemoveHistoryMessages'
  checkId(op, 'conversationId', v?.conversationId)
  checkChatType(op, v?.chatType, true)
  if ('messageIds' in v) return { ids: checkIdList(op, 'messageIds', v.messageIds), before: 0 }
  if (typeof v.before === 'object' && v.before !== null) {
    const id = checkId(op, 'before.messageId', v.before.messageId)
    const views = queriesUnder<HistoryData>(kit, roamingKeys.history(scopeOf(kit), v.conversationId, v.chatType))
    const message = views.flatMap(([, d]) => flattenHistory(d)).find((m) => m.id === id)
    if (!message) throw new RoamingArgumentError(op, 'before.messageId', id, 'the id of a loaded message of this conversation')
    return { ids: [], before: message.time - 1 }
  }
  if (typeof v.before !== 'number' || !Number.isInteger(v.before) || v.before <= 0 || v.before > Date.now()) {
    throw new RoamingArgumentError(op, 'before', v.before, `a time in ms, an integer in [1, ${Date.now()}], or { messageId }`)
  }
  return { ids: [], before: v.before }
}

/**
 * Mutation options of an optimistic removal, the documented TanStack way plus tombstones: cancel the views'
 * fetches, snapshot what goes, remove it with a pure updater and record a tombstone; on failure put back exactly
 * what the server still has (all of it, or the failed chunks of a partial failure), in order.
 */
export function removeMessagesMutation(kit: RoamingKit, opts: { onProgress?: (p: RemoveProgress) => void } = {}) {
  return {
    mutationKey: ['roamkit', 'removeMessages'] as const,
    onMutate: async (v: RemoveMessagesVariables): Promise<RemoveMessagesContext> => {
      const { ids, before } = resolve(kit, v)
      const prefix = roamingKeys.history(scopeOf(kit), v.conversationId, v.chatType)
      await kit.queryClient.cancelQueries({ queryKey: prefix })
      const idSet = new Set(ids)
      const goes = (m: RoamingMessage) => idSet.has(m.id) || m.time <= before
      const removed: RemoveMessagesContext['removed'] = queriesUnder<HistoryData>(kit, prefix)
        .map(([key, data]) => [key, flattenHistory(data).filter(goes)] as [QueryKey, RoamingMessage[]])
      const removalId = kit.store.getState().addPendingRemoval({ key: conversationKey(v.conversationId, v.chatType), ids, before })
      updateQueries<HistoryData>(kit, prefix, (data) => removeFromHistory(data, goes))
      void refreshPreview(kit, v.conversationId, v.chatType, { localOnly: true })
      return { removalId, removed }
    },
    mutationFn: (v: RemoveMessagesVariables): Promise<RemoveResult> => {
      const { ids, before } = resolve(kit, v)
      const target = { conversationId: v.conversationId, chatType: v.chatType }
      return ids.length > 0
        ? kit.client.removeMessages({ ...target, messageIds: ids, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) })
        : kit.client.removeMessages({ ...target, before })
    },
    onSuccess: (result: RemoveResult, v: RemoveMessagesVariables, context: RemoveMessagesContext | undefined) => {
      if (!context) return
      const { before } = resolve(kit, v)
      kit.store.getState().settleRemoval(context.removalId, { ids: result.removedIds, before })
      void refreshPreview(kit, v.conversationId, v.chatType).catch(() => undefined)
    },
    onError: (error: Error, v: RemoveMessagesVariables, context: RemoveMessagesContext | undefined) => {
      if (!context) return
      const partial = error instanceof RemovePartialError ? error : null
      kit.store.getState().settleRemoval(context.removalId, { ids: partial?.removedIds ?? [] })
      const failed = partial ? new Set(partial.failedIds) : null
      const key = conversationKey(v.conversationId, v.chatType)
      const tombstone = kit.store.getState().tombstones[key]
      for (const [queryKey, messages] of context.removed) {
        const back = failed ? messages.filter((m) => failed.has(m.id)) : messages
        // Another removal still in flight keeps its own messages hidden.
        kit.queryClient.setQueryData<HistoryData>(queryKey, (data) => {
          const placed = placeMessages(data, back)
          return tombstone ? applyTombstone(placed, tombstone) : placed
        })
      }
      void refreshPreview(kit, v.conversationId, v.chatType).catch(() => undefined)
    },
  }
}
