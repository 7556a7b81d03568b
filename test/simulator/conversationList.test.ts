import { describe, expect, it } from 'vitest'
import { rejectionOf, sendMany, setup, ticks } from './helpers'

const T = 1_700_000_000_000

describe('server conversation list (§6 items 1–8)', () => {
  it('§6.1 ordered by last-message server time, descending; empty conversations by creation time, descending', async () => {
    const { server, clock } = setup()
    const alice = server.connect('alice')
    clock.t = T + 1000; server.sendMessage({ from: 'bob', to: 'alice', text: 'b1' })
    clock.t = T + 2000; server.sendMessage({ from: 'carol', to: 'alice', text: 'c1' })
    clock.t = T + 3000; server.sendMessage({ from: 'dave', to: 'alice', text: 'd1' })
    clock.t = T + 3500; server.sendMessage({ from: 'carol', to: 'alice', text: 'c2' })
    clock.t = T + 4000; server.sendMessage({ from: 'alice', to: 'bob', text: 'b2' })

    const res = await alice.getServerConversations({ pageSize: 20 })
    expect(res.data.conversations.map((c) => c.conversationId)).toEqual(['bob', 'carol', 'dave'])
    expect(res.data.conversations.map((c) => c.lastMessage?.time)).toEqual([T + 4000, T + 3500, T + 3000])

    // carol's conversation becomes empty: it was created at T+2000, so among the listed ones it now sorts by that.
    await alice.removeHistoryMessages({ targetId: 'carol', chatType: 'singleChat', beforeTimeStamp: T + 3500 })
    const withEmpty = await alice.getServerConversations({ pageSize: 20, includeEmptyConversations: true })
    expect(withEmpty.data.conversations.map((c) => [c.conversationId, c.lastMessage === null])).toEqual([
      ['bob', false], ['dave', false], ['carol', true],
    ])
    // Two empty ones: newest creation first.
    clock.t = T + 5000
    await alice.pinConversation({ conversationId: 'zed', conversationType: 'singleChat', isPinned: true })
    await alice.pinConversation({ conversationId: 'zed', conversationType: 'singleChat', isPinned: false })
    const again = await alice.getServerConversations({ includeEmptyConversations: true })
    expect(again.data.conversations.map((c) => c.conversationId)).toEqual(['zed', 'bob', 'dave', 'carol'])
  })

  it('§6.2 pageSize: default 20, 0 becomes 20, a non-number throws synchronously', async () => {
    const { server } = setup()
    for (let i = 0; i < 25; i++) server.sendMessage({ from: `u${String(i).padStart(2, '0')}`, to: 'alice', text: 'x' })
    const alice = server.connect('alice')
    expect((await alice.getServerConversations()).data.conversations).toHaveLength(20)
    expect((await alice.getServerConversations({})).data.conversations).toHaveLength(20)
    expect((await alice.getServerConversations({ pageSize: 0 })).data.conversations).toHaveLength(20)
    expect((await alice.getServerConversations({ pageSize: 7 })).data.conversations).toHaveLength(7)

    let thrown: unknown
    let returned: unknown = 'nothing'
    try {
      returned = alice.getServerConversations({ pageSize: '5' as unknown as number })
    } catch (error) {
      thrown = error
    }
    expect(returned).toBe('nothing') // a synchronous throw, not a rejected promise
    expect(thrown).toBeInstanceOf(Error)
    expect((thrown as Error).message).toBe('Invalid parameter pageSize: 5')
    expect(() => alice.getServerConversations({ cursor: 5 as unknown as string })).toThrow('Invalid parameter cursor: 5')
    expect(() => alice.getServerPinnedConversations({ pageSize: 'x' as unknown as number })).toThrow('Invalid parameter pageSize: x')
  })

  it('§6.2 pageSize above 50: clamped to 50 by default (oversizedPageSize "clamp"), sent unchanged', async () => {
    const { server } = setup()
    for (let i = 0; i < 60; i++) server.sendMessage({ from: `u${String(i).padStart(2, '0')}`, to: 'alice', text: 'x' })
    const alice = server.connect('alice')
    expect(server.settings.oversizedPageSize).toBe('clamp')
    const res = await alice.getServerConversations({ pageSize: 100 })
    expect(res.data.conversations).toHaveLength(50)
    expect(res.data.cursor).not.toBe('')
    expect(server.requests.at(-1)).toMatchObject({ method: 'getServerConversations', params: { pageSize: 100 }, outcome: 'ok' })
  })

  it('§6.2 pageSize above 50 with oversizedPageSize "reject": an HTTP 400 as {type:17}', async () => {
    const { server } = setup({ oversizedPageSize: 'reject' })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    const alice = server.connect('alice')
    const error = await rejectionOf(alice.getServerConversations({ pageSize: 51 }))
    expect(error).not.toBeInstanceOf(Error)
    expect(error.type).toBe(17)
    expect(typeof error.message).toBe('string')
    expect((await alice.getServerConversations({ pageSize: 50 })).data.conversations).toHaveLength(1)
  })

  it("§6.3 cursor '' / null / undefined start from the latest; the cursor is an opaque string, '' on the last page", async () => {
    const { server, clock } = setup()
    const ids: string[] = []
    for (let i = 0; i < 45; i++) {
      clock.t = T + i * 10
      const id = `u${String(i).padStart(2, '0')}`
      ids.unshift(id)
      server.sendMessage({ from: id, to: 'alice', text: 'x' })
    }
    const alice = server.connect('alice')
    const first = await alice.getServerConversations({ pageSize: 20, cursor: '' })
    const viaNull = await alice.getServerConversations({ pageSize: 20, cursor: null as unknown as string })
    const viaUndefined = await alice.getServerConversations({ pageSize: 20 })
    expect(viaNull).toEqual(first)
    expect(viaUndefined).toEqual(first)
    expect(Object.keys(first).sort()).toEqual(['data', 'type'])
    expect(first.type).toBe(0)
    expect(Object.keys(first.data).sort()).toEqual(['conversations', 'cursor'])
    expect(typeof first.data.cursor).toBe('string')
    expect(first.data.cursor).not.toBe('')

    const seen: string[] = []
    let cursor = ''
    let pages = 0
    for (;;) {
      const page = await alice.getServerConversations({ pageSize: 20, cursor })
      pages++
      seen.push(...page.data.conversations.map((c) => c.conversationId))
      expect(typeof page.data.cursor).toBe('string')
      if (page.data.cursor === '') {
        expect(page.data.conversations.length).toBeLessThan(20)
        break
      }
      cursor = page.data.cursor
    }
    expect(pages).toBe(3)
    expect(seen).toEqual(ids)

    // Exactly full last page: still '' (no further page exists).
    const exact = await alice.getServerConversations({ pageSize: 45 })
    expect(exact.data.conversations).toHaveLength(45)
    expect(exact.data.cursor).toBe('')
  })

  it('§6.4 item shape: {conversationId, conversationType, isPinned, pinnedTime, lastMessage, unReadCount}, marks only when set; no chat rooms', async () => {
    const { server, clock } = setup()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    clock.t = T + 1
    const sent = server.sendMessage({ from: 'bob', to: 'alice', text: 'hello', ext: { k: 1 } })
    clock.t = T + 2
    server.sendMessage({ from: 'carol', to: 'g1', chatType: 'groupChat', text: 'group hi' })
    clock.t = T + 3
    server.sendMessage({ from: 'bob', to: 'room1', chatType: 'chatRoom', text: 'room' })
    const alice = server.connect('alice')
    const res = await alice.getServerConversations({})
    expect(res).toEqual({
      type: 0,
      data: {
        cursor: '',
        conversations: [
          {
            conversationId: 'g1', conversationType: 'groupChat', isPinned: false, pinnedTime: 0, unReadCount: 1,
            lastMessage: { id: expect.any(String), type: 'txt', chatType: 'groupChat', msg: 'group hi', from: 'carol', to: 'g1', time: T + 2, ext: {} },
          },
          {
            conversationId: 'bob', conversationType: 'singleChat', isPinned: false, pinnedTime: 0, unReadCount: 1,
            lastMessage: { id: sent.id, type: 'txt', chatType: 'singleChat', msg: 'hello', from: 'bob', to: 'alice', time: T + 1, ext: { k: 1 } },
          },
        ],
      },
    })
    // As the real SDK, no `marks` key at all when the conversation has no marks (toEqual ignores undefined keys).
    expect(res.data.conversations.map((c) => 'marks' in c)).toEqual([false, false])
    // A server lastMessage has no onlineState (§3.8).
    expect(res.data.conversations[1]?.lastMessage).not.toHaveProperty('onlineState')
    // The chat room's history exists, but it is never a listed conversation.
    const bob = server.connect('bob')
    const bobList = await bob.getServerConversations({})
    expect(bobList.data.conversations.map((c) => c.conversationId)).toEqual(['g1', 'alice'])
    expect(bobList.data.conversations.map((c) => c.conversationId)).not.toContain('room1')
    expect((await bob.getHistoryMessages({ targetId: 'room1', chatType: 'chatRoom' })).messages).toHaveLength(1)
  })

  it('§6.5 empty conversations (all messages removed) are not listed; includeEmptyConversations lists them with lastMessage null', async () => {
    const { server } = setup()
    const ids = sendMany(server, 'bob', 'alice', 3)
    server.sendMessage({ from: 'carol', to: 'alice', text: 'stay' })
    const alice = server.connect('alice')
    await alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: ids })
    const res = await alice.getServerConversations({})
    expect(res.data.conversations.map((c) => c.conversationId)).toEqual(['carol'])
    const withEmpty = await alice.getServerConversations({ includeEmptyConversations: true })
    expect(withEmpty.data.conversations.map((c) => [c.conversationId, c.lastMessage])).toEqual([['carol', expect.any(Object)], ['bob', null]])
    // Bob still has the conversation (one-way).
    const bob = server.connect('bob')
    expect((await bob.getServerConversations({})).data.conversations.map((c) => c.conversationId)).toEqual(['alice'])
    // Removing only some messages keeps it listed, with the newest remaining message as lastMessage.
    const more = sendMany(server, 'dave', 'alice', 2)
    await alice.removeHistoryMessages({ targetId: 'dave', chatType: 'singleChat', messageIds: [more[1] as string] })
    const after = await alice.getServerConversations({})
    expect(after.data.conversations.find((c) => c.conversationId === 'dave')?.lastMessage?.id).toBe(more[0])
  })

  it('§6.6 pinned list: only pinned, newest pin first; pinned items also in the main list with isPinned/pinnedTime', async () => {
    const { server, clock } = setup()
    for (const u of ['bob', 'carol', 'dave', 'erin']) server.sendMessage({ from: u, to: 'alice', text: 'x' })
    const alice = server.connect('alice')
    clock.t = T + 100
    expect(await alice.pinConversation({ conversationId: 'carol', conversationType: 'singleChat', isPinned: true })).toEqual({
      type: 0, data: { isPinned: true, pinnedTime: T + 100 },
    })
    clock.t = T + 200
    await alice.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
    clock.t = T + 300
    await alice.pinConversation({ conversationId: 'erin', conversationType: 'singleChat', isPinned: true })
    expect(await alice.pinConversation({ conversationId: 'erin', conversationType: 'singleChat', isPinned: false })).toEqual({
      type: 0, data: { isPinned: false, pinnedTime: 0 },
    })
    const pinned = await alice.getServerPinnedConversations({})
    expect(pinned.type).toBe(0)
    expect(pinned.data.cursor).toBe('')
    expect(pinned.data.conversations.map((c) => [c.conversationId, c.isPinned, c.pinnedTime])).toEqual([
      ['bob', true, T + 200], ['carol', true, T + 100],
    ])
    const all = await alice.getServerConversations({})
    const byId = Object.fromEntries(all.data.conversations.map((c) => [c.conversationId, c]))
    expect(all.data.conversations).toHaveLength(4)
    expect([byId.bob?.isPinned, byId.bob?.pinnedTime]).toEqual([true, T + 200])
    expect([byId.carol?.isPinned, byId.carol?.pinnedTime]).toEqual([true, T + 100])
    expect([byId.erin?.isPinned, byId.erin?.pinnedTime]).toEqual([false, 0])
    // Pinned paging with a cursor.
    const p1 = await alice.getServerPinnedConversations({ pageSize: 1 })
    expect(p1.data.conversations.map((c) => c.conversationId)).toEqual(['bob'])
    const p2 = await alice.getServerPinnedConversations({ pageSize: 1, cursor: p1.data.cursor })
    expect(p2.data.conversations.map((c) => c.conversationId)).toEqual(['carol'])
  })

  it('§6.6 at most 50 pinned per user by default; pinnedLimit changes it', async () => {
    const { server } = setup()
    for (let i = 0; i < 51; i++) server.sendMessage({ from: `u${i}`, to: 'alice', text: 'x' })
    const alice = server.connect('alice')
    expect(server.settings.pinnedLimit).toBe(50)
    for (let i = 0; i < 50; i++) await alice.pinConversation({ conversationId: `u${i}`, conversationType: 'singleChat', isPinned: true })
    const error = await rejectionOf(alice.pinConversation({ conversationId: 'u50', conversationType: 'singleChat', isPinned: true }))
    expect(error.type).toBe(17)
    expect((await alice.getServerPinnedConversations({ pageSize: 50 })).data.conversations).toHaveLength(50)

    const small = setup({ pinnedLimit: 2 }).server
    for (const u of ['a1', 'a2', 'a3']) small.sendMessage({ from: u, to: 'alice', text: 'x' })
    const a = small.connect('alice')
    await a.pinConversation({ conversationId: 'a1', conversationType: 'singleChat', isPinned: true })
    await a.pinConversation({ conversationId: 'a2', conversationType: 'singleChat', isPinned: true })
    expect((await rejectionOf(a.pinConversation({ conversationId: 'a3', conversationType: 'singleChat', isPinned: true }))).type).toBe(17)
    await a.pinConversation({ conversationId: 'a1', conversationType: 'singleChat', isPinned: false })
    await expect(a.pinConversation({ conversationId: 'a3', conversationType: 'singleChat', isPinned: true })).resolves.toMatchObject({ type: 0 })
  })

  it('§6.7 the server keeps 100 conversations per user: the 101st pushes the least recently active one out', async () => {
    const { server, clock } = setup()
    for (let i = 0; i < 101; i++) {
      clock.t = T + i
      server.sendMessage({ from: `u${String(i).padStart(3, '0')}`, to: 'alice', text: 'x' })
    }
    const alice = server.connect('alice')
    const ids: string[] = []
    let cursor = ''
    do {
      const page = await alice.getServerConversations({ pageSize: 50, cursor })
      ids.push(...page.data.conversations.map((c) => c.conversationId))
      cursor = page.data.cursor
    } while (cursor !== '')
    expect(ids).toHaveLength(100)
    expect(ids[0]).toBe('u100')
    expect(ids).not.toContain('u000')
    // A new message to the dropped one brings it back, and another one drops out.
    clock.t = T + 500
    server.sendMessage({ from: 'u000', to: 'alice', text: 'back' })
    const top = await alice.getServerConversations({ pageSize: 50 })
    expect(top.data.conversations[0]?.conversationId).toBe('u000')

    const capped = setup({ conversationLimit: 5 }).server
    for (let i = 0; i < 8; i++) capped.sendMessage({ from: `v${i}`, to: 'alice', text: 'x' })
    const res = await capped.connect('alice').getServerConversations({ pageSize: 50 })
    expect(res.data.conversations.map((c) => c.conversationId)).toEqual(['v7', 'v6', 'v5', 'v4', 'v3'])
  })

  it('§6.7 legacy getConversationlist: unpaged = last ten conversations of the past seven days, raw envelope + type 0', async () => {
    const DAY = 86_400_000
    const { server, clock } = setup()
    clock.t = T - 8 * DAY
    server.sendMessage({ from: 'old', to: 'alice', text: 'ancient' })
    for (let i = 0; i < 12; i++) {
      clock.t = T - 2 * DAY + i
      server.sendMessage({ from: `p${String(i).padStart(2, '0')}`, to: 'alice', text: 'recent' })
    }
    clock.t = T
    const alice = server.connect('alice')
    const res = await alice.getConversationlist()
    expect(res).toMatchObject({ type: 0, action: 'get', organization: 'roamkit', application: 'simulator', applicationName: 'simulator' })
    for (const key of ['timestamp', 'duration', 'path', 'uri', 'entities']) expect(res).toHaveProperty(key)
    const infos = res.data.channel_infos
    expect(infos).toHaveLength(10)
    expect(infos[0]).toEqual({
      channel_id: 'roamkit#simulator_p11@easemob.com', unread_num: 1,
      lastMessage: { id: expect.any(String), type: 'txt', chatType: 'singleChat', msg: 'recent', from: 'p11', to: 'alice', time: T - 2 * DAY + 11, ext: {} },
    })
    expect(infos.map((c) => c.channel_id)).not.toContain('roamkit#simulator_old@easemob.com')

    // Paged (both pageNum and pageSize positive): every conversation, newest first, pageSize capped at 20.
    const page2 = await alice.getConversationlist({ pageNum: 2, pageSize: 5 })
    expect(page2.data.channel_infos.map((c) => c.channel_id)).toEqual(
      ['p06', 'p05', 'p04', 'p03', 'p02'].map((p) => `roamkit#simulator_${p}@easemob.com`),
    )
    const all = await alice.getConversationlist({ pageNum: 1, pageSize: 20 })
    expect(all.data.channel_infos).toHaveLength(13)
    expect(all.path).toBe('/users/alice/user_channels/page')

    // The optional success callback receives the same object.
    let viaCallback: unknown
    const p = alice.getConversationlist({ success: (r) => { viaCallback = r } })
    const direct = await p
    await ticks()
    expect(viaCallback).toBe(direct)
  })

  it('§6.8 unReadCount grows with messages from others, not own ones, and a channel ack resets it for this user only', async () => {
    const { server } = setup()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    const alice = server.connect('alice')
    const bob = server.connect('bob')
    sendMany(server, 'bob', 'alice', 3)
    await alice.send({ type: 'txt', to: 'bob', msg: 'mine' })
    sendMany(server, 'bob', 'g1', 2, 'groupChat')
    server.sendMessage({ from: 'carol', to: 'g1', chatType: 'groupChat', text: 'c' })
    const unread = async (conn: typeof alice) =>
      Object.fromEntries((await conn.getServerConversations({})).data.conversations.map((c) => [c.conversationId, c.unReadCount]))
    expect(await unread(alice)).toEqual({ bob: 3, g1: 3 })
    expect(await unread(bob)).toEqual({ alice: 1, g1: 1 })

    await alice.send({ type: 'channel', to: 'g1', chatType: 'groupChat' })
    expect(await unread(alice)).toEqual({ bob: 3, g1: 0 })
    await alice.send({ type: 'channel', to: 'bob', chatType: 'singleChat' })
    expect(await unread(alice)).toEqual({ bob: 0, g1: 0 })
    expect(await unread(bob)).toEqual({ alice: 1, g1: 1 })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'again' })
    expect(await unread(alice)).toEqual({ bob: 1, g1: 0 })
  })
})
