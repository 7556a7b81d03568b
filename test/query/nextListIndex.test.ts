import type { Conversation } from '../../src/client/types'
import { LIST_INDEX_BASE, nextListIndex } from '../../src/query/nextListIndex'

const conv = (id: string): Conversation =>
  ({ conversationId: id, chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0, marks: [] })
const list = (ids: string) => ids.split('').map(conv)
const at = (index: number, items: Conversation[]) => ({ index, items })
/** react-virtuoso's range of the rows `from`..`to` of `before` (0-based), shown at index 100. */
const rows = (from: number, to: number) => ({ startIndex: 100 + from, endIndex: 100 + to })

describe('nextListIndex', () => {
  const before = list('abcdefghij')

  it('starts at the base, and stays when no range is known, nothing changed, or the first conversation is in view', () => {
    expect(nextListIndex(undefined, before, rows(4, 6))).toBe(LIST_INDEX_BASE)
    expect(nextListIndex(at(100, before), list('zabcdefghij'), undefined)).toBe(100)
    expect(nextListIndex(at(100, before), before, rows(4, 5))).toBe(100)
    // At the top (the first conversation rendered): a reader there sees arrivals.
    expect(nextListIndex(at(100, before), list('zabcdefghij'), rows(0, 4))).toBe(100)
    expect(nextListIndex(at(100, before), list('zabcdefghij'), { startIndex: 99, endIndex: 104 })).toBe(100)
  })

  it('takes back what the rows in view moved: arrivals above lower it, departures above raise it, changes below leave it', () => {
    const efg = rows(4, 6)
    expect(nextListIndex(at(100, before), list('zabcdefghij'), efg)).toBe(99)
    expect(nextListIndex(at(100, before), list('iabcdefghj'), efg)).toBe(99) // i moved to the top
    expect(nextListIndex(at(100, before), list('acdefghij'), efg)).toBe(101) // b deleted
    expect(nextListIndex(at(100, before), list('abcdefgh'), efg)).toBe(100) // i, j deleted below
    expect(nextListIndex(at(100, before), list('abcdefghijklm'), efg)).toBe(100) // the next page
  })

  it('keeps the top row in view and those after it, or the next row when the top one went (to the top, or away)', () => {
    const efgh = rows(4, 7)
    expect(nextListIndex(at(100, before), list('eabcdfghij'), efgh)).toBe(100) // e moved to the top
    expect(nextListIndex(at(100, before), list('abcdfghij'), efgh)).toBe(101) // e deleted: f stays
    expect(nextListIndex(at(100, before), list('abcdefhij'), efgh)).toBe(100) // g deleted: e, f stay, h closes the gap
    expect(nextListIndex(at(100, before), list('gabcdefhij'), efgh)).toBe(99) // g moved to the top: e, f stay
    expect(nextListIndex(at(100, before), list('zabcdefghij'), rows(4, 4))).toBe(99) // one row in view
    expect(nextListIndex(at(100, before), list('abc'), efgh)).toBe(100) // all in view gone
  })

  it('reads the rows in view from the last rendered list at the range\'s indexes, after an earlier change kept them', () => {
    // z arrived above e..h, which kept their indexes (104..107) under firstItemIndex 99: the same range now names them.
    const after = list('zabcdefghij')
    expect(nextListIndex(at(99, after), list('yzabcdefghij'), rows(4, 7))).toBe(98)
  })
})
