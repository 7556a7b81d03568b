import type { ComponentType } from 'react'
import type { Conversation } from '../../client/types'

/** Props of the `Avatar` slot. */
export interface ConversationAvatarProps {
  /** The conversation the avatar stands for. */
  conversation: Conversation
  /** Its display name (from `getDisplayName`), for initials. */
  name: string
  /** Its image URL (from `getAvatarUrl`), if any. */
  url: string | undefined
}

/** Props of the `Preview` slot. */
export interface ConversationPreviewProps {
  /** The conversation whose last message is previewed. */
  conversation: Conversation
  /** The default preview text, in the UI language ("[Image]", the plain text…). */
  text: string
}

/** A mark the user can give from `ConversationList`'s row actions (its `marks` prop). */
export interface ConversationListMark {
  /** The mark, an integer in [0, 19]. */
  mark: number
  /** What it means to the user, in the UI language: the toggle's name and the row's tag ("Starred", "Work"…). */
  label: string
}

/** Props of the `Empty` slot. */
export interface ConversationListEmptyProps {
  /** The mark the list shows (`ConversationList`'s `mark`), `undefined` for the whole list. */
  mark: number | undefined
}

/**
 * Parts of `ConversationList` you can replace. Each is rendered inside the kit's own structure (and its
 * roles), so it must not render interactive elements: a row is one `option` of a listbox.
 */
export interface ConversationListComponents {
  /** The avatar of a row; decorative (the name is in the row). @default initials, or the image of `getAvatarUrl` */
  Avatar?: ComponentType<ConversationAvatarProps>
  /** The last-message preview of a row. @default the text of `previewText` */
  Preview?: ComponentType<ConversationPreviewProps>
  /**
   * What shows when the user has no conversation (with `mark`: none carries it).
   * @default "No conversations yet" ("No conversations with this mark")
   */
  Empty?: ComponentType<ConversationListEmptyProps>
}
