import type { InfiniteData } from '@tanstack/react-query'
import type { RoamingMessage } from '../client/types'
import { isBuried, type Tombstone } from '../store/tombstones'

/**
 * Where a history page starts. The first page is the latest messages, or those around an anchor (a jump);
 * `older` pages are prepended (walking `up`), `newer` ones appended (walking `down`).
 */
export type HistoryPageParam =
  | { kind: 'latest' }
  | { kind: 'around'; anchorId: string }
  | { kind: 'older'; cursor: string }
  | { kind: 'newer'; cursor: string }

/** A page of a history view, in the query cache. */
export interface HistoryQueryPage {
  /** Ascending time order. */
  messages: RoamingMessage[]
  /** Cursor to load older messages before this page; `null` when nothing older exists (or not this page's job). */
  olderCursor: string | null
  /** Cursor to load newer messages after this page; `null` when this page reaches the latest message. */
  newerCursor: string | null
  /** Messages the page had when it arrived: `firstItemIndex` counts prepends with it, unmoved by removals. */
  fetchedCount: number
  /** For a page around an anchor: whether the anchor message was found. */
  anchorFound?: boolean
}

/** The cached data of a history view. */
export type HistoryData = InfiniteData<HistoryQueryPage, HistoryPageParam>

/** react-virtuoso's `firstItemIndex` of a view that has prepended nothing: large, so prepends stay positive. */
export const FIRST_ITEM_INDEX_BASE = 1_000_000_000

/** Orders messages by server time, then by id (ids are increasing decimal strings). */
export function compareMessages(a: { id: string; time: number }, b: { id: string; time: number }): number {
  return a.time - b.time || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** All messages of a view, ascending, without what the tombstone removes. */
export function flattenHistory(data: HistoryData | undefined, tombstone?: Tombstone): RoamingMessage[] {
  if (!data) return []
  const out: RoamingMessage[] = []
  for (const page of data.pages) for (const m of page.messages) if (!isBuried(tombstone, m)) out.push(m)
  return out
}

/**
 * `firstItemIndex` for react-virtuoso, from page counts: the base minus what older pages brought when they
 * arrived. It only moves when a page is prepended, never when a message is removed or appended.
 */
export function firstItemIndexOf(data: HistoryData | undefined): number {
  if (!data) return FIRST_ITEM_INDEX_BASE
  let prepended = 0
  data.pages.forEach((page, i) => {
    if (data.pageParams[i]?.kind === 'older') prepended += page.fetchedCount
  })
  return FIRST_ITEM_INDEX_BASE - prepended
}

/** Removes the messages matching `remove`; pages and data keep their identity where nothing changed. */
export function removeFromHistory(data: HistoryData | undefined, remove: (m: RoamingMessage) => boolean): HistoryData | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => {
    const messages = page.messages.filter((m) => !remove(m))
    if (messages.length === page.messages.length) return page
    changed = true
    return { ...page, messages }
  })
  return changed ? { ...data, pages } : data
}

/** Removes the given ids. */
export const removeIdsFromHistory = (data: HistoryData | undefined, ids: ReadonlySet<string>) =>
  removeFromHistory(data, (m) => ids.has(m.id))

/** Removes every message at or before `time`. */
export const removeBeforeFromHistory = (data: HistoryData | undefined, time: number) =>
  removeFromHistory(data, (m) => m.time <= time)

/** Applies a tombstone: nothing it buries stays in the cache. */
export const applyTombstone = (data: HistoryData | undefined, tombstone: Tombstone) =>
  removeFromHistory(data, (m) => isBuried(tombstone, m))

/** Whether the view holds the latest page (so live messages belong at its end). */
export const holdsLatest = (data: HistoryData | undefined): boolean =>
  !!data && data.pages.length > 0 && data.pages[data.pages.length - 1]?.newerCursor === null

/** Whether any page has the message. */
export const hasMessage = (data: HistoryData | undefined, id: string): boolean =>
  !!data && data.pages.some((p) => p.messages.some((m) => m.id === id))

/**
 * Inserts an incoming message exactly once: only into a view that holds the latest page, only if no page has it
 * already, at its time position (normally the end of the last page, even when that page was emptied).
 */
export function insertIncoming(data: HistoryData | undefined, message: RoamingMessage): HistoryData | undefined {
  if (!data || !holdsLatest(data)) return data
  const pages = data.pages
  let newest: RoamingMessage | undefined
  for (let p = pages.length - 1; p >= 0 && !newest; p--) newest = pages[p]?.messages.at(-1)
  // The usual case, newer than everything loaded, cannot be a duplicate: no scan of 100k loaded messages per push.
  if (!newest || compareMessages(message, newest) > 0) {
    const last = pages.length - 1
    return { ...data, pages: pages.map((p, i) => (i === last ? { ...p, messages: [...p.messages, message] } : p)) }
  }
  if (hasMessage(data, message.id)) return data
  // Late: older than the newest loaded message. Older than the whole view while older pages exist: the page
  // that holds its time will bring it, so adding it now would make it appear twice.
  const oldest = pages.find((p) => p.messages.length > 0)?.messages[0]
  if (oldest && compareMessages(message, oldest) < 0 && pages[0]?.olderCursor !== null) return data
  return placeMessages(data, [message])
}

/**
 * Puts messages back into the pages whose time range covers them (a rolled-back removal), skipping any that
 * are already there. Messages older than the whole view go to the start of the first page.
 */
export function placeMessages(data: HistoryData | undefined, messages: readonly RoamingMessage[]): HistoryData | undefined {
  if (!data || data.pages.length === 0) return data
  const pages = data.pages.slice()
  let changed = false
  for (const m of messages) {
    if (pages.some((p) => p.messages.some((x) => x.id === m.id))) continue
    let target = 0
    pages.forEach((p, i) => {
      const head = p.messages[0]
      if (head && compareMessages(head, m) <= 0) target = i
    })
    const page = pages[target] as HistoryQueryPage
    pages[target] = { ...page, messages: sortedInsert(page.messages, m) }
    changed = true
  }
  return changed ? { ...data, pages } : data
}

/**
 * Drops leading `older` pages that arrived empty (the start of history): they carry no message and no cursor,
 * and would break a refetch. The next page then says nothing is older.
 */
export function dropEmptyOlderPages(data: HistoryData | undefined): HistoryData | undefined {
  if (!data) return data
  let drop = 0
  while (drop < data.pages.length - 1 && data.pageParams[drop]?.kind === 'older' && data.pages[drop]?.fetchedCount === 0 && data.pages[drop]?.olderCursor === null) drop++
  if (drop === 0) return data
  const pages = data.pages.slice(drop)
  pages[0] = { ...(pages[0] as HistoryQueryPage), olderCursor: null }
  return { pages, pageParams: data.pageParams.slice(drop) }
}

function sortedInsert(list: readonly RoamingMessage[], m: RoamingMessage): RoamingMessage[] {
  let i = list.length
  while (i > 0 && compareMessages(list[i - 1] as RoamingMessage, m) > 0) i--
  return [...list.slice(0, i), m, ...list.slice(i)]
}
