import { useMutation } from '@tanstack/react-query'
import type { ConversationMarkParams } from '../client/types'
import { conversationMarkMutation } from '../query/conversationMarkMutation'
import { useRoamingContext } from '../provider/RoamingContext'

/** What `useMarkConversation` returns. */
export interface UseMarkConversationResult {
  /** Adds or removes a mark, optimistically; rejects (after the lists are read again) when the server refused. */
  markAsync: (variables: ConversationMarkParams) => Promise<void>
  /** The same, fire and forget. */
  mark: (variables: ConversationMarkParams) => void
  /** State of the last change. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** Its error, if any. */
  error: Error | null
}

/**
 * Adds a mark (0–19, its meaning the app's) to a conversation or removes it: its `marks` change in every loaded list
 * at once, and on the user's other devices through the SDK's multi-device event.
 */
export function useMarkConversation(): UseMarkConversationResult {
  const { kit } = useRoamingContext('useMarkConversation')
  const mutation = useMutation(conversationMarkMutation(kit), kit.queryClient)
  return { markAsync: mutation.mutateAsync, mark: mutation.mutate, status: mutation.status, error: mutation.error }
}
