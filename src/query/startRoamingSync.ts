import { applyRoamingEvent } from './applyRoamingEvent'
import { expirePins } from './expirePins'
import { startReadAcks } from './readAcks'
import { reconcileFetches } from './reconcileFetches'
import type { RoamingKit } from './RoamingKit'
import { watchConnection } from './watchConnection'

/**
 * Starts live sync for one kit: client events into the cache, fetch results reconciled, the open conversation read
 * (`startReadAcks`), pins given back to the server's lists (`expirePins`), and the store's `connected` kept
 * (`watchConnection`). Returns the function that stops all five (no handler is left on the connection).
 */
export function startRoamingSync(kit: RoamingKit): () => void {
  const stopEvents = kit.client.subscribe((event) => applyRoamingEvent(kit, event))
  const stopReconcile = reconcileFetches(kit)
  const stopPins = expirePins(kit)
  const stopReads = startReadAcks(kit)
  const stopConnection = watchConnection(kit)
  return () => {
    stopEvents()
    stopReconcile()
    stopPins()
    stopReads()
    stopConnection()
  }
}
