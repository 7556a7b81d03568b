import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Translate } from '../../i18n/strings'
import type { ConnectionGuard } from '../useConnectionGuard'
import type { ConversationListStringKey } from './strings'

/** Props of `DeleteConversationDialog`. */
export interface DeleteConversationDialogProps {
  /** Display name of the conversation to delete. */
  name: string
  /** The list's translator. */
  t: Translate<ConversationListStringKey>
  /** Closes without deleting (Cancel, Escape). */
  onCancel: () => void
  /** Deletes; `deleteRoam` is the state of "Also delete the history on the server". */
  onConfirm: (deleteRoam: boolean) => void
  /** Delete writes to the server: unavailable while the connection is down (the dialog stays open till it is back). */
  guard: ConnectionGuard
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * The confirmation of a conversation deletion: a modal `<dialog>` (top layer, page inert) where the browser has
 * `showModal`, with its own focus trap and focus return so it behaves the same where it has not (jsdom).
 * Focus starts on Cancel, the harmless choice, and goes back to where it was on close.
 */
export function DeleteConversationDialog({ name, t, onCancel, onConfirm, guard }: DeleteConversationDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const [deleteRoam, setDeleteRoam] = useState(false)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = dialog.ownerDocument.activeElement as HTMLElement | null
    if (typeof dialog.showModal !== 'function') dialog.setAttribute('open', '')
    else if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
      return
    }
    if (event.key !== 'Tab') return
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = items[0]
    const last = items.at(-1)
    const active = event.currentTarget.ownerDocument.activeElement
    if (event.shiftKey && active === first) { event.preventDefault(); last?.focus() }
    else if (!event.shiftKey && active === last) { event.preventDefault(); first?.focus() }
  }

  return (
    <dialog
      ref={ref} className="rk-conversation-list-dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId}
      onKeyDown={onKeyDown} onCancel={(event) => { event.preventDefault(); onCancel() }}
    >
      <h2 id={titleId} className="rk-conversation-list-dialog-title">{t('deleteTitle', { name })}</h2>
      <p id={bodyId} className="rk-conversation-list-dialog-body">{t('deleteBody')}</p>
      <label className="rk-conversation-list-dialog-check">
        <input type="checkbox" checked={deleteRoam} onChange={(event) => setDeleteRoam(event.target.checked)} />
        {t('deleteRoam')}
      </label>
      <div className="rk-conversation-list-dialog-buttons">
        <button type="button" className="rk-conversation-list-button" data-autofocus onClick={onCancel}>{t('cancel')}</button>
        <button type="button" className="rk-conversation-list-button" data-variant="danger" {...guard.button(() => onConfirm(deleteRoam))}>
          {t('confirmDelete')}
        </button>
      </div>
    </dialog>
  )
}
