import type { QueryKey } from '@tanstack/react-query'
import type { Conversation } from '../client/types'
import { isBuried } from '../store/tombstones'
import { applyIncoming, flattenConversations, patchConversation, removeConversation, type ConversationListData } from './conversationPages'
import { applyTombstone, dropEmptyOlderPages, insertIncoming, type HistoryData } from './historyPages'
import { isOpenConversation, keyOf, keyOfView, listKind, markOfList } from './keys'
import { noteUnlisted } from './listedConversations'
import { withPendingJoins } from './markedLists'
import { matchesSearch, searchOfView } from './matchesSearch'
import { withPendingMarks } from './pendingMarks'
import { sendReadAck, unreadAfterRead, unreadSince } from './readAcks'
import { previewSince, refreshPreviewOrList } from './refreshPreview'
import { fetchStartOf, newestLive, noteFetchStart, scopeOf, type RoamingKit } from './RoamingKit'

const fetchCounts = new WeakMap<RoamingKit, Map<string, number>>()

/** How many fetch results (not cache writes) a query of the kit received: a rollback tells which views were fetched meanwhile. */
export const fetchCountOf = (kit: RoamingKit, queryHash: string): number => fetchCounts.get(kit)?.get(queryHash) ?? 0

/**
 * Mends what a fetch wrote. An infinite query's `fetchNextPage`/`fetchPreviousPage` writes back the pages it
 * started from plus the new one, so a live message or a removal that happened meanwhile would be undone. After
 * every fetch result (not after our own writes), this re-applies tombstones, puts logged live messages back,
 * hides deleted conversations and drops empty pages at the start of history. Returns the unsubscribe function.
 */
export function reconcileFetches(kit: RoamingKit): () => void {
  return kit.queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return
    if (event.action.type === 'fetch') noteFetchStart(kit, event.query.queryHash)
    if (event.action.type !== 'success' || event.action.manual) return
    const key = event.query.queryKey as readonly unknown[]
    if (key[0] !== 'roamkit' || key[1] !== scopeOf(kit)) return
    const counts = fetchCounts.get(kit) ?? new Map<string, number>()
    fetchCounts.set(kit, counts.set(event.query.queryHash, (counts.get(event.query.queryHash) ?? 0) + 1))
    const data = event.query.state.data
    let next: unknown = data
    const stale: Conversation[] = []
    if (key[2] === 'history') next = mendHistory(kit, key, data as HistoryData)
    else if (key[2] === 'conversations') next = mendList(kit, data as ConversationListData, key, fetchStartOf(kit, event.query.queryHash), stale)
    if (next !== data) kit.queryClient.setQueryData(event.query.queryKey, next)
    for (const c of stale) void refreshPreviewOrList(kit, c.conversationId, c.chatType)
  })
}

function mendHistory(kit: RoamingKit, queryKey: readonly unknown[], data: HistoryData): HistoryData | undefined {
  const key = keyOfView(queryKey)
  const search = searchOfView(queryKey)
  let next: HistoryData | undefined = data
  for (const m of kit.live.get(key) ?? []) if (matchesSearch(search, m)) next = insertIncoming(next, m)
  const tombstone = kit.store.getState().tombstones[key]
  if (tombstone) next = applyTombstone(next, tombstone)
  return dropEmptyOlderPages(next)
}

function mendList(kit: RoamingKit, data: ConversationListData, queryKey: QueryKey, started: number, stale: Conversation[]): ConversationListData | undefined {
  const { deletedConversations, activeConversation, tombstones } = kit.store.getState()
  const kind = listKind(queryKey)
  // As the server answered, before the mending below hides this device's pending deletions. Only a list of every
  // conversation says the server has none: a mark's list leaves out the unmarked.
  if (kind === 'main') noteUnlisted(kit, Object.keys(deletedConversations).filter((k) => deletedConversations[k]?.pending), data)
  let next: ConversationListData | undefined = data
  let unreadOpen = false
  for (const c of flattenConversations(data)) {
    const key = keyOf(c)
    // Read since this list read started (here or on another device): its old count is not shown. The open
    // conversation is being read: a count the server still has (an ack failed, or messages came while this device
    // was away) is cleared and acked again below (see `startReadAcks`).
    const unread = unreadAfterRead(kit, key, c, started)
    if (unread > 0 && isOpenConversation(activeConversation, key)) unreadOpen = true
    else if (unread !== c.unreadCount) next = patchConversation(next, key, (x) => ({ ...x, unreadCount: unread }))
    const deleted = deletedConversations[key]
    // A preview worked out after this read started (messages were removed meanwhile, here or on another device) is
    // newer than the read's (found by the soak: a list answer computed before a removal landed after the preview
    // refresh and showed the removed message; a pin then copied that entry into the pinned list).
    const preview = previewSince(kit, key, started)
    if (deleted && (c.lastMessage?.time ?? 0) <= deleted.at) next = removeConversation(next, key)
    else if (preview === null) next = removeConversation(next, key)
    else if (preview && c.lastMessage?.id !== preview.id) next = patchConversation(next, key, (x) => ({ ...x, lastMessage: preview }))
    // Read after this device's removal was shown but answered before the server had it: no refresh is newer than
    // the read, yet the preview is a removed message (found by the soak: a resync's list read crossed a removal
    // that emptied the conversation, and listed it again). Worked out again.
    else if (c.lastMessage && isBuried(tombstones[key], c.lastMessage)) stale.push(c)
  }
  const me = kit.client.userId()
  for (const key of kit.live.keys()) {
    // A logged message this user removed since is no preview (found by the model test: a list refetched after the
    // conversation's last messages were removed got the removed newest one back as its preview, and was listed).
    const last = newestLive(kit, key, tombstones[key])
    const deleted = deletedConversations[key]
    if (!last || (deleted && last.time <= deleted.at)) continue
    const isOpen = isOpenConversation(activeConversation, key)
    // Only the unread count of a message the list has not seen yet may grow: `applyIncoming` ignores seen ones. It
    // grows by every logged message from others newer than the list's preview, not by one: a burst that came while
    // the read was out counted 1 for 3. Those the conversation was read after (here or on another device) are read.
    next = applyIncoming(next, last, { me, isOpen, kind, unread: (since) => unreadSince(kit, key, since) })
  }
  if (unreadOpen && activeConversation) {
    next = patchConversation(next, keyOf(activeConversation), (c) => ({ ...c, unreadCount: 0 }))
    sendReadAck(kit, activeConversation)
  }
  const mark = markOfList(queryKey)
  return withPendingMarks(kit, mark === null ? next : withPendingJoins(kit, mark, next))
}
