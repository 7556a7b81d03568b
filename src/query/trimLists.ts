import type { Conversation } from '../client/types'
import type { ConversationListData } from './conversationPages'
import { keyOf, listKind, roamingKeys } from './keys'
import { scopeOf, type RoamingKit } from './RoamingKit'
import { renderedEnds } from './shownViews'

/**
 * How many pages of a conversation list a reconnection reads again, given the first and last rendered row of each
 * of its views: up to the page after the lowest rendered row found in it (a margin for the rows react-virtuoso
 * renders next). Rows in no page are pinned ones, listed above the others: the first pages stay.
 */
export function listedPagesToKeep(data: ConversationListData, ends: ReadonlyArray<readonly [Conversation, Conversation]>): number {
  const keys = new Set(ends.flatMap((pair) => pair.map(keyOf)))
  let lowest = 0
  data.pages.forEach((page, i) => { if (page.conversations.some((c) => keys.has(keyOf(c)))) lowest = i })
  return lowest + 2
}

/**
 * Before a reconnection reads the conversation lists again, each keeps only the pages worth reading (TanStack re-reads
 * every page a list has, one request each, in sequence): a list something shows, up to `listedPagesToKeep`, when
 * every view of it told its rendered rows; one nothing shows, its first page (shown again, it opens at the top).
 * The pinned list is one page. Not while a deletion or pin is out (a rollback puts a conversation back where it was).
 */
export function trimLists(kit: RoamingKit): void {
  if (kit.queryClient.isMutating() > 0) return
  const cache = kit.queryClient.getQueryCache()
  for (const q of cache.findAll({ queryKey: roamingKeys.conversationLists(scopeOf(kit)), predicate: (q) => q.state.fetchStatus === 'idle' && listKind(q.queryKey) !== 'pinned' })) {
    const data = q.state.data as ConversationListData | undefined
    const observers = q.getObserversCount()
    const ends = observers > 0 ? renderedEnds<Conversation>(kit, q.queryHash, observers) : []
    // A view that did not tell its rows (a custom UI without `setViewRange`) may show any page.
    if (!data || !ends) continue
    const keep = observers > 0 ? listedPagesToKeep(data, ends) : 1
    if (keep < data.pages.length) {
      kit.queryClient.setQueryData<ConversationListData>(q.queryKey, { pages: data.pages.slice(0, keep), pageParams: data.pageParams.slice(0, keep) })
    }
  }
}
