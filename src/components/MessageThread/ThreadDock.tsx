import { useState, type RefObject } from 'react'
import type { RoamingMessage } from '../../client/types'
import type { Translate } from '../../i18n/strings'
import { formatClock } from '../../i18n/formatTime'
import { useRoamingContext } from '../../provider/RoamingContext'
import { ConfirmDeleteBefore } from './ConfirmDeleteBefore'
import { MessageActionsBar } from './MessageActionsBar'
import { actionsBarId, actionsTriggerId } from './MessageRow'
import { SelectionBar } from './SelectionBar'
import type { MessageThreadStringKey } from './strings'
import { lastIndexOfId } from './threadRows'
import type { ThreadDeletion } from './useThreadDeletion'
import type { ConnectionGuard } from '../useConnectionGuard'

/** Props of `ThreadDock`. */
export interface ThreadDockProps {
  t: Translate<MessageThreadStringKey>
  /** Unique prefix of the thread's DOM ids. */
  idPrefix: string
  /** The loaded messages, ascending (to name the message whose actions are open). */
  messages: readonly RoamingMessage[]
  /** How many of them are held back at the start, not shown (see `heldBack`). */
  offset: number
  /** The current user's id. */
  me: string
  /** The message whose actions are open. */
  actionsFor: string | null
  setActionsFor: (messageId: string | null) => void
  /** Display name of a user id. */
  name: (userId: string) => string
  /** Selection mode and the selected ids. */
  selecting: boolean
  selected: ReadonlySet<string>
  /** Deletion of this conversation. */
  deletion: ThreadDeletion
  /** The log's scroller: focus goes there when the focused row is deleted. */
  scroller: RefObject<HTMLElement | null>
  /** Enters selection mode with a message selected. */
  startSelecting: (messageId: string) => void
  /** Leaves selection mode. */
  stopSelecting: () => void
  /** The deletions are unavailable while the connection is down. */
  guard: ConnectionGuard
}

/**
 * The bar under the log, one thing at a time: the confirmation of "delete everything before", the actions of one
 * message, or the selection bar. It keeps focus where keyboard users expect it: in the bar, then back on the
 * row's trigger (cancel) or on the log (the row is gone).
 */
export function ThreadDock(props: ThreadDockProps) {
  const { t, idPrefix, messages, actionsFor, setActionsFor, deletion, scroller, guard } = props
  const { locale } = useRoamingContext('MessageThread')
  const [confirmFor, setConfirmFor] = useState<string | null>(null)
  const focusTrigger = (id: string) => document.getElementById(actionsTriggerId(idPrefix, id))?.focus()
  const focusLog = () => scroller.current?.focus()

  if (confirmFor) {
    return (
      <ConfirmDeleteBefore t={t} guard={guard}
        onConfirm={() => { deletion.deleteBefore(confirmFor); setConfirmFor(null); focusLog() }}
        onCancel={() => { setConfirmFor(null); focusTrigger(confirmFor) }} />
    )
  }
  // Only while actions are open, and from the end: no scan of every loaded message per render.
  const index = actionsFor ? lastIndexOfId(messages, actionsFor) : -1
  const message = index >= props.offset ? messages[index] : undefined
  if (message) {
    const id = message.id
    const sender = message.from === props.me ? t('ownName') : props.name(message.from)
    return (
      <MessageActionsBar id={actionsBarId(idPrefix)} t={t} guard={guard} label={t('actionsFor', { name: sender, time: formatClock(message.time, locale) })}
        onDelete={() => { setActionsFor(null); deletion.deleteOne(id); focusLog() }}
        onDeleteBefore={() => { setActionsFor(null); setConfirmFor(id) }}
        onSelect={() => { setActionsFor(null); props.startSelecting(id) }}
        onClose={() => { setActionsFor(null); focusTrigger(id) }} />
    )
  }
  if (props.selecting) {
    return (
      <SelectionBar count={props.selected.size} t={t} guard={guard}
        onDelete={() => { deletion.deleteMany([...props.selected]); props.stopSelecting(); focusLog() }}
        onCancel={props.stopSelecting} />
    )
  }
  return null
}
