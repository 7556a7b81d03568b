import { useCallback, useRef } from 'react'
import type { Indexed, ViewRange } from '../query/viewRange'

/**
 * react-virtuoso's `firstItemIndex` for items that change under a scrolled view, and the setter of the rendered
 * range it is measured from. `next` gets what was last rendered and the last range (its indexes are that render's:
 * react-virtuoso says when they change, and not when the anchoring kept them) and returns the new index. `rendered`
 * reads the first and last rendered items off them (`undefined` before a range came).
 */
export function useFirstItemIndex<T>(
  items: readonly T[], next: (prev: Indexed<T> | undefined, range: ViewRange | undefined) => number,
): { firstItemIndex: number; setViewRange: (range: ViewRange) => void; rendered: () => readonly [T, T] | undefined } {
  // Written in render: it depends only on what was last rendered, so a repeated render (StrictMode) gives the same.
  const indexed = useRef<Indexed<T>>(undefined)
  // A ref, not state: the range changes as the reader scrolls and matters only when the items change.
  const range = useRef<ViewRange>(undefined)
  const firstItemIndex = next(indexed.current, range.current)
  indexed.current = { index: firstItemIndex, items }
  const setViewRange = useCallback((r: ViewRange) => { range.current = r }, [])
  const rendered = useCallback((): readonly [T, T] | undefined => {
    const at = indexed.current
    const first = at && range.current && at.items[range.current.startIndex - at.index]
    const last = at && range.current && at.items[range.current.endIndex - at.index]
    return first && last ? [first, last] : undefined
  }, [])
  return { firstItemIndex, setViewRange, rendered }
}
