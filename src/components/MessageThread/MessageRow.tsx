import { memo } from 'react'
import type { RoamingMessage } from '../../client/types'
import { formatClock, formatDay } from '../../i18n/formatTime'
import type { RowShared } from './rowContext'

/** Props of `MessageRow`: primitives and stable objects only, so the memoised row skips unchanged rows. */
export interface MessageRowProps {
  /** The message. */
  message: RoamingMessage
  /** Its separator and grouping decisions (`threadRowAt`). */
  own: boolean
  showDate: boolean
  firstOfGroup: boolean
  lastOfGroup: boolean
  /** Whether the unread messages start here (a separator goes above it). */
  unreadFrom: boolean
  /** Whether it is highlighted (after a jump). */
  highlighted: boolean
  /** Whether its deletion failed. */
  failed: boolean
  /** Whether its actions are open. */
  open: boolean
  /** Whether rows show selection checkboxes, and whether this one is checked. */
  selecting: boolean
  checked: boolean
  /** The thread's rarely changing state and callbacks. */
  shared: RowShared
}

/** The DOM id of a message's actions trigger, to give focus back to it. */
export const actionsTriggerId = (idPrefix: string, messageId: string) => `${idPrefix}-actions-${messageId}`

/** The DOM id of the open actions bar. */
export const actionsBarId = (idPrefix: string) => `${idPrefix}-actions`

/** The DOM id of the thread's connection notice (it describes the deletions unavailable while the connection is down). */
export const noticeId = (idPrefix: string) => `${idPrefix}-notice`

/**
 * One message with what goes before it (date separator, unread separator) and around it (sender name and avatar on the first of a
 * group, own or other alignment, highlight, selection checkbox, actions trigger). Every part that changes the
 * row's height is decided by `threadRowAt` from the row's neighbours, final once shown, so rows above the view
 * never resize. Memoised: while scrolling, react-virtuoso re-renders its item list on every range change, and
 * only rows whose message or flags changed render again.
 */
export const MessageRow = /* @__PURE__ */ memo(function MessageRow(props: MessageRowProps) {
  const { message, own, showDate, firstOfGroup, lastOfGroup, highlighted, failed, open, selecting, shared } = props
  const { t, locale, parts } = shared
  const sender = own ? t('ownName') : shared.name(message.from)
  const clock = formatClock(message.time, locale)
  const label = t('messageLabel', { name: sender, time: clock })
  const className = ['rk-message', own ? 'rk-message--own' : 'rk-message--other', firstOfGroup && 'rk-message--first',
    lastOfGroup && 'rk-message--last', highlighted && 'rk-message--highlighted', failed && 'rk-message--failed']
    .filter(Boolean).join(' ')
  return (
    <>
      {showDate && <parts.DateSeparator time={message.time} label={formatDay(message.time, locale)} />}
      {props.unreadFrom && <div className="rk-unread-separator">{t('unreadFrom')}</div>}
      <article className={className} aria-label={label} data-message-id={message.id}
        data-rk-state={highlighted ? 'highlighted' : failed ? 'failed' : undefined}>
        {selecting && (
          <input type="checkbox" className="rk-message-check" checked={props.checked}
            onChange={() => shared.toggleSelected(message.id)} aria-label={t('selectMessage', { name: sender, time: clock })} />
        )}
        {!own && firstOfGroup && <span className="rk-message-avatar"><parts.Avatar userId={message.from} name={sender} /></span>}
        <div className="rk-message-main">
          {!own && firstOfGroup && <span className="rk-message-sender">{sender}</span>}
          <div className="rk-message-bubble">
            <parts.MessageBody message={message} own={own} />
            <time className="rk-message-time" dateTime={new Date(message.time).toISOString()}>{clock}</time>
          </div>
          {failed && <span className="rk-message-failed">{t('notDeleted')}</span>}
        </div>
        {!selecting && (
          <button type="button" id={actionsTriggerId(shared.idPrefix, message.id)} className="rk-message-actions-trigger"
            aria-label={t('actionsFor', { name: sender, time: clock })} aria-expanded={open}
            {...(open ? { 'aria-controls': actionsBarId(shared.idPrefix) } : {})} onClick={() => shared.toggleActions(message.id)}>
            ⋯
          </button>
        )}
      </article>
    </>
  )
})
