import type { RoamingMessage } from '../client/types'
import type { RoamingKit } from './RoamingKit'

/**
 * The first and last rows a view renders (react-virtuoso's `rangeChanged` read against the items of that render:
 * messages, or conversations), or `undefined` when it was never told. A getter: the range changes at every scroll
 * step and matters only when a reconnection trims the view (see `trimViews`, `trimLists`), so it is read then, not
 * kept up to date.
 */
export type RenderedEnds<T = RoamingMessage> = () => readonly [T, T] | undefined

/** What each mounted view shows, by kit and query hash. */
const shown = new WeakMap<RoamingKit, Map<string, Set<RenderedEnds<unknown>>>>()

/** Notes that a view of the query shows the rows `ends` tells; returns the undo (for an effect's cleanup). */
export function showView<T>(kit: RoamingKit, queryHash: string, ends: RenderedEnds<T>): () => void {
  const views = shown.get(kit) ?? new Map<string, Set<RenderedEnds<unknown>>>()
  shown.set(kit, views)
  const of = views.get(queryHash) ?? new Set<RenderedEnds<unknown>>()
  views.set(queryHash, of.add(ends))
  return () => {
    of.delete(ends)
    if (of.size === 0 && views.get(queryHash) === of) views.delete(queryHash)
  }
}

/**
 * The rendered ends of every view of the query, or `undefined` unless each of its `observers` told them: a view
 * that did not (a custom UI without `setViewRange`, an observer of the options factory) may show any loaded page.
 */
export function renderedEnds<T = RoamingMessage>(kit: RoamingKit, queryHash: string, observers: number): Array<readonly [T, T]> | undefined {
  const views = shown.get(kit)?.get(queryHash)
  if (!views || views.size !== observers) return undefined
  const ends = [...views].map((view) => view())
  return ends.every((e) => e !== undefined) ? (ends as Array<readonly [T, T]>) : undefined
}
