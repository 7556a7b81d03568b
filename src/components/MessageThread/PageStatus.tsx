import type { ButtonHTMLAttributes } from 'react'
import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'

/** Props of `PageStatus`. */
export interface PageStatusProps {
  /** Whether an older page is loading. */
  loadingOlder: boolean
  /** Set when loading a page failed (after retries): the props of its Retry (`ConnectionGuard.button`). */
  retryPage: ButtonHTMLAttributes<HTMLButtonElement> | null
  /** Translator. */
  t: Translate<MessageThreadStringKey>
}

/**
 * The state of older pages, floating at the top of the log rather than in a header inside it: a header the rows
 * sit under is where a page prepended with the top in view puts its newest row, which react-virtuoso then renders
 * at its estimated height for a frame (bench: the message in view moved 4.6 px in one painted frame, 0.4 px for
 * good). With nothing above the rows, that row lies just outside the view and is not rendered: 0 px in every frame.
 */
export function PageStatus({ loadingOlder, retryPage, t }: PageStatusProps) {
  if (retryPage) {
    return (
      <div role="alert" className="rk-thread-page-status">{t('pageError')}
        <button type="button" className="rk-button rk-button--small" {...retryPage}>{t('retry')}</button></div>
    )
  }
  if (!loadingOlder) return null
  return (
    <div role="status" className="rk-thread-page-status rk-thread-page-status--loading"><span className="rk-spinner" aria-hidden="true" />
      <span className="rk-visually-hidden">{t('loadingOlder')}</span></div>
  )
}
