/** The rows a virtualized list renders: react-virtuoso's `rangeChanged`, indexes counted from its `firstItemIndex`. */
export interface ViewRange {
  /** Index of the first rendered row. */
  startIndex: number
  /** Index of the last rendered row. */
  endIndex: number
}

/** A list's `firstItemIndex` and the items it was given for: what the next index is measured against. */
export interface Indexed<T> {
  /** The `firstItemIndex` given to react-virtuoso. */
  index: number
  /** The items rendered with it. */
  items: readonly T[]
}
