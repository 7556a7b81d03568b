import type { ButtonHTMLAttributes, ComponentType } from 'react'
import type { Translate } from '../../i18n/strings'
import type { EmptyProps } from './MessageThreadProps'
import type { MessageThreadStringKey } from './strings'

/** Props of the loading and error states. */
export interface ThreadStatusProps {
  /** Translator. */
  t: Translate<MessageThreadStringKey>
  /** Accessible name of the log. */
  label: string
}

/** Skeleton bubbles of the first page, in a busy log. */
export function ThreadSkeleton({ t, label }: ThreadStatusProps) {
  return (
    <div role="log" aria-label={label} aria-busy="true" className="rk-thread-skeleton">
      <span className="rk-visually-hidden">{t('loading')}</span>
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} className={`rk-skeleton-row${i % 3 === 1 ? ' rk-skeleton-row--own' : ''}`} aria-hidden="true">
          <span className="rk-skeleton-bubble" style={{ width: `${40 + ((i * 17) % 35)}%` }} />
        </div>
      ))}
    </div>
  )
}

/** The first page failed (after retries): say so, and offer Retry (its props: `ConnectionGuard.button`). */
export function ThreadError({ t, retry }: Pick<ThreadStatusProps, 't'> & { retry: ButtonHTMLAttributes<HTMLButtonElement> }) {
  return (
    <div role="alert" className="rk-thread-state rk-thread-error">
      <p>{t('loadError')}</p>
      <button type="button" className="rk-button" {...retry}>{t('retry')}</button>
    </div>
  )
}

/** roamkit's empty state, for the `Empty` slot. */
export function ThreadEmpty({ reason, t }: EmptyProps & Pick<ThreadStatusProps, 't'>) {
  return <p className="rk-thread-state rk-thread-empty">{t(reason === 'noConversation' ? 'noConversation' : reason === 'noMatches' ? 'noMatches' : 'empty')}</p>
}

/** The app's `Empty` slot, or roamkit's. */
export function EmptyState({ reason, t, Empty }: EmptyProps & Pick<ThreadStatusProps, 't'> & { Empty?: ComponentType<EmptyProps> | undefined }) {
  return Empty ? <Empty reason={reason} /> : <ThreadEmpty reason={reason} t={t} />
}
