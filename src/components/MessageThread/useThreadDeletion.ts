import { useState } from 'react'
import type { ChatType } from '../../client/types'
import { useRemoveHistoryMessages } from '../../hooks/useRemoveHistoryMessages'

/** What `useThreadDeletion` returns. */
export interface ThreadDeletion {
  /** Removes one message for this user. */
  deleteOne: (messageId: string) => void
  /** Removes several messages (any count; the client splits them into calls of 20). */
  deleteMany: (messageIds: readonly string[]) => void
  /** Removes everything before a loaded message (the message stays). */
  deleteBefore: (messageId: string) => void
  /** `pending` while the server works (rows are already gone), `error` after a failure (rows are back). */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** Progress of a removal by ids. */
  progress: { done: number; total: number } | null
  /** After a failure: which removal failed, and the ids that are back (empty for a "before" removal). */
  failure: { kind: 'ids' | 'before'; ids: readonly string[] } | null
  /** Clears the failure. */
  dismiss: () => void
}

/** Deletion for one conversation over `useRemoveHistoryMessages`, remembering what was asked to say what failed. */
export function useThreadDeletion(conversationId: string, chatType: ChatType): ThreadDeletion {
  const removal = useRemoveHistoryMessages()
  const [asked, setAsked] = useState<{ kind: 'ids' | 'before'; ids: readonly string[] }>({ kind: 'ids', ids: [] })
  const byIds = (messageIds: readonly string[]) => {
    if (messageIds.length === 0) return
    setAsked({ kind: 'ids', ids: messageIds })
    removal.remove({ conversationId, chatType, messageIds })
  }
  return {
    deleteOne: (id) => byIds([id]),
    deleteMany: byIds,
    deleteBefore: (messageId) => {
      setAsked({ kind: 'before', ids: [] })
      removal.remove({ conversationId, chatType, before: { messageId } })
    },
    status: removal.status,
    progress: removal.progress,
    // A partial failure names the ids still on the server; a full one leaves all that was asked.
    failure: removal.status === 'error'
      ? { kind: asked.kind, ids: removal.failedIds.length > 0 ? removal.failedIds : asked.ids }
      : null,
    dismiss: removal.reset,
  }
}
