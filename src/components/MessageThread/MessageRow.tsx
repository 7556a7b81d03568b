import { formatClock, formatDay } from '../../i18n/formatTime'
import type { RowContext } from './rowContext'
import type { ThreadItem } from './threadItems'

/** Props of `MessageRow`. */
export interface MessageRowProps {
  /** The row: a message and its separator and grouping decisions. */
  item: ThreadItem
  /** Shared state and callbacks of the thread. */
  context: RowContext
}

/** The DOM id of a message's actions trigger, to give focus back to it. */
export const actionsTriggerId = (idPrefix: string, messageId: string) => `${idPrefix}-actions-${messageId}`

/** The DOM id of the open actions bar. */
export const actionsBarId = (idPrefix: string) => `${idPrefix}-actions`

/**
 * One message with what goes before it (date separator) and around it (sender name and avatar on the first of a
 * group, own or other alignment, highlight, selection checkbox, actions trigger). Every part that changes the
 * row's height is decided by `threadItems` once and for all, so rows above the view never resize.
 */
export function MessageRow({ item, context }: MessageRowProps) {
  const { message, own, showDate, firstOfGroup, lastOfGroup } = item
  const { t, locale, parts } = context
  const sender = own ? t('ownName') : context.name(message.from)
  const clock = formatClock(message.time, locale)
  const label = t('messageLabel', { name: sender, time: clock })
  const highlighted = context.highlightedId === message.id
  const failed = context.failed.has(message.id)
  const open = context.actionsFor === message.id
  const className = ['rk-message', own ? 'rk-message--own' : 'rk-message--other', firstOfGroup && 'rk-message--first',
    lastOfGroup && 'rk-message--last', highlighted && 'rk-message--highlighted', failed && 'rk-message--failed']
    .filter(Boolean).join(' ')
  return (
    <div className={`rk-thread-row${firstOfGroup ? ' rk-thread-row--group' : ''}`}>
      {showDate && <parts.DateSeparator time={message.time} label={formatDay(message.time, locale)} />}
      <article className={className} aria-label={label} data-message-id={message.id}
        data-rk-state={highlighted ? 'highlighted' : failed ? 'failed' : undefined}>
        {context.selecting && (
          <input type="checkbox" className="rk-message-check" checked={context.selected.has(message.id)}
            onChange={() => context.toggleSelected(message.id)} aria-label={t('selectMessage', { name: sender, time: clock })} />
        )}
        <span className="rk-message-avatar">
          {!own && firstOfGroup && <parts.Avatar userId={message.from} name={sender} />}
        </span>
        <div className="rk-message-main">
          {!own && firstOfGroup && <span className="rk-message-sender">{sender}</span>}
          <div className="rk-message-bubble">
            <parts.MessageBody message={message} own={own} />
            <time className="rk-message-time" dateTime={new Date(message.time).toISOString()}>{clock}</time>
          </div>
          {failed && <span className="rk-message-failed">{t('notDeleted')}</span>}
        </div>
        {!context.selecting && (
          <button type="button" id={actionsTriggerId(context.idPrefix, message.id)} className="rk-message-actions-trigger"
            aria-label={t('actionsFor', { name: sender, time: clock })} aria-expanded={open}
            {...(open ? { 'aria-controls': actionsBarId(context.idPrefix) } : {})} onClick={() => context.toggleActions(message.id)}>
            <span aria-hidden="true">⋯</span>
          </button>
        )}
      </article>
    </div>
  )
}
