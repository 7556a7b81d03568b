import { useState, type Ref } from 'react'
import { Virtuoso, type Components, type IndexLocationWithAlign, type ItemProps, type VirtuosoHandle } from 'react-virtuoso'
import type { RoamingMessage } from '../../client/types'
import type { ViewRange } from '../../query/viewRange'
import { MessageRow } from './MessageRow'
import type { RowContext } from './rowContext'
import { firstOfGroupAt, threadRowAt } from './threadRows'

/** Bottom of the list: a fixed-height place for the spinner of newer pages (after a jump). */
function ListFooter({ context }: { context: RowContext }) {
  return (
    <div className="rk-thread-edge rk-thread-edge--bottom">
      {context.isFetchingNewer && (
        <span role="status" className="rk-thread-edge-status"><span className="rk-spinner" aria-hidden="true" />
          <span className="rk-visually-hidden">{context.shared.t('loadingNewer')}</span></span>
      )}
    </div>
  )
}

/**
 * What react-virtuoso gets as `data`: the shown count and the first shown message, nothing per loaded message
 * (react-virtuoso reads `data` only through `length` and `data[i]`). Rows read their message from
 * `context.messages` by index. The first shown message is there because react-virtuoso measures one "probe" row
 * before any other to estimate unmeasured rows, and renders `data[0]` as that probe: the estimate, and so the
 * view's settling and corrections, stay what they were when `data` held one item per shown message.
 */
export function rowsData(messages: readonly RoamingMessage[], offset: number, count: number): readonly (RoamingMessage | undefined)[] {
  const view: { length: number; 0?: RoamingMessage } = { length: count }
  if (count > 0) view[0] = messages[offset]
  return view as unknown as readonly (RoamingMessage | undefined)[]
}

/** The index in `context.messages` of a row: `first` is set only on row 0 and on the probe, both the first shown message. */
const messageIndex = (index: number, first: RoamingMessage | undefined, context: RowContext) =>
  first ? context.offset : index - context.firstItemIndex + context.offset
const itemKey = (index: number, first: RoamingMessage | undefined, context: RowContext) =>
  context.messages[messageIndex(index, first, context)]?.id ?? `row-${index}`
// Only the rows in view are computed, each from its neighbours: nothing is built per loaded message.
function itemContent(index: number, first: RoamingMessage | undefined, context: RowContext) {
  const i = messageIndex(index, first, context)
  if (!context.messages[i]) return null
  const { message, own, showDate, firstOfGroup, lastOfGroup } = threadRowAt(context.messages, i, context)
  const id = message.id
  const row = (
    <MessageRow message={message} own={own} showDate={showDate} firstOfGroup={firstOfGroup} lastOfGroup={lastOfGroup}
      unreadFrom={context.unreadFromId === id} highlighted={context.highlightedId === id} failed={context.failed.has(id)} open={context.actionsFor === id}
      selecting={context.selecting} checked={context.selecting && context.selected.has(id)} shared={context.shared} />
  )
  // The start of the conversation is part of its first row, not a header: see PageStatus for why the list has none.
  if (i > 0 || context.hasOlder) return row
  return <><p className="rk-thread-start">{context.shared.t('startOfConversation')}</p>{row}</>
}

/**
 * The element react-virtuoso measures for a row, carrying the row's spacing class itself: a wrapper of our own
 * inside it would be one more element per row, and mid-list the rows in view and both overscans are what the DOM
 * holds. Spacing is padding, never margin, so the measured box is the whole row.
 */
function RowItem({ item, context, children, ...props }: ItemProps<RoamingMessage | undefined> & { context: RowContext }) {
  const i = messageIndex(props['data-item-index'], item, context)
  const group = context.messages[i] !== undefined && firstOfGroupAt(context.messages, i, context)
  return <div {...props} className={group ? 'rk-thread-row rk-thread-row--group' : 'rk-thread-row'}>{children}</div>
}

// Module level: a new object each render would make react-virtuoso remount its parts.
const COMPONENTS: Components<RoamingMessage | undefined, RowContext> = { Footer: ListFooter, Item: RowItem }

/** Props of `ThreadList`. */
export interface ThreadListProps {
  /** `rowsData(…)`: the shown count (`shownCount`) and the first shown message; rows read `context.messages`. */
  data: readonly (RoamingMessage | undefined)[]
  /** From `useHistoryMessages`, plus one while the first message is held back as context (see `heldBack`). */
  firstItemIndex: number
  /** Where to open: the anchor (centred), the first unread message (top) or the last row (bottom). Called on mount only. */
  initialIndex: () => IndexLocationWithAlign
  /** The messages and shared state and callbacks for the rows (its `firstItemIndex` equals the prop). */
  context: RowContext
  /** react-virtuoso's `defaultItemHeight` (see `MessageThreadProps.estimatedRowHeight`). */
  estimatedRowHeight: number
  /** Whether new rows may be followed (the view holds the latest messages); react-virtuoso follows only at the bottom. */
  follow: boolean
  /** Given react-virtuoso's own at-bottom flag when rows were added, whether to follow them (see `useNewMessages`). */
  followOutput: (isAtBottom: boolean) => 'auto' | false
  /** Accessible name of the log. */
  label: string
  /** Whether a page is loading (aria-busy). */
  busy: boolean
  /** Called at the top: load older. */
  onStartReached: () => void
  /** Called at the bottom: load newer (after a jump). */
  onEndReached: () => void
  /** The rendered rows, whenever they change (react-virtuoso's `rangeChanged`; `useHistoryMessages().setViewRange`). */
  onRangeChange: (range: ViewRange) => void
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
    <Virtuoso<RoamingMessage | undefined, RowContext>
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
      data={props.data}
      context={props.context}
      firstItemIndex={props.firstItemIndex}
      initialTopMostItemIndex={initialIndex}
      // The size of every row not measured yet. Without it virtuoso measures one "probe" row and uses that: an
      // image row there (223–379 px against 59–75 for text) made unmeasured rows far too tall, so a fast scroll
      // rendered too few rows to fill the view (bench: blank frames at 1k 121 → 5 of 181).
      defaultItemHeight={props.estimatedRowHeight}
      alignToBottom
      // Virtuoso's own at-bottom flag, read when the data changes: React state of it can lag a resize by a render,
      // and a new message would then not be followed. `follow` adds the view's policy (only at the latest page).
      followOutput={props.follow ? props.followOutput : false}
      atBottomStateChange={props.onAtBottomChange}
      rangeChanged={props.onRangeChange}
      startReached={props.onStartReached}
      endReached={props.onEndReached}
      computeItemKey={itemKey}
      itemContent={itemContent}
      components={COMPONENTS}
      // Rendered beyond the view, px. Scrolling up (reading history) into rows not measured yet, react-virtuoso
      // keeps the rows it came from still when the new ones measure taller than estimated (an image row is up to
      // 379 px against 72): the new rows move up, and with a short bottom overscan the lower part of the view was
      // empty for a frame (bench, fast scroll up: 20–26 of 180 frames partly blank at 10k/100k with 400/200).
      // Rows above the view are rendered as they scroll in, in the same frame. Each overscan row is layout work
      // in every frame of a fast scroll: with images waiting out flings, 0/600 dropped 0–7 frames and left 4–6
      // partly blank, 0/1000 dropped 5–35 and left 0–3, 0/800 dropped 0–2 and left 0–3. Mid-list the DOM is
      // about 1.6× that of bare react-virtuoso rows, under the 2× budget.
      increaseViewportBy={{ top: 0, bottom: 800 }}
    />
  )
}
