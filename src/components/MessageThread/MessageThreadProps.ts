import type { ComponentType } from 'react'
import type { ChatType, HistorySearch, RoamingMessage } from '../../client/types'

/** Props of a `components.MessageBody` slot. */
export interface MessageBodyProps {
  /** The message to draw. */
  message: RoamingMessage
  /** Whether the current user sent it. */
  own: boolean
}

/** Props of a `components.DateSeparator` slot. */
export interface DateSeparatorProps {
  /** A time on the day that starts here (ms). */
  time: number
  /** The day, formatted for the provider's locale ("Today", "Yesterday", "12 March 2025"). */
  label: string
}

/** Props of a `components.Avatar` slot. */
export interface AvatarProps {
  /** The sender's user id. */
  userId: string
  /** The sender's display name (from `getDisplayName`). */
  name: string
}

/** Props of a `components.Empty` slot. */
export interface EmptyProps {
  /**
   * `noConversation`: nothing is open; `noMessages`: the conversation has no history (left); `noMatches`: the
   * thread's `search` finds nothing.
   */
  reason: 'noConversation' | 'noMessages' | 'noMatches'
}

/** Parts of `MessageThread` that an app may replace. Each slot falls back to roamkit's own part. */
export interface MessageThreadComponents {
  /** The content of a bubble. Default: text (safe links), image, file, custom and placeholder bodies. */
  MessageBody?: ComponentType<MessageBodyProps>
  /** The separator before the first message of a day. */
  DateSeparator?: ComponentType<DateSeparatorProps>
  /** The avatar on the first message of a sender group (others' messages only). Default: initials. */
  Avatar?: ComponentType<AvatarProps>
  /** What shows with no conversation or no messages. */
  Empty?: ComponentType<EmptyProps>
}

/** Imperative methods of `MessageThread`, through its `ref`. */
export interface MessageThreadHandle {
  /**
   * Scrolls to a message and highlights it. Returns `true` when it was loaded; otherwise the thread opens
   * around it (and says so if it no longer exists) and `false` is returned.
   */
  jumpTo(messageId: string): boolean
  /** Goes back to the latest messages, at the bottom. */
  jumpToLatest(): void
}

/** Props of `MessageThread`. */
export interface MessageThreadProps {
  /** The conversation to show. @default the store's `activeConversation` */
  conversationId?: string
  /** Its chat type; needed with `conversationId`. @default the store's `activeConversation` */
  chatType?: ChatType
  /** Messages per history request, an integer in [1, 50]. @default 20 */
  pageSize?: number
  /** Open the thread around this message (highlighted) instead of at the latest. */
  anchorId?: string
  /**
   * Show only what the server finds with this search (`useHistoryMessages`' `search`: message types, a group member,
   * a time window): a "Files" or "Media" tab of the conversation. Live messages join it when they match; it has no
   * unread mark (the unread count is the whole conversation's).
   */
  search?: HistorySearch
  /**
   * Height in px that react-virtuoso assumes for a row it has not measured yet (its `defaultItemHeight`), in
   * [1, 10000]. Without it, virtuoso takes the first row it renders as the size of every unmeasured row, and an
   * image there made fast scrolls show blank frames. Set it near a one-line message if your theme changes sizes.
   * @default 72 (a one-line message in roamkit's default theme measures 59–75 px)
   */
  estimatedRowHeight?: number
  /** The name shown for a user id (sender names, labels, announcements). @default the user id */
  getDisplayName?: (userId: string) => string
  /** Parts to replace: `MessageBody`, `DateSeparator`, `Avatar`, `Empty`. */
  components?: MessageThreadComponents
  /** Extra class on the root, next to `rk rk-message-thread`. */
  className?: string
}
