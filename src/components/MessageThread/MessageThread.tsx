import { hashKey } from '@tanstack/react-query'
import { forwardRef } from 'react'
import { RoamingArgumentError } from '../../client/RoamingError'
import { useRoamingStore } from '../../hooks/useRoamingStore'
import { useStrings } from '../../i18n/useStrings'
import { useRoamingContext } from '../../provider/RoamingContext'
import { keyOf } from '../../query/keys'
import type { MessageThreadHandle, MessageThreadProps } from './MessageThreadProps'
import { messageThreadStrings } from './strings'
import { EmptyState } from './ThreadStatus'
import { ThreadView } from './ThreadView'
import '../../styles/tokens.css'
import './MessageThread.css'

/**
 * A drop-in, virtualized message history (its `ref` gives `jumpTo(messageId)` and `jumpToLatest()`): the given conversation (or the store's active one), paged both ways
 * with the view held still, date separators and sender groups, safe bodies per message type, jumps with a
 * highlight, where the messages unread at opening start (it opens there), "N new messages", one-way deletion (one, everything before, or a selection) with progress and
 * rollback, and polite announcements of new messages. Images that scroll into view during a fling (faster than
 * 3,000 px/s) load once it ends, in boxes already of their final size. Must be inside a `RoamingProvider`.
 *
 * @example
 * <MessageThread conversationId="bob" chatType="singleChat" ref={thread} />
 * thread.current?.jumpTo(messageId)
 */
// forwardRef, not React 19's ref prop: the kit supports React 18.3, where a function component never sees `ref`.
export const MessageThread = /* @__PURE__ */ forwardRef<MessageThreadHandle, MessageThreadProps>(function MessageThread(
  { conversationId, chatType, pageSize, anchorId, search, estimatedRowHeight = 72, getDisplayName, components, className }, ref,
) {
  if (typeof estimatedRowHeight !== 'number' || !Number.isFinite(estimatedRowHeight) || estimatedRowHeight < 1 || estimatedRowHeight > 10_000) {
    throw new RoamingArgumentError('MessageThread', 'estimatedRowHeight', estimatedRowHeight, 'a number of pixels in [1, 10000]')
  }
  const { theme } = useRoamingContext('MessageThread')
  const t = useStrings(messageThreadStrings, 'MessageThread')
  const active = useRoamingStore((s) => s.activeConversation)
  const target = conversationId && chatType ? { conversationId, chatType } : active
  return (
    <div className={`rk rk-message-thread${className ? ` ${className}` : ''}`} data-rk-theme={theme}>
      {target ? (
        // A new conversation, or search, starts with fresh view state (scroll, highlight, pill, open actions).
        <ThreadView key={search ? `${keyOf(target)}|${hashKey([search])}` : keyOf(target)} conversationId={target.conversationId}
          chatType={target.chatType} pageSize={pageSize} anchorId={anchorId} search={search} estimatedRowHeight={estimatedRowHeight} getDisplayName={getDisplayName}
          components={components} handleRef={ref} />
      ) : <EmptyState reason="noConversation" t={t} Empty={components?.Empty} />}
    </div>
  )
})
