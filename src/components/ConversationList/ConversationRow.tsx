import { memo } from 'react'
import type { Conversation } from '../../client/types'
import { formatListTime } from '../../i18n/formatTime'
import type { Translate } from '../../i18n/strings'
import { Avatar as DefaultAvatar } from './Avatar'
import type { ConversationListComponents, ConversationListMark } from './ConversationListComponents'
import { previewText } from './preview'
import type { ConversationListStringKey } from './strings'

/** Props of one row. */
export interface ConversationRowProps {
  /** The conversation shown. */
  conversation: Conversation
  /** Its position in the list (0-based). */
  index: number
  /** Loaded conversations, or -1 while more pages exist (`aria-setsize`). */
  setSize: number
  /** DOM id, the target of the listbox's `aria-activedescendant`. */
  id: string
  /** Whether it is the active conversation. */
  selected: boolean
  /** Whether it has the listbox's virtual focus. */
  focused: boolean
  /** Display name. */
  name: string
  /** Avatar image URL, if any. */
  avatarUrl: string | undefined
  /** Current time, for relative times. */
  now: number
  /** UI language. */
  locale: string
  /** The list's translator. */
  t: Translate<ConversationListStringKey>
  /** Replaced parts. */
  slots: ConversationListComponents
  /** Called on click with the row's index. */
  onPick: (index: number) => void
  /** The marks with a label (`ConversationList`'s `marks`): those the conversation carries are tagged. */
  marks: readonly ConversationListMark[]
}

/** The most the unread badge shows. */
export const UNREAD_CAP = 99

/**
 * One conversation as a listbox `option`: avatar, name, pinned mark, time, preview and unread badge. It holds no
 * interactive element (actions live in the list's toolbar), as ARIA requires of an option. Its parts are direct
 * children laid out by a CSS grid (ConversationList.css): no wrapper elements, so each virtualized row costs as few
 * DOM nodes as possible.
 */
export const ConversationRow = /* @__PURE__ */ memo(function ConversationRow(props: ConversationRowProps) {
  const { conversation: c, index, selected, focused, name, t, slots } = props
  const Avatar = slots.Avatar ?? DefaultAvatar
  const text = previewText(c.lastMessage, t)
  const time = c.lastMessage?.time
  const tags = props.marks.filter((m) => c.marks.includes(m.mark))
  return (
    <div
      role="option" id={props.id} aria-selected={selected} aria-posinset={index + 1} aria-setsize={props.setSize}
      className="rk-conversation-row" data-state={selected ? 'active' : 'idle'}
      data-focused={focused || undefined} data-pinned={c.isPinned || undefined} data-unread={c.unreadCount > 0 || undefined}
      onClick={() => props.onPick(index)}
    >
      <span className="rk-conversation-row-avatar" aria-hidden="true">
        <Avatar conversation={c} name={name} url={props.avatarUrl} />
      </span>
      <span className="rk-conversation-row-name">{name}</span>
      {c.isPinned && (
        <span className="rk-conversation-row-pin">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12"><path d="M10 1 15 6l-2 1-3 3 .5 3.5L9 15l-3-3-4 4-1-1 4-4-3-3 1.5-1.5L7 7l3-3z" fill="currentColor" /></svg>
          <span className="rk-visually-hidden">{t('pinned')}</span>
        </span>
      )}
      {tags.length > 0 && <span className="rk-conversation-row-marks">{tags.map((m) => m.label).join(' · ')}</span>}
      {time !== undefined && (
        <time className="rk-conversation-row-time" dateTime={new Date(time).toISOString()}>{formatListTime(time, props.locale, props.now)}</time>
      )}
      <span className="rk-conversation-row-preview">{slots.Preview ? <slots.Preview conversation={c} text={text} /> : text}</span>
      {c.unreadCount > 0 && (
        <span className="rk-conversation-row-badge">
          <span aria-hidden="true">{c.unreadCount > UNREAD_CAP ? `${UNREAD_CAP}+` : c.unreadCount}</span>
          <span className="rk-visually-hidden">{t('unread', { count: c.unreadCount })}</span>
        </span>
      )}
    </div>
  )
})
