import type { RoamingMessage } from '../../src/client/types'
import { threadItems } from '../../src/components/MessageThread/threadItems'

const day = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime()
let next = 1
const msg = (from: string, time: number): RoamingMessage =>
  ({ id: String(next++), conversationId: 'bob', chatType: 'singleChat', from, to: from === 'alice' ? 'bob' : 'alice', time, ext: {}, type: 'txt', text: 'x' })
const shape = (items: ReturnType<typeof threadItems>) => items.map((i) => [i.message.from[0], +i.showDate, +i.firstOfGroup, +i.lastOfGroup, +i.own].join(''))

describe('threadItems', () => {
  it('starts a day with a date separator and groups consecutive messages of one sender', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2)), msg('bob', day(10, 9, 3)), msg('bob', day(11, 8))]
    // sender initial, showDate, firstOfGroup, lastOfGroup, own
    expect(shape(threadItems(list, { me: 'alice', hasOlder: false }))).toEqual(['b1100', 'b0010', 'a0111', 'b0110', 'b1110'])
  })

  it('breaks a group after a pause longer than groupGapMs', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 4)), msg('bob', day(10, 9, 10))]
    expect(shape(threadItems(list, { me: 'alice', hasOlder: false }))).toEqual(['b1100', 'b0010', 'b0110'])
    expect(shape(threadItems(list, { me: 'alice', hasOlder: false, groupGapMs: 60_000 }))).toEqual(['b1110', 'b0110', 'b0110'])
  })

  it('holds the first message back as context while older ones exist: one item per shown message', () => {
    const list = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2))]
    const items = threadItems(list, { me: 'alice', hasOlder: true })
    expect(items.map((i) => i.message.id)).toEqual([list[1]!.id, list[2]!.id])
    // Decided from the held-back message: no separator, no group start for the continuation.
    expect(shape(items)).toEqual(['b0010', 'a0111'])
  })

  it('never changes the decisions of shown rows when an older page is prepended', () => {
    const page2 = [msg('bob', day(10, 9)), msg('bob', day(10, 9, 1)), msg('alice', day(10, 9, 2)), msg('bob', day(10, 10))]
    const page1 = [msg('bob', day(9, 9)), msg('bob', day(10, 8, 58)), msg('bob', day(10, 8, 59))]
    const before = threadItems(page2, { me: 'alice', hasOlder: true })
    const after = threadItems([...page1, ...page2], { me: 'alice', hasOlder: true })
    expect(after.slice(-before.length)).toEqual(before)
    // Exactly the page's count is added in front: the held-back message shows now, the new first one is held.
    expect(after.length - before.length).toBe(page1.length)
    // At the start of history every message shows and the first opens a day and a group.
    const all = threadItems([...page1, ...page2], { me: 'alice', hasOlder: false })
    expect(all).toHaveLength(page1.length + page2.length)
    expect(shape(all.slice(0, 1))).toEqual(['b1110'])
  })

  it('returns nothing for no messages', () => {
    expect(threadItems([], { me: 'alice', hasOlder: false })).toEqual([])
    expect(threadItems([msg('bob', day(10, 9))], { me: 'alice', hasOlder: true })).toEqual([])
  })
})
