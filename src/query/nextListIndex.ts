import type { Conversation } from '../client/types'
import { keyOf } from './keys'
import type { Indexed, ViewRange } from './viewRange'

/** `firstItemIndex` of a list that has moved nothing: large, so rows coming above the view keep it positive. */
export const LIST_INDEX_BASE = 1_000_000_000

/**
 * `firstItemIndex` for the next conversations, so that the rows in view stay where they are when conversations
 * move to the top (a new message, a pin), leave (a deletion) or arrive above the view: react-virtuoso reads a
 * lower index as rows added at the top and a higher one as rows gone, and scrolls by their height. Without it,
 * every message to a conversation below the view moved the rows under the reader's pointer by one (found in
 * Chromium). What the index takes back is how far the top row in view moved, if the row after it moved as far;
 * otherwise the top row itself went (to the top, or away) and the next such row counts. As in the thread, rows
 * above a change in view stay and the rows below close the gap. The rows in view are those of `range` (react-
 * virtuoso's `rangeChanged`, counted from `prev.index`); none, or the first conversation among them: unchanged, so a
 * reader at the top sees new conversations arrive. Runs on every change of the list: it looks up only the rows in
 * view, in one pass over the new list that stops once all are found.
 */
export function nextListIndex(prev: Indexed<Conversation> | undefined, conversations: readonly Conversation[], range: ViewRange | undefined): number {
  if (!prev) return LIST_INDEX_BASE
  const start = range ? range.startIndex - prev.index : 0
  if (!range || start <= 0 || prev.items === conversations) return prev.index
  const inView = prev.items.slice(start, range.endIndex - prev.index + 1)
  const wanted = new Map(inView.map((c, i) => [keyOf(c), i]))
  // How far each row in view moved; a row gone stays a hole (undefined to findIndex).
  const moved = Array<number | undefined>(inView.length)
  for (let j = 0, found = 0; j < conversations.length && found < inView.length; j++) {
    const i = wanted.get(keyOf(conversations[j] as Conversation))
    if (i !== undefined) { moved[i] = j - start - i; found++ }
  }
  const at = moved.findIndex((d, i) => d !== undefined && (i === moved.length - 1 || moved[i + 1] === d))
  return prev.index - (moved[at] ?? 0)
}
