import { useMutation } from '@tanstack/react-query'
import { deleteAllConversationsMutation } from '../query/deleteAllConversationsMutation'
import { useRoamingContext } from '../provider/RoamingContext'

/** What `useDeleteAllConversations` returns. */
export interface UseDeleteAllConversationsResult {
  /** Deletes every conversation with its history, optimistically; rejects (after putting the lists back) when refused. */
  deleteAllAsync: () => Promise<void>
  /** The same, fire and forget. */
  deleteAll: () => void
  /** State of the last deletion. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** Its error, if any. */
  error: Error | null
  /** Clears status and error. */
  reset: () => void
}

/**
 * One-way deletion of every conversation of the user, with its server history ("clear all chats"). The user's other
 * devices are not told (the SDK has no event for it): they show it when they read the server again.
 */
export function useDeleteAllConversations(): UseDeleteAllConversationsResult {
  const { kit } = useRoamingContext('useDeleteAllConversations')
  const mutation = useMutation(deleteAllConversationsMutation(kit), kit.queryClient)
  return {
    deleteAllAsync: () => mutation.mutateAsync(),
    deleteAll: () => mutation.mutate(),
    status: mutation.status,
    error: mutation.error,
    reset: mutation.reset,
  }
}
