import type { RoamingMessage } from '../../src/client/types'
import { firstOfGroupAt, heldBack, lastIndexOfId, shownCount, threadRowAt, type ThreadRow, type ThreadRowOptions } from '../../src/components/MessageThread/threadRows'

const day = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime()
let next = 1
const msg = (from: string, time: number): RoamingMessage =>
  ({ id: String(next++), conversationId: 'bob', chatType: 'singleChat', from, to: from === 'alice' ? 'bob' : 'alice', time, ext: {}, type: 'txt', text: 'x' })
// Every shown row, as the list renders them one at a time (row r is messages[r + heldBack]).
const shownRows = (messages: RoamingMessage[], options: ThreadRowOptions & { hasOlder: boolean }): ThreadRow[] =>
  Array.from({ length: shownCount(messages, options.hasOlder) }, (_, r) => threadRowAt(messages, r + heldBack(messages, options.hasOlder), options))
const shape = (items: ThreadRow[]) => items.map((i) => [i.message.from[0], +i.showDate, +i.firstOfGroup, +i.lastOfGroup, +i.own].join(''))

describe('firstOfGroupAt', () => {
  it('agrees with threadRowAt on every row: senders, pauses and days', () => {
    const list = [
      msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2)), msg('bob', day(10, 9, 3)),
      msg('bob', day(10, 9, 10)), msg('bob', day(11, 8)), msg('alice', day(11, 8)), msg('alice', day(12, 0, 1)),
    ]
    for (const options of [{ me: 'alice' }, { me: 'alice', groupGapMs: 60_000 }]) {
      const expected = list.map((_, i) => threadRowAt(list, i, options).firstOfGroup)
      expect(list.map((_, i) => firstOfGroupAt(list, i, options))).toEqual(expected)
      expect(expected).toContain(false)
    }
  })
})

describe('threadRowAt', () => {
  it('starts a day with a date separator and groups consecutive messages of one sender', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2)), msg('bob', day(10, 9, 3)), msg('bob', day(11, 8))]
    // sender initial, showDate, firstOfGroup, lastOfGroup, own
    expect(shape(shownRows(list, { me: 'alice', hasOlder: false }))).toEqual(['b1100', 'b0010', 'a0111', 'b0110', 'b1110'])
  })

  it('breaks a group after a pause longer than groupGapMs', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 4)), msg('bob', day(10, 9, 10))]
    expect(shape(shownRows(list, { me: 'alice', hasOlder: false }))).toEqual(['b1100', 'b0010', 'b0110'])
    expect(shape(shownRows(list, { me: 'alice', hasOlder: false, groupGapMs: 60_000 }))).toEqual(['b1110', 'b0110', 'b0110'])
  })

  it('holds the first message back as context while older ones exist: one item per shown message', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2))]
    const items = shownRows(list, { me: 'alice', hasOlder: true })
    expect(items.map((i) => i.message.id)).toEqual([list[1]!.id, list[2]!.id])
    // Decided from the held-back message: no separator, no group start for the continuation.
    expect(shape(items)).toEqual(['b0010', 'a0111'])
  })

  it('never changes the decisions of shown rows when an older page is prepended', () => {
    const page2 = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2)), msg('bob', day(10, 10))]
    const page1 = [msg('bob', day(9, 9)), msg('bob', day(10, 8, 58)), msg('bob', day(10, 8, 59))]
    const before = shownRows(page2, { me: 'alice', hasOlder: true })
    const after = shownRows([...page1, ...page2], { me: 'alice', hasOlder: true })
    expect(after.slice(-before.length)).toEqual(before)
    // Exactly the page's count is added in front: the held-back message shows now, the new first one is held.
    expect(after.length - before.length).toBe(page1.length)
    // At the start of history every message shows and the first opens a day and a group.
    const all = shownRows([...page1, ...page2], { me: 'alice', hasOlder: false })
    expect(all).toHaveLength(page1.length + page2.length)
    expect(shape(all.slice(0, 1))).toEqual(['b1110'])
  })

  it('returns nothing for no messages', () => {
    expect(shownRows([], { me: 'alice', hasOlder: false })).toEqual([])
    expect(shownRows([msg('bob', day(10, 9))], { me: 'alice', hasOlder: true })).toEqual([])
  })

  it('decides one row from its neighbours only, the same as within the whole list', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2)), msg('bob', day(10, 9, 3)), msg('bob', day(11, 8))]
    const all = shownRows(list, { me: 'alice', hasOlder: false })
    list.forEach((_, i) => expect(threadRowAt(list, i, { me: 'alice' })).toEqual(all[i]))
    // Only i - 1, i and i + 1 are read: the rest of the array may be anything.
    const sparse = Object.assign(new Array<RoamingMessage>(100_000), { 50_000: list[2], 50_001: list[3], 50_002: list[4] })
    expect(threadRowAt(sparse, 50_001, { me: 'alice' })).toEqual(all[3])
    expect(threadRowAt(list, 0, { me: 'bob' })).toMatchObject({ own: true, showDate: true, firstOfGroup: true })
  })

  it('counts shown rows and finds messages from the end', () => {
    const list = [msg('bob', day(10, 9)), msg('alice', day(10, 9, 1))]
    expect([heldBack(list, true), shownCount(list, true), heldBack(list, false), shownCount(list, false)]).toEqual([1, 1, 0, 2])
    expect([heldBack([], true), shownCount([], true)]).toEqual([0, 0])
    expect(lastIndexOfId(list, list[1]!.id)).toBe(1)
    expect(lastIndexOfId(list, list[0]!.id)).toBe(0)
    expect(lastIndexOfId(list, 'nope')).toBe(-1)
  })
})
