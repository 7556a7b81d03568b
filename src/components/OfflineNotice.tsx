import type { DisconnectReason } from '../client/types'
import { useRoamingStore } from '../hooks/useRoamingStore'

/** The strings `OfflineNotice` says, each component's own (named after the `DisconnectReason` they tell). */
export type OfflineNoticeKey = 'offline' | 'disconnected' | Exclude<DisconnectReason, 'loggedOut' | 'failed'>

/** Props of `OfflineNotice`. */
export interface OfflineNoticeProps {
  /** The component's class for it. */
  className: string
  /** The component's translator: `offline` while the connection comes back, the others once the SDK stopped. */
  t: (key: OfflineNoticeKey) => string
}

/**
 * What a component says while the connection is down (the store's `connected`, `reconnecting` and `stopReason`):
 * that it comes back, or why it will not until a login. Always in the page and filled then: a polite live region
 * announces what changes in it, where one added with its text is not read out by every screen reader. No role: a
 * component's own status line stays its one status.
 */
export function OfflineNotice({ className, t }: OfflineNoticeProps) {
  const said = useRoamingStore((s) => {
    if (s.connected) return ''
    const reason = s.stopReason
    return t(!reason ? 'offline' : reason === 'loggedOut' || reason === 'failed' ? 'disconnected' : reason)
  })
  return <p className={className} aria-live="polite" data-empty={said === '' || undefined}>{said}</p>
}
