import { useMutation } from '@tanstack/react-query'
import type { DeleteConversationParams, DeleteConversationResult } from '../client/types'
import { deleteConversationMutation } from '../query/deleteConversationMutation'
import { useRoamingContext } from '../provider/RoamingContext'

/** What `useDeleteConversation` returns. */
export interface UseDeleteConversationResult {
  /** Deletes, optimistically; rejects (after putting the conversation back) when the server refused. */
  deleteConversationAsync: (variables: DeleteConversationParams) => Promise<DeleteConversationResult>
  /** The same, fire and forget. */
  deleteConversation: (variables: DeleteConversationParams) => void
  /** State of the last deletion. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** Its error, if any. */
  error: Error | null
  /** Clears status and error. */
  reset: () => void
}

/** One-way deletion of a conversation, with (`deleteRoam: true`) or without its server history. */
export function useDeleteConversation(): UseDeleteConversationResult {
  const { kit } = useRoamingContext('useDeleteConversation')
  const mutation = useMutation(deleteConversationMutation(kit), kit.queryClient)
  return {
    deleteConversationAsync: mutation.mutateAsync,
    deleteConversation: mutation.mutate,
    status: mutation.status,
    error: mutation.error,
    reset: mutation.reset,
  }
}
