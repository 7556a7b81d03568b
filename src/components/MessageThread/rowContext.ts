import type { ComponentType } from 'react'
import type { RoamingMessage } from '../../client/types'
import type { Translate } from '../../i18n/strings'
import type { AvatarProps, DateSeparatorProps, MessageBodyProps } from './MessageThreadProps'
import type { MessageThreadStringKey } from './strings'

/**
 * What every row reads that changes rarely (not with messages, selection or scrolling): one memoised object, so
 * a memoised `MessageRow` re-renders only when its own message or flags change.
 */
export interface RowShared {
  /** Unique prefix of this thread's DOM ids. */
  idPrefix: string
  /** Translator of MessageThread's strings. */
  t: Translate<MessageThreadStringKey>
  /** The provider's locale. */
  locale: string
  /** Display name of a user id (`t('ownName')` is not applied here). */
  name: (userId: string) => string
  /** The slots in force (app's or roamkit's). */
  parts: { MessageBody: ComponentType<MessageBodyProps>; DateSeparator: ComponentType<DateSeparatorProps>; Avatar: ComponentType<AvatarProps> }
  /** Opens (or with the same id, closes) a message's actions. */
  toggleActions: (messageId: string) => void
  /** Selects or unselects a message. */
  toggleSelected: (messageId: string) => void
}

/**
 * What the rows and the list's footer read, passed as react-virtuoso's `context`. The list has no
 * `data`: row `index` (counted from `firstItemIndex`) shows `messages[index - firstItemIndex + offset]`, and its
 * separator and grouping are computed for that row only (`threadRowAt`).
 */
export interface RowContext {
  /** The loaded messages, ascending (the hook's array, never copied). */
  messages: readonly RoamingMessage[]
  /** react-virtuoso's `firstItemIndex` in force. */
  firstItemIndex: number
  /** Messages held back at the start (1 while older ones exist, see `heldBack`). */
  offset: number
  /** The current user's id. */
  me: string
  /** The rarely changing part. */
  shared: RowShared
  /** The message to highlight (after a jump), if any. */
  highlightedId: string | null
  /** The first message that was unread when the thread opened (a separator goes above it), if any. */
  unreadFromId: string | null
  /** Whether rows show selection checkboxes. */
  selecting: boolean
  /** Selected message ids. */
  selected: ReadonlySet<string>
  /** Ids whose deletion failed (they are back). */
  failed: ReadonlySet<string>
  /** The message whose actions are open, if any. */
  actionsFor: string | null
  /** Whether older messages exist (the first row says where the conversation starts when none do). */
  hasOlder: boolean
  /** Whether a newer page is loading (the footer's spinner). */
  isFetchingNewer: boolean
}
