import { useRef, useState, type KeyboardEvent } from 'react'
import type { Conversation } from '../../client/types'
import type { Translate } from '../../i18n/strings'
import type { ConnectionGuard } from '../useConnectionGuard'
import type { ConversationListMark } from './ConversationListComponents'
import type { ConversationListStringKey } from './strings'

/** Props of `ConversationToolbar`. */
export interface ConversationToolbarProps {
  /** The conversation the actions apply to: the listbox's focused row. */
  conversation: Conversation
  /** Its display name. */
  name: string
  /** The list's translator. */
  t: Translate<ConversationListStringKey>
  /** Pin or unpin. */
  onTogglePin: () => void
  /** The marks the user can give, a toggle each (`ConversationList`'s `marks`). */
  marks: readonly ConversationListMark[]
  /** Give or take away a mark. */
  onToggleMark: (mark: ConversationListMark) => void
  /** Ask to delete (opens the confirmation). */
  onDelete: () => void
  /** Both actions write to the server: unavailable while the connection is down. */
  guard: ConnectionGuard
}

/**
 * Actions of the focused row. A toolbar beside the listbox, never inside an option (ARIA allows no interactive
 * content in an option); one tab stop, arrow keys move between its buttons.
 */
export function ConversationToolbar({ conversation, name, t, onTogglePin, marks, onToggleMark, onDelete, guard }: ConversationToolbarProps) {
  const [current, setCurrent] = useState(0)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const onKeyDown = (event: KeyboardEvent) => {
    const last = buttons.current.length - 1
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const i = (next + last + 1) % (last + 1)
    setCurrent(i)
    buttons.current[i]?.focus()
  }
  // Fewer buttons than before (other marks): none left behind for the arrow keys, and one of them still a tab stop.
  buttons.current.length = marks.length + 2
  const stop = Math.min(current, marks.length + 1)
  const button = (i: number, label: string, onClick: () => void, variant?: string, pressed?: boolean) => (
    <button
      key={i} type="button" ref={(el) => { buttons.current[i] = el }} tabIndex={stop === i ? 0 : -1} data-variant={variant}
      aria-pressed={pressed} className="rk-conversation-list-button" {...guard.button(onClick)} onFocus={() => setCurrent(i)}
    >{label}</button>
  )
  return (
    <div role="toolbar" aria-label={t('actions', { name })} className="rk-conversation-toolbar" onKeyDown={onKeyDown}>
      <span className="rk-conversation-toolbar-name" aria-hidden="true">{name}</span>
      {button(0, conversation.isPinned ? t('unpin') : t('pin'), onTogglePin)}
      {marks.map((m, i) => button(i + 1, m.label, () => onToggleMark(m), undefined, conversation.marks.includes(m.mark)))}
      {button(marks.length + 1, t('delete'), onDelete, 'danger')}
    </div>
  )
}
