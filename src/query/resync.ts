import { roamingKeys } from './keys'
import { readAgain, scopeOf, type RoamingKit } from './RoamingKit'
import { trimLists } from './trimLists'
import { trimViews } from './trimViews'

/** Resyncs started per kit: only the newest one reads again. */
const generations = new WeakMap<RoamingKit, number>()

/**
 * After the connection came back from a drop: every loaded list and view of the user is read again, since what
 * other devices did meanwhile may never be pushed (multi-device events are not replayed). Active ones are
 * refetched at once, the others when shown; pins give way to the fresh lists (see `expirePins`).
 *
 * Events heard before those answers land cannot be ordered against them. Most are the offline messages the
 * server delivers on reconnection, stored before the drop ended: one may have been removed on another device
 * meanwhile, and the live log would put it back into the fresh pages. So when any came, everything is read once
 * more, after them (found by the model test: a message sent and then removed on the phone while the laptop was away
 * came back as the laptop's preview; a pin heard then copied a stale preview into the pinned list). They are counted
 * by the kit's own subscription (`RoamingKit.heard`): a second one would outlive an unmount while the reads are out.
 */
export function resync(kit: RoamingKit, again = true): void {
  // A newer resync (another reconnection) takes over: its cancel ends this one's reads early, before what it heard
  // could be read after (found by the model test: reconnected, dropped and reconnected again at once).
  const generation = (generations.get(kit) ?? 0) + 1
  generations.set(kit, generation)
  const heard = kit.heard
  // Logged live messages may have been removed meanwhile: `reconcileFetches` must not put them back into the
  // refetched pages (as for `historyRemoved`).
  kit.live.clear()
  trimViews(kit)
  trimLists(kit)
  void readAgain(kit, roamingKeys.all(scopeOf(kit))).then(() => {
    if (again && kit.heard !== heard && generations.get(kit) === generation) resync(kit, false)
  })
}
