import type { ButtonHTMLAttributes } from 'react'
import { useRoamingStore } from '../hooks/useRoamingStore'

/** What `useConnectionGuard` returns. */
export interface ConnectionGuard {
  /** Whether the connection is down (the store's `connected` is false): no request can reach the server. */
  down: boolean
  /** The props of a button that sends a request (pin, delete, Retry): its click, or, while down, none and why. */
  button: (onClick: () => void) => ButtonHTMLAttributes<HTMLButtonElement>
}

/**
 * Makes a component's buttons that send a request (pinning, deleting, Retry of a failed load) unavailable while the
 * connection is down: a deletion could only fail and be rolled back (or, signed out, never be sent), a Retry fail
 * again, and the reconnection reads every list and view again by itself. `aria-disabled`, not `disabled`: a focused
 * button keeps focus when the connection drops, and a screen reader still finds the action and hears why (the
 * button is described by the component's connection notice, `noticeId`).
 */
export function useConnectionGuard(noticeId: string): ConnectionGuard {
  const down = useRoamingStore((s) => !s.connected)
  return {
    down,
    button: (onClick) => (down ? { 'aria-disabled': true, 'aria-describedby': noticeId } : { onClick }),
  }
}
