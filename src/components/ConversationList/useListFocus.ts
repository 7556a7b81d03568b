import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react'
import type { VirtuosoHandle } from 'react-virtuoso'
import type { Conversation } from '../../client/types'
import { keyOf } from '../../query/keys'

/** Inputs of `useListFocus`. */
export interface UseListFocusOptions {
  /** The rows, in order. */
  conversations: readonly Conversation[]
  /** Index of the active conversation, -1 if none: where focus starts. */
  activeIndex: number
  /** Rows per page, for PageUp / PageDown. */
  pageRows: number
  /** The list, scrolled so the focused row is rendered. */
  virtuoso: RefObject<VirtuosoHandle | null>
  /** Enter or Space on a row. */
  onChoose: (index: number) => void
  /** Delete on a row. */
  onDelete: (index: number) => void
}

/** What `useListFocus` returns. */
export interface ListFocus {
  /** Index of the row with virtual focus, -1 when there is none. */
  index: number
  /** Keyboard handler of the listbox. */
  onKeyDown: (event: KeyboardEvent) => void
  /** Puts focus on a row without scrolling (a click). */
  focusRow: (index: number) => void
}


/**
 * The listbox's virtual focus (`aria-activedescendant`), kept by conversation key so it follows its row when the
 * list reorders (a new message, a pin), and falling back to the same position when the row leaves.
 */
export function useListFocus({ conversations, activeIndex, pageRows, virtuoso, onChoose, onDelete }: UseListFocusOptions): ListFocus {
  const [focus, setFocus] = useState<{ key: string; index: number } | null>(null)
  const count = conversations.length
  const index = useMemo(() => {
    if (count === 0) return -1
    if (!focus) return Math.max(activeIndex, 0)
    const found = conversations.findIndex((c) => keyOf(c) === focus.key)
    return found >= 0 ? found : Math.min(focus.index, count - 1)
  }, [conversations, count, focus, activeIndex])

  const focusRow = (target: number) => {
    const i = Math.min(Math.max(target, 0), count - 1)
    const c = conversations[i]
    if (c) setFocus({ key: keyOf(c), index: i })
    return c ? i : -1
  }
  const moveTo = (target: number, align?: 'start' | 'end') => {
    const i = focusRow(target)
    if (i < 0) return
    // Virtuoso renders only what is in view: scroll first so the focused option exists in the DOM.
    if (align) virtuoso.current?.scrollToIndex({ index: i, align })
    else virtuoso.current?.scrollIntoView({ index: i })
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || count === 0) return
    switch (event.key) {
      case 'ArrowDown': moveTo(index + 1); break
      case 'ArrowUp': moveTo(index - 1); break
      case 'PageDown': moveTo(index + pageRows); break
      case 'PageUp': moveTo(index - pageRows); break
      case 'Home': moveTo(0, 'start'); break
      case 'End': moveTo(count - 1, 'end'); break
      case 'Enter':
      case ' ': onChoose(index); break
      case 'Delete': onDelete(index); break
      default: return
    }
    event.preventDefault()
  }
  return { index, onKeyDown, focusRow: (i) => void focusRow(i) }
}
