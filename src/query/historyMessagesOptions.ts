import { infiniteQueryOptions } from './infiniteQueryOptions'
import { RoamingError } from '../client/RoamingError'
import type { ChatType, HistorySearch, RoamingClient, RoamingMessage } from '../client/types'
import { checkConversation, checkHistorySearch, checkId, checkInt } from '../client/validate'
import { isBuried } from '../store/tombstones'
import { compareMessages, FROM_START, type HistoryPageParam, type HistoryQueryPage } from './historyPages'
import { keyOf, roamingKeys } from './keys'
import { retryDelay, shouldRetry } from './retry'
import { scopeOf, type RoamingKit } from './RoamingKit'

/** Which history view to load. */
export interface HistoryViewParams {
  /** Conversation id. */
  conversationId: string
  /** Chat type of the conversation. */
  chatType: ChatType
  /** Messages per page, an integer in [1, 50]. @default 20 */
  pageSize?: number
  /** Open around this message instead of at the latest (with `search`, one of the messages it finds). */
  anchorId?: string | null
  /**
   * Only the messages the server finds with this search (types, a sender in a group, a time window): a media
   * gallery, one member's messages. Live messages join the view when they match it.
   */
  search?: HistorySearch | null
}

/** A view's parameters as checked: defaults filled, the search in one form (`null` for none). */
export type CheckedHistoryView = Required<Omit<HistoryViewParams, 'search'>> & { search: HistorySearch | null }

/** Validates view parameters; throws a `RoamingArgumentError` naming the hook or factory. */
export function checkHistoryView(op: string, params: HistoryViewParams): CheckedHistoryView {
  const conversation = checkConversation(op, params, true)
  return {
    ...conversation,
    pageSize: checkInt(op, 'pageSize', params?.pageSize, 1, 50, 20),
    anchorId: params?.anchorId == null ? null : checkId(op, 'anchorId', params.anchorId),
    search: checkHistorySearch(op, params?.search, conversation.chatType),
  }
}

/** A page as it arrived. */
const arrived = (messages: RoamingMessage[], olderCursor: string | null, newerCursor: string | null): HistoryQueryPage =>
  ({ messages, olderCursor, newerCursor })

/** Loads one page of a view from the client (two calls for a page around an anchor). */
export async function fetchHistoryPage(client: RoamingClient, view: CheckedHistoryView, param: HistoryPageParam): Promise<HistoryQueryPage> {
  const base = { conversationId: view.conversationId, chatType: view.chatType, pageSize: view.pageSize, ...(view.search ? { search: view.search } : {}) }
  switch (param.kind) {
    case 'latest': {
      const up = await client.getHistory({ ...base, direction: 'up' })
      return arrived(up.messages, up.nextCursor, null)
    }
    case 'older': {
      const up = await client.getHistory({ ...base, direction: 'up', cursor: param.cursor })
      // A refetch walks forward from the oldest page: "down from my newest message" continues it without a gap.
      // An empty page (nothing older is left) continues from the start of history: "down from the cursor" would
      // skip the cursor's own message (found by the model test: a refetch after a remove-before lost a message).
      return arrived(up.messages, up.nextCursor, up.messages.at(-1)?.id ?? FROM_START)
    }
    case 'newer': {
      const down = await client.getHistory({ ...base, direction: 'down', cursor: param.cursor === FROM_START ? null : param.cursor })
      return arrived(down.messages, null, down.nextCursor)
    }
    case 'around': {
      // Cursors are message ids and exclusive (maybe inclusive on some servers: duplicates are merged). `down` from
      // the anchor gives what follows it; `up` from the first of those gives the anchor and what precedes it.
      let down
      try {
        down = await client.getHistory({ ...base, direction: 'down', cursor: param.anchorId })
      } catch (error) {
        // The server refused the anchor as a cursor (an id it does not know: an HTTP 400/404, code 17). Say the
        // anchor was not found and show the latest messages, rather than an error state.
        if (!(error instanceof RoamingError) || error.code !== 17 /* SdkCode.AJAX_ERROR */) throw error
        const latest = await client.getHistory({ ...base, direction: 'up' })
        return { ...arrived(latest.messages, latest.nextCursor, null), anchorFound: false }
      }
      const pivot = down.messages.find((m) => m.id !== param.anchorId)
      const up = await client.getHistory({ ...base, direction: 'up', cursor: pivot?.id ?? null })
      const byId = new Map([...up.messages, ...down.messages].map((m) => [m.id, m]))
      const messages = [...byId.values()].sort(compareMessages)
      return { ...arrived(messages, up.nextCursor, pivot ? down.nextCursor : null), anchorFound: byId.has(param.anchorId) }
    }
  }
}

/**
 * The one options factory of a history view, shared by `useHistoryMessages`, prefetching and cache writes.
 * Pages run oldest to newest: `fetchPreviousPage` loads older, `fetchNextPage` newer. A page that lands after a
 * removal has the removal's tombstone applied first, so it cannot bring a removed message back.
 */
export function historyMessagesOptions(kit: Pick<RoamingKit, 'client' | 'store'>, params: HistoryViewParams) {
  const view = checkHistoryView('historyMessagesOptions', params)
  const key = keyOf(view)
  // Widened on purpose: TypeScript would narrow it to the two initial kinds and refuse `older`/`newer`.
  const initialPageParam = (view.anchorId ? { kind: 'around', anchorId: view.anchorId } : { kind: 'latest' }) as HistoryPageParam
  return infiniteQueryOptions({
    queryKey: roamingKeys.historyView(scopeOf(kit), view.conversationId, view.chatType, view.pageSize, view.anchorId, view.search),
    queryFn: async ({ pageParam }): Promise<HistoryQueryPage> => {
      const page = await fetchHistoryPage(kit.client, view, pageParam)
      const tombstone = kit.store.getState().tombstones[key]
      if (!tombstone) return page
      const messages = page.messages.filter((m) => !isBuried(tombstone, m))
      return { ...page, messages }
    },
    initialPageParam,
    getPreviousPageParam: (first): HistoryPageParam | undefined => (first.olderCursor ? { kind: 'older', cursor: first.olderCursor } : undefined),
    getNextPageParam: (last): HistoryPageParam | undefined => (last.newerCursor !== null ? { kind: 'newer', cursor: last.newerCursor } : undefined),
    // History does not go stale by itself: live events append to it and multi-device events refetch it.
    staleTime: Infinity,
    // TanStack's deep structural sharing compares pages by index; after a prepend every index differs, so it walked
    // every loaded message on every page load (O(N²) over a walk: 1.2 s for 10k in the bench). The page updaters
    // already keep the identity of untouched pages, which is all the sharing the views need.
    structuralSharing: false,
    retry: shouldRetry,
    retryDelay,
  })
}
