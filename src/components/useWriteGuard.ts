import type { ButtonHTMLAttributes } from 'react'
import { useRoamingStore } from '../hooks/useRoamingStore'

/** What `useWriteGuard` returns. */
export interface WriteGuard {
  /** Whether the connection is down (the store's `connected` is false): nothing can be written to the server. */
  down: boolean
  /** The props of a button that writes to the server (delete, pin): its click, or, while down, none and why. */
  button: (onClick: () => void) => ButtonHTMLAttributes<HTMLButtonElement>
}

/**
 * Makes the actions that write to the server (deleting, pinning) unavailable while the connection is down: such a
 * request could only fail and be rolled back, or, signed out, could never be sent. `aria-disabled`, not `disabled`:
 * a focused button keeps focus when the connection drops, and a screen reader still finds the action and hears why
 * (the button is described by the component's connection notice, `noticeId`).
 */
export function useWriteGuard(noticeId: string): WriteGuard {
  const down = useRoamingStore((s) => !s.connected)
  return {
    down,
    button: (onClick) => (down ? { 'aria-disabled': true, 'aria-describedby': noticeId } : { onClick }),
  }
}
