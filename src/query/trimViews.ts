import type { ChatType, RoamingMessage } from '../client/types'
import { holdsLatest, locateMessages, type HistoryData, type HistoryQueryPage } from './historyPages'
import { conversationKey, roamingKeys } from './keys'
import { scopeOf, type RoamingKit } from './RoamingKit'
import { renderedEnds } from './shownViews'

/**
 * The pages a reconnection reads again of a view something shows, given the first and last rendered message of
 * each of its views: from the page before the one with the highest rendered row (a margin: the thread holds back the
 * message above its top row, and scrolling up finds rows at once) to the latest page or, in a view without it, to
 * the page after the lowest rendered row. A refetch walks forward from the first page, one request a page (TanStack
 * re-reads as many pages as a view has), so a thread scrolled 30 pages back and down again reads 2, not 31. The first
 * kept page is read upwards from the next page's first message, as the kit's other message-id cursors (its own
 * parameter may read downwards, which says nothing of older messages). `data` itself when nothing goes, or when a
 * rendered message is no longer loaded.
 */
export function keepShown(data: HistoryData, ends: ReadonlyArray<readonly [RoamingMessage, RoamingMessage]>): HistoryData {
  const ids = new Set(ends.flatMap(([first, last]) => [first.id, last.id]))
  const pagesOf = [...locateMessages(data, ids).values()].map((place) => place.page)
  if (pagesOf.length < ids.size) return data
  const from = Math.min(...pagesOf) - 1
  const to = holdsLatest(data) ? data.pages.length : Math.max(...pagesOf) + 2
  if (from < 1 && to >= data.pages.length) return data
  const pages = data.pages.slice(Math.max(from, 0), to)
  const pageParams = data.pageParams.slice(Math.max(from, 0), to)
  if (from > 0) {
    const next = ((pages[1] as HistoryQueryPage).messages[0] as RoamingMessage).id
    pages[0] = { ...(pages[0] as HistoryQueryPage), olderCursor: pages[0]?.messages[0]?.id ?? next }
    pageParams[0] = { kind: 'older', cursor: next }
  }
  return { pages, pageParams }
}

/**
 * Before a reconnection reads the history views again, each keeps only the pages worth reading (TanStack re-reads
 * every page a view has, one request each, in sequence: 31 for a thread scrolled 30 pages back). A view something
 * shows keeps what `keepShown` says, when every view of it told its rendered rows (`showView`); one nothing shows
 * keeps only its newest page, and one around an anchor, or without the latest page, is dropped: shown again, it
 * opens at its newest messages anyway. Not while a removal of the conversation is out (a rollback puts messages back
 * where their pages were), nor while a view is fetching.
 */
export function trimViews(kit: RoamingKit): void {
  const cache = kit.queryClient.getQueryCache()
  for (const q of cache.findAll({ queryKey: [...roamingKeys.all(scopeOf(kit)), 'history'], predicate: (q) => q.state.fetchStatus === 'idle' })) {
    const data = q.state.data as HistoryData | undefined
    const [, , , chatType, conversationId, , anchorId] = q.queryKey as readonly unknown[]
    const last = data?.pages[data.pages.length - 1]
    if (!data || !last || data.pages.length < 2 || kit.displaced.get(conversationKey(conversationId as string, chatType as ChatType))?.length) continue
    const observers = q.getObserversCount()
    if (observers > 0) {
      const ends = renderedEnds(kit, q.queryHash, observers)
      const kept = ends && keepShown(data, ends)
      if (kept && kept !== data) kit.queryClient.setQueryData<HistoryData>(q.queryKey, kept)
    } else if (anchorId !== null || last.newerCursor !== null) cache.remove(q)
    else kit.queryClient.setQueryData<HistoryData>(q.queryKey, { pages: [{ ...last, olderCursor: last.messages[0]?.id ?? null }], pageParams: [{ kind: 'latest' }] })
  }
}
