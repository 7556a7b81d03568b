import { useMutation } from '@tanstack/react-query'
import type { PinConversationParams, PinState } from '../client/types'
import { pinConversationMutation } from '../query/pinConversationMutation'
import { useRoamingContext } from '../provider/RoamingContext'

/** What `usePinConversation` returns. */
export interface UsePinConversationResult {
  /** Pins or unpins, optimistically; rejects (after undoing) when the server refused. */
  pinAsync: (variables: PinConversationParams) => Promise<PinState>
  /** The same, fire and forget. */
  pin: (variables: PinConversationParams) => void
  /** State of the last change. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** Its error, if any. */
  error: Error | null
}

/** Pins or unpins a conversation; the list reorders at once. */
export function usePinConversation(): UsePinConversationResult {
  const { kit } = useRoamingContext('usePinConversation')
  const mutation = useMutation(pinConversationMutation(kit), kit.queryClient)
  return { pinAsync: mutation.mutateAsync, pin: mutation.mutate, status: mutation.status, error: mutation.error }
}
