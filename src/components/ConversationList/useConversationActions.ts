import { useRef, useState } from 'react'
import type { Conversation } from '../../client/types'
import { useDeleteConversation } from '../../hooks/useDeleteConversation'
import { useMarkConversation } from '../../hooks/useMarkConversation'
import { usePinConversation } from '../../hooks/usePinConversation'
import type { Translate } from '../../i18n/strings'
import type { ConversationListMark } from './ConversationListComponents'
import type { ConversationListStringKey } from './strings'

/** What `useConversationActions` returns. */
export interface ConversationActions {
  /** Progress of deletions for the status line ("Deleting…", "Deleted…"), `''` when there is none. */
  status: string
  /** The last failure, shown as an alert until dismissed or the next action. */
  alert: string | null
  /** Hides the alert. */
  dismiss: () => void
  /** Deletes a conversation (optimistically), with or without its server history. */
  remove: (conversation: Conversation, deleteRoam: boolean) => void
  /** Pins an unpinned conversation, unpins a pinned one. */
  togglePin: (conversation: Conversation) => void
  /** Gives a conversation the mark, or takes it away when it has it. */
  toggleMark: (conversation: Conversation, mark: ConversationListMark) => void
}

/** Row actions of the list over the kit's mutations, with the feedback they need (progress, failures). */
export function useConversationActions(nameOf: (c: Conversation) => string, t: Translate<ConversationListStringKey>): ConversationActions {
  const { deleteConversationAsync } = useDeleteConversation()
  const { pinAsync } = usePinConversation()
  const { markAsync } = useMarkConversation()
  // Deletions in flight, newest last: the status line names the newest one.
  const [deleting, setDeleting] = useState<ReadonlyArray<{ id: number; name: string }>>([])
  const [done, setDone] = useState('')
  const [alert, setAlert] = useState<string | null>(null)
  const ids = useRef(0)

  const remove = (c: Conversation, deleteRoam: boolean) => {
    const entry = { id: ++ids.current, name: nameOf(c) }
    setAlert(null)
    setDone('')
    setDeleting((list) => [...list, entry])
    const settle = () => setDeleting((list) => list.filter((d) => d.id !== entry.id))
    deleteConversationAsync({ conversationId: c.conversationId, chatType: c.chatType, deleteRoam }).then(
      () => { settle(); setDone(t('deleted', { name: entry.name })) },
      () => { settle(); setAlert(t('deleteFailed', { name: entry.name })) },
    )
  }

  const togglePin = (c: Conversation) => {
    const isPinned = !c.isPinned
    const name = nameOf(c)
    setAlert(null)
    pinAsync({ conversationId: c.conversationId, chatType: c.chatType, isPinned })
      .catch(() => setAlert(t(isPinned ? 'pinFailed' : 'unpinFailed', { name })))
  }

  const toggleMark = (c: Conversation, { mark, label }: ConversationListMark) => {
    const name = nameOf(c)
    setAlert(null)
    markAsync({ conversationId: c.conversationId, chatType: c.chatType, mark, marked: !c.marks.includes(mark) })
      .catch(() => setAlert(t('markFailed', { label, name })))
  }

  const newest = deleting.at(-1)
  return { status: newest ? t('deleting', { name: newest.name }) : done, alert, dismiss: () => setAlert(null), remove, togglePin, toggleMark }
}
