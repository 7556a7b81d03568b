import type { InfiniteData } from '@tanstack/react-query'
import type { RoamingMessage } from '../client/types'
import { isBuried, type Tombstone } from '../store/tombstones'
import type { Indexed } from './viewRange'

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
  /** For a page around an anchor: whether the anchor message was found. */
  anchorFound?: boolean
}

/** The cached data of a history view. */
export type HistoryData = InfiniteData<HistoryQueryPage, HistoryPageParam>

/** react-virtuoso's `firstItemIndex` of a view that has prepended nothing: large, so prepends stay positive. */
export const FIRST_ITEM_INDEX_BASE = 1_000_000_000

/** Server id order: ids are increasing decimal strings (a shorter one is smaller). */
const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)

/** Orders messages by server time, then by id. */
export function compareMessages(a: { id: string; time: number }, b: { id: string; time: number }): number {
  return a.time - b.time || compareIds(a.id, b.id)
}

/**
 * Page arrays known to hold nothing a tombstone buries, with that tombstone. Pages are immutable (every updater
 * makes a new array), so the fact holds for the array's lifetime: views skip re-checking 100k loaded messages when
 * only a page changed or when a removal already took out what its tombstone adds (see `markClean`).
 */
const cleanUnder = new WeakMap<readonly RoamingMessage[], Tombstone>()
/** A page array that does hold buried messages: its visible part under a tombstone. */
const visiblePart = new WeakMap<readonly RoamingMessage[], { tombstone: Tombstone; messages: RoamingMessage[] }>()
/** The last flattening of a view's data, so the hook and the data layer share it. */
const flattened = new WeakMap<HistoryData, { tombstone: Tombstone | undefined; messages: RoamingMessage[] }>()
/** Whether `wider` buries everything `narrower` buries (ids by set inclusion, times by `before`), by pair. */
const coverings = new WeakMap<Tombstone, WeakMap<Tombstone, boolean>>()

function covers(wider: Tombstone, narrower: Tombstone): boolean {
  if (wider === narrower) return true
  let known = coverings.get(wider)
  const cached = known?.get(narrower)
  if (cached !== undefined) return cached
  let result = narrower.before <= wider.before && narrower.ids.size <= wider.ids.size
  if (result && narrower.ids !== wider.ids) for (const id of narrower.ids) if (!wider.ids.has(id)) { result = false; break }
  if (!known) coverings.set(wider, (known = new WeakMap()))
  known.set(narrower, result)
  return result
}

/** Whether the page array is known to hold nothing the tombstone buries (no tombstone buries nothing). */
function isClean(messages: readonly RoamingMessage[], tombstone: Tombstone | undefined): boolean {
  if (!tombstone) return true
  const known = cleanUnder.get(messages)
  return known !== undefined && covers(known, tombstone)
}

/**
 * Records, after a removal took out every message its tombstone adds (`from` → `to`) from `data`, that each page
 * array of `data` known clean under `from` is clean under `to`: the next flattening does not look at its messages.
 * Only for data the removal went through entirely (every id it located, or every message it scanned).
 */
export function markClean(data: HistoryData | undefined, from: Tombstone | undefined, to: Tombstone | undefined): void {
  if (!data || !to) return
  for (const page of data.pages) if (isClean(page.messages, from)) cleanUnder.set(page.messages, to)
}

/** A page's messages without what the tombstone buries: the array itself when nothing is (known or found) buried. */
function visibleOf(messages: RoamingMessage[], tombstone: Tombstone | undefined): RoamingMessage[] {
  if (!tombstone || isClean(messages, tombstone)) return messages
  const known = visiblePart.get(messages)
  if (known?.tombstone === tombstone) return known.messages
  const visible = messages.filter((m) => !isBuried(tombstone, m))
  if (visible.length === messages.length) {
    cleanUnder.set(messages, tombstone)
    return messages
  }
  cleanUnder.set(visible, tombstone)
  visiblePart.set(messages, { tombstone, messages: visible })
  return visible
}

/** One array of many, copied natively (no loop over every message); in chunks below the argument limit. */
function concatAll(parts: RoamingMessage[][]): RoamingMessage[] {
  const CHUNK = 8192
  if (parts.length <= CHUNK) return ([] as RoamingMessage[]).concat(...parts)
  const chunks: RoamingMessage[][] = []
  for (let i = 0; i < parts.length; i += CHUNK) chunks.push(([] as RoamingMessage[]).concat(...parts.slice(i, i + CHUNK)))
  return concatAll(chunks)
}

/**
 * All messages of a view, ascending, without what the tombstone removes. A new array (shared by callers of the
 * same data and tombstone: do not modify it); per page only what is not known clean is checked, so a page
 * append, a removal or a new tombstone costs a check of the changed pages and one native copy, not a filter over
 * every loaded message.
 */
export function flattenHistory(data: HistoryData | undefined, tombstone?: Tombstone): RoamingMessage[] {
  if (!data) return []
  const known = flattened.get(data)
  if (known && known.tombstone === tombstone) return known.messages
  const parts: RoamingMessage[][] = []
  for (const page of data.pages) if (page.messages.length > 0) parts.push(visibleOf(page.messages, tombstone))
  const messages = concatAll(parts)
  flattened.set(data, { tombstone, messages })
  return messages
}

/** The newest message of a view the tombstone does not bury, searched from the end. */
export function newestOf(data: HistoryData | undefined, tombstone?: Tombstone): RoamingMessage | undefined {
  if (!data) return undefined
  for (let p = data.pages.length - 1; p >= 0; p--) {
    const messages = (data.pages[p] as HistoryQueryPage).messages
    for (let i = messages.length - 1; i >= 0; i--) if (!isBuried(tombstone, messages[i] as RoamingMessage)) return messages[i]
  }
  return undefined
}

/**
 * The page that holds `id` if ids rise with the view's order, as servers hand them out: the last page whose first
 * message's id is not above it; -1 if none. Only a guess, always verified by the caller.
 */
function guessPage(pages: readonly HistoryQueryPage[], id: string): number {
  let lo = 0
  let hi = pages.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    let at = mid
    while (at >= lo && (pages[at] as HistoryQueryPage).messages.length === 0) at--
    if (at < lo) { lo = mid + 1; continue }
    if (compareIds(((pages[at] as HistoryQueryPage).messages[0] as RoamingMessage).id, id) <= 0) { found = at; lo = mid + 1 } else hi = at - 1
  }
  return found
}

/** Where a message is in a view: page index and index in the page. */
export interface MessagePlace { page: number; index: number }

/**
 * Where each of `ids` is in the view (ids it does not hold are absent from the result). A view holds a message at
 * most once (insertions and rollbacks check, and the model test asserts it), so each id is looked for until found:
 * first in the page its id points to (O(log pages)), else from the newest page back, stopping when all are found.
 */
export function locateMessages(data: HistoryData | undefined, ids: ReadonlySet<string>): Map<string, MessagePlace> {
  const found = new Map<string, MessagePlace>()
  if (!data || ids.size === 0) return found
  const { pages } = data
  for (const id of ids) {
    const p = guessPage(pages, id)
    if (p < 0) continue
    const index = (pages[p] as HistoryQueryPage).messages.findIndex((m) => m.id === id)
    if (index >= 0) found.set(id, { page: p, index })
  }
  for (let p = pages.length - 1; p >= 0 && found.size < ids.size; p--) {
    const messages = (pages[p] as HistoryQueryPage).messages
    for (let i = messages.length - 1; i >= 0; i--) {
      const id = (messages[i] as RoamingMessage).id
      if (ids.has(id) && !found.has(id)) found.set(id, { page: p, index: i })
    }
  }
  return found
}

/** The message with this id in the view, if it holds it (buried or not). */
export function messageById(data: HistoryData | undefined, id: string): RoamingMessage | undefined {
  const place = locateMessages(data, new Set([id])).get(id)
  return place && data ? (data.pages[place.page] as HistoryQueryPage).messages[place.index] : undefined
}

/**
 * Takes the given ids out of a view, looking only where they are (see `locateMessages`): the new data (pages and
 * data keep their identity where nothing changed) and the removed messages, ascending.
 */
export function takeIds(data: HistoryData | undefined, ids: ReadonlySet<string>): { data: HistoryData | undefined; removed: RoamingMessage[] } {
  const places = [...locateMessages(data, ids).values()]
  if (!data || places.length === 0) return { data, removed: [] }
  places.sort((a, b) => a.page - b.page || a.index - b.index)
  const pages = data.pages.slice()
  const removed: RoamingMessage[] = []
  const byPage = new Map<number, Set<number>>()
  for (const { page, index } of places) {
    removed.push((data.pages[page] as HistoryQueryPage).messages[index] as RoamingMessage)
    byPage.set(page, (byPage.get(page) ?? new Set()).add(index))
  }
  for (const [p, indexes] of byPage) {
    const page = pages[p] as HistoryQueryPage
    pages[p] = { ...page, messages: page.messages.filter((_, i) => !indexes.has(i)) }
  }
  return { data: { ...data, pages }, removed }
}

/** Where `m` is or would go in an ascending list: the index of its first message not before `m` (binary search by time, then id). */
function placeOf(list: readonly RoamingMessage[], m: RoamingMessage): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareMessages(list[mid] as RoamingMessage, m) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Where `m` is in an ascending list, or -1. */
function indexOfMessage(list: readonly RoamingMessage[], m: RoamingMessage): number {
  const at = placeOf(list, m)
  return list[at]?.id === m.id ? at : -1
}

/**
 * `firstItemIndex` for the next messages of a view, so that the message the reader sees keeps its index, and with
 * it every message after it: prepends lower it by their count, removals above raise it by theirs, and a refetch
 * leaves it alone. react-virtuoso reads a raised index as rows gone from the top and scrolls up by their measured
 * height, so removals above the view no longer move it (they moved it by their rows, found in Chromium). Counting
 * prepended pages could not: a refetch reads every page after the first as a newer one, and the thread jumped.
 * The reference is the message at `top` (the top of the view), or the one now after it if `top` went, when it was
 * shown before too; without `top`, or when it was not, the first message shown in both. `fallback` when nothing
 * was shown before or nothing is shown in both.
 */
export function nextFirstItemIndex(prev: Indexed<RoamingMessage> | undefined, messages: readonly RoamingMessage[], fallback: number, top?: RoamingMessage): number {
  if (!prev) return fallback
  const first = messages[0]
  if (!first) return prev.index
  if (top) {
    const place = placeOf(messages, top)
    const kept = messages[place] && indexOfMessage(prev.items, messages[place])
    if (kept !== undefined && kept >= 0) return prev.index + kept - place
  }
  let at = indexOfMessage(prev.items, first)
  if (at >= 0) return prev.index + at
  const old = prev.items[0]
  at = old ? indexOfMessage(messages, old) : -1
  return at >= 0 ? prev.index - at : fallback
}

/** Takes out the messages matching `remove` in one pass: the new data (see `removeFromHistory`) and them, ascending. */
export function takeMatching(data: HistoryData | undefined, remove: (m: RoamingMessage) => boolean): { data: HistoryData | undefined; removed: RoamingMessage[] } {
  if (!data) return { data, removed: [] }
  const removed: RoamingMessage[] = []
  const pages = data.pages.map((page) => {
    const messages = page.messages.filter((m) => { if (!remove(m)) return true; removed.push(m); return false })
    return messages.length === page.messages.length ? page : { ...page, messages }
  })
  return removed.length > 0 ? { data: { ...data, pages }, removed } : { data, removed }
}

/** Removes the messages matching `remove`; pages and data keep their identity where nothing changed. */
export const removeFromHistory = (data: HistoryData | undefined, remove: (m: RoamingMessage) => boolean): HistoryData | undefined =>
  takeMatching(data, remove).data

/** Removes the given ids. */
export const removeIdsFromHistory = (data: HistoryData | undefined, ids: ReadonlySet<string>) =>
  removeFromHistory(data, (m) => ids.has(m.id))

/** Removes every message at or before `time`. */
export const removeBeforeFromHistory = (data: HistoryData | undefined, time: number) =>
  removeFromHistory(data, (m) => m.time <= time)

/** Applies a tombstone: nothing it buries stays in the cache (pages known clean under it are not looked at). */
export function applyTombstone(data: HistoryData | undefined, tombstone: Tombstone): HistoryData | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => {
    const messages = visibleOf(page.messages, tombstone)
    if (messages === page.messages) return page
    changed = true
    return { ...page, messages }
  })
  return changed ? { ...data, pages } : data
}

/** Whether the view holds the latest page (so live messages belong at its end). */
export const holdsLatest = (data: HistoryData | undefined): boolean =>
  !!data && data.pages.length > 0 && data.pages[data.pages.length - 1]?.newerCursor === null

/** Whether any page has the message. */
export const hasMessage = (data: HistoryData | undefined, id: string): boolean => locateMessages(data, new Set([id])).size > 0

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
    if (hasMessage({ pages, pageParams: data.pageParams }, m.id)) continue
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

/** A `newer` cursor meaning "from the oldest message": what an `older` page the server answered empty continues with. */
export const FROM_START = ''

/**
 * Drops leading `older` pages the server answered empty (the start of history): they carry no message and no
 * cursor, and would break a refetch. The next page then says nothing is older. Told by `FROM_START`, not by an
 * empty page: a page whose messages a pending removal's tombstone hid on arrival still leads to them once the
 * removal is refused (found by the soak: dropped, it lost them for good).
 */
export function dropEmptyOlderPages(data: HistoryData | undefined): HistoryData | undefined {
  if (!data) return data
  let drop = 0
  while (drop < data.pages.length - 1 && data.pageParams[drop]?.kind === 'older' && data.pages[drop]?.newerCursor === FROM_START && data.pages[drop]?.olderCursor === null) drop++
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
