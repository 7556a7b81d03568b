import type { Conversation } from '../../src/client/types'
import { conversationsInRange, LIST_INDEX_BASE, nextListIndex } from '../../src/query/nextListIndex'

const conv = (id: string): Conversation =>
  ({ conversationId: id, chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0, marks: [] })
const list = (ids: string) => ids.split('').map(conv)
const at = (index: number, items: Conversation[]) => ({ index, items })

describe('nextListIndex', () => {
  const before = list('abcdefghij')

  it('starts at the base, and stays when nothing is in view or nothing changed', () => {
    expect(nextListIndex(undefined, before, [])).toBe(LIST_INDEX_BASE)
    expect(nextListIndex(at(100, before), list('zabcdefghij'), [])).toBe(100)
    expect(nextListIndex(at(100, before), before, list('ef'))).toBe(100)
  })

  it('takes back what the rows in view moved: arrivals above lower it, departures above raise it, changes below leave it', () => {
    const inView = list('efg')
    expect(nextListIndex(at(100, before), list('zabcdefghij'), inView)).toBe(99)
    expect(nextListIndex(at(100, before), list('iabcdefghj'), inView)).toBe(99) // i moved to the top
    expect(nextListIndex(at(100, before), list('acdefghij'), inView)).toBe(101) // b deleted
    expect(nextListIndex(at(100, before), list('abcdefgh'), inView)).toBe(100) // i, j deleted below
    expect(nextListIndex(at(100, before), list('abcdefghijklm'), inView)).toBe(100) // the next page
  })

  it('keeps the top row in view and those after it, or the next row when the top one went (to the top, or away)', () => {
    expect(nextListIndex(at(100, before), list('eabcdfghij'), list('efgh'))).toBe(100) // e moved to the top
    expect(nextListIndex(at(100, before), list('abcdfghij'), list('efgh'))).toBe(101) // e deleted: f stays
    expect(nextListIndex(at(100, before), list('abcdefhij'), list('efgh'))).toBe(100) // g deleted: e, f stay, h closes the gap
    expect(nextListIndex(at(100, before), list('gabcdefhij'), list('efgh'))).toBe(99) // g moved to the top: e, f stay
    expect(nextListIndex(at(100, before), list('zabcdefghij'), list('e'))).toBe(99) // one row in view
    expect(nextListIndex(at(100, before), list('abc'), list('efgh'))).toBe(100) // all in view gone
  })
})

describe('conversationsInRange', () => {
  const shown = at(100, list('abcdefghij'))
  const ids = (cs: readonly Conversation[]) => cs.map((c) => c.conversationId).join('')

  it('is the conversations at react-virtuoso\'s indexes, counted from the list\'s firstItemIndex', () => {
    expect(ids(conversationsInRange(shown, { startIndex: 104, endIndex: 107 }))).toBe('efgh')
    expect(ids(conversationsInRange(shown, { startIndex: 108, endIndex: 120 }))).toBe('ij')
  })

  it('is nothing when the first conversation is in the range: a reader at the top sees arrivals', () => {
    expect(conversationsInRange(shown, { startIndex: 100, endIndex: 104 })).toEqual([])
    expect(conversationsInRange(shown, { startIndex: 99, endIndex: 104 })).toEqual([])
  })
})
