import type { Translate } from '../../i18n/strings'
import type { MessageThreadStringKey } from './strings'
import type { ThreadDeletion } from './useThreadDeletion'

/** Props of `DeleteFeedback`. */
export interface DeleteFeedbackProps {
  /** The thread's deletion state. */
  deletion: Pick<ThreadDeletion, 'status' | 'progress' | 'failure' | 'dismiss'>
  /** Names a message for the error ("bob, 10:32: “see you…”"), or `null` when it is not loaded. */
  describe: (messageId: string) => string | null
  /** Translator. */
  t: Translate<MessageThreadStringKey>
}

/** Shown after this many ids: more than one SDK call, long enough to deserve a progress bar. */
const LARGE = 20
/** Failed messages named in the error; the rest are counted. */
const NAMED = 3

/** Progress of a large deletion (rows are already gone), and an alert naming what failed (rows are back). */
export function DeleteFeedback({ deletion, describe, t }: DeleteFeedbackProps) {
  const { status, progress, failure } = deletion
  if (status === 'pending') {
    return (
      <div role="status" className="rk-thread-bar rk-delete-progress">
        {progress && progress.total > LARGE ? (
          <>
            <span>{t('deleting', { done: progress.done, total: progress.total })}</span>
            <progress max={progress.total} value={progress.done} aria-label={t('deleting', { done: progress.done, total: progress.total })} />
          </>
        ) : <span className="rk-visually-hidden">{t('deletingSome')}</span>}
      </div>
    )
  }
  if (!failure) return null
  const named = failure.ids.slice(0, NAMED).map((id) => describe(id) ?? id)
  const list = failure.ids.length > NAMED ? `${named.join('; ')}; +${failure.ids.length - NAMED}` : named.join('; ')
  const text = failure.kind === 'before' ? t('deleteBeforeFailed')
    : t(failure.ids.length === 1 ? 'deleteFailedOne' : 'deleteFailed', { count: failure.ids.length, list })
  return (
    <div role="alert" className="rk-thread-bar rk-delete-error">
      <p className="rk-delete-error-text">{text} {t('deleteFailedBack')}</p>
      <button type="button" className="rk-button" onClick={deletion.dismiss}>{t('dismiss')}</button>
    </div>
  )
}
