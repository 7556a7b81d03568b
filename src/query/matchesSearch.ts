import type { QueryKey } from '@tanstack/react-query'
import { sameUser } from '../client/normalize'
import type { HistorySearch, RoamingMessage } from '../client/types'

/**
 * Whether a message belongs in a view with this search (a checked one, `checkHistorySearch`; `null` for none): the
 * server's filter applied here to what it pushes, so that a live message joins only the views that would list it.
 * Time bounds are inclusive, as the client documents them.
 */
export function matchesSearch(search: HistorySearch | null | undefined, message: RoamingMessage): boolean {
  if (!search) return true
  if (search.from !== undefined && !sameUser(search.from, message.from)) return false
  if (search.msgTypes && !search.msgTypes.includes(message.type)) return false
  return message.time >= (search.startTime ?? 0) && message.time <= (search.endTime ?? Infinity)
}

/** The search of a history view's query key (`roamingKeys.historyView`), `null` for none. */
export const searchOfView = (queryKey: QueryKey): HistorySearch | null => (queryKey[7] as HistorySearch | null | undefined) ?? null
