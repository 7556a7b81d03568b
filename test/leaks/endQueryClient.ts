import type { QueryClient } from '@tanstack/react-query'
import { version } from '@tanstack/query-core/package.json'

const [minor, patch] = version.split('.').slice(1).map(Number) as [number, number]
/**
 * Whether `clear()` alone ends a QueryClient: query-core before 5.108.4 schedules GC again (a 5-minute timer that
 * keeps the query) for a query it removed while fetching, once that fetch settles. CI runs the suite on the lowest
 * TanStack Query of the peer range too, where that is the case.
 */
export const clearEndsFetches = minor > 108 || (minor === 108 && patch >= 4)

/**
 * How an app ends a QueryClient it passed to RoamingProvider: `clear()`, after cancelling its fetches on an older
 * query-core (see `clearEndsFetches`); RoamingProvider does the same with a cache it made itself.
 */
export async function endQueryClient(client: QueryClient): Promise<void> {
  if (!clearEndsFetches) await client.cancelQueries()
  client.clear()
}
