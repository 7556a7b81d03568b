import type { RoamingMessage } from '../../client/types'
import { sameDay } from '../../i18n/formatTime'

/** One row of the thread: a message and what to draw around it. Exactly one per shown message. */
export interface ThreadItem {
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

/** Options of `threadItems`. */
export interface ThreadItemsOptions {
  /** The current user's id: their messages are `own`. */
  me: string
  /**
   * Whether older messages exist beyond `messages[0]`. Then the first message is context only: it is not shown,
   * it only decides whether the second one starts a day or a group.
   */
  hasOlder: boolean
  /** A pause longer than this (ms) between two messages of one sender starts a new group. @default 300000 */
  groupGapMs?: number
}

/**
 * Decides, for each shown message, whether a date separator goes before it and whether it starts or ends a sender
 * group, from its neighbours only.
 *
 * Why the first message is held back while older ones exist: its previous message is unknown, so its separator
 * and group header could only be guesses, and correcting them when the older page lands would change its height
 * and move the view. Held back, every shown row's decisions are final, a prepended page only adds rows above,
 * and react-virtuoso's `firstItemIndex` still counts exactly one row per shown message.
 */
export function threadItems(messages: readonly RoamingMessage[], options: ThreadItemsOptions): ThreadItem[] {
  const gap = options.groupGapMs ?? 300_000
  const startsGroup = (m: RoamingMessage, prev: RoamingMessage | undefined) =>
    !prev || prev.from !== m.from || !sameDay(prev.time, m.time) || m.time - prev.time > gap
  const items: ThreadItem[] = []
  for (let i = options.hasOlder ? 1 : 0; i < messages.length; i++) {
    const message = messages[i] as RoamingMessage
    const prev = messages[i - 1]
    const next = messages[i + 1]
    items.push({
      message,
      own: message.from === options.me,
      showDate: !prev || !sameDay(prev.time, message.time),
      firstOfGroup: startsGroup(message, prev),
      lastOfGroup: !next || startsGroup(next, message),
    })
  }
  return items
}
