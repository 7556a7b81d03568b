import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'
import type { ConnectionGuard } from '../useConnectionGuard'

/** Props of `SelectionBar`. */
export interface SelectionBarProps {
  /** Selected messages. */
  count: number
  /** Translator. */
  t: Translate<MessageThreadStringKey>
  /** Deletes the selected messages. */
  onDelete: () => void
  /** Leaves selection mode. */
  onCancel: () => void
  /** Delete writes to the server: unavailable while the connection is down (selecting goes on). */
  guard: ConnectionGuard
}

/** Selection mode: the count (announced politely as it changes), "Delete selected" and "Cancel". */
export function SelectionBar({ count, t, onDelete, onCancel, guard }: SelectionBarProps) {
  return (
    <div role="group" aria-label={t('select')} className="rk-thread-bar rk-selection-bar">
      <span role="status" className="rk-selection-count">{t('selected', { count })}</span>
      <div className="rk-thread-bar-buttons">
        <button type="button" className="rk-button rk-button--danger" disabled={count === 0} {...guard.button(onDelete)}>{t('deleteSelected')}</button>
        <button type="button" className="rk-button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  )
}
