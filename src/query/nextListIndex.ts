import type { Conversation } from '../client/types'
import { keyOf } from './keys'
import type { Indexed, ViewRange } from './viewRange'

/** `firstItemIndex` of a list that has moved nothing: large, so rows coming above the view keep it positive. */
export const LIST_INDEX_BASE = 1_000_000_000

/**
 * The conversations in a rendered range (react-virtuoso's `rangeChanged`: indexes counted from `shown.index`);
 * none when the first conversation is in it: a reader at the top sees what comes to the top.
 */
export function conversationsInRange(shown: Indexed<Conversation>, range: ViewRange): readonly Conversation[] {
  const start = range.startIndex - shown.index
  return start <= 0 ? [] : shown.items.slice(start, range.endIndex - shown.index + 1)
}

/**
 * `firstItemIndex` for the next conversations, so that the rows in view stay where they are when conversations
 * move to the top (a new message, a pin), leave (a deletion) or arrive above the view: react-virtuoso reads a
 * lower index as rows added at the top and a higher one as rows gone, and scrolls by their height. Without it,
 * every message to a conversation below the view moved the rows under the reader's pointer by one (found in
 * Chromium). What the index takes back is how far the top row in view moved, if the row after it moved as far;
 * otherwise the top row itself went (to the top, or away) and the next such row counts. As in the thread, rows
 * above a change in view stay and the rows below close the gap. Nothing in view (or the first row in view):
 * unchanged, so a reader at the top sees new conversations arrive.
 */
export function nextListIndex(prev: Indexed<Conversation> | undefined, conversations: readonly Conversation[], inView: readonly Conversation[]): number {
  if (!prev) return LIST_INDEX_BASE
  if (inView.length === 0 || prev.items === conversations) return prev.index
  const was = new Map(prev.items.map((c, i) => [keyOf(c), i]))
  const now = new Map(conversations.map((c, i) => [keyOf(c), i]))
  const moved = inView.map((c) => {
    const from = was.get(keyOf(c))
    const to = now.get(keyOf(c))
    return from === undefined || to === undefined ? undefined : to - from
  })
  const at = moved.findIndex((d, i) => d !== undefined && (i === moved.length - 1 || moved[i + 1] === d))
  return prev.index - (moved[at] ?? 0)
}
