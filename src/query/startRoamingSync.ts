import { applyRoamingEvent } from './applyRoamingEvent'
import { expirePins } from './expirePins'
import { startReadAcks } from './readAcks'
import { reconcileFetches } from './reconcileFetches'
import type { RoamingKit } from './RoamingKit'

/**
 * Starts live sync for one kit: client events into the cache, fetch results reconciled, the open conversation read
 * (`startReadAcks`), and pins given back to the server's lists (`expirePins`). Returns the function that stops all
 * four (no handler is left on the connection).
 */
export function startRoamingSync(kit: RoamingKit): () => void {
  const stopEvents = kit.client.subscribe((event) => applyRoamingEvent(kit, event))
  const stopReconcile = reconcileFetches(kit)
  const stopPins = expirePins(kit)
  const stopReads = startReadAcks(kit)
  return () => {
    stopEvents()
    stopReconcile()
    stopPins()
    stopReads()
  }
}
