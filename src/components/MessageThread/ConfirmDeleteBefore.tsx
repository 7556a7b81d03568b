import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'
import type { ConnectionGuard } from '../useConnectionGuard'

/** Props of `ConfirmDeleteBefore`. */
export interface ConfirmDeleteBeforeProps {
  /** Translator. */
  t: Translate<MessageThreadStringKey>
  /** Deletes. */
  onConfirm: () => void
  /** Keeps everything. */
  onCancel: () => void
  /** Delete writes to the server: unavailable while the connection is down. */
  guard: ConnectionGuard
}

/** Asks before deleting everything before a message. Focus starts on Cancel (the safe choice); Escape cancels. */
export function ConfirmDeleteBefore({ t, onConfirm, onCancel, guard }: ConfirmDeleteBeforeProps) {
  const titleId = useId()
  const bodyId = useId()
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onCancel()
    }
  }
  return (
    <div role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} className="rk-thread-bar rk-thread-confirm" onKeyDown={onKeyDown}>
      <p id={titleId} className="rk-thread-confirm-title">{t('confirmBeforeTitle')}</p>
      <p id={bodyId} className="rk-thread-confirm-body">{t('confirmBeforeBody')}</p>
      <div className="rk-thread-bar-buttons">
        <button ref={cancel} type="button" className="rk-button" onClick={onCancel}>{t('cancel')}</button>
        <button type="button" className="rk-button rk-button--danger" {...guard.button(onConfirm)}>{t('confirmDelete')}</button>
      </div>
    </div>
  )
}
