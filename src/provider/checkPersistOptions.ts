import { RoamingArgumentError } from '../client/RoamingError'
import type { DisconnectReason } from '../client/types'
import { checkInt } from '../client/validate'

// Every reason, so the check cannot miss one added later (a Record of the union must name them all).
const REASONS: Record<DisconnectReason, 1> = {
  loggedOut: 1, loggedInElsewhere: 1, kickedByOtherDevice: 1, passwordChanged: 1, userRemoved: 1, tokenExpired: 1, failed: 1,
}

/** Throws unless `persist` is a boolean or valid `RoamingPersistOptions`, naming the option and what it allows. */
export function checkPersistOptions(persist: unknown): void {
  const op = 'RoamingProvider'
  if (typeof persist === 'boolean') return
  if (typeof persist !== 'object' || persist === null || Array.isArray(persist)) {
    throw new RoamingArgumentError(op, 'persist', persist, 'true, false, or options { maxAge, buster, throttleMs, eraseOn }')
  }
  const { maxAge, buster, throttleMs, eraseOn } = persist as Record<string, unknown>
  checkInt(op, 'persist.maxAge', maxAge, 0, Number.MAX_SAFE_INTEGER, 0)
  checkInt(op, 'persist.throttleMs', throttleMs, 0, 3_600_000, 0)
  if (buster !== undefined && typeof buster !== 'string') throw new RoamingArgumentError(op, 'persist.buster', buster, 'a string')
  if (eraseOn === undefined) return
  const allowed = Object.keys(REASONS).map((r) => `'${r}'`).join(', ')
  if (!Array.isArray(eraseOn)) throw new RoamingArgumentError(op, 'persist.eraseOn', eraseOn, `an array of ${allowed}`)
  const bad = eraseOn.findIndex((r) => !Object.hasOwn(REASONS, r))
  if (bad >= 0) throw new RoamingArgumentError(op, `persist.eraseOn[${bad}]`, eraseOn[bad], `one of ${allowed}`)
}
