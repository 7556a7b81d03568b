import { describe, expect, it } from 'vitest'
import { multiDevice, record, rejectionOf, sendMany, sendSpaced, setup, ticks } from './helpers'

const T = 1_700_000_000_000
const ids = (page: { messages: Array<{ id: string }> }) => page.messages.map((m) => m.id)

describe('deletion (§6 items 17–23)', () => {
  it('§6.17 removeHistoryMessages is one-way: only the caller loses the messages; resolves undefined', async () => {
    const { server } = setup()
    const sent = sendMany(server, 'bob', 'alice', 5)
    const alice = server.connect('alice')
    const bob = server.connect('bob')
    const result = await alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [sent[1] as string, sent[3] as string] })
    expect(result).toBeUndefined()
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([sent[4], sent[2], sent[0]])
    expect(ids(await bob.getHistoryMessages({ targetId: 'alice', chatType: 'singleChat' }))).toEqual([...sent].reverse())
    // Another device of alice sees the same (server-side) state.
    const laptop = server.connect('alice')
    expect(ids(await laptop.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([sent[4], sent[2], sent[0]])
    // Group: one-way as well.
    server.createGroup('g1', ['alice', 'bob'])
    const g = sendMany(server, 'bob', 'g1', 2, 'groupChat')
    await alice.removeHistoryMessages({ targetId: 'g1', chatType: 'groupChat', messageIds: [g[0] as string] })
    expect(ids(await alice.getHistoryMessages({ targetId: 'g1', chatType: 'groupChat' }))).toEqual([g[1]])
    expect(ids(await bob.getHistoryMessages({ targetId: 'g1', chatType: 'groupChat' }))).toEqual([g[1], g[0]])
  })

  it('§6.18 messageIds: 1..20 per call; 21 (or 0) ids is a rejected plain Error, not a synchronous throw', async () => {
    const { server } = setup()
    const sent = sendMany(server, 'bob', 'alice', 25)
    const alice = server.connect('alice')
    let p21: Promise<void> | undefined
    expect(() => { p21 = alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: sent.slice(0, 21) }) }).not.toThrow()
    const e21 = await rejectionOf(p21 as Promise<void>)
    expect(e21).toBeInstanceOf(Error)
    expect(e21.message).toMatch(/^"Invalid parameter messageIds": /)
    const e0 = await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [] }))
    expect(e0).toBeInstanceOf(Error)
    expect(e0.message).toMatch(/^"Invalid parameter messageIds"/)
    expect(server.requests.filter((r) => r.method === 'removeHistoryMessages')).toHaveLength(0)
    // Nothing was removed by the rejected calls; 20 is accepted.
    expect((await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 50 })).messages).toHaveLength(25)
    await expect(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: sent.slice(0, 20) })).resolves.toBeUndefined()
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 50 }))).toEqual(sent.slice(20).reverse())
    // Other parameter errors are rejections too.
    const eTarget = await rejectionOf(alice.removeHistoryMessages({ targetId: '', chatType: 'singleChat', messageIds: ['1'] }))
    expect(eTarget.message).toBe('"Invalid parameter targetId": ')
    const eType = await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'x' as 'singleChat', messageIds: ['1'] }))
    expect(eType).toBeInstanceOf(Error)
  })

  it('§6.19 beforeTimeStamp removes messages at and before T by default (removeBeforeInclusive true)', async () => {
    const { server, clock } = setup()
    const sent = sendSpaced(server, clock, 5, T)
    const alice = server.connect('alice')
    expect(server.settings.removeBeforeInclusive).toBe(true)
    await alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: T + 20 })
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([sent[4], sent[3]])
  })

  it('§6.19 with removeBeforeInclusive false only messages strictly before T go', async () => {
    const { server, clock } = setup({ removeBeforeInclusive: false })
    const sent = sendSpaced(server, clock, 5, T)
    const alice = server.connect('alice')
    await alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: T + 20 })
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([sent[4], sent[3], sent[2]])
  })

  it('§6.19 beforeTimeStamp 0 counts as missing; with both messageIds and beforeTimeStamp only the ids are used', async () => {
    const { server, clock } = setup()
    const sent = sendSpaced(server, clock, 4, T)
    const alice = server.connect('alice')
    const missing = await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: 0 }))
    expect(missing).toBeInstanceOf(Error)
    expect(missing.message).toBe('messageIds or beforeTimeStamp field is required.')
    const neither = await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))
    expect(neither.message).toBe('messageIds or beforeTimeStamp field is required.')
    const negative = await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: -5 }))
    expect(negative).toBeInstanceOf(Error)
    await alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [sent[0] as string], beforeTimeStamp: T + 100 })
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([sent[3], sent[2], sent[1]])
  })

  it('§6.20 a removal fires deleteRoaming on the same user\'s other devices only, without ids, chatRoom mapped to groupChat', async () => {
    const { server } = setup()
    const sent = sendMany(server, 'bob', 'alice', 3)
    const phone = server.connect('alice', { resource: 'phone' })
    const laptop = server.connect('alice', { resource: 'laptop' })
    const tablet = server.connect('alice', { resource: 'tablet' })
    const bob = server.connect('bob')
    await ticks()
    const onPhone = record(phone)
    const onLaptop = record(laptop)
    const onTablet = record(tablet)
    const onBob = record(bob)
    await phone.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [sent[0] as string] })
    await ticks()
    const expected = { operation: 'deleteRoaming', conversationId: 'bob', chatType: 'singleChat', resource: 'phone' }
    expect(multiDevice(onLaptop)).toEqual([expected])
    expect(multiDevice(onTablet)).toEqual([expected])
    expect(onPhone).toEqual([])
    expect(onBob).toEqual([])

    await laptop.removeHistoryMessages({ targetId: 'room9', chatType: 'chatRoom', beforeTimeStamp: T })
    await laptop.removeHistoryMessages({ targetId: 'g7', chatType: 'groupChat', beforeTimeStamp: T })
    await ticks()
    expect(multiDevice(onPhone)).toEqual([
      { operation: 'deleteRoaming', conversationId: 'room9', chatType: 'groupChat', resource: 'laptop' },
      { operation: 'deleteRoaming', conversationId: 'g7', chatType: 'groupChat', resource: 'laptop' },
    ])
    expect(multiDevice(onLaptop)).toHaveLength(1)
    // A rejected removal changes nothing and tells nobody.
    await rejectionOf(phone.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [] }))
    await ticks()
    expect(multiDevice(onLaptop)).toHaveLength(1)
  })

  it('§6.21 deleteConversation: raw envelope + type 0, one-way, other devices get deleteConversation; deleteRoam true also clears history', async () => {
    const { server, clock } = setup()
    const sent = sendMany(server, 'bob', 'alice', 3)
    server.sendMessage({ from: 'carol', to: 'alice', text: 'c' })
    const phone = server.connect('alice', { resource: 'phone' })
    const laptop = server.connect('alice', { resource: 'laptop' })
    const bob = server.connect('bob')
    await ticks()
    const onPhone = record(phone)
    const onLaptop = record(laptop)
    const onBob = record(bob)
    clock.t = T + 777
    const res = await phone.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true })
    expect(res).toEqual({
      type: 0, action: 'delete', data: { result: 'ok' }, timestamp: T + 777, duration: 0, path: '/user/alice/user_channel',
      uri: 'https://a1.simulator.invalid/roamkit/simulator/user/alice/user_channel', entities: [],
      organization: 'roamkit', application: 'simulator', applicationName: 'simulator',
    })
    await ticks()
    expect(multiDevice(onLaptop)).toEqual([{ operation: 'deleteConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: T + 777 }])
    expect(onPhone).toEqual([])
    expect(onBob).toEqual([])
    const list = await laptop.getServerConversations({ includeEmptyConversations: true })
    expect(list.data.conversations.map((c) => c.conversationId)).toEqual(['carol'])
    expect(await phone.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })).toEqual({ cursor: undefined, messages: [], isLast: true })
    // Bob keeps both the conversation and the messages.
    expect((await bob.getServerConversations({})).data.conversations.map((c) => c.conversationId)).toEqual(['alice'])
    expect(ids(await bob.getHistoryMessages({ targetId: 'alice', chatType: 'singleChat' }))).toEqual([...sent].reverse())
  })

  it('§6.21 a deletion is never stamped before a message stored ahead of it (message times are bumped to stay unique)', async () => {
    const { server, clock } = setup()
    clock.t = T
    // Three messages in one millisecond: stored at T, T+1, T+2 (unique, increasing).
    const sent = [0, 1, 2].map((i) => server.sendMessage({ from: 'bob', to: 'alice', text: `m${i}` }))
    const last = Number(sent.at(-1)!.time)
    expect(last).toBe(T + 2)
    const phone = server.connect('alice', { resource: 'phone' })
    const laptop = server.connect('alice', { resource: 'laptop' })
    await ticks()
    const onLaptop = record(laptop)
    const res = await phone.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
    await ticks()
    // Still at T on the clock, but after every stored message: a client comparing times sees the true order.
    expect(res.timestamp).toBe(last)
    expect(multiDevice(onLaptop)).toEqual([{ operation: 'deleteConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: last }])
    // The next message is after the deletion by time as well, and recreates the conversation.
    const fresh = server.sendMessage({ from: 'bob', to: 'alice', text: 'again' })
    expect(Number(fresh.time)).toBeGreaterThan(last)
  })

  it('§6.21 deleteConversation deleteRoam false keeps the history; a new message recreates it with only new unread', async () => {
    const { server } = setup()
    const sent = sendMany(server, 'bob', 'alice', 3)
    const alice = server.connect('alice')
    await alice.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
    expect((await alice.getServerConversations({})).data.conversations).toEqual([])
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([...sent].reverse())
    const fresh = server.sendMessage({ from: 'bob', to: 'alice', text: 'again' })
    const list = await alice.getServerConversations({})
    expect(list.data.conversations).toHaveLength(1)
    expect(list.data.conversations[0]).toMatchObject({ conversationId: 'bob', unReadCount: 1, lastMessage: { id: fresh.id } })

    // With deleteRoam true, only the new message is in the recreated conversation's history.
    await alice.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true })
    const newer = server.sendMessage({ from: 'bob', to: 'alice', text: 'new' })
    expect(ids(await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))).toEqual([newer.id])
    expect((await alice.getServerConversations({})).data.conversations[0]?.unReadCount).toBe(1)
  })

  it('§6.21 deleteConversation argument errors are synchronous throws (non-string channel, chatRoom, missing deleteRoam); logged out rejects', async () => {
    const { server } = setup()
    const alice = server.connect('alice')
    expect(() => alice.deleteConversation({ channel: undefined as unknown as string, chatType: 'singleChat', deleteRoam: true })).toThrow('Invalid parameter channel: undefined')
    expect(() => alice.deleteConversation({ channel: 5 as unknown as string, chatType: 'singleChat', deleteRoam: true })).toThrow('Invalid parameter channel: 5')
    // As the real SDK (a typeof check only), channel '' is accepted and the request is sent.
    await expect(alice.deleteConversation({ channel: '', chatType: 'singleChat', deleteRoam: true })).resolves.toMatchObject({ type: 0, data: { result: 'ok' } })
    expect(server.requests.map((r) => [r.method, (r.params as { channel: string }).channel, r.outcome])).toEqual([['deleteConversation', '', 'ok']])
    expect(() => alice.deleteConversation({ channel: 'bob', chatType: 'chatRoom' as 'singleChat', deleteRoam: true })).toThrow('Invalid parameter chatType: chatRoom')
    expect(() => alice.deleteConversation({ channel: 'bob', chatType: 'singleChat' } as never)).toThrow('Invalid parameter deleteRoam: undefined')
    const out = server.connect('carol', { open: false })
    expect(() => out.deleteConversation({ channel: 'bob', chatType: 'chatRoom' as 'singleChat', deleteRoam: true })).toThrow(Error) // validation first
    const e = await rejectionOf(out.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true }))
    expect(e).toMatchObject({ type: 39, message: 'not login' })
    // deleteSession is the same function.
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    await expect(alice.deleteSession({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })).resolves.toMatchObject({ type: 0, data: { result: 'ok' } })
  })

  it('§6.22 deleteAllMessagesAndConversations clears this user only, resolves undefined, and sends no multi-device event', async () => {
    const { server } = setup()
    server.createGroup('g1', ['alice', 'bob'])
    sendMany(server, 'bob', 'alice', 3)
    sendMany(server, 'carol', 'alice', 2)
    sendMany(server, 'bob', 'g1', 2, 'groupChat')
    const phone = server.connect('alice')
    const laptop = server.connect('alice')
    const bob = server.connect('bob')
    await ticks()
    await phone.pinConversation({ conversationId: 'carol', conversationType: 'singleChat', isPinned: true })
    await ticks()
    const onLaptop = record(laptop)
    const onPhone = record(phone)
    expect(await phone.deleteAllMessagesAndConversations()).toBeUndefined()
    await ticks()
    expect(onLaptop).toEqual([])
    expect(onPhone).toEqual([])
    expect((await laptop.getServerConversations({ includeEmptyConversations: true })).data.conversations).toEqual([])
    expect((await laptop.getServerPinnedConversations({})).data.conversations).toEqual([])
    for (const [targetId, chatType] of [['bob', 'singleChat'], ['carol', 'singleChat'], ['g1', 'groupChat']] as const) {
      expect((await laptop.getHistoryMessages({ targetId, chatType })).messages).toEqual([])
    }
    expect((await bob.getServerConversations({})).data.conversations).toHaveLength(2)
    expect((await bob.getHistoryMessages({ targetId: 'alice', chatType: 'singleChat' })).messages).toHaveLength(3)
    // New messages start afresh.
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi again' })
    const after = await phone.getServerConversations({})
    expect(after.data.conversations.map((c) => [c.conversationId, c.unReadCount])).toEqual([['bob', 1]])
    // Logged out: ErrorEvent 39.
    const out = server.connect('dave', { open: false })
    expect(await rejectionOf(out.deleteAllMessagesAndConversations())).toMatchObject({ type: 39, message: 'not login' })
  })

  it('§6.23 pin/unpin fire pinnedConversation/unpinnedConversation on other devices; marks fire markConversation/unMarkConversation', async () => {
    const { server, clock } = setup()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    server.createGroup('g1', ['alice', 'bob'])
    server.sendMessage({ from: 'bob', to: 'g1', chatType: 'groupChat', text: 'y' })
    const phone = server.connect('alice', { resource: 'phone' })
    const laptop = server.connect('alice', { resource: 'laptop' })
    const bob = server.connect('bob')
    await ticks()
    const onPhone = record(phone)
    const onLaptop = record(laptop)
    const onBob = record(bob)
    clock.t = T + 1
    await phone.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
    clock.t = T + 2
    await phone.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: false })
    clock.t = T + 3
    expect(await phone.addConversationMark({ conversations: [{ conversationId: 'bob', conversationType: 'singleChat' }, { conversationId: 'g1', conversationType: 'groupChat' }], mark: 4 })).toBeUndefined()
    clock.t = T + 4
    expect(await phone.removeConversationMark({ conversations: [{ conversationId: 'g1', conversationType: 'groupChat' }], mark: 4 })).toBeUndefined()
    await ticks()
    expect(multiDevice(onLaptop)).toEqual([
      { operation: 'pinnedConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: T + 1 },
      { operation: 'unpinnedConversation', conversationId: 'bob', conversationType: 'singleChat', timestamp: T + 2 },
      { operation: 'markConversation', conversationId: 'bob', conversationType: 'singleChat', conversationMark: 4, timestamp: T + 3 },
      { operation: 'markConversation', conversationId: 'g1', conversationType: 'groupChat', conversationMark: 4, timestamp: T + 3 },
      { operation: 'unMarkConversation', conversationId: 'g1', conversationType: 'groupChat', conversationMark: 4, timestamp: T + 4 },
    ])
    expect(onPhone).toEqual([])
    expect(onBob).toEqual([])
    // Marks show in the list and drive getServerConversationsByFilter ({type:0, data:{conversations, cursor}}).
    const list = await laptop.getServerConversations({})
    // A conversation without marks has no `marks` key (as the real SDK, which sets it only when the server sends marks).
    expect(Object.fromEntries(list.data.conversations.map((c) => [c.conversationId, 'marks' in c ? c.marks : 'absent']))).toEqual({ bob: [4], g1: 'absent' })
    const marked = await laptop.getServerConversationsByFilter({ filter: { mark: 4 } })
    expect(marked).toEqual({ type: 0, data: { cursor: '', conversations: [expect.objectContaining({ conversationId: 'bob', marks: [4] })] } })
    expect(() => laptop.getServerConversationsByFilter({ filter: {} } as never)).toThrow('Invalid parameter mark: undefined')
    const badMark = await rejectionOf(phone.addConversationMark({ conversations: [{ conversationId: 'bob', conversationType: 'singleChat' }], mark: 20 }))
    expect(badMark.type).toBe(-3)
    const badList = await rejectionOf(phone.addConversationMark({ conversations: [{ conversationId: 'bob', conversationType: 'chatRoom' as 'singleChat' }], mark: 1 }))
    expect(badList).toBeInstanceOf(Error)
    // pinConversation parameter errors are rejections (not throws).
    let p: Promise<unknown> | undefined
    expect(() => { p = phone.pinConversation({ conversationId: '', conversationType: 'singleChat', isPinned: true }) }).not.toThrow()
    expect(await rejectionOf(p as Promise<unknown>)).toBeInstanceOf(Error)
    // Deleting the conversation takes its marks (inferred, as its pin): a message lists it again without them.
    await phone.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'back' })
    const again = await laptop.getServerConversations({})
    expect(again.data.conversations.find((c) => c.conversationId === 'bob')).not.toHaveProperty('marks')
  })
})
