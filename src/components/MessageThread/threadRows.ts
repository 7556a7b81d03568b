import type { RoamingMessage } from '../../client/types'
import { sameUser } from '../../client/normalize'
import { sameDay } from '../../i18n/formatTime'

/** One row of the thread: a message and what to draw around it. */
export interface ThreadRow {
  /** The message. */
  message: RoamingMessage
  /** Whether the current user sent it. */
  own: boolean
  /** Whether a date separator goes before it (first message of a calendar day). */
  showDate: boolean
  /** Whether it starts a sender group (name and avatar are drawn on it only). */
  firstOfGroup: boolean
  /** Whether it ends a sender group (the bubble gets its tail, the group its bottom margin). */
  lastOfGroup: boolean
}

/** Options of `threadRowAt`. */
export interface ThreadRowOptions {
  /** The current user's id: their messages are `own`. */
  me: string
  /** A pause longer than this (ms) between two messages of one sender starts a new group. @default 300000 */
  groupGapMs?: number
}

/**
 * How many loaded messages are held back (not shown) at the start: 1 while older messages exist, else 0.
 *
 * Why the first message is held back while older ones exist: its previous message is unknown, so its separator
 * and group header could only be guesses, and correcting them when the older page lands would change its height
 * and move the view. Held back, it is context only (it decides whether the second one starts a day or a group),
 * every shown row's decisions are final, a prepended page only adds rows above, and react-virtuoso's
 * `firstItemIndex` (the hook's, plus this offset) still counts exactly one row per shown message.
 */
export const heldBack = (messages: readonly unknown[], hasOlder: boolean): number => (hasOlder && messages.length > 0 ? 1 : 0)

/** How many rows the thread shows: one per loaded message, minus the held-back first one (see `heldBack`). */
export const shownCount = (messages: readonly unknown[], hasOlder: boolean): number => messages.length - heldBack(messages, hasOlder)

/** A pause longer than this (ms) between two messages of one sender starts a new group, unless `groupGapMs` says. */
const GROUP_GAP_MS = 300_000

const startsGroup = (m: RoamingMessage, prev: RoamingMessage | undefined, gap: number) =>
  !prev || prev.from !== m.from || m.time - prev.time > gap || !sameDay(prev.time, m.time)

/**
 * Whether `messages[i]` starts a sender group (a new day always does): `threadRowAt(…).firstOfGroup` alone, for
 * react-virtuoso's item element, which needs only that and is rendered for every row next to its content.
 */
export const firstOfGroupAt = (messages: readonly RoamingMessage[], i: number, options: ThreadRowOptions): boolean =>
  startsGroup(messages[i] as RoamingMessage, messages[i - 1], options.groupGapMs ?? GROUP_GAP_MS)

/**
 * The row of `messages[i]`: whether a date separator goes before it and whether it starts or ends a sender group,
 * decided from its neighbours `messages[i - 1]` and `messages[i + 1]` only, so rendering a row costs the same at
 * 100 or 100k loaded messages and nothing is built per loaded message. `messages` is ascending; `i` is an index
 * into it (a shown row `r` is `messages[r + heldBack(…)]`).
 */
export function threadRowAt(messages: readonly RoamingMessage[], i: number, options: ThreadRowOptions): ThreadRow {
  const gap = options.groupGapMs ?? GROUP_GAP_MS
  const message = messages[i] as RoamingMessage
  const prev = messages[i - 1]
  const next = messages[i + 1]
  return {
    message,
    own: message.from === options.me,
    showDate: !prev || !sameDay(prev.time, message.time),
    // A new day starts a group too (startsGroup says so).
    firstOfGroup: startsGroup(message, prev, gap),
    lastOfGroup: !next || startsGroup(next, message, gap),
  }
}

/** The index in `messages` of the message `id`, searched from the end (new and recent messages are there); -1 if none. */
export function lastIndexOfId(messages: readonly RoamingMessage[], id: string): number {
  for (let i = messages.length - 1; i >= 0; i--) if ((messages[i] as RoamingMessage).id === id) return i
  return -1
}

/**
 * The index in `messages` of the first of the last `count` messages from others (the server counts only those as
 * unread) at or before `time` (`0`: any; later ones came after the count was taken), or -1 when fewer are loaded.
 */
export function firstUnreadIndex(messages: readonly RoamingMessage[], count: number, me: string, time = 0): number {
  for (let i = messages.length - 1, left = count; i >= 0 && left > 0; i--) {
    const m = messages[i] as RoamingMessage
    if ((!time || m.time <= time) && !sameUser(m.from, me) && --left === 0) return i
  }
  return -1
}
