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
  // What the SDK said last: up, reconnecting, or stopped (it will not come back by itself).
  let sdk: 'up' | 'reconnecting' | 'stopped' = kit.client.isConnected?.() === false ? 'reconnecting' : 'up'
  const update = () => {
    const connected = sdk === 'up' && win?.navigator.onLine !== false
    kit.store.setState({ connected, reconnecting: !connected && sdk !== 'stopped' })
  }
  const stop = kit.client.subscribe((event) => {
    if (event.type !== 'disconnected' && event.type !== 'reconnected') return
    sdk = event.type === 'reconnected' ? 'up' : event.reconnecting ? 'reconnecting' : 'stopped'
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
