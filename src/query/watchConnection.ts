import type { RoamingKit } from './RoamingKit'

/**
 * Keeps the store's `connected` and `reconnecting`: not connected while the SDK's connection is down (from
 * `disconnected` to `reconnected`; reconnecting unless the SDK stopped) or the browser says it is offline
 * (`navigator.onLine`, with its `offline` and `online` events). The browser knows at once, where the SDK notices a
 * dead socket only when it next fails to reach the server, and at mount, where no drop can be heard: a reload
 * without a network shows the persisted lists and says it is offline. A provider mounted while the SDK reconnects
 * (or before its login) says so at once too (`RoamingClient.isConnected`). Returns the stop.
 */
export function watchConnection(kit: RoamingKit): () => void {
  // Not in plain Node (server rendering, tests without a DOM): only the SDK's word counts there.
  const win = typeof window === 'undefined' ? undefined : window
  const offline = () => win?.navigator.onLine === false
  // What the SDK said last: up, reconnecting, or stopped. Stopped while the browser was offline, it gave up trying
  // without a network, and starts again at the browser's `online` (unless that stop was a logout, which an offline
  // browser rarely sees): it comes back by itself. Stopped online, it does not.
  let sdk: 'up' | 'reconnecting' | 'stopped' | 'stoppedOffline' = kit.client.isConnected?.() === false ? 'reconnecting' : 'up'
  const update = () => {
    const connected = sdk === 'up' && !offline()
    kit.store.setState({ connected, reconnecting: !connected && sdk !== 'stopped' })
  }
  const stop = kit.client.subscribe((event) => {
    if (event.type !== 'disconnected' && event.type !== 'reconnected') return
    sdk = event.type === 'reconnected' ? 'up' : event.reconnecting ? 'reconnecting' : offline() ? 'stoppedOffline' : 'stopped'
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
