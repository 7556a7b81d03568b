import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'

/** Props of `ScrollControls`. */
export interface ScrollControlsProps {
  /** New messages that arrived while scrolled up. */
  unseen: number
  /** Whether to offer "Jump to latest" (scrolled up, or a view opened around an older message). */
  away: boolean
  /** Translator. */
  t: Translate<MessageThreadStringKey>
  /** Goes to the latest message. */
  onJumpToLatest: () => void
}

/** Floating over the log, so they never move it: the "N new messages" pill and "Jump to latest". */
export function ScrollControls({ unseen, away, t, onJumpToLatest }: ScrollControlsProps) {
  if (!away && unseen === 0) return null
  return (
    <div className="rk-thread-floating">
      {unseen > 0 && (
        <button type="button" className="rk-new-messages-pill" onClick={onJumpToLatest}>
          {unseen === 1 ? t('newMessage') : t('newMessages', { count: unseen })}
        </button>
      )}
      <button type="button" className="rk-jump-latest" onClick={onJumpToLatest} aria-label={t('jumpToLatest')} title={t('jumpToLatest')}>
        <span aria-hidden="true">↓</span>
      </button>
    </div>
  )
}
