import type { ListItem } from 'react-virtuoso'
import type { Conversation } from '../../src/client/types'
import { LIST_INDEX_BASE, nextListIndex, rowsInView } from '../../src/components/ConversationList/nextListIndex'

const conv = (id: string): Conversation =>
  ({ conversationId: id, chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0, marks: [] })
const list = (ids: string) => ids.split('').map(conv)
const at = (index: number, conversations: Conversation[]) => ({ index, conversations })

describe('nextListIndex', () => {
  const before = list('abcdefghij')

  it('starts at the base, and stays when nothing is in view or nothing changed', () => {
    expect(nextListIndex(undefined, before, () => [])).toBe(LIST_INDEX_BASE)
    expect(nextListIndex(at(100, before), list('zabcdefghij'), () => [])).toBe(100)
    expect(nextListIndex(at(100, before), before, () => list('ef'))).toBe(100)
  })

  it('reads the rows in view (layout) only when the conversations changed', () => {
    const read = vi.fn(() => list('ef'))
    nextListIndex(undefined, before, read)
    nextListIndex(at(100, before), before, read)
    expect(read).not.toHaveBeenCalled()
    expect(nextListIndex(at(100, before), list('zabcdefghij'), read)).toBe(99)
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('takes back what the rows in view moved: arrivals above lower it, departures above raise it, changes below leave it', () => {
    const inView = list('efg')
    expect(nextListIndex(at(100, before), list('zabcdefghij'), () => inView)).toBe(99)
    expect(nextListIndex(at(100, before), list('iabcdefghj'), () => inView)).toBe(99) // i moved to the top
    expect(nextListIndex(at(100, before), list('acdefghij'), () => inView)).toBe(101) // b deleted
    expect(nextListIndex(at(100, before), list('abcdefgh'), () => inView)).toBe(100) // i, j deleted below
    expect(nextListIndex(at(100, before), list('abcdefghijklm'), () => inView)).toBe(100) // the next page
  })

  it('keeps the top row in view and those after it, or the next row when the top one went (to the top, or away)', () => {
    expect(nextListIndex(at(100, before), list('eabcdfghij'), () => list('efgh'))).toBe(100) // e moved to the top
    expect(nextListIndex(at(100, before), list('abcdfghij'), () => list('efgh'))).toBe(101) // e deleted: f stays
    expect(nextListIndex(at(100, before), list('abcdefhij'), () => list('efgh'))).toBe(100) // g deleted: e, f stay, h closes the gap
    expect(nextListIndex(at(100, before), list('gabcdefhij'), () => list('efgh'))).toBe(99) // g moved to the top: e, f stay
    expect(nextListIndex(at(100, before), list('zabcdefghij'), () => list('e'))).toBe(99) // one row in view
    expect(nextListIndex(at(100, before), list('abc'), () => list('efgh'))).toBe(100) // all in view gone
  })
})

describe('rowsInView', () => {
  const rows = list('abcdef').map((c, i): ListItem<Conversation> => ({ data: c, index: LIST_INDEX_BASE + i, originalIndex: i, offset: i * 64, size: 64 }))

  it('is the rows at least partly inside [scrollTop, scrollTop + height), overscan left out', () => {
    expect(rowsInView(rows, 100, 128).map((c) => c.conversationId)).toEqual(['b', 'c', 'd'])
    expect(rowsInView(rows, 128, 128).map((c) => c.conversationId)).toEqual(['c', 'd'])
  })

  it('is nothing when the first conversation is in view: a reader at the top sees arrivals', () => {
    expect(rowsInView(rows, 0, 128)).toEqual([])
    expect(rowsInView(rows, 63, 128)).toEqual([])
  })
})
