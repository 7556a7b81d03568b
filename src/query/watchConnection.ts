import type { ConnectionState } from '../client/types'
import type { RoamingKit } from './RoamingKit'

/**
 * Keeps the store's `connected`, `reconnecting` and `stopReason`: not connected while the SDK's connection is down (from
 * `disconnected` to `reconnected`; reconnecting unless the SDK stopped) or the browser says it is offline
 * (`navigator.onLine`, with its `offline` and `online` events). The browser knows at once, where the SDK notices a
 * dead socket only when it next fails to reach the server, and at mount, where no drop can be heard: a reload
 * without a network shows the persisted lists and says it is offline. A provider mounted while the SDK reconnects
 * (or before its login, or after a logout) says so at once too (`RoamingClient.connectionState`). Returns the stop.
 */
export function watchConnection(kit: RoamingKit): () => void {
  // Not in plain Node (server rendering, tests without a DOM): only the SDK's word counts there.
  const win = typeof window === 'undefined' ? undefined : window
  const offline = () => win?.navigator.onLine === false
  // What the SDK said last: up, reconnecting, or why it stopped. A reconnection that failed while the browser was
  // offline gave up for want of a network and starts again at the browser's `online`: that stop is a reconnection
  // still. Any other stop (or a failure online) waits for a login.
  let sdk: ConnectionState = kit.client.connectionState?.() ?? 'connected'
  const update = () => {
    if (sdk === 'failed' && offline()) sdk = 'reconnecting'
    const connected = sdk === 'connected' && !offline()
    const stopReason = sdk === 'connected' || sdk === 'reconnecting' ? null : sdk
    kit.store.setState({ connected, reconnecting: !connected && !stopReason, stopReason })
  }
  const stop = kit.client.subscribe((event) => {
    if (event.type === 'reconnected') sdk = 'connected'
    // A custom client may not say why it stopped: a failure, as before reasons were told.
    else if (event.type === 'disconnected') sdk = event.reconnecting ? 'reconnecting' : event.reason ?? 'failed'
    else return
    update()
  })
  win?.addEventListener('online', update)
  win?.addEventListener('offline', update)
  update()
  return () => {
    stop()
    win?.removeEventListener('online', update)
    win?.removeEventListener('offline', update)
  }
}
