import { useState, type Ref } from 'react'
import { Virtuoso, type Components, type IndexLocationWithAlign, type VirtuosoHandle } from 'react-virtuoso'
import { MessageRow } from './MessageRow'
import type { RowContext } from './rowContext'
import type { ThreadItem } from './threadItems'

/** Top of the list: always the same height, so the spinner coming and going never moves the rows. */
function ListHeader({ context }: { context: RowContext }) {
  return (
    <div className="rk-thread-edge rk-thread-edge--top">
      {context.retryPage ? (
        <span role="alert" className="rk-thread-edge-status">{context.t('pageError')}
          <button type="button" className="rk-button rk-button--small" onClick={context.retryPage}>{context.t('retry')}</button></span>
      ) : context.isFetchingOlder ? (
        <span role="status" className="rk-thread-edge-status"><span className="rk-spinner" aria-hidden="true" />
          <span className="rk-visually-hidden">{context.t('loadingOlder')}</span></span>
      ) : !context.hasOlder && <span className="rk-thread-start">{context.t('startOfConversation')}</span>}
    </div>
  )
}

/** Bottom of the list: a fixed-height place for the spinner of newer pages (after a jump). */
function ListFooter({ context }: { context: RowContext }) {
  return (
    <div className="rk-thread-edge rk-thread-edge--bottom">
      {context.isFetchingNewer && (
        <span role="status" className="rk-thread-edge-status"><span className="rk-spinner" aria-hidden="true" />
          <span className="rk-visually-hidden">{context.t('loadingNewer')}</span></span>
      )}
    </div>
  )
}

// Module level: a new object each render would make react-virtuoso remount its parts.
const COMPONENTS: Components<ThreadItem, RowContext> = { Header: ListHeader, Footer: ListFooter }
const itemKey = (_: number, item: ThreadItem) => item.message.id
const itemContent = (_: number, item: ThreadItem, context: RowContext) => <MessageRow item={item} context={context} />

/** Props of `ThreadList`. */
export interface ThreadListProps {
  /** Rows, one per shown message, ascending. */
  items: ThreadItem[]
  /** From `useHistoryMessages`, plus one while the first message is held back as context (see `threadItems`). */
  firstItemIndex: number
  /** Where to open: the anchor (centred) or the last row (bottom). Read on mount only. */
  initialIndex: IndexLocationWithAlign
  /** Shared state and callbacks for the rows. */
  context: RowContext
  /** Whether new rows at the end scroll into view (only when the reader is at the bottom of the latest messages). */
  follow: boolean
  /** Accessible name of the log. */
  label: string
  /** Whether a page is loading (aria-busy). */
  busy: boolean
  /** Called at the top: load older. */
  onStartReached: () => void
  /** Called at the bottom: load newer (after a jump). */
  onEndReached: () => void
  /** Whether the reader is at the bottom. */
  onAtBottomChange: (atBottom: boolean) => void
  /** The list's handle, to scroll to a row. */
  virtuosoRef: Ref<VirtuosoHandle>
  /** The scroller element, to give it focus. */
  scrollerRef: (element: HTMLElement | Window | null) => void
}

/**
 * The virtualized message log (react-virtuoso in chat mode): opens at the bottom or at an anchor, keeps the view
 * still while older pages are prepended (`firstItemIndex`), and follows new messages only at the bottom.
 */
export function ThreadList(props: ThreadListProps) {
  // react-virtuoso scrolls again whenever this prop changes: keep the location of the first render only.
  const [initialIndex] = useState(props.initialIndex)
  return (
    <Virtuoso<ThreadItem, RowContext>
      ref={props.virtuosoRef}
      scrollerRef={props.scrollerRef}
      className="rk-thread-scroller"
      role="log"
      aria-label={props.label}
      // Rows mount and unmount as the reader scrolls: announcing them would re-read the list. New messages are
      // announced by the thread's own polite status region instead.
      aria-live="off"
      aria-busy={props.busy}
      tabIndex={0}
      data={props.items}
      context={props.context}
      firstItemIndex={props.firstItemIndex}
      initialTopMostItemIndex={initialIndex}
      alignToBottom
      followOutput={props.follow ? 'auto' : false}
      atBottomStateChange={props.onAtBottomChange}
      startReached={props.onStartReached}
      endReached={props.onEndReached}
      computeItemKey={itemKey}
      itemContent={itemContent}
      components={COMPONENTS}
      increaseViewportBy={{ top: 400, bottom: 200 }}
    />
  )
}
