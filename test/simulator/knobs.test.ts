import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoamingServer } from '../../src/simulator/createRoamingServer'
import { manualClock, record, rejectionOf, sendMany, track } from './helpers'

const T = 1_700_000_000_000

afterEach(() => {
  vi.useRealTimers()
})

describe('knobs (server.configure) and determinism', () => {
  it('fixed latency: every answer comes after exactly `latency` ms', async () => {
    vi.useFakeTimers({ now: T })
    const server = createRoamingServer({ latency: 100 })
    const alice = server.connect('alice')
    const t = track(alice.getServerConversations({}))
    await vi.advanceTimersByTimeAsync(99)
    expect(t.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(t.state).toBe('resolved')
    // Live pushes wait for the latency too.
    const events = record(alice)
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    await vi.advanceTimersByTimeAsync(99)
    expect(events).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(events.map((e) => e.name)).toEqual(['onTextMessage', 'onMessage'])
    server.configure({ latency: 0 })
    const quick = track(alice.getServerConversations({}))
    await vi.advanceTimersByTimeAsync(0)
    expect(quick.state).toBe('resolved')
  })

  it('uplinkLatency: a request sent later but with a shorter uplink is processed (and answered) first, on the state at arrival', async () => {
    vi.useFakeTimers({ now: T })
    const server = createRoamingServer({ uplinkLatency: 100 })
    expect(server.settings.uplinkLatency).toBe(100)
    const ids = sendMany(server, 'bob', 'alice', 3)
    const alice = server.connect('alice')
    const first = track(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 10 }))
    server.configure({ uplinkLatency: 10 })
    const second = track(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 2 }))
    // Nothing has reached the server yet.
    await vi.advanceTimersByTimeAsync(0)
    expect(server.requests).toEqual([])
    expect(server.pending()).toBe(2)
    await vi.advanceTimersByTimeAsync(9)
    expect(server.requests).toEqual([])
    // The second request arrives at +10 and is answered at once (latency 0); the first is still on its way.
    await vi.advanceTimersByTimeAsync(1)
    expect(server.requests.map((r) => [r.method, (r.params as { pageSize: number }).pageSize, r.time, r.outcome])).toEqual([
      ['getHistoryMessages', 2, T + 10, 'ok'],
    ])
    expect([first.state, second.state]).toEqual(['pending', 'resolved'])
    expect(second.value?.messages.map((m) => m.id)).toEqual([ids[2], ids[1]])
    // A message stored while the first request travels is in its answer: it is computed when the request arrives.
    await vi.advanceTimersByTimeAsync(40)
    const late = server.sendMessage({ from: 'bob', to: 'alice', text: 'late' })
    await vi.advanceTimersByTimeAsync(49)
    expect(first.state).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(server.requests.map((r) => [(r.params as { pageSize: number }).pageSize, r.time])).toEqual([[2, T + 10], [10, T + 100]])
    expect(first.state).toBe('resolved')
    expect(first.value?.messages.map((m) => m.id)).toEqual([late.id, ids[2], ids[1], ids[0]])
    await vi.advanceTimersByTimeAsync(1000) // the live push of the late message
    expect(server.pending()).toBe(0)
  })

  it('uplinkLatency: 0 (the default) reaches the server synchronously; a range is sampled; bad values are refused', async () => {
    vi.useFakeTimers({ now: T })
    const server = createRoamingServer()
    expect(server.settings.uplinkLatency).toBe(0)
    const alice = server.connect('alice')
    const call = alice.getServerConversations({})
    expect(server.requests.map((r) => r.method)).toEqual(['getServerConversations'])
    await call
    server.configure({ uplinkLatency: [30, 30] })
    const ranged = track(alice.getServerConversations({}))
    await vi.advanceTimersByTimeAsync(29)
    expect([server.requests.length, ranged.state]).toEqual([1, 'pending'])
    await vi.advanceTimersByTimeAsync(1)
    expect([server.requests.length, server.requests[1]?.time, ranged.state]).toEqual([2, T + 30, 'resolved'])
    expect(() => server.configure({ uplinkLatency: -1 })).toThrow(RangeError)
    expect(() => createRoamingServer({ uplinkLatency: [50, 10] })).toThrow(/uplinkLatency \[50,10\] is invalid/)
  })

  it('random latency [min, max]: responses overtake each other, reproducibly under a seed; pushes to one device stay in order', async () => {
    vi.useFakeTimers({ now: T })
    const run = async (seed: number) => {
      const server = createRoamingServer({ seed, latency: [20, 300] })
      sendMany(server, 'bob', 'alice', 30)
      const alice = server.connect('alice')
      const order: number[] = []
      const times: number[] = []
      const start = Date.now()
      const all = Array.from({ length: 12 }, (_, k) =>
        alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 1 }).then(() => { order.push(k); times.push(Date.now() - start) }))
      await vi.advanceTimersByTimeAsync(300)
      await Promise.all(all)
      return { order, times }
    }
    const a = await run(5)
    expect(a.order).toHaveLength(12)
    expect(a.order).not.toEqual([...a.order].sort((x, y) => x - y)) // later requests answered first
    for (const t of a.times) expect(t >= 20 && t <= 300).toBe(true)
    expect(await run(5)).toEqual(a)

    const server = createRoamingServer({ seed: 9, latency: [1, 400] })
    const alice = server.connect('alice')
    const texts: string[] = []
    alice.addEventHandler('h', { onTextMessage: (m: { msg: string }) => texts.push(m.msg) })
    for (let i = 0; i < 15; i++) server.sendMessage({ from: 'bob', to: 'alice', text: `m${i}` })
    await vi.advanceTimersByTimeAsync(6000)
    expect(texts).toEqual(Array.from({ length: 15 }, (_, i) => `m${i}`))
  })

  it('failureRate with a seed: a deterministic fault sequence; failed requests have no effect', async () => {
    const run = async (seed: number) => {
      const server = createRoamingServer({ seed, failureRate: 0.5, clock: manualClock(T) })
      const alice = server.connect('alice')
      const out: string[] = []
      for (let i = 0; i < 40; i++) {
        out.push(await alice.getServerConversations({}).then(() => 'ok', (e: { type: number }) => `fail:${e.type}`))
      }
      return { out, outcomes: server.requests.map((r) => r.outcome) }
    }
    const a = await run(3)
    expect(a).toEqual(await run(3))
    expect(a.out.filter((x) => x === 'ok').length).toBeGreaterThan(5)
    expect(a.out.filter((x) => x === 'fail:17').length).toBeGreaterThan(5)
    expect(a.outcomes.filter((o) => o === 'failed')).toHaveLength(a.out.filter((x) => x !== 'ok').length)
    expect((await run(4)).out).not.toEqual(a.out)

    const server = createRoamingServer({ seed: 1, failureRate: 1, clock: manualClock(T) })
    const [id] = sendMany(server, 'bob', 'alice', 1)
    const alice = server.connect('alice')
    await rejectionOf(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [id as string] }))
    await rejectionOf(alice.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: true }))
    server.configure({ failureRate: 0 })
    expect((await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' })).messages.map((m) => m.id)).toEqual([id])
    expect((await alice.getServerConversations({})).data.conversations).toHaveLength(1)
  })

  it('failure shapes: ajax {type:17, message:""}, busy {type:500}, unknown {type:-2} (plain objects, not Errors)', async () => {
    const server = createRoamingServer({ failureRate: 1, clock: manualClock(T) })
    const alice = server.connect('alice')
    expect(server.settings.failure).toBe('ajax')
    const ajax = await rejectionOf(alice.getServerConversations({}))
    // `data` is the raw response body, a JSON string, as on the real SDK.
    expect(ajax).toEqual({ type: 17, message: '', data: '{"error":"bad_request","error_description":""}' })
    server.configure({ failure: 'busy' })
    const busy = await rejectionOf(alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat' }))
    expect(busy).toMatchObject({ type: 500, message: 'Server is busy.' })
    expect(busy).toHaveProperty('data', '{"error":"server_busy","error_description":"Server is busy."}')
    server.configure({ failure: 'unknown' })
    const unknown = await rejectionOf(alice.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true }))
    expect(unknown).toMatchObject({ type: -2, message: 'Request Unknow Error' })
    for (const e of [ajax, busy, unknown]) expect(e).not.toBeInstanceOf(Error)
    // Parameter validation and the login check come before any injected failure.
    expect(() => alice.deleteConversation({ channel: 5 as unknown as string, chatType: 'singleChat', deleteRoam: true })).toThrow('Invalid parameter channel: 5')
    const out = server.connect('zed', { open: false })
    expect((await rejectionOf(out.getServerConversations({}))).type).toBe(39)
  })

  it("network 'offline' answers {type:-2}; 'paused' holds requests unanswered until set back to 'online'", async () => {
    vi.useFakeTimers({ now: T })
    const server = createRoamingServer({ latency: 50 })
    sendMany(server, 'bob', 'alice', 2)
    const alice = server.connect('alice')
    server.configure({ network: 'offline' })
    const off = track(alice.getServerConversations({}))
    await vi.advanceTimersByTimeAsync(50)
    expect(off.state).toBe('rejected')
    expect(off.error).toMatchObject({ type: -2, message: 'Request Unknow Error' })
    expect(server.requests.at(-1)?.outcome).toBe('offline')

    server.configure({ network: 'paused' })
    const held = track(alice.getServerConversations({}))
    const held2 = track(alice.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: T + 10_000 }))
    await vi.advanceTimersByTimeAsync(60_000) // well past the 15 s timeout: a paused network just never answers
    expect([held.state, held2.state]).toEqual(['pending', 'pending'])
    expect(server.pending()).toBe(2)
    expect(server.requests).toHaveLength(1) // held requests have not reached the server yet
    server.configure({ network: 'online' })
    await vi.advanceTimersByTimeAsync(50)
    expect([held.state, held2.state]).toEqual(['resolved', 'resolved'])
    expect((held.value as { data: { conversations: unknown[] } }).data.conversations).toHaveLength(1) // computed on release
    expect(server.pending()).toBe(0)
  })

  it('determinism: two servers with the same seed and clock generate identical data and answer identically', async () => {
    const make = () => {
      const server = createRoamingServer({ seed: 11, clock: manualClock(T), latency: [0, 0] })
      const gen = server.generate({ user: 'alice', conversations: 30, bigConversation: { with: 'bob', messages: 500 } })
      return { server, gen }
    }
    const a = make()
    const b = make()
    expect(a.gen).toEqual(b.gen)
    expect(a.gen.conversations).toHaveLength(31)
    expect(a.gen.messages).toBe(a.gen.conversations.reduce((n, c) => n + c.messages, 0))
    const dump = async (server: ReturnType<typeof createRoamingServer>) => {
      const alice = server.connect('alice')
      const list = await alice.getServerConversations({ pageSize: 50 })
      const histories = []
      for (const c of list.data.conversations) {
        histories.push(await alice.getHistoryMessages({ targetId: c.conversationId, chatType: c.conversationType, pageSize: 50 }))
      }
      return { list, histories }
    }
    const da = await dump(a.server)
    expect(da.list.data.conversations).toHaveLength(31)
    expect(da).toEqual(await dump(b.server))
    // Generated data is realistic: several message types, and a group share.
    const types = new Set(da.histories.flatMap((h) => h.messages.map((m) => m.type)))
    expect(types.has('txt') && types.has('img')).toBe(true)
    expect(da.list.data.conversations.some((c) => c.conversationType === 'groupChat')).toBe(true)
  })

  it('injectable clock: times, latency and timeouts come from the `clock` option, not the global timers', async () => {
    const clock = manualClock(T)
    const server = createRoamingServer({ clock, latency: 40 })
    const alice = server.connect('alice')
    const msg = server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    expect(msg.time).toBe(T)
    const t = track(alice.getServerConversations({}))
    await Promise.resolve()
    expect(clock.timers).toBeGreaterThan(0)
    clock.advance(39)
    await Promise.resolve()
    expect(t.state).toBe('pending')
    clock.advance(1)
    await Promise.resolve()
    expect(t.state).toBe('resolved')
    expect(server.requests[0]?.time).toBe(T)
    server.configure({ network: 'timeout', requestTimeoutMs: 1000 })
    const to = track(alice.getServerConversations({}))
    clock.advance(999)
    await Promise.resolve()
    expect(to.state).toBe('pending')
    clock.advance(1)
    await Promise.resolve()
    expect(to.error).toMatchObject({ type: -1 })
  })

  it('configure rejects unknown settings and invalid values', () => {
    const server = createRoamingServer({ clock: manualClock(T) })
    expect(() => server.configure({ nope: 1 } as never)).toThrow(TypeError)
    expect(() => server.configure({ latency: [5, 1] })).toThrow(RangeError)
    expect(() => server.configure({ failureRate: 2 })).toThrow(RangeError)
    expect(() => createRoamingServer({ network: 'down' as 'offline' })).toThrow(RangeError)
  })
})

describe('configure', () => {
  it('a refused setting leaves the running server as it was', () => {
    const server = createRoamingServer({ latency: 5 })
    expect(() => server.configure({ latency: 9, uplinkLatency: -1 })).toThrow(RangeError)
    expect(server.settings.latency).toBe(5)
    expect(server.settings.uplinkLatency).toBe(0)
    expect(() => server.configure({ initWith: 'bogus' as never })).toThrow(/initWith "bogus" is invalid; expected 'appId' or 'appKey'/)
    expect(server.settings.initWith).toBe('appId')
    expect(() => createRoamingServer({ failure: 'nope' as never })).toThrow(/failure/)
  })
})

describe('generate', () => {
  it('puts every generated message in the past, in order, whatever the random gaps add up to', () => {
    const now = Date.now()
    const server = createRoamingServer({ seed: 11, conversationLimit: 500 })
    server.generate({ user: 'alice', conversations: 400, messagesPerConversation: [1, 6], days: 1 })
    const device = server.connect('alice')
    return device.getServerConversations({ pageSize: 50 }).then((res) => {
      const items = (res as { data: { conversations: Array<{ lastMessage: { time: number } | null }> } }).data.conversations
      expect(items.length).toBe(50)
      for (const c of items) expect(c.lastMessage!.time).toBeLessThan(now)
    })
  })
})
