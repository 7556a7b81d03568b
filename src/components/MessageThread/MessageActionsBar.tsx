import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'
import type { ConnectionGuard } from '../useConnectionGuard'

/** Props of `MessageActionsBar`. */
export interface MessageActionsBarProps {
  /** DOM id (the trigger's `aria-controls`). */
  id: string
  /** Names the message: "Actions for message from bob, 10:32". */
  label: string
  /** Translator. */
  t: Translate<MessageThreadStringKey>
  /** "Delete for me". */
  onDelete: () => void
  /** "Delete everything before this message" (asks to confirm first). */
  onDeleteBefore: () => void
  /** "Select messages": selection mode, starting with this one. */
  onSelect: () => void
  /** Closes the bar (Escape or Cancel). */
  onClose: () => void
  /** The deletions write to the server: unavailable while the connection is down (selecting stays). */
  guard: ConnectionGuard
}

/**
 * The actions of one message, below the log rather than over it: nothing is clipped by the scroller and no row
 * changes height. Focus moves into it; Escape closes it.
 */
export function MessageActionsBar({ id, label, t, onDelete, onDeleteBefore, onSelect, onClose, guard }: MessageActionsBarProps) {
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [id, label])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
    }
  }
  return (
    <div id={id} role="group" aria-label={label} className="rk-thread-bar rk-message-actions" onKeyDown={onKeyDown}>
      <button ref={first} type="button" className="rk-button rk-button--danger" {...guard.button(onDelete)}>{t('deleteForMe')}</button>
      <button type="button" className="rk-button" {...guard.button(onDeleteBefore)}>{t('deleteBefore')}</button>
      <button type="button" className="rk-button" onClick={onSelect}>{t('select')}</button>
      <button type="button" className="rk-button rk-button--quiet" onClick={onClose}>{t('cancel')}</button>
    </div>
  )
}
