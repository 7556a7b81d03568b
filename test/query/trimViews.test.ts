/**
 * `keepShown`: which pages of a shown view a reconnection reads again. The thread-level behaviour (requests, no row
 * moved) is in `resync.test.tsx` and `MessageThread.browser.test.tsx`; these are the edges of the page cut.
 */
import { describe, expect, it } from 'vitest'
import { keepShown } from '../../src/query/trimViews'
import { history, idOf, msg, msgs, page } from './fixtures'

const older = (n: number) => ({ kind: 'older' as const, cursor: idOf(n) })
const newer = (n: number) => ({ kind: 'newer' as const, cursor: idOf(n) })
/** Four pages of 10 (messages 1–40) holding the latest, as a refetch leaves them: one `older` page, then `newer` ones. */
const latestView = () => history(
  [older(11), page(msgs(1, 10), { olderCursor: idOf(1), newerCursor: idOf(10) })],
  [newer(10), page(msgs(11, 20), { newerCursor: idOf(20) })],
  [newer(20), page(msgs(21, 30), { newerCursor: idOf(30) })],
  [newer(30), page(msgs(31, 40))],
)

describe('keepShown', () => {
  it('keeps a page above the top rendered row and reads it upwards: a downward parameter there would lose the older cursor', () => {
    const kept = keepShown(latestView(), [[msg(33), msg(40)]])
    expect(kept.pages.map((p) => p.messages[0]?.id)).toEqual([idOf(21), idOf(31)])
    expect(kept.pageParams[0]).toEqual(older(31))
    expect(kept.pages[0]!.olderCursor).toBe(idOf(21))
  })

  it('a margin page emptied by removals still leads to older messages, from the next page', () => {
    const view = latestView()
    view.pages[2] = page([], { newerCursor: idOf(30) })
    const kept = keepShown(view, [[msg(33), msg(40)]])
    expect(kept.pages[0]!.olderCursor).toBe(idOf(31))
    expect(kept.pageParams[0]).toEqual(older(31))
  })

  it('the rows of two views of the query are both kept', () => {
    const kept = keepShown(latestView(), [[msg(33), msg(40)], [msg(22), msg(28)]])
    expect(kept.pages.map((p) => p.messages[0]?.id)).toEqual([idOf(11), idOf(21), idOf(31)])
  })

  it('leaves the data alone when a rendered row is no longer loaded, or when every page is worth reading', () => {
    const view = latestView()
    expect(keepShown(view, [[msg(41), msg(42)]])).toBe(view)
    expect(keepShown(view, [[msg(12), msg(40)]])).toBe(view)
  })

  it('in a view without the latest page, drops the pages more than one below the lowest rendered row', () => {
    const view = latestView()
    view.pages[3] = page(msgs(31, 40), { newerCursor: idOf(40) })
    const kept = keepShown(view, [[msg(3), msg(9)]])
    expect(kept.pages.map((p) => p.messages[0]?.id)).toEqual([idOf(1), idOf(11)])
    expect(kept.pageParams).toEqual(view.pageParams.slice(0, 2))
  })
})
