import type { ListItem } from 'react-virtuoso'
import type { Conversation } from '../../client/types'
import { keyOf } from '../../query/keys'

/** The list's `firstItemIndex` and the conversations it was given for (see `nextListIndex`). */
export interface IndexedConversations { index: number; conversations: readonly Conversation[] }

/** `firstItemIndex` of a list that has moved nothing: large, so rows coming above the view keep it positive. */
export const LIST_INDEX_BASE = 1_000_000_000


/**
 * The conversations at least partly in view, top first, from react-virtuoso's rendered items (`itemsRendered`,
 * overscan included) and the scroller's `scrollTop`; none when the first conversation is in view: a reader at the
 * top sees what comes to the top.
 */
export function rowsInView(items: readonly ListItem<Conversation>[], scrollTop: number, height: number): Conversation[] {
  const shown = items.filter((i) => i.offset + i.size > scrollTop && i.offset < scrollTop + height)
  return shown[0]?.originalIndex === 0 ? [] : shown.flatMap((i) => (i.data ? [i.data] : []))
}

/**
 * `firstItemIndex` for the next conversations, so that the rows in view stay where they are when conversations
 * move to the top (a new message, a pin), leave (a deletion) or arrive above the view: react-virtuoso reads a
 * lower index as rows added at the top and a higher one as rows gone, and scrolls by their height. Without it,
 * every message to a conversation below the view moved the rows under the reader's pointer by one (found in
 * Chromium). What the index takes back is how far the top row in view moved, if the row after it moved as far;
 * otherwise the top row itself went (to the top, or away) and the next such row counts. As in the thread, rows
 * above a change in view stay and the rows below close the gap. Nothing in view (or the first row in view):
 * unchanged, so a reader at the top sees new conversations arrive. `readInView` (see `rowsInView`) is called only
 * when the conversations changed: it reads layout.
 */
export function nextListIndex(prev: IndexedConversations | undefined, conversations: readonly Conversation[], readInView: () => readonly Conversation[]): number {
  if (!prev || prev.conversations === conversations) return prev?.index ?? LIST_INDEX_BASE
  const inView = readInView()
  if (inView.length === 0) return prev.index
  const was = new Map(prev.conversations.map((c, i) => [keyOf(c), i]))
  const now = new Map(conversations.map((c, i) => [keyOf(c), i]))
  const moved = inView.map((c) => {
    const from = was.get(keyOf(c))
    const to = now.get(keyOf(c))
    return from === undefined || to === undefined ? undefined : to - from
  })
  const at = moved.findIndex((d, i) => d !== undefined && (i === moved.length - 1 || moved[i + 1] === d))
  return prev.index - (moved[at] ?? 0)
}
