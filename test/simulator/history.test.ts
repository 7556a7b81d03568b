import { describe, expect, it } from 'vitest'
import { allHistory, record, rejectionOf, sendMany, setup, ticks } from './helpers'

const T = 1_700_000_000_000

describe('history (§6 items 9–16)', () => {
  it('§6.9 order key is the server receive time; time is that ms timestamp, id the server id as a decimal string', async () => {
    const { server, clock } = setup()
    const alice = server.connect('alice')
    clock.t = T + 50
    const a = server.sendMessage({ from: 'bob', to: 'alice', text: 'first' })
    clock.t = T + 50 // same ms: the server still orders by receipt
    const b = server.sendMessage({ from: 'bob', to: 'alice', text: 'second' })
    clock.t = T + 10 // a clock step back cannot reorder: receive times never go backwards
    const c = await alice.send({ type: 'txt', to: 'bob', msg: 'third' })
    expect(a.time).toBe(T + 50)
    expect(b.time).toBe(T + 51)
    expect(c.message?.time).toBe(T + 52)
    for (const id of [a.id, b.id, c.serverMsgId]) expect(id).toMatch(/^\d{19}$/)
    expect(BigInt(a.id) < BigInt(b.id) && BigInt(b.id) < BigInt(c.serverMsgId)).toBe(true)

    const page = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })
    expect(page.messages).toEqual([
      { id: c.serverMsgId, type: 'txt', chatType: 'singleChat', msg: 'third', from: 'alice', to: 'bob', time: T + 52, ext: {}, onlineState: 3 },
      { id: b.id, type: 'txt', chatType: 'singleChat', msg: 'second', from: 'bob', to: 'alice', time: T + 51, ext: {}, onlineState: 3 },
      { id: a.id, type: 'txt', chatType: 'singleChat', msg: 'first', from: 'bob', to: 'alice', time: T + 50, ext: {}, onlineState: 3 },
    ])
    expect(typeof page.messages[0]?.time).toBe('number')
  })

  it("§6.10 up (the default) returns newest first, sorted descending; down starts from the oldest, ascending", async () => {
    const { server } = setup()
    const ids = sendMany(server, 'bob', 'alice', 30)
    const alice = server.connect('alice')
    const up = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10 })
    expect(up.messages.map((m) => m.id)).toEqual(ids.slice(20).reverse())
    const times = up.messages.map((m) => Number(m.time))
    expect(times).toEqual([...times].sort((x, y) => y - x))
    const explicitUp = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10, searchDirection: 'up' })
    expect(explicitUp).toEqual(up)

    const down = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10, searchDirection: 'down' })
    expect(down.messages.map((m) => m.id)).toEqual(ids.slice(0, 10))
    const downTimes = down.messages.map((m) => Number(m.time))
    expect(downTimes).toEqual([...downTimes].sort((x, y) => x - y))
    // The second up page continues toward older messages, still descending.
    const up2 = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: up.cursor })
    expect(up2.messages.map((m) => m.id)).toEqual(ids.slice(10, 20).reverse())
  })

  it("§6.11 cursor -1 / '' / null / omitted start at the direction's end; following next cursors has no overlap or gap", async () => {
    const { server } = setup()
    const ids = sendMany(server, 'bob', 'alice', 47)
    const alice = server.connect('alice')
    const base = { targetId: 'bob', chatType: 'singleChat' as const, pageSize: 10 }
    for (const searchDirection of ['up', 'down'] as const) {
      const omitted = await alice.getHistoryMessages({ ...base, searchDirection })
      for (const cursor of [-1, '-1', '', null]) {
        expect(await alice.getHistoryMessages({ ...base, searchDirection, cursor })).toEqual(omitted)
      }
      expect(typeof omitted.cursor).toBe('string')
    }
    const up = await allHistory(alice, 'bob', 'up', 10)
    expect(up.ids).toEqual([...ids].reverse())
    expect(up.calls).toBe(5)
    const down = await allHistory(alice, 'bob', 'down', 10)
    expect(down.ids).toEqual(ids)
    expect(down.calls).toBe(5)
  })

  it('§6.11 a message id passed as cursor is exclusive by default (cursorInclusive false)', async () => {
    const { server } = setup()
    const ids = sendMany(server, 'bob', 'alice', 10)
    const alice = server.connect('alice')
    expect(server.settings.cursorInclusive).toBe(false)
    const up = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 3, cursor: ids[5] })
    expect(up.messages.map((m) => m.id)).toEqual([ids[4], ids[3], ids[2]])
    expect(up.cursor).toBe(ids[2]) // the next_key names the page's last message
    const down = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 3, cursor: ids[5], searchDirection: 'down' })
    expect(down.messages.map((m) => m.id)).toEqual([ids[6], ids[7], ids[8]])
    // An unknown cursor is a server 400.
    const error = await rejectionOf(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', cursor: '999' }))
    expect(error.type).toBe(17)
  })

  it('§6.11 with cursorInclusive true a passed id is included, and following next cursors still has no overlap or gap', async () => {
    const { server } = setup({ cursorInclusive: true })
    const ids = sendMany(server, 'bob', 'alice', 23)
    const alice = server.connect('alice')
    const up = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 3, cursor: ids[5] })
    expect(up.messages.map((m) => m.id)).toEqual([ids[5], ids[4], ids[3]])
    expect(up.cursor).toBe(ids[2]) // the next_key names the first message of the next page
    const down = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 3, cursor: ids[5], searchDirection: 'down' })
    expect(down.messages.map((m) => m.id)).toEqual([ids[5], ids[6], ids[7]])
    expect((await allHistory(alice, 'bob', 'up', 5)).ids).toEqual([...ids].reverse())
    expect((await allHistory(alice, 'bob', 'down', 5)).ids).toEqual(ids)
    const both = setup({ cursorInclusive: true, fullLastPage: 'shortPageOnly' }).server
    const ids2 = sendMany(both, 'bob', 'alice', 20)
    const a2 = both.connect('alice')
    expect((await allHistory(a2, 'bob', 'up', 5)).ids).toEqual([...ids2].reverse())
    expect((await allHistory(a2, 'bob', 'down', 5)).ids).toEqual(ids2)
  })

  it('§6.12 last page: isLast true and cursor undefined when fewer than pageSize come back; a full final page is last by default (lookahead)', async () => {
    const { server } = setup()
    const ids = sendMany(server, 'bob', 'alice', 25)
    const alice = server.connect('alice')
    expect(server.settings.fullLastPage).toBe('lookahead')
    const p1 = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 20 })
    expect(p1.isLast).toBe(false)
    expect(p1.cursor).toBe(ids[5])
    const p2 = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 20, cursor: p1.cursor })
    expect(p2).toEqual({ cursor: undefined, messages: expect.any(Array), isLast: true })
    expect(p2.messages).toHaveLength(5)
    // Exactly 25: one full page, and it is the last.
    const exact = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 25 })
    expect([exact.messages.length, exact.isLast, exact.cursor]).toEqual([25, true, undefined])
    // Empty conversation.
    const none = await alice.getHistoryMessages({ targetId: 'nobody', chatType: 'singleChat' })
    expect(none).toEqual({ cursor: undefined, messages: [], isLast: true })
  })

  it('§6.12 with fullLastPage "shortPageOnly" a full final page has isLast false and one more, empty, page follows', async () => {
    const { server } = setup({ fullLastPage: 'shortPageOnly' })
    const ids = sendMany(server, 'bob', 'alice', 20)
    const alice = server.connect('alice')
    const p1 = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10 })
    const p2 = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: p1.cursor })
    expect([p2.messages.length, p2.isLast, p2.cursor]).toEqual([10, false, ids[0]])
    const p3 = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10, cursor: p2.cursor })
    expect(p3).toEqual({ cursor: undefined, messages: [], isLast: true })
    expect((await allHistory(alice, 'bob', 'down', 10)).calls).toBe(3)
  })

  it('§6.13 history pageSize: default 20, above 50 clamped by default (sent unchanged), or a {type:17} 400 with "reject"', async () => {
    const { server } = setup()
    sendMany(server, 'bob', 'alice', 70)
    const alice = server.connect('alice')
    expect((await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })).messages).toHaveLength(20)
    const big = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 60 })
    expect(big.messages).toHaveLength(50)
    expect(big.isLast).toBe(false)
    expect(server.requests.at(-1)).toMatchObject({ method: 'getHistoryMessages', params: { pageSize: 60 } })

    server.configure({ oversizedPageSize: 'reject' })
    const error = await rejectionOf(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 60 }))
    expect(error).not.toBeInstanceOf(Error)
    // `data` is the raw response body, a JSON string, as on the real SDK.
    expect(error).toMatchObject({ type: 17, message: 'page size must not exceed 50' })
    expect(typeof error.data).toBe('string')
    expect(JSON.parse(error.data as string)).toEqual({ error: 'bad_request', error_description: 'page size must not exceed 50' })
    expect((await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 50 })).messages).toHaveLength(50)
  })

  it('§6.14 filters: from (group only, ignored for singleChat), msgTypes, startTime/endTime (inclusive)', async () => {
    const { server, clock } = setup()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    for (let i = 0; i < 6; i++) {
      clock.t = T + i * 100
      server.sendMessage({ from: i % 2 ? 'bob' : 'carol', to: 'g1', chatType: 'groupChat', text: `g${i}` })
    }
    const alice = server.connect('alice')
    const fromBob = await alice.getHistoryMessages({ targetId: 'g1', chatType: 'groupChat', searchOptions: { from: 'bob' } })
    expect(fromBob.messages.map((m) => m.msg)).toEqual(['g5', 'g3', 'g1'])
    const window = await alice.getHistoryMessages({ targetId: 'g1', chatType: 'groupChat', searchDirection: 'down', searchOptions: { startTime: T + 100, endTime: T + 300 } })
    expect(window.messages.map((m) => m.msg)).toEqual(['g1', 'g2', 'g3'])
    const windowUp = await alice.getHistoryMessages({ targetId: 'g1', chatType: 'groupChat', searchOptions: { startTime: T + 100, endTime: T + 300 } })
    expect(windowUp.messages.map((m) => m.msg)).toEqual(['g3', 'g2', 'g1'])
    expect(windowUp.isLast).toBe(true)

    clock.t = T + 1000
    server.sendMessage({ from: 'bob', to: 'alice', text: 't1' })
    server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://x/1.png', width: 10, height: 20 })
    server.sendMessage({ from: 'alice', to: 'bob', type: 'custom', customEvent: 'poll', customExts: { q: 1 } })
    // `from` is forced to null for singleChat: alice's own message still comes back.
    const single = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', searchOptions: { from: 'bob' } })
    expect(single.messages.map((m) => m.type)).toEqual(['custom', 'img', 'txt'])
    const imgs = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', searchOptions: { msgTypes: ['img', 'custom'] } })
    expect(imgs.messages.map((m) => m.type)).toEqual(['custom', 'img'])
    expect(imgs.messages[1]).toMatchObject({ type: 'img', url: 'https://x/1.png', width: 10, height: 20 })
    expect(imgs.messages[0]).toMatchObject({ type: 'custom', customEvent: 'poll', customExts: { q: 1 }, params: {} })
    // The SDK's own bug: a truthy endTime without a numeric startTime is rejected as a parameter error.
    const bug = await rejectionOf(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', searchOptions: { endTime: T } }))
    expect(bug).toBeInstanceOf(Error)
  })

  it('§6.15 a history fetch fires no message callbacks and resolves a bare {cursor, messages, isLast}', async () => {
    const { server } = setup()
    sendMany(server, 'bob', 'alice', 5)
    const alice = server.connect('alice')
    await ticks()
    const events = record(alice)
    const res = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 2 })
    await ticks()
    expect(Object.keys(res).sort()).toEqual(['cursor', 'isLast', 'messages'])
    expect(res).not.toHaveProperty('type')
    expect(res).not.toHaveProperty('data')
    expect(events).toEqual([])
    // The `success` callback receives the same HistoryMessages object (typed MessageBody[] in the d.ts).
    let got: unknown
    const direct = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', success: (r) => { got = r } })
    await ticks()
    expect(got).toBe(direct)
  })

  it('§6.16 group history is available to a member who joined after the messages were sent', async () => {
    const { server } = setup()
    server.createGroup('g1', ['bob', 'carol'])
    const ids = sendMany(server, 'bob', 'g1', 4, 'groupChat')
    server.createGroup('g1', ['dave'])
    const dave = server.connect('dave')
    const page = await dave.getHistoryMessages({ targetId: 'g1', chatType: 'groupChat' })
    expect(page.messages.map((m) => m.id)).toEqual([...ids].reverse())
    expect(page.messages[0]).toMatchObject({ chatType: 'groupChat', to: 'g1', from: 'bob' })
    // And the new member gets the group's next message live and in the list.
    const events = record(dave)
    server.sendMessage({ from: 'carol', to: 'g1', chatType: 'groupChat', text: 'welcome' })
    await ticks()
    expect(events.map((e) => e.name)).toEqual(['onTextMessage', 'onMessage'])
  })
})
