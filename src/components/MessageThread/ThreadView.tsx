import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react'
import type { IndexLocationWithAlign, VirtuosoHandle } from 'react-virtuoso'
import type { ChatType, HistorySearch } from '../../client/types'
import { useHistoryMessages } from '../../hooks/useHistoryMessages'
import { useRoamingClient, useRoamingStore } from '../../hooks/useRoamingStore'
import { formatClock } from '../../i18n/formatTime'
import { useStrings } from '../../i18n/useStrings'
import { useRoamingContext } from '../../provider/RoamingContext'
import { conversationKey, roamingKeys } from '../../query/keys'
import { scopeOf } from '../../query/RoamingKit'
import { Avatar } from './Avatar'
import { DateSeparator } from './DateSeparator'
import { DeleteFeedback } from './DeleteFeedback'
import { describeMessage } from './describeMessage'
import { createFlingWatch, FlingContext } from './flingWatch'
import { PageStatus } from './PageStatus'
import { MessageBody } from './MessageBody'
import type { MessageThreadComponents, MessageThreadHandle } from './MessageThreadProps'
import type { RowContext, RowShared } from './rowContext'
import { ScrollControls } from './ScrollControls'
import { messageThreadStrings } from './strings'
import { noticeId } from './MessageRow'
import { ThreadDock } from './ThreadDock'
import { firstUnreadIndex, heldBack, lastIndexOfId, shownCount } from './threadRows'
import { rowsData, ThreadList } from './ThreadList'
import { EmptyState, ThreadError, ThreadSkeleton } from './ThreadStatus'
import { useNewMessages } from './useNewMessages'
import { useThreadDeletion } from './useThreadDeletion'
import { OfflineNotice } from '../OfflineNotice'
import { useConnectionGuard } from '../useConnectionGuard'

/** Props of `ThreadView`: `MessageThread`'s, with the conversation resolved. */
export interface ThreadViewProps {
  conversationId: string
  chatType: ChatType
  pageSize: number | undefined
  anchorId: string | undefined
  search: HistorySearch | undefined
  estimatedRowHeight: number
  getDisplayName: ((userId: string) => string) | undefined
  components: MessageThreadComponents | undefined
  handleRef: Ref<MessageThreadHandle> | undefined
}

const NONE: ReadonlySet<string> = new Set()

/** One conversation's thread: data, states, the virtualized log, jumps, deletion and announcements. */
export function ThreadView({ conversationId, chatType, pageSize, anchorId, search, estimatedRowHeight, getDisplayName, components, handleRef }: ThreadViewProps) {
  const { kit, locale } = useRoamingContext('MessageThread')
  const t = useStrings(messageThreadStrings, 'MessageThread')
  const me = useRoamingClient().userId()
  const key = conversationKey(conversationId, chatType)
  const history = useHistoryMessages({ conversationId, chatType, ...(pageSize ? { pageSize } : {}), anchorId: anchorId ?? null, search: search ?? null })
  const tombstone = useRoamingStore((s) => s.tombstones[key])
  const opened = useRoamingStore((s) => s.unreadOnOpen)
  const selection = useRoamingStore((s) => s.selection)
  const deletion = useThreadDeletion(conversationId, chatType)
  const view = `${key}|${history.anchorId ?? ''}`
  const news = useNewMessages({ view, messages: history.messages, isLatest: history.isLatest, me })
  const [highlight, setHighlight] = useState<string | null>(null)
  const [actionsFor, setActionsFor] = useState<string | null>(null)
  const [selectingHere, setSelectingHere] = useState(false)
  const idPrefix = useId()
  const guard = useConnectionGuard(noticeId(idPrefix))
  const virtuoso = useRef<VirtuosoHandle>(null)
  const scroller = useRef<HTMLElement | null>(null)
  // Images wait while the log is flung (see createFlingWatch). react-virtuoso hands its scroller to `scrollerRef`
  // when the list mounts and `null` when it unmounts, which attaches and detaches the watch.
  const [fling] = useState(() => createFlingWatch())
  // Stable: react-virtuoso unbinds and binds its scroller again whenever this callback changes (its scroll listener,
  // a forced layout, and our fling watch, which the unbinding ended: every render mid-fling loaded its images).
  const scrollerRef = useCallback((el: HTMLElement | Window | null) => {
    scroller.current = el instanceof HTMLElement ? el : null
    fling.attach(scroller.current)
  }, [fling])

  const first = history.messages[0]
  // After "delete everything before", nothing older can show even if the server cursor says more exists.
  const hasOlder = history.hasOlder && !(first && tombstone && tombstone.before >= first.time - 1)
  const { messages } = history
  // No object per loaded message: the list reads rows from `messages` by index (see ThreadList's `rowsData`).
  const offset = heldBack(messages, hasOlder)
  const count = shownCount(messages, hasOlder)
  // Row i shows messages[i - history.firstItemIndex]: holding the first message back shifts the index and the offset
  // alike, so react-virtuoso's ranges go to the hook as they are (`setViewRange`).
  const firstItemIndex = history.firstItemIndex + (hasOlder ? 1 : 0)
  const data = useMemo(() => rowsData(messages, offset, count), [messages, offset, count])
  const name = useCallback((id: string) => getDisplayName?.(id) ?? id, [getDisplayName])
  const selected = selection?.key === key ? selection.ids : NONE
  const selecting = selectingHere || selection?.key === key
  const failed = useMemo(() => new Set(deletion.failure?.ids ?? []), [deletion.failure?.ids])
  const label = t('log', { name: name(conversationId) })

  // Where the messages unread at opening start: found once, when the thread first shows the latest messages, so it
  // stays put as messages come (an anchored first view has none: its end is not the latest message).
  const [unreadFromId, setUnreadFromId] = useState<string | null>()
  if (unreadFromId === undefined && history.status === 'success') {
    const count = opened?.key === key && !history.anchorId && !search && history.isLatest ? opened.count : 0
    setUnreadFromId(count > 0 ? messages[firstUnreadIndex(messages, count, me, opened?.time)]?.id ?? null : null)
  }

  const { fetchOlder, status } = history
  useEffect(() => { if (status === 'success' && count === 0 && hasOlder) fetchOlder() })

  const scrollTo = (messageId: string) => {
    const index = lastIndexOfId(messages, messageId) - offset
    if (index >= 0) virtuoso.current?.scrollToIndex({ index, align: 'center' })
    else if (first?.id === messageId) fetchOlder() // the held-back first message: its page brings it into view
  }
  const jumpToLatest = () => {
    setHighlight(null)
    if (history.anchorId || !history.isLatest) history.jumpToLatest()
    else virtuoso.current?.scrollToIndex({ index: Math.max(0, count - 1), align: 'end' })
  }
  useImperativeHandle(handleRef, () => ({
    jumpTo(messageId) {
      setHighlight(messageId)
      const loaded = history.jumpTo(messageId)
      if (loaded) scrollTo(messageId)
      return loaded
    },
    jumpToLatest,
  }))

  // Memoised in two parts: `shared` changes only with the locale, slots or names, so memoised rows skip it; the
  // context changes with the data, but never merely because the thread re-rendered.
  const toggleActions = useCallback((id: string) => setActionsFor((open) => (open === id ? null : id)), [])
  const toggleSelected = useCallback((id: string) => kit.store.getState().toggleSelected(key, id), [kit, key])
  const MessageBodySlot = components?.MessageBody ?? MessageBody
  const DateSeparatorSlot = components?.DateSeparator ?? DateSeparator
  const AvatarSlot = components?.Avatar ?? Avatar
  const shared = useMemo<RowShared>(() => ({
    idPrefix, t, locale, name, toggleActions, toggleSelected,
    parts: { MessageBody: MessageBodySlot, DateSeparator: DateSeparatorSlot, Avatar: AvatarSlot },
  }), [idPrefix, t, locale, name, toggleActions, toggleSelected, MessageBodySlot, DateSeparatorSlot, AvatarSlot])
  const { hasNewer, fetchNewer, isFetchingOlder, isFetchingNewer } = history
  const pageFailed = history.status === 'error'
  const retryPage = useMemo(() => (pageFailed ? () => { if (hasOlder) fetchOlder(); if (hasNewer) fetchNewer() } : null),
    [pageFailed, hasOlder, hasNewer, fetchOlder, fetchNewer])
  const highlightedId = highlight ?? history.anchorId
  const context = useMemo<RowContext>(() => ({
    messages, firstItemIndex, offset, me, shared, highlightedId, unreadFromId: unreadFromId ?? null, selecting, selected, failed,
    actionsFor, hasOlder, isFetchingNewer,
  }), [messages, firstItemIndex, offset, me, shared, highlightedId, unreadFromId, selecting, selected, failed, actionsFor,
    hasOlder, isFetchingNewer])
  const describe = (id: string) => {
    const m = messages[lastIndexOfId(messages, id)]
    return m ? `${m.from === me ? t('ownName') : name(m.from)}, ${formatClock(m.time, locale)}: ${describeMessage(m, t)}` : null
  }
  // Retry: start the failed view over (pending again, so the skeleton shows while it loads). The failed queries are
  // picked before the reset: TanStack Query before 5.102 refetches with the same filter after resetting, and a
  // status filter no longer matches a query the reset made pending (the view stayed on its skeleton).
  const retry = () => {
    const queryKey = roamingKeys.history(scopeOf(kit), conversationId, chatType)
    const failed = new Set(kit.queryClient.getQueryCache().findAll({ queryKey, predicate: (q) => q.state.status === 'error' }))
    void kit.queryClient.resetQueries({ queryKey, predicate: (q) => failed.has(q) })
  }
  // Read by the list on mount only: no search for the anchor on every render.
  const initialIndex = (): IndexLocationWithAlign => {
    const anchorIndex = history.anchorId ? lastIndexOfId(messages, history.anchorId) - offset : -1
    // At the first unread message, so the reader starts where they left off (at the bottom when they all fit).
    const unreadIndex = unreadFromId ? lastIndexOfId(messages, unreadFromId) - offset : -1
    if (anchorIndex >= 0) return { index: anchorIndex, align: 'center' }
    return unreadIndex >= 0 ? { index: unreadIndex, align: 'start' } : { index: Math.max(0, count - 1), align: 'end' }
  }

  let content
  if (history.status === 'pending') content = <ThreadSkeleton t={t} label={label} />
  else if (history.status === 'error' && history.messages.length === 0) content = <ThreadError t={t} retry={guard.button(retry)} />
  else if (count === 0 && !hasOlder) content = <EmptyState reason={search ? 'noMatches' : 'noMessages'} t={t} Empty={components?.Empty} />
  else {
    content = (
      <ThreadList key={view} data={data} firstItemIndex={firstItemIndex} initialIndex={initialIndex}
        context={context} estimatedRowHeight={estimatedRowHeight} follow={history.isLatest} label={label} busy={history.isFetchingOlder || history.isFetchingNewer}
        onStartReached={() => { if (hasOlder) fetchOlder() }} onEndReached={() => { if (history.hasNewer) history.fetchNewer() }}
        onRangeChange={history.setViewRange} onAtBottomChange={news.setAtBottom} followOutput={news.followOutput} virtuosoRef={virtuoso}
        scrollerRef={scrollerRef} />
    )
    content = <>{content}<PageStatus loadingOlder={isFetchingOlder} retryPage={retryPage && guard.button(retryPage)} t={t} /></>
  }
  const arrival = news.arrival
  return (
    <>
      {history.anchorFound === false && <p role="status" className="rk-thread-notice">{t('anchorMissing')}</p>}
      <div className="rk-thread-viewport">
        <OfflineNotice id={noticeId(idPrefix)} className="rk-thread-offline" />
        <FlingContext.Provider value={fling}>{content}</FlingContext.Provider>
        {history.status !== 'pending' && count > 0 && (
          <ScrollControls unseen={news.unseen} away={!news.atBottom || !history.isLatest} t={t} onJumpToLatest={jumpToLatest} />
        )}
      </div>
      <DeleteFeedback deletion={deletion} describe={describe} t={t} />
      <ThreadDock t={t} idPrefix={idPrefix} messages={messages} offset={offset} me={me} actionsFor={actionsFor} setActionsFor={setActionsFor} name={name}
        selecting={selecting} selected={selected} deletion={deletion} scroller={scroller} guard={guard}
        startSelecting={(id) => { setSelectingHere(true); if (!selected.has(id)) kit.store.getState().toggleSelected(key, id) }}
        stopSelecting={() => { setSelectingHere(false); kit.store.getState().clearSelection() }} />
      <div className="rk-visually-hidden" role="status" aria-live="polite">
        {arrival && <span key={arrival.seq}>{arrival.count === 1 ? t('announceOne', { name: name(arrival.from) }) : t('announceMany', { count: arrival.count })}</span>}
      </div>
    </>
  )
}
