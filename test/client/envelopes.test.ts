import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import type { SdkConversationItem } from '../../src/client/sdkTypes'
import type { HistoryPage, RoamingMessage } from '../../src/client/types'
import { createRoamingServer } from '../../src/testing'
import { requestsOf, sendMany, setup, wrapConnection } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** A raw SDK conversation item, for hand-written envelopes. */
const item = (id: string, extra: Partial<SdkConversationItem> = {}): SdkConversationItem => ({
  conversationId: id, conversationType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unReadCount: 0, ...extra,
})

describe('conversation list envelope { type, data: { conversations, cursor } }', () => {
  it('maps every item field and hands out nextCursor, null on the last page', async () => {
    const { server, conn, client } = setup()
    server.generate({ user: 'alice', conversations: 23, groupShare: 0.3, unreadShare: 0.6 })

    const raw = (await conn.getServerConversations({ pageSize: 10 })) as { type: number; data: { conversations: SdkConversationItem[]; cursor: string } }
    expect(raw.type).toBe(0)
    const first = await client.getConversations({ pageSize: 10 })
    expect(first.conversations).toHaveLength(10)
    expect(first.nextCursor).toBe(raw.data.cursor)
    expect(typeof first.nextCursor).toBe('string')
    expect(first.nextCursor).not.toBe('')
    first.conversations.forEach((c, i) => {
      const r = raw.data.conversations[i]!
      expect(c.conversationId).toBe(r.conversationId)
      expect(c.chatType).toBe(r.conversationType)
      expect(c.isPinned).toBe(r.isPinned)
      expect(c.pinnedTime).toBe(r.pinnedTime)
      expect(c.unreadCount).toBe(r.unReadCount)
      expect(c.marks).toEqual(r.marks ?? [])
      const last = r.lastMessage as { id: string; time: number }
      expect(c.lastMessage?.id).toBe(last.id)
      expect(c.lastMessage?.time).toBe(last.time)
      expect(c.lastMessage?.conversationId).toBe(r.conversationId)
    })
    // Some groups and some unread counts were generated, so the mapping above was exercised on both.
    expect(raw.data.conversations.some((c) => c.conversationType === 'groupChat')).toBe(true)

    const second = await client.getConversations({ pageSize: 10, cursor: first.nextCursor })
    expect(second.conversations).toHaveLength(10)
    expect(second.nextCursor).not.toBeNull()
    const third = await client.getConversations({ pageSize: 10, cursor: second.nextCursor })
    expect(third.conversations).toHaveLength(3)
    expect(third.nextCursor).toBeNull()

    // What the adapter sent: the SDK parameter names, '' for "from the latest", then the cursors it was given.
    expect(requestsOf(server, 'getServerConversations').slice(1)).toEqual([
      { pageSize: 10, cursor: '' },
      { pageSize: 10, cursor: first.nextCursor },
      { pageSize: 10, cursor: second.nextCursor },
    ])
  })

  it('pages the whole list with each conversation exactly once, in the server order', async () => {
    const { server, conn, client } = setup()
    server.generate({ user: 'alice', conversations: 47 })
    const raw = (await conn.getServerConversations({ pageSize: 50 })) as { data: { conversations: SdkConversationItem[] } }
    const expected = raw.data.conversations.map((c) => c.conversationId)
    expect(expected).toHaveLength(47)

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await client.getConversations({ pageSize: 7, cursor })
      seen.push(...page.conversations.map((c) => c.conversationId))
      cursor = page.nextCursor
      pages++
    } while (cursor !== null && pages < 100)
    expect(pages).toBe(7)
    expect(seen).toEqual(expected)
    expect(new Set(seen).size).toBe(47)
  })

  it("treats '' and 'undefined' as the last-page cursor, and a short page as the last one", async () => {
    const { conn } = setup()
    const answers: unknown[] = [
      { type: 0, data: { conversations: [item('a'), item('b')], cursor: '' } },
      { type: 0, data: { conversations: [item('a'), item('b')], cursor: 'undefined' } },
      { type: 0, data: { conversations: [item('a'), item('b')], cursor: 'next-key' } },
      { type: 0, data: { conversations: [item('a')], cursor: 'next-key' } },
      { type: 0, data: { conversations: [], cursor: '' } },
    ]
    let i = 0
    const client = createRoamingClient(wrapConnection(conn, { getServerConversations: async () => answers[i++] }))
    expect((await client.getConversations({ pageSize: 2 })).nextCursor).toBeNull()
    expect((await client.getConversations({ pageSize: 2 })).nextCursor).toBeNull()
    expect(await client.getConversations({ pageSize: 2 })).toMatchObject({ nextCursor: 'next-key' })
    expect((await client.getConversations({ pageSize: 2 })).nextCursor).toBeNull()
    expect(await client.getConversations({ pageSize: 2 })).toEqual({ conversations: [], nextCursor: null })
  })

  it('maps a null or {} lastMessage to null and a pinned item with its time', async () => {
    const { conn } = setup()
    const client = createRoamingClient(wrapConnection(conn, {
      getServerConversations: async () => ({
        type: 0,
        data: {
          conversations: [
            item('g1', { conversationType: 'groupChat', isPinned: true, pinnedTime: 1234, lastMessage: {}, unReadCount: 3, marks: [0, 5] }),
            item('bob', { lastMessage: null, pinnedTime: 99 }),
          ],
          cursor: '',
        },
      }),
    }))
    const page = await client.getConversations()
    expect(page.conversations).toEqual([
      { conversationId: 'g1', chatType: 'groupChat', isPinned: true, pinnedTime: 1234, lastMessage: null, unreadCount: 3, marks: [0, 5] },
      { conversationId: 'bob', chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0, marks: [] },
    ])
  })

  it('rejects a result without the envelope as an unexpected shape (code 999)', async () => {
    const { conn } = setup()
    const client = createRoamingClient(wrapConnection(conn, { getServerConversations: async () => ({ conversations: [], cursor: '' }) }))
    await expect(client.getConversations()).rejects.toMatchObject({ name: 'RoamingError', code: 999, operation: 'getConversations' })
  })
})

describe('pinned list and pin results', () => {
  it('pins and unpins ({ type, data: { isPinned, pinnedTime } } → PinState) and lists the pinned, most recent first', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T00:00:00Z') })
    const { server, client } = setup()
    server.generate({ user: 'alice', conversations: 6, groupShare: 0 })
    const all = (await client.getConversations()).conversations.map((c) => c.conversationId)
    const [a, b, c] = [all[4]!, all[1]!, all[2]!]

    const t0 = Date.now()
    expect(await client.pinConversation({ conversationId: a, chatType: 'singleChat', isPinned: true })).toEqual({ isPinned: true, pinnedTime: t0 })
    vi.advanceTimersByTime(1000)
    expect(await client.pinConversation({ conversationId: b, chatType: 'singleChat', isPinned: true })).toEqual({ isPinned: true, pinnedTime: t0 + 1000 })
    vi.advanceTimersByTime(1000)
    expect(await client.pinConversation({ conversationId: c, chatType: 'singleChat', isPinned: true })).toEqual({ isPinned: true, pinnedTime: t0 + 2000 })

    const p1 = await client.getPinnedConversations({ pageSize: 2 })
    expect(p1.conversations.map((x) => [x.conversationId, x.isPinned, x.pinnedTime])).toEqual([[c, true, t0 + 2000], [b, true, t0 + 1000]])
    expect(p1.nextCursor).toEqual(expect.any(String))
    const p2 = await client.getPinnedConversations({ pageSize: 2, cursor: p1.nextCursor })
    expect(p2.conversations.map((x) => x.conversationId)).toEqual([a])
    expect(p2.nextCursor).toBeNull()
    expect(requestsOf(server, 'getServerPinnedConversations')).toEqual([{ pageSize: 2, cursor: '' }, { pageSize: 2, cursor: p1.nextCursor }])
    expect(requestsOf(server, 'pinConversation')[0]).toEqual({ conversationId: a, conversationType: 'singleChat', isPinned: true })

    expect(await client.pinConversation({ conversationId: b, chatType: 'singleChat', isPinned: false })).toEqual({ isPinned: false, pinnedTime: 0 })
    expect((await client.getPinnedConversations()).conversations.map((x) => x.conversationId)).toEqual([c, a])
    // Pinned conversations stay in the main list, flagged.
    const main = await client.getConversations({ pageSize: 50 })
    expect(main.conversations.filter((x) => x.isPinned).map((x) => x.conversationId).sort()).toEqual([a, c].sort())
  })

  it('maps a pin envelope without data to an unexpected-shape error', async () => {
    const { conn } = setup()
    const client = createRoamingClient(wrapConnection(conn, { pinConversation: async () => ({ type: 0 }) }))
    await expect(client.pinConversation({ conversationId: 'bob', chatType: 'singleChat', isPinned: true }))
      .rejects.toMatchObject({ code: 999, operation: 'pinConversation' })
  })
})

describe('marked list (getServerConversationsByFilter, same envelope)', () => {
  it('pages the conversations carrying a mark, most recently active first, 10 a page by default', async () => {
    const { server, client } = setup()
    server.generate({ user: 'alice', conversations: 30, groupShare: 0.3 })
    const all = (await client.getConversations({ pageSize: 50 })).conversations
    // Every third conversation gets mark 4 (12 of them: more than a default page), one gets mark 5 only.
    const marked = all.filter((_, i) => i % 3 === 0 || i === 29)
    for (const c of marked) await client.setConversationMark({ conversationId: c.conversationId, chatType: c.chatType as 'singleChat', mark: 4, marked: true })
    await client.setConversationMark({ conversationId: all[1]!.conversationId, chatType: all[1]!.chatType as 'singleChat', mark: 5, marked: true })

    const p1 = await client.getMarkedConversations({ mark: 4 })
    expect(p1.conversations).toHaveLength(10)
    expect(p1.nextCursor).toEqual(expect.any(String))
    const p2 = await client.getMarkedConversations({ mark: 4, cursor: p1.nextCursor })
    expect(p2.nextCursor).toBeNull()
    const seen = [...p1.conversations, ...p2.conversations]
    expect(seen.map((c) => c.conversationId)).toEqual(marked.map((c) => c.conversationId))
    expect(seen.every((c) => c.marks.includes(4))).toBe(true)
    expect(requestsOf(server, 'getServerConversationsByFilter')).toEqual([
      { pageSize: 10, cursor: '', filter: { mark: 4 } }, { pageSize: 10, cursor: p1.nextCursor, filter: { mark: 4 } },
    ])
    expect((await client.getMarkedConversations({ mark: 5, pageSize: 3 })).conversations.map((c) => c.conversationId)).toEqual([all[1]!.conversationId])
    expect((await client.getMarkedConversations({ mark: 19 })).conversations).toEqual([])
  })
})

describe('legacy getConversationlist ({ channel_infos } in the raw server JSON)', () => {
  it('parses channel_id for single and group chats and pages by number', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T00:00:00Z') })
    const { server, client } = setup()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    server.sendMessage({ from: 'john_doe', to: 'alice', text: 'underscore in the id' })
    vi.advanceTimersByTime(10)
    server.sendMessage({ from: 'carol', to: 'g1', chatType: 'groupChat', text: 'group hello' })
    vi.advanceTimersByTime(10)
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi alice' })

    const page1 = await client.getLegacyConversations({ pageNum: 1, pageSize: 2 })
    expect(page1.hasMore).toBe(true)
    expect(page1.conversations.map((c) => [c.conversationId, c.chatType, c.isPinned, c.unreadCount])).toEqual([
      ['bob', 'singleChat', false, 1],
      ['g1', 'groupChat', false, 1],
    ])
    expect(page1.conversations[0]!.lastMessage).toMatchObject({ type: 'txt', text: 'hi alice', from: 'bob', conversationId: 'bob' })
    expect(page1.conversations[1]!.lastMessage).toMatchObject({ type: 'txt', text: 'group hello', from: 'carol', conversationId: 'g1', chatType: 'groupChat' })

    const page2 = await client.getLegacyConversations({ pageNum: 2, pageSize: 2 })
    expect(page2.hasMore).toBe(false)
    expect(page2.conversations.map((c) => [c.conversationId, c.chatType])).toEqual([['john_doe', 'singleChat']])
    expect(requestsOf(server, 'getConversationlist')).toEqual([{ pageNum: 1, pageSize: 2 }, { pageNum: 2, pageSize: 2 }])
  })

  it('reads channel ids with and without the app key, and {} as no last message', async () => {
    const { conn } = setup()
    const client = createRoamingClient(wrapConnection(conn, {
      getConversationlist: async () => ({
        type: 0, action: 'get', entities: [], duration: 0,
        data: {
          channel_infos: [
            { channel_id: 'org#app_bob@easemob.com', lastMessage: {}, unread_num: 2 },
            { channel_id: 'org#app_200000000001@conference.easemob.com', lastMessage: {}, unread_num: 0 },
            { channel_id: 'carol@easemob.com', lastMessage: {}, unread_num: 0 },
            { channel_id: 'garbage', lastMessage: {}, unread_num: 0 },
          ],
        },
      }),
    }))
    const page = await client.getLegacyConversations({ pageNum: 1, pageSize: 4 })
    expect(page.conversations).toEqual([
      { conversationId: 'bob', chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 2, marks: [] },
      { conversationId: '200000000001', chatType: 'groupChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0, marks: [] },
      { conversationId: 'carol', chatType: 'singleChat', isPinned: false, pinnedTime: 0, lastMessage: null, unreadCount: 0, marks: [] },
    ])
    expect(page.hasMore).toBe(true)
  })
})

describe('history: bare { cursor, messages, isLast } → ascending pages', () => {
  const ids = (page: HistoryPage) => page.messages.map((m) => m.id)

  it("returns 'up' pages ascending although the SDK hands them newest first", async () => {
    const { server, conn, client } = setup()
    const sent = sendMany(server, 25, { from: 'bob', to: 'alice' })

    const raw = (await conn.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10 })) as { messages: Array<{ id: string }> }
    expect(raw.messages.map((m) => m.id)).toEqual(sent.slice(15).reverse())

    const p1 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10 })
    expect(ids(p1)).toEqual(sent.slice(15, 25))
    expect(p1.isLast).toBe(false)
    expect(p1.nextCursor).toEqual(expect.any(String))
    const p2 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: p1.nextCursor })
    expect(ids(p2)).toEqual(sent.slice(5, 15))
    expect(p2.isLast).toBe(false)
    const p3 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: p2.nextCursor })
    expect(ids(p3)).toEqual(sent.slice(0, 5))
    expect(p3).toMatchObject({ isLast: true, nextCursor: null })

    // The SDK parameters: no cursor on the first page (the SDK's -1), the given cursor later, direction spelled out.
    expect(requestsOf(server, 'getHistoryMessages').slice(1)).toEqual([
      { targetId: 'bob', chatType: 'singleChat', pageSize: 10, searchDirection: 'up' },
      { targetId: 'bob', chatType: 'singleChat', pageSize: 10, searchDirection: 'up', cursor: p1.nextCursor },
      { targetId: 'bob', chatType: 'singleChat', pageSize: 10, searchDirection: 'up', cursor: p2.nextCursor },
    ])
    // And the messages are mapped: text, peer as conversation id, ascending times.
    expect(p1.messages[0]).toMatchObject({ type: 'txt', text: 'm15', from: 'bob', to: 'alice', conversationId: 'bob', chatType: 'singleChat' })
  })

  it("returns 'down' pages ascending from the oldest", async () => {
    const { server, client } = setup()
    const sent = sendMany(server, 25, { from: 'alice', to: 'bob' })
    const p1 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, direction: 'down' })
    expect(ids(p1)).toEqual(sent.slice(0, 10))
    expect(p1.isLast).toBe(false)
    const p2 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, direction: 'down', cursor: p1.nextCursor })
    expect(ids(p2)).toEqual(sent.slice(10, 20))
    const p3 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, direction: 'down', cursor: p2.nextCursor })
    expect(ids(p3)).toEqual(sent.slice(20))
    expect(p3).toMatchObject({ isLast: true, nextCursor: null })
    // A message alice sent herself still belongs to the conversation with bob.
    expect(p1.messages[0]).toMatchObject({ from: 'alice', to: 'bob', conversationId: 'bob' })
  })

  it('pages a whole 1234-message history in both directions, each message exactly once', async () => {
    const { server, conn, client } = setup()
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 1234 } })
    for (const direction of ['up', 'down'] as const) {
      const pages: RoamingMessage[][] = []
      let cursor: string | null = null
      let calls = 0
      for (;;) {
        const page: HistoryPage = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 50, direction, cursor })
        calls++
        const times = page.messages.map((m) => m.time)
        expect(times).toEqual([...times].sort((x, y) => x - y))
        pages.push(page.messages)
        if (page.isLast) { expect(page.nextCursor).toBeNull(); break }
        cursor = page.nextCursor
        if (calls > 100) throw new Error('no last page')
      }
      expect(calls).toBe(25)
      const all = (direction === 'up' ? pages.reverse() : pages).flat()
      expect(all).toHaveLength(1234)
      expect(new Set(all.map((m) => m.id)).size).toBe(1234)
      for (let i = 1; i < all.length; i++) expect(all[i]!.time).toBeGreaterThan(all[i - 1]!.time)
    }
    void conn
  })

  it('ends on an empty page when the server answers a full last page with isLast false', async () => {
    const { server, client } = setup({ server: { fullLastPage: 'shortPageOnly' } })
    const sent = sendMany(server, 20, { from: 'bob', to: 'alice' })
    const p1 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10 })
    const p2 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: p1.nextCursor })
    expect(ids(p2)).toEqual(sent.slice(0, 10))
    expect(p2.isLast).toBe(false)
    const p3 = await client.getHistory({ conversationId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: p2.nextCursor })
    expect(p3).toEqual({ messages: [], nextCursor: null, isLast: true })
  })

  it('treats a missing, empty or "undefined" cursor as the last page and stringifies a numeric one', async () => {
    const { conn } = setup()
    const body = (id: string, time: number) => ({ id, type: 'txt', chatType: 'groupChat', from: 'bob', to: 'g1', time, msg: id, ext: {} })
    const answers: unknown[] = [
      { cursor: 'undefined', messages: [body('2', 20), body('1', 10)], isLast: false },
      { cursor: '', messages: [body('2', 20)], isLast: false },
      { messages: [], isLast: false },
      { cursor: 12345, messages: [body('3', 30)], isLast: false },
      { cursor: 'k', messages: [body('3', 30), { id: '4', type: 'read', time: 40 }], isLast: true },
    ]
    let i = 0
    const client = createRoamingClient(wrapConnection(conn, { getHistoryMessages: async () => answers[i++] }))
    const q = { conversationId: 'g1', chatType: 'groupChat' as const }
    const a = await client.getHistory(q)
    expect(a).toMatchObject({ isLast: true, nextCursor: null })
    expect(a.messages.map((m) => m.id)).toEqual(['1', '2'])
    expect(await client.getHistory(q)).toMatchObject({ isLast: true, nextCursor: null })
    expect(await client.getHistory(q)).toEqual({ messages: [], isLast: true, nextCursor: null })
    expect(await client.getHistory(q)).toMatchObject({ isLast: false, nextCursor: '12345' })
    // isLast from the server wins over a cursor; ack bodies never reach the page.
    const e = await client.getHistory(q)
    expect(e).toMatchObject({ isLast: true, nextCursor: null })
    expect(e.messages.map((m) => m.id)).toEqual(['3'])
  })

  it('passes search filters through as searchOptions', async () => {
    const { server, client } = setup()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    server.sendMessage({ from: 'bob', to: 'g1', chatType: 'groupChat', text: 'b1' })
    server.sendMessage({ from: 'carol', to: 'g1', chatType: 'groupChat', text: 'c1' })
    server.sendMessage({ from: 'bob', to: 'g1', chatType: 'groupChat', text: 'b2' })
    const page = await client.getHistory({ conversationId: 'g1', chatType: 'groupChat', search: { from: 'bob', msgTypes: ['txt'], startTime: 1 } })
    expect(page.messages.map((m) => (m.type === 'txt' ? m.text : m.type))).toEqual(['b1', 'b2'])
    expect(page.messages.every((m) => m.conversationId === 'g1' && m.chatType === 'groupChat')).toBe(true)
    expect(requestsOf(server, 'getHistoryMessages')).toEqual([
      { targetId: 'g1', chatType: 'groupChat', pageSize: 20, searchDirection: 'up', searchOptions: { from: 'bob', msgTypes: ['txt'], startTime: 1 } },
    ])
  })
})

describe('deleteConversation: raw server JSON → void', () => {
  it('resolves undefined and the conversation leaves the list', async () => {
    const { server, conn, client } = setup()
    sendMany(server, 3, { from: 'bob', to: 'alice' })
    sendMany(server, 2, { from: 'carol', to: 'alice' })
    const raw = (await conn.deleteConversation({ channel: 'carol', chatType: 'singleChat', deleteRoam: false })) as Record<string, unknown>
    expect(raw).toMatchObject({ type: 0, action: 'delete', data: { result: 'ok' } })

    await expect(client.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: true })).resolves.toEqual({ timestamp: expect.any(Number) })
    expect(requestsOf(server, 'deleteConversation')[1]).toEqual({ channel: 'bob', chatType: 'singleChat', deleteRoam: true })
    expect((await client.getConversations()).conversations).toEqual([])
    // deleteRoam: true took the history too; deleteRoam: false kept it.
    expect((await client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })).messages).toEqual([])
    expect((await client.getHistory({ conversationId: 'carol', chatType: 'singleChat' })).messages).toHaveLength(2)
  })

  it('deleteAllConversations: undefined → void; every conversation and its history is gone, a new message lists one again', async () => {
    const { server, client } = setup()
    sendMany(server, 3, { from: 'bob', to: 'alice' })
    sendMany(server, 2, { from: 'carol', to: 'alice' })
    await client.pinConversation({ conversationId: 'carol', chatType: 'singleChat', isPinned: true })
    await expect(client.deleteAllConversations()).resolves.toBeUndefined()
    expect(requestsOf(server, 'deleteAllMessagesAndConversations')).toEqual([undefined])
    expect((await client.getConversations()).conversations).toEqual([])
    expect((await client.getPinnedConversations()).conversations).toEqual([])
    expect((await client.getHistory({ conversationId: 'bob', chatType: 'singleChat' })).messages).toEqual([])
    server.sendMessage({ from: 'carol', to: 'alice', text: 'again' })
    expect((await client.getConversations()).conversations.map((c) => [c.conversationId, c.isPinned])).toEqual([['carol', false]])
    expect((await client.getHistory({ conversationId: 'carol', chatType: 'singleChat' })).messages.map((m) => m.type === 'txt' && m.text)).toEqual(['again'])
  })
})

it('works over a server with latency under fake timers', async () => {
  vi.useFakeTimers()
  const server = createRoamingServer({ latency: 200 })
  server.generate({ user: 'alice', conversations: 3 })
  const client = createRoamingClient(server.connect('alice'))
  const pending = client.getConversations()
  await vi.advanceTimersByTimeAsync(199)
  let settled = false
  void pending.then(() => { settled = true })
  await Promise.resolve()
  expect(settled).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect((await pending).conversations).toHaveLength(3)
  expect(vi.getTimerCount()).toBe(0)
})
