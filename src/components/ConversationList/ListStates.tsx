import type { ButtonHTMLAttributes, ComponentType } from 'react'
import type { Translate } from '../../i18n/strings'
import type { ConversationListStringKey } from './strings'
import type { ConversationListEmptyProps } from './ConversationListComponents'

type T = Translate<ConversationListStringKey>

/** A placeholder row (no text), for the first load and the loading-more footer. */
export function SkeletonRow() {
  return (
    <div className="rk-conversation-skeleton-row" aria-hidden="true">
      <span className="rk-conversation-skeleton-avatar" />
      <span className="rk-conversation-skeleton-lines"><span /><span /></span>
    </div>
  )
}

/** The first load: placeholder rows in a busy region named "Loading conversations…". */
export function ListLoading({ t }: { t: T }) {
  return (
    <div className="rk-conversation-list-state" data-state="loading" role="status" aria-busy="true">
      <span className="rk-visually-hidden">{t('loading')}</span>
      {Array.from({ length: 8 }, (_, i) => <SkeletonRow key={i} />)}
    </div>
  )
}

/** The first load failed: what happened, and Retry (its props: `ConnectionGuard.button`). */
export function ListError({ t, retry }: { t: T; retry: ButtonHTMLAttributes<HTMLButtonElement> }) {
  return (
    <div className="rk-conversation-list-state" data-state="error" role="alert">
      <p className="rk-conversation-list-message">{t('loadError')}</p>
      <button type="button" className="rk-conversation-list-button" {...retry}>{t('retry')}</button>
    </div>
  )
}

/** No conversation: the `Empty` slot, or a line of text. */
export function ListEmpty({ t, Empty, mark }: { t: T; Empty: ComponentType<ConversationListEmptyProps> | undefined; mark: number | undefined }) {
  return (
    <div className="rk-conversation-list-state" data-state="empty">
      {Empty ? <Empty mark={mark} /> : <p className="rk-conversation-list-message">{t(mark === undefined ? 'empty' : 'emptyMarked')}</p>}
    </div>
  )
}
