import { useRoamingStore } from '../hooks/useRoamingStore'

/** Props of `OfflineNotice`. */
export interface OfflineNoticeProps {
  /** The component's class for it. */
  className: string
  /** What it says while the connection is down and coming back, in the component's language. */
  text: string
  /** What it says once the SDK stopped (a logout, a login elsewhere, a failed reconnection). */
  stoppedText: string
}

/**
 * What a component says while the connection is down (the store's `connected` and `reconnecting`). Always in the
 * page and filled then: a polite live region announces what changes in it, where one added with its text is not read
 * out by every screen reader. No role: a component's own status line stays its one status.
 */
export function OfflineNotice({ className, text, stoppedText }: OfflineNoticeProps) {
  const said = useRoamingStore((s) => (s.connected ? '' : s.reconnecting ? text : stoppedText))
  return <p className={className} aria-live="polite" data-empty={said === '' || undefined}>{said}</p>
}
