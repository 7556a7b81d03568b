import { describe, expect, it } from 'vitest'
import {
  applyIncoming, findConversation, flattenConversations, insertSorted, listHas, moveToTop, patchConversation,
  removeConversation, visibleConversations, type ConversationListData,
} from '../../src/query/conversationPages'
import { conversationKey } from '../../src/query/keys'
import { conv, convList, incoming, peers, timeOf } from './fixtures'

const single = (peer: string) => conversationKey(peer, 'singleChat')
const group = (id: string) => conversationKey(id, 'groupChat')

/** A main list of two pages: carol(50) dave(40) · erin(30) frank(20). */
function mainList(): ConversationListData {
  return convList([conv('carol', 50), conv('dave', 40)], [conv('erin', 30), conv('frank', 20)])
}

const me = 'alice'
const closed = { me, isOpen: false, kind: 'main' as const }

describe('flattenConversations', () => {
  it('given undefined data, is empty', () => {
    expect(flattenConversations(undefined)).toEqual([])
  })

  it('lists every page in order, keeping the conversation objects', () => {
    const data = mainList()
    const flat = flattenConversations(data)
    expect(peers(flat)).toEqual(['carol', 'dave', 'erin', 'frank'])
    expect(flat[2]).toBe(data.pages[1]!.conversations[0])
  })

  it('given a conversation that moved between pages while paging, lists it once (its first occurrence)', () => {
    const first = conv('dave', 60)
    const data = convList([first, conv('carol', 50)], [conv('dave', 40), conv('erin', 30)])
    const flat = flattenConversations(data)
    expect(peers(flat)).toEqual(['dave', 'carol', 'erin'])
    expect(flat[0]).toBe(first)
  })

  it('tells a single chat and a group with the same id apart', () => {
    const data = convList([conv('team', 5), conv('team', 4, { chatType: 'groupChat' })])
    expect(flattenConversations(data).map((c) => c.chatType)).toEqual(['singleChat', 'groupChat'])
  })

  it('given pages that are empty, is empty', () => {
    expect(flattenConversations(convList([], []))).toEqual([])
  })
})

describe('listHas and findConversation', () => {
  it('given undefined data, finds nothing', () => {
    expect(listHas(undefined, single('carol'))).toBe(false)
    expect(findConversation(undefined, single('carol'))).toBeUndefined()
  })

  it('finds a conversation on any page by its key', () => {
    const data = mainList()
    expect(findConversation(data, single('frank'))).toBe(data.pages[1]!.conversations[1])
    expect(listHas(data, single('frank'))).toBe(true)
  })

  it('does not find a conversation of another chat type with the same id', () => {
    const data = mainList()
    expect(findConversation(data, group('carol'))).toBeUndefined()
    expect(listHas(data, group('carol'))).toBe(false)
  })
})

describe('patchConversation', () => {
  it('given undefined data, returns undefined', () => {
    expect(patchConversation(undefined, single('carol'), (c) => c)).toBeUndefined()
  })

  it('given an unknown key, returns the same data and never calls the patch', () => {
    const data = mainList()
    let calls = 0
    expect(patchConversation(data, single('zed'), (c) => { calls++; return c })).toBe(data)
    expect(calls).toBe(0)
  })

  it('patches the conversation in place, keeping untouched pages and conversations', () => {
    const data = mainList()
    const next = patchConversation(data, single('erin'), (c) => ({ ...c, unreadCount: 7 }))!
    expect(next).not.toBe(data)
    expect(next.pages[0]).toBe(data.pages[0])
    expect(next.pages[1]!.conversations[0]).toMatchObject({ conversationId: 'erin', unreadCount: 7 })
    expect(next.pages[1]!.conversations[1]).toBe(data.pages[1]!.conversations[1])
    expect(next.pages[1]!.nextCursor).toBeNull()
    expect(next.pageParams).toBe(data.pageParams)
    expect(data.pages[1]!.conversations[0]!.unreadCount).toBe(0)
  })

  it('patches every copy of a conversation listed on two pages', () => {
    const data = convList([conv('dave', 60)], [conv('dave', 40)])
    const next = patchConversation(data, single('dave'), (c) => ({ ...c, isPinned: true }))!
    expect(next.pages.map((p) => p.conversations[0]!.isPinned)).toEqual([true, true])
  })
})

describe('removeConversation', () => {
  it('given undefined data or an absent key, returns it unchanged', () => {
    expect(removeConversation(undefined, single('carol'))).toBeUndefined()
    const data = mainList()
    expect(removeConversation(data, single('zed'))).toBe(data)
    expect(removeConversation(data, group('carol'))).toBe(data)
  })

  it('removes the conversation from its page, keeping the order of the others', () => {
    const data = mainList()
    const next = removeConversation(data, single('dave'))!
    expect(peers(flattenConversations(next))).toEqual(['carol', 'erin', 'frank'])
    expect(next.pages[0]!.conversations[0]).toBe(data.pages[0]!.conversations[0])
    expect(next.pages.map((p) => p.nextCursor)).toEqual(['c1', null])
    expect(next.pageParams).toBe(data.pageParams)
    expect(peers(flattenConversations(data))).toEqual(['carol', 'dave', 'erin', 'frank'])
  })

  it('removes it from every page it is on', () => {
    const data = convList([conv('dave', 60), conv('carol', 50)], [conv('dave', 40)])
    const next = removeConversation(data, single('dave'))!
    expect(next.pages.map((p) => peers(p.conversations))).toEqual([['carol'], []])
  })
})

describe('moveToTop', () => {
  it('given undefined data or no pages, returns it unchanged', () => {
    expect(moveToTop(undefined, conv('x', 1))).toBeUndefined()
    const empty: ConversationListData = { pages: [], pageParams: [] }
    expect(moveToTop(empty, conv('x', 1))).toBe(empty)
  })

  it('moves a conversation from a later page to the top of the first page', () => {
    const moved = conv('frank', 99)
    const next = moveToTop(mainList(), moved)!
    expect(next.pages.map((p) => peers(p.conversations))).toEqual([['frank', 'carol', 'dave'], ['erin']])
    expect(next.pages[0]!.conversations[0]).toBe(moved)
  })

  it('given a conversation not in the list, adds it at the top', () => {
    const next = moveToTop(mainList(), conv('zed', 99))!
    expect(peers(flattenConversations(next))).toEqual(['zed', 'carol', 'dave', 'erin', 'frank'])
  })

  it('given the top conversation, replaces it without duplicating it', () => {
    const next = moveToTop(mainList(), conv('carol', 99))!
    expect(peers(flattenConversations(next))).toEqual(['carol', 'dave', 'erin', 'frank'])
    expect(next.pages[0]!.conversations).toHaveLength(2)
  })

  it('given an empty first page, puts the conversation there', () => {
    const next = moveToTop(convList([]), conv('zed', 1))!
    expect(next.pages).toEqual([{ conversations: [conv('zed', 1)], nextCursor: null }])
  })
})

describe('insertSorted', () => {
  it('given undefined data, no pages or a conversation already listed, returns it unchanged', () => {
    expect(insertSorted(undefined, conv('x', 1), 'activity')).toBeUndefined()
    const empty: ConversationListData = { pages: [], pageParams: [] }
    expect(insertSorted(empty, conv('x', 1), 'activity')).toBe(empty)
    const data = mainList()
    expect(insertSorted(data, conv('dave', 99), 'activity')).toBe(data)
  })

  it('by activity: puts a conversation between the ones with newer and older last messages', () => {
    const data = mainList()
    const back = conv('gina', 45)
    const next = insertSorted(data, back, 'activity')!
    expect(next.pages.map((p) => peers(p.conversations))).toEqual([['carol', 'gina', 'dave'], ['erin', 'frank']])
    expect(next.pages[0]!.conversations[1]).toBe(back)
    expect(next.pages[1]).toBe(data.pages[1])
  })

  it('by activity: the newest goes to the very top', () => {
    const next = insertSorted(mainList(), conv('gina', 51), 'activity')!
    expect(peers(next.pages[0]!.conversations)).toEqual(['gina', 'carol', 'dave'])
  })

  it('by activity: a conversation older than the first page goes into the later page where it belongs', () => {
    const data = mainList()
    const next = insertSorted(data, conv('gina', 25), 'activity')!
    expect(next.pages[0]).toBe(data.pages[0])
    expect(peers(next.pages[1]!.conversations)).toEqual(['erin', 'gina', 'frank'])
  })

  it('by activity: the oldest goes to the end of the last page', () => {
    const next = insertSorted(mainList(), conv('gina', 1), 'activity')!
    expect(peers(next.pages[1]!.conversations)).toEqual(['erin', 'frank', 'gina'])
  })

  it('by activity: a conversation without a message ranks as time 0 (the end)', () => {
    const next = insertSorted(mainList(), conv('gina', null), 'activity')!
    expect(peers(flattenConversations(next)).at(-1)).toBe('gina')
  })

  it('by activity: a tie on last-message time goes after the existing one', () => {
    const next = insertSorted(mainList(), conv('gina', 40), 'activity')!
    expect(peers(flattenConversations(next))).toEqual(['carol', 'dave', 'gina', 'erin', 'frank'])
    const inPage = insertSorted(convList([conv('carol', 50), conv('dave', 40), conv('erin', 30)]), conv('gina', 40), 'activity')!
    expect(peers(inPage.pages[0]!.conversations)).toEqual(['carol', 'dave', 'gina', 'erin'])
  })

  it('by pinned: orders by pin time, most recently pinned first, ignoring activity', () => {
    const data = convList([
      conv('p1', 1, { isPinned: true, pinnedTime: 300 }),
      conv('p2', 90, { isPinned: true, pinnedTime: 100 }),
    ])
    const next = insertSorted(data, conv('p3', 99, { isPinned: true, pinnedTime: 200 }), 'pinned')!
    expect(peers(next.pages[0]!.conversations)).toEqual(['p1', 'p3', 'p2'])
  })

  it('given an empty single page, inserts the conversation', () => {
    expect(peers(flattenConversations(insertSorted(convList([]), conv('x', 3), 'activity')))).toEqual(['x'])
  })
})

describe('applyIncoming', () => {
  it('given undefined data, returns undefined', () => {
    expect(applyIncoming(undefined, incoming(60, 'erin'), closed)).toBeUndefined()
  })

  it('moves the conversation to the top with the message as its preview and one more unread', () => {
    const data = convList([conv('carol', 50), conv('dave', 40)], [conv('erin', 30, { unreadCount: 2 }), conv('frank', 20)])
    const m = incoming(60, 'erin')
    const next = applyIncoming(data, m, closed)!
    expect(next.pages.map((p) => peers(p.conversations))).toEqual([['erin', 'carol', 'dave'], ['frank']])
    const erin = next.pages[0]!.conversations[0]!
    expect(erin.lastMessage).toBe(m)
    expect(erin.unreadCount).toBe(3)
    expect(erin.marks).toBe(data.pages[1]!.conversations[0]!.marks)
  })

  it('given the user\'s own message (from another device), moves to the top without counting it as unread', () => {
    const data = convList([conv('carol', 50), conv('dave', 40, { unreadCount: 4 })])
    const next = applyIncoming(data, incoming(60, 'dave', { from: 'alice' }), closed)!
    expect(next.pages[0]!.conversations[0]).toMatchObject({ conversationId: 'dave', unreadCount: 4 })
  })

  it('compares the sender to the user case-insensitively', () => {
    const data = convList([conv('dave', 40, { unreadCount: 1 })])
    const next = applyIncoming(data, incoming(60, 'dave', { from: 'Alice' }), closed)!
    expect(next.pages[0]!.conversations[0]!.unreadCount).toBe(1)
  })

  it('given the open conversation, moves to the top with nothing unread', () => {
    const data = convList([conv('carol', 50), conv('dave', 40, { unreadCount: 4 })])
    const next = applyIncoming(data, incoming(60, 'dave'), { ...closed, isOpen: true })!
    expect(next.pages[0]!.conversations[0]).toMatchObject({ conversationId: 'dave', unreadCount: 0 })
  })

  it('given an unknown conversation, adds it at the top with the message and one unread', () => {
    const data = mainList()
    const m = incoming(60, 'zed')
    const next = applyIncoming(data, m, closed)!
    expect(peers(flattenConversations(next))).toEqual(['zed', 'carol', 'dave', 'erin', 'frank'])
    expect(next.pages[0]!.conversations[0]).toEqual({
      conversationId: 'zed', chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: m, unreadCount: 1, marks: [],
    })
  })

  it('given an unknown conversation and the user\'s own message, adds it with nothing unread', () => {
    const next = applyIncoming(mainList(), incoming(60, 'zed', { from: 'alice' }), closed)!
    expect(next.pages[0]!.conversations[0]).toMatchObject({ conversationId: 'zed', unreadCount: 0 })
  })

  it('given a group message, updates the group conversation, not a single chat with the same id', () => {
    const data = convList([conv('team', 50), conv('team', 40, { chatType: 'groupChat', unreadCount: 1 })])
    const next = applyIncoming(data, incoming(60, 'team', { from: 'bob', chatType: 'groupChat' }), closed)!
    expect(next.pages[0]!.conversations.map((c) => [c.chatType, c.unreadCount])).toEqual([['groupChat', 2], ['singleChat', 0]])
  })

  it('given the message already shown as the last message, is a no-op', () => {
    const data = mainList()
    const same = incoming(40, 'dave')
    expect(applyIncoming(data, same, closed)).toBe(data)
  })

  it('given a message older than the last message (stale), is a no-op', () => {
    const data = mainList()
    expect(applyIncoming(data, incoming(35, 'dave'), closed)).toBe(data)
  })

  it('given a message with the same time as the last message but another id, applies it', () => {
    const data = mainList()
    const m = { ...incoming(40, 'dave'), id: '1100000000000000041' }
    const next = applyIncoming(data, m, closed)!
    expect(next.pages[0]!.conversations[0]).toMatchObject({ conversationId: 'dave', unreadCount: 1 })
    expect(next.pages[0]!.conversations[0]!.lastMessage).toBe(m)
  })

  it('given a conversation without a last message, applies the message', () => {
    const data = convList([conv('carol', 50), conv('dave', null)])
    const next = applyIncoming(data, incoming(1, 'dave'), closed)!
    expect(peers(next.pages[0]!.conversations)).toEqual(['dave', 'carol'])
    expect(next.pages[0]!.conversations[0]!.unreadCount).toBe(1)
  })

  it('in the pinned list, updates the entry in place (order is by pin time)', () => {
    const data = convList([
      conv('p1', 10, { isPinned: true, pinnedTime: 300 }),
      conv('p2', 20, { isPinned: true, pinnedTime: 200, unreadCount: 1 }),
    ])
    const m = incoming(60, 'p2')
    const next = applyIncoming(data, m, { ...closed, kind: 'pinned' as const })!
    expect(peers(next.pages[0]!.conversations)).toEqual(['p1', 'p2'])
    expect(next.pages[0]!.conversations[0]).toBe(data.pages[0]!.conversations[0])
    expect(next.pages[0]!.conversations[1]).toMatchObject({ lastMessage: m, unreadCount: 2, isPinned: true, pinnedTime: 200 })
  })

  it('in the pinned list, ignores a conversation that is not pinned', () => {
    const data = convList([conv('p1', 10, { isPinned: true, pinnedTime: 300 })])
    expect(applyIncoming(data, incoming(60, 'zed'), { ...closed, kind: 'pinned' as const })).toBe(data)
  })

  it("in a mark's list, moves a listed conversation to the top and adds none (a message gives no mark)", () => {
    const data = convList([conv('a', 30, { marks: [2] }), conv('b', 20, { marks: [2] })])
    const next = applyIncoming(data, incoming(60, 'b'), { ...closed, kind: 'marked' as const })!
    expect(peers(next.pages[0]!.conversations)).toEqual(['b', 'a'])
    expect(applyIncoming(data, incoming(60, 'zed'), { ...closed, kind: 'marked' as const })).toBe(data)
  })

  it('ignores chat room messages (chat rooms have no server conversation)', () => {
    const data = mainList()
    expect(applyIncoming(data, incoming(60, 'room1', { from: 'bob', chatType: 'chatRoom' }), closed)).toBe(data)
  })

  it('given the same message twice, applies it once', () => {
    const m = incoming(60, 'erin')
    const once = applyIncoming(mainList(), m, closed)
    const twice = applyIncoming(once, m, closed)
    expect(twice).toBe(once)
    expect(findConversation(twice, single('erin'))!.unreadCount).toBe(1)
  })

  it('given an empty list (no pages), returns it unchanged', () => {
    const empty: ConversationListData = { pages: [], pageParams: [] }
    expect(applyIncoming(empty, incoming(1, 'zed'), closed)).toBe(empty)
  })
})

describe('visibleConversations', () => {
  const noDeleted = {}

  it('given no data, is empty', () => {
    expect(visibleConversations(undefined, undefined, noDeleted)).toEqual([])
  })

  it('derives once per set of inputs: the same inputs give the same array, any changed input a new one', () => {
    const main = mainList()
    const pinned = convList([conv('p', 1, { isPinned: true, pinnedTime: 9 })])
    const pins = {}
    const first = visibleConversations(main, pinned, noDeleted, pins)
    expect(visibleConversations(main, pinned, noDeleted, pins)).toBe(first)
    const deleted = { 'singleChat:carol': { at: Number.MAX_SAFE_INTEGER } }
    expect(peers(visibleConversations(main, pinned, deleted, pins))).toEqual(['p', 'dave', 'erin', 'frank'])
    const unpinned = visibleConversations(main, pinned, noDeleted, { 'singleChat:p': { isPinned: false, pinnedTime: 0 } })
    expect(peers(unpinned)).toEqual(['carol', 'dave', 'erin', 'frank', 'p'])
    expect(peers(visibleConversations(main, undefined, noDeleted, pins))).toEqual(['carol', 'dave', 'erin', 'frank'])
    expect(peers(visibleConversations(mainList(), pinned, noDeleted, pins))).toEqual(peers(first))
    expect(visibleConversations(mainList(), pinned, noDeleted, pins)).not.toBe(first)
  })

  it('lists the main list by last-message time, newest first', () => {
    const main = convList([conv('dave', 40), conv('carol', 50)], [conv('frank', 20), conv('erin', 30)])
    expect(peers(visibleConversations(main, undefined, noDeleted))).toEqual(['carol', 'dave', 'erin', 'frank'])
  })

  it('puts pinned conversations first, most recently pinned first, then the rest by activity', () => {
    const pinned = convList([
      conv('p-old', 99, { isPinned: true, pinnedTime: 100 }),
      conv('p-new', 1, { isPinned: true, pinnedTime: 300 }),
    ])
    const list = visibleConversations(mainList(), pinned, noDeleted)
    expect(peers(list)).toEqual(['p-new', 'p-old', 'carol', 'dave', 'erin', 'frank'])
  })

  it('lists a conversation in both lists once, pinned, using the pinned list\'s copy', () => {
    const pinnedCopy = conv('dave', 40, { isPinned: true, pinnedTime: 500 })
    const main = convList([conv('carol', 50), conv('dave', 40, { isPinned: true, pinnedTime: 500 })])
    const list = visibleConversations(main, convList([pinnedCopy]), noDeleted)
    expect(peers(list)).toEqual(['dave', 'carol'])
    expect(list[0]).toBe(pinnedCopy)
  })

  it('puts a pinned conversation from the main list among the pinned even before the pinned list loads', () => {
    const main = convList([conv('carol', 50), conv('dave', 40, { isPinned: true, pinnedTime: 5 })])
    expect(peers(visibleConversations(main, undefined, noDeleted))).toEqual(['dave', 'carol'])
  })

  it('dedupes a conversation listed on two main pages', () => {
    const main = convList([conv('dave', 60), conv('carol', 50)], [conv('dave', 40)])
    expect(peers(visibleConversations(main, undefined, noDeleted))).toEqual(['dave', 'carol'])
  })

  it('hides a conversation deleted at or after its last message (equality included)', () => {
    const deleted = { [single('dave')]: { at: timeOf(40) }, [single('erin')]: { at: timeOf(99) } }
    expect(peers(visibleConversations(mainList(), undefined, deleted))).toEqual(['carol', 'frank'])
  })

  it('shows a deleted conversation again when a message newer than the deletion arrives', () => {
    const deleted = { [single('dave')]: { at: timeOf(40) - 1 } }
    expect(peers(visibleConversations(mainList(), undefined, deleted))).toEqual(['carol', 'dave', 'erin', 'frank'])
  })

  it('hides a deleted conversation without any message', () => {
    const main = convList([conv('carol', 50), conv('dave', null)])
    expect(peers(visibleConversations(main, undefined, { [single('dave')]: { at: 1 } }))).toEqual(['carol'])
  })

  it('hides a deleted pinned conversation too', () => {
    const pinned = convList([conv('p1', 10, { isPinned: true, pinnedTime: 300 })])
    expect(peers(visibleConversations(mainList(), pinned, { [single('p1')]: { at: timeOf(10) } }))).toEqual(['carol', 'dave', 'erin', 'frank'])
  })

  it('a deletion of a group does not hide a single chat with the same id', () => {
    const main = convList([conv('team', 50), conv('team', 40, { chatType: 'groupChat' })])
    const list = visibleConversations(main, undefined, { [group('team')]: { at: timeOf(99) } })
    expect(list.map((c) => c.chatType)).toEqual(['singleChat'])
  })

  it('keeps conversations without a message after those with one, in server order', () => {
    const main = convList([conv('a', null), conv('carol', 50), conv('b', null), conv('dave', 40)])
    expect(peers(visibleConversations(main, undefined, noDeleted))).toEqual(['carol', 'dave', 'a', 'b'])
  })

  it('does not reorder the cached pages it reads', () => {
    const main = convList([conv('dave', 40), conv('carol', 50)])
    visibleConversations(main, undefined, noDeleted)
    expect(peers(main.pages[0]!.conversations)).toEqual(['dave', 'carol'])
  })
})
