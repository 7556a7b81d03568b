/** How many pages of a conversation list a reconnection reads again (`listedPagesToKeep`); the reads are in resync.test. */
import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../src/client/types'
import type { ConversationListData } from '../../src/query/conversationPages'
import { listedPagesToKeep } from '../../src/query/trimLists'

const conversation = (id: string): Conversation =>
  ({ conversationId: id, chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0 }) as Conversation
/** Five pages of three: page i holds `p<i>a`, `p<i>b`, `p<i>c`. */
const list: ConversationListData = {
  pages: [0, 1, 2, 3, 4].map((i) => ({ conversations: ['a', 'b', 'c'].map((x) => conversation(`p${i}${x}`)), nextCursor: i < 4 ? `c${i}` : null })),
  pageParams: [null, 'c0', 'c1', 'c2', 'c3'],
}
const ends = (...pairs: Array<[string, string]>) => pairs.map(([a, b]) => [conversation(a), conversation(b)] as const)

describe('listedPagesToKeep', () => {
  it('keeps down to the page after the lowest rendered row', () => {
    expect(listedPagesToKeep(list, ends(['p0a', 'p0c']))).toBe(2)
    expect(listedPagesToKeep(list, ends(['p1b', 'p2a']))).toBe(4)
    expect(listedPagesToKeep(list, ends(['p3c', 'p4b']))).toBe(6)
  })

  it('takes the lowest row of every view of the list', () => {
    expect(listedPagesToKeep(list, ends(['p0a', 'p0b'], ['p2c', 'p3a']))).toBe(5)
  })

  it('rows in no page (pinned ones, listed above the others) keep the first pages', () => {
    expect(listedPagesToKeep(list, ends(['pinned1', 'pinned2']))).toBe(2)
    expect(listedPagesToKeep(list, ends(['pinned1', 'p1a']))).toBe(3)
  })
})
