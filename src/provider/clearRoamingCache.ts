import { RoamingArgumentError } from '../client/RoamingError'

/**
 * Erases the cache `persist` saved for a user (as the connection logged in), or for every user: for an app's own
 * logout on a shared computer, say. A mounted `RoamingProvider` of that user then writes nothing until the user's
 * next login. Without IndexedDB (server rendering) there is nothing to erase.
 */
export async function clearRoamingCache(userId?: string): Promise<void> {
  if (userId !== undefined && (typeof userId !== 'string' || userId === '')) {
    throw new RoamingArgumentError('clearRoamingCache', 'userId', userId, 'a user id, or nothing for every user')
  }
  if (typeof indexedDB === 'undefined') return
  // Loaded on demand, as `persist` loads it: apps that never persist never download it.
  const { eraseRoaming } = await import('./persistence')
  await eraseRoaming(userId)
}
