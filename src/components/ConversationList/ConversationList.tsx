import '../../styles/tokens.css'
import './ConversationList.css'
import { useId } from 'react'
import type { Conversation } from '../../client/types'
import { useConversationList } from '../../hooks/useConversationList'
import { useRoamingStore } from '../../hooks/useRoamingStore'
import { useStrings } from '../../i18n/useStrings'
import { useRoamingContext } from '../../provider/RoamingContext'
import { keyOf } from '../../query/keys'
import type { ConversationListComponents, ConversationListMark } from './ConversationListComponents'
import { ConversationListbox } from './ConversationListbox'
import { ListEmpty, ListError, ListLoading } from './ListStates'
import { conversationListStrings } from './strings'
import { useCheckedMarks } from './useCheckedMarks'
import { useConversationActions } from './useConversationActions'
import { OfflineNotice } from '../OfflineNotice'
import { useConnectionGuard } from '../useConnectionGuard'

/** Props of `ConversationList`. */
export interface ConversationListProps {
  /** Conversations per server request, an integer in [1, 50]; with `mark`, in [1, 10]. @default 20 (10 with `mark`) */
  pageSize?: number
  /**
   * Only the conversations carrying this mark (an integer in [0, 19]), as `useConversationList({ mark })`: a
   * "starred" or "work" tab beside the whole list.
   */
  mark?: number
  /**
   * Marks the user can give from the row actions, a toggle each named by its label; a row tags those it carries.
   * E.g. `[{ mark: 0, label: 'Starred' }]`. Marks are integers in [0, 19]. @default none
   */
  marks?: readonly ConversationListMark[]
  /**
   * The name shown for a conversation (a contact's nickname, a group's name…); also names it in aria labels.
   * @default the conversation id
   */
  getDisplayName?: (conversation: Conversation) => string
  /** The avatar image of a conversation; without one (or when it fails to load) the avatar shows initials. */
  getAvatarUrl?: (conversation: Conversation) => string | undefined
  /** Called when the user opens a conversation (click, Enter or Space), after it became the store's active one. */
  onSelect?: (conversation: Conversation) => void
  /** Parts to replace: `Avatar`, `Preview`, `Empty`. */
  components?: ConversationListComponents
  /** Extra class names of the root element (which always has `rk rk-conversation-list`). */
  className?: string
}

const NO_SLOTS: ConversationListComponents = {}
const NO_MARKS: readonly ConversationListMark[] = []
const byId = (c: Conversation) => c.conversationId
const noAvatar = () => undefined

/**
 * The user's server conversation list, drop-in: pinned first, virtualized (react-virtuoso) and paged on scroll,
 * live, with selection into the store, keyboard navigation, pin and delete. Must be inside `RoamingProvider`.
 * Scrolled down, the rows in view stay still when conversations come to the top or go above them; at the top,
 * new ones show as they arrive.
 *
 * @example
 * <RoamingProvider connection={connection}>
 *   <ConversationList getDisplayName={(c) => contacts[c.conversationId]?.name ?? c.conversationId} />
 * </RoamingProvider>
 */
export function ConversationList({
  pageSize, mark, marks = NO_MARKS, getDisplayName = byId, getAvatarUrl = noAvatar, onSelect, components = NO_SLOTS, className,
}: ConversationListProps) {
  const { locale, theme } = useRoamingContext('ConversationList')
  const t = useStrings(conversationListStrings, 'ConversationList')
  const list = useConversationList({ ...(pageSize === undefined ? {} : { pageSize }), ...(mark === undefined ? {} : { mark }) })
  const active = useRoamingStore((s) => s.activeConversation)
  const setActiveConversation = useRoamingStore((s) => s.setActiveConversation)
  const actions = useConversationActions(getDisplayName, t)
  const noticeId = useId()
  const guard = useConnectionGuard(noticeId)
  const { conversations, status } = list
  const shownMarks = useCheckedMarks(marks)

  const choose = (c: Conversation) => {
    setActiveConversation({ conversationId: c.conversationId, chatType: c.chatType })
    onSelect?.(c)
  }

  let body
  if (status === 'pending') body = <ListLoading t={t} />
  else if (conversations.length === 0 && status === 'error') body = <ListError t={t} retry={guard.button(list.refetch)} />
  else if (conversations.length === 0) body = <ListEmpty t={t} Empty={components.Empty} mark={mark} />
  else {
    body = (
      <ConversationListbox
        conversations={conversations} firstItemIndex={list.firstItemIndex} setViewRange={list.setViewRange} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage} activeKey={active ? keyOf(active) : null}
        onChoose={choose} actions={actions} nameOf={getDisplayName} avatarOf={getAvatarUrl} slots={components} locale={locale} t={t}
        guard={guard} marks={shownMarks}
      />
    )
  }
  // A failure once rows are shown (a later page, the pinned list) keeps them and offers Retry beside them.
  const lateError = list.error && conversations.length > 0
  const statusLine = list.isFetchingNextPage ? t('loadingMore') : actions.status
  return (
    <div className={className ? `rk rk-conversation-list ${className}` : 'rk rk-conversation-list'} data-rk-theme={theme} data-status={status}>
      <OfflineNotice id={noticeId} className="rk-conversation-list-notice" />
      {body}
      {lateError && (
        <div className="rk-conversation-list-alert" role="alert">
          <span>{t('loadError')}</span>
          <button type="button" className="rk-conversation-list-button" {...guard.button(list.refetch)}>{t('retry')}</button>
        </div>
      )}
      {actions.alert && (
        <div className="rk-conversation-list-alert" role="alert">
          <span>{actions.alert}</span>
          <button type="button" className="rk-conversation-list-button" onClick={actions.dismiss}>{t('dismiss')}</button>
        </div>
      )}
      <p className="rk-conversation-list-status" role="status" data-empty={statusLine === '' || undefined}>{statusLine}</p>
    </div>
  )
}
