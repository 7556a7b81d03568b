import type { DisconnectReason } from '../client/types'
import { useRoamingStore } from '../hooks/useRoamingStore'
import type { Strings } from '../i18n/strings'
import { useStrings } from '../i18n/useStrings'

/** Keys of `OfflineNotice`'s strings: coming back, stopped, and why, named after the `DisconnectReason` they tell. */
export type OfflineNoticeStringKey = 'reconnecting' | 'disconnected' | Exclude<DisconnectReason, 'loggedOut' | 'failed'>

/**
 * The connection notice's dictionary in English, one for both components (a locale's `OfflineNotice` strings): what
 * they say while the connection comes back, once it stopped, and why the server signed the device out.
 */
export const offlineNoticeStrings: Strings<OfflineNoticeStringKey> = {
  reconnecting: 'Connection lost. Reconnecting…',
  disconnected: 'Disconnected. What shows may be out of date.',
  loggedInElsewhere: 'Signed out: this account signed in on another device.',
  kickedByOtherDevice: 'Signed out by another device.',
  passwordChanged: 'Signed out: the password was changed.',
  userRemoved: 'Signed out: this account was removed.',
  tokenExpired: 'Signed out: the session expired.',
}

/** Props of `OfflineNotice`. */
export interface OfflineNoticeProps {
  /** The component's class for it. */
  className: string
  /** Its DOM id: the actions unavailable while the connection is down are described by it (`useConnectionGuard`). */
  id?: string
}

/**
 * What a component says while the connection is down (the store's `connected` and `stopReason`): that it comes back,
 * or why it will not until a login. Always in the page and filled then: a polite live region announces what changes
 * in it, where one added with its text is not read out by every screen reader. No role: a component's own status
 * line stays its one status.
 */
export function OfflineNotice({ className, id }: OfflineNoticeProps) {
  const t = useStrings(offlineNoticeStrings, 'OfflineNotice')
  const said = useRoamingStore((s) => {
    if (s.connected) return ''
    const reason = s.stopReason
    return t(!reason ? 'reconnecting' : reason === 'loggedOut' || reason === 'failed' ? 'disconnected' : reason)
  })
  return <p id={id} className={className} aria-live="polite" data-empty={said === '' || undefined}>{said}</p>
}
