/**
 * What one user removed from one conversation, pending or confirmed: ids, and a time at or before which every
 * message is gone. A tombstone outlives the request that made it, so a page fetched before the deletion landed
 * can never bring a message back.
 */
export interface Tombstone {
  /** Removed message ids. */
  readonly ids: ReadonlySet<string>
  /** Every message with `time <= before` is removed; `0` for none. */
  readonly before: number
}

/** No removal. */
export const NO_TOMBSTONE: Tombstone = { ids: new Set(), before: 0 }

/** Whether a message is removed by the tombstone. */
export const isBuried = (t: Tombstone | undefined, m: { id: string; time: number }): boolean =>
  t !== undefined && (m.time <= t.before || t.ids.has(m.id))

/** The union of two tombstones. */
export function mergeTombstones(a: Tombstone, b: { ids?: Iterable<string>; before?: number }): Tombstone {
  const ids = b.ids ? new Set([...a.ids, ...b.ids]) : a.ids
  return { ids, before: Math.max(a.before, b.before ?? 0) }
}
