import { useRoamingStore } from '../hooks/useRoamingStore'

/** Props of `OfflineNotice`. */
export interface OfflineNoticeProps {
  /** The component's class for it. */
  className: string
  /** What it says while the connection is down, in the component's language. */
  text: string
}

/**
 * What a component says while the connection is down (the store's `connected`). Always in the page and filled then:
 * a polite live region announces what changes in it, where one added with its text is not read out by every screen
 * reader. No role: a component's own status line stays its one status.
 */
export function OfflineNotice({ className, text }: OfflineNoticeProps) {
  const connected = useRoamingStore((s) => s.connected)
  return <p className={className} aria-live="polite" data-empty={connected || undefined}>{connected ? '' : text}</p>
}
