import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { RemovePartialError } from '../client/RoamingError'
import type { RemoveProgress, RemoveResult } from '../client/types'
import { removeMessagesMutation, type RemoveMessagesVariables } from '../query/removeMessagesMutation'
import { useRoamingContext } from '../provider/RoamingContext'

/** What `useRemoveHistoryMessages` returns. */
export interface UseRemoveHistoryMessagesResult {
  /** Removes, optimistically; resolves when the server confirmed, rejects (after rolling back) when it did not. */
  removeAsync: (variables: RemoveMessagesVariables) => Promise<RemoveResult>
  /** The same, fire and forget: the outcome shows in `status` and `error`. */
  remove: (variables: RemoveMessagesVariables) => void
  /** State of the last removal. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** Error of the last removal, if it failed. */
  error: Error | null
  /** Progress of a removal by ids (one step per SDK call of at most 20 ids). */
  progress: RemoveProgress | null
  /** After a partial failure: the ids still on the server (they are back in the view). */
  failedIds: readonly string[]
  /** Clears status, error and progress. */
  reset: () => void
}

/**
 * One-way removal of messages for this user: `{ messageIds }` of any count, or `{ before: time | { messageId } }`.
 * Rows leave at once; a failure puts back exactly what the server still has, in order.
 */
export function useRemoveHistoryMessages(): UseRemoveHistoryMessagesResult {
  const { kit } = useRoamingContext('useRemoveHistoryMessages')
  const [progress, setProgress] = useState<RemoveProgress | null>(null)
  const mutation = useMutation(removeMessagesMutation(kit, { onProgress: setProgress }), kit.queryClient)
  const start = (v: RemoveMessagesVariables) => setProgress('messageIds' in v && Array.isArray(v.messageIds) ? { done: 0, total: v.messageIds.length } : null)
  return {
    removeAsync: (v) => { start(v); return mutation.mutateAsync(v) },
    remove: (v) => { start(v); mutation.mutate(v) },
    status: mutation.status,
    error: mutation.error,
    progress,
    failedIds: mutation.error instanceof RemovePartialError ? mutation.error.failedIds : [],
    reset: () => { setProgress(null); mutation.reset() },
  }
}
