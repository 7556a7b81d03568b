import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Virtuoso, type Components, type ListItem, type VirtuosoHandle } from 'react-virtuoso'
import type { Conversation } from '../../client/types'
import type { Translate } from '../../i18n/strings'
import type { ViewRange } from '../../query/viewRange'
import { keyOf } from '../../query/keys'
import type { ConversationListComponents, ConversationListMark } from './ConversationListComponents'
import { ConversationRow } from './ConversationRow'
import { ConversationToolbar } from './ConversationToolbar'
import { DeleteConversationDialog } from './DeleteConversationDialog'
import { SkeletonRow } from './ListStates'
import type { ConversationListStringKey } from './strings'
import type { ConnectionGuard } from '../useConnectionGuard'
import type { ConversationActions } from './useConversationActions'
import { useListFocus } from './useListFocus'
import { useNow } from './useNow'

/** Props of `ConversationListbox`. */
export interface ConversationListboxProps {
  /** Loaded conversations, in order. */
  conversations: Conversation[]
  /** From `useConversationList`: keeps the rows in view still when conversations move above them. */
  firstItemIndex: number
  /** From `useConversationList`: told react-virtuoso's rendered range. */
  setViewRange: (range: ViewRange) => void
  /** Whether the server has more. */
  hasNextPage: boolean
  /** Whether the next page is loading. */
  isFetchingNextPage: boolean
  /** Loads the next page. */
  fetchNextPage: () => void
  /** Key (`conversationKey`) of the active conversation, if any. */
  activeKey: string | null
  /** Makes a conversation the active one. */
  onChoose: (conversation: Conversation) => void
  /** Pin and delete. */
  actions: ConversationActions
  /** Display name of a conversation. */
  nameOf: (conversation: Conversation) => string
  /** Avatar URL of a conversation. */
  avatarOf: (conversation: Conversation) => string | undefined
  /** Replaced parts. */
  slots: ConversationListComponents
  /** UI language. */
  locale: string
  /** The list's translator. */
  t: Translate<ConversationListStringKey>
  /** Pin and delete are unavailable while the connection is down. */
  guard: ConnectionGuard
  /** The marks the user can give from the toolbar, and rows tag (stable: see `ConversationList`). */
  marks: readonly ConversationListMark[]
}

/** What every row (and the footer) reads from Virtuoso's `context`. */
interface RowContext extends Pick<ConversationListboxProps, 'nameOf' | 'avatarOf' | 'slots' | 'locale' | 't' | 'activeKey' | 'isFetchingNextPage' | 'marks'> {
  /** react-virtuoso's `firstItemIndex` in force: row `index` shows `conversations[index - firstItemIndex]`. */
  firstItemIndex: number
  /** Index of the row with virtual focus. */
  focusedIndex: number
  /** DOM id of the option at an index. */
  optionId: (index: number) => string
  /** `aria-setsize`: the loaded count, or -1 while the server has more. */
  setSize: number
  /** Current time, for relative times. */
  now: number
  /** Stable click handler of every row. */
  onPick: (index: number) => void
}

const computeItemKey = (_: number, c: Conversation) => keyOf(c)
const itemContent = (row: number, c: Conversation, ctx: RowContext, index = row - ctx.firstItemIndex) => (
  <ConversationRow
    conversation={c} index={index} setSize={ctx.setSize} id={ctx.optionId(index)} selected={keyOf(c) === ctx.activeKey}
    focused={index === ctx.focusedIndex} name={ctx.nameOf(c)} avatarUrl={ctx.avatarOf(c)} now={ctx.now} locale={ctx.locale}
    t={ctx.t} slots={ctx.slots} onPick={ctx.onPick} marks={ctx.marks}
  />
)
/** `.rk-conversation-row`'s height (px), react-virtuoso's estimate for rows not measured yet. */
const ROW_HEIGHT = 64

// Module level: a new `components` object would remount Virtuoso's parts on every render.
const VIRTUOSO_COMPONENTS: Components<Conversation, RowContext> = {
  Footer: ({ context }) => (context.isFetchingNextPage ? <div className="rk-conversation-list-footer"><SkeletonRow /></div> : null),
}

/**
 * The virtualized listbox (react-virtuoso) with virtual focus (`aria-activedescendant`), the toolbar of the
 * focused row and the delete confirmation.
 */
export function ConversationListbox(props: ConversationListboxProps) {
  const { conversations, activeKey, actions, nameOf, t } = props
  const virtuoso = useRef<VirtuosoHandle>(null)
  const baseId = useId()
  const now = useNow()
  const [rendered, setRendered] = useState({ first: 0, last: -1 })
  const [deleting, setDeleting] = useState<Conversation | null>(null)
  const { guard } = props
  const activeIndex = useMemo(() => (activeKey ? conversations.findIndex((c) => keyOf(c) === activeKey) : -1), [conversations, activeKey])
  const choose = (index: number) => { const c = conversations[index]; if (c) props.onChoose(c) }
  const focus = useListFocus({
    conversations, activeIndex, virtuoso, pageRows: Math.max(1, rendered.last - rendered.first - 1),
    onChoose: choose, onDelete: (i) => { if (!guard.down) setDeleting(conversations[i] ?? null) },
  })
  // Stable, and no state update at all when the rendered range is unchanged: Virtuoso calls `itemsRendered` after
  // its items re-render, and on React 18 even a no-op setState there re-renders and calls it again (a loop:
  // "Maximum update depth exceeded"). The context below is memoised for the same reason.
  const renderedRef = useRef(rendered)
  const { firstItemIndex } = props
  const onItemsRendered = useCallback((rows: ListItem<Conversation>[]) => {
    const first = rows[0]?.originalIndex ?? 0
    const last = rows.at(-1)?.originalIndex ?? -1
    if (renderedRef.current.first === first && renderedRef.current.last === last) return
    renderedRef.current = { first, last }
    setRendered(renderedRef.current)
  }, [])
  const optionId = useCallback((index: number) => `${baseId}-option-${index}`, [baseId])
  // Rows are memoized: hand them one stable click handler that always sees the current list.
  const pick = useRef((_: number) => {})
  useLayoutEffect(() => { pick.current = (index) => { focus.focusRow(index); choose(index) } })
  const onPick = useCallback((index: number) => pick.current(index), [])
  const setSize = props.hasNextPage ? -1 : conversations.length
  const context = useMemo<RowContext>(() => ({
    nameOf, avatarOf: props.avatarOf, slots: props.slots, locale: props.locale, t, activeKey, isFetchingNextPage: props.isFetchingNextPage,
    firstItemIndex, focusedIndex: focus.index, optionId, setSize, now, onPick, marks: props.marks,
  }), [nameOf, props.avatarOf, props.slots, props.locale, t, activeKey, props.isFetchingNextPage, firstItemIndex, focus.index, optionId, setSize, now, onPick, props.marks])
  // Only name a rendered option: an id that is not in the DOM is an invalid reference.
  const focusedRendered = focus.index >= rendered.first && focus.index <= rendered.last
  const current = conversations[focus.index]
  return (
    <>
      <Virtuoso<Conversation, RowContext>
        ref={virtuoso} className="rk-conversation-list-listbox" data={conversations} context={context} firstItemIndex={firstItemIndex}
        rangeChanged={props.setViewRange}
        computeItemKey={computeItemKey} itemContent={itemContent} components={VIRTUOSO_COMPONENTS}
        endReached={props.fetchNextPage} itemsRendered={onItemsRendered}
        // Nothing rendered above the view: the rendered range is what `setViewRange` takes as the rows in view, and
        // a reader within a row or two of the top would otherwise count as at the top. Rows are all 64 px, so rows
        // scrolled into from above render in the same frame, at their final size.
        increaseViewportBy={{ top: 0, bottom: 240 }}
        // The rows' height in the stylesheet: without an estimate react-virtuoso first renders and measures one
        // probe row, and only then the rows in view, a frame later.
        defaultItemHeight={ROW_HEIGHT}
        role="listbox" aria-label={t('listLabel')} aria-busy={props.isFetchingNextPage} aria-keyshortcuts="Delete"
        aria-activedescendant={focusedRendered ? optionId(focus.index) : undefined} tabIndex={0} onKeyDown={focus.onKeyDown}
      />
      {current && (
        <ConversationToolbar
          conversation={current} name={nameOf(current)} t={t} guard={guard}
          onTogglePin={() => actions.togglePin(current)} onDelete={() => setDeleting(current)}
          marks={props.marks} onToggleMark={(m) => actions.toggleMark(current, m)}
        />
      )}
      {deleting && (
        <DeleteConversationDialog
          name={nameOf(deleting)} t={t} guard={guard} onCancel={() => setDeleting(null)}
          onConfirm={(deleteRoam) => { actions.remove(deleting, deleteRoam); setDeleting(null) }}
        />
      )}
    </>
  )
}
