import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import type { RoamingClient, RoamingEvent } from '../../src/client/types'
import { createRoamingServer, ErrorEvent, type SimulatedConnection } from '../../src/testing'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

/** Lets every queued push (latency 0 = a microtask) run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const handlerIds = (conn: SimulatedConnection) => Object.keys(conn.eventHandler.handlerData)

/** The events a client says from now on, in order. */
function recorded(client: RoamingClient): RoamingEvent[] {
  const events: RoamingEvent[] = []
  client.subscribe((e) => events.push(e))
  return events
}

function twoDevices() {
  const server = createRoamingServer()
  const laptop = server.connect('alice')
  const phone = server.connect('alice')
  const laptopClient = createRoamingClient(laptop, { warn: () => {} })
  const phoneClient = createRoamingClient(phone, { warn: () => {} })
  const laptopEvents = recorded(laptopClient)
  const phoneEvents = recorded(phoneClient)
  return { server, laptop, phone, laptopClient, phoneClient, laptopEvents, phoneEvents }
}

describe('subscribe and the connection handler registry', () => {
  it('adds one handler under a unique id, shared by every listener, removed with the last', () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn)
    expect(handlerIds(conn)).toEqual([])

    const stop1 = client.subscribe(() => {})
    const ids = handlerIds(conn)
    expect(ids).toHaveLength(1)
    expect(ids[0]).toMatch(/^roamkit-/)
    const handler = conn.eventHandler.handlerData[ids[0]!]!
    expect(Object.keys(handler).sort()).toEqual(['onChannelMessage', 'onConnected', 'onDisconnected', 'onMessage', 'onMultiDeviceEvent', 'onOfflineMessageSyncFinish', 'onReconnecting', 'onTokenExpired'])

    const stop2 = client.subscribe(() => {})
    expect(handlerIds(conn)).toEqual(ids)
    expect(conn.eventHandler.handlerData[ids[0]!]).toBe(handler)

    stop1()
    expect(handlerIds(conn)).toEqual(ids)
    stop1() // twice is harmless and does not remove the other listener's handler
    expect(handlerIds(conn)).toEqual(ids)
    stop2()
    expect(handlerIds(conn)).toEqual([])
    stop2()
    expect(handlerIds(conn)).toEqual([])

    // Subscribing again registers again.
    const stop3 = client.subscribe(() => {})
    expect(handlerIds(conn)).toHaveLength(1)
    stop3()
    expect(handlerIds(conn)).toHaveLength(0)
  })

  it('two clients on one connection use different ids and leave the app handlers alone', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const appMessages: unknown[] = []
    conn.addEventHandler('app', { onMessage: (batch: unknown[]) => appMessages.push(...batch) })
    const a = createRoamingClient(conn)
    const b = createRoamingClient(conn)
    const got: string[] = []
    const stopA = a.subscribe(() => got.push('a'))
    const stopB = b.subscribe(() => got.push('b'))
    const ids = handlerIds(conn)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
    expect(ids[0]).toBe('app')

    server.sendMessage({ from: 'bob', to: 'alice', text: 'one' })
    await flush()
    expect(got).toEqual(['a', 'b'])
    expect(appMessages).toHaveLength(1)

    stopA()
    expect(handlerIds(conn)).toEqual(['app', ids[2]])
    server.sendMessage({ from: 'bob', to: 'alice', text: 'two' })
    await flush()
    expect(got).toEqual(['a', 'b', 'b'])
    stopB()
    expect(handlerIds(conn)).toEqual(['app'])
  })

  it('stops delivering after unsubscribe', async () => {
    const server = createRoamingServer()
    const client = createRoamingClient(server.connect('alice'))
    const events: RoamingEvent[] = []
    const stop = client.subscribe((e) => events.push(e))
    server.sendMessage({ from: 'bob', to: 'alice', text: 'before' })
    await flush()
    stop()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'after' })
    await flush()
    expect(events.map((e) => (e.type === 'message' && e.message.type === 'txt' ? e.message.text : e.type))).toEqual(['before'])
  })
})

describe('live messages', () => {
  it('a message from a peer arrives as { type: "message" } with the peer as conversation id', async () => {
    const { server, laptopEvents, phoneEvents } = twoDevices()
    const sent = server.sendMessage({ from: 'bob', to: 'alice', text: 'hello', ext: { k: 1 } })
    await flush()
    const expected: RoamingEvent = {
      type: 'message',
      message: { id: sent.id, type: 'txt', text: 'hello', conversationId: 'bob', chatType: 'singleChat', from: 'bob', to: 'alice', time: Number(sent.time), ext: { k: 1 } },
    }
    expect(laptopEvents).toEqual([expected])
    expect(phoneEvents).toEqual([expected])
  })

  it('a message the user sent on another device belongs to the peer, and does not come back to the sender', async () => {
    const { phone, laptopEvents, phoneEvents } = twoDevices()
    const result = (await phone.send({ type: 'txt', to: 'bob', chatType: 'singleChat', msg: 'sent from the phone' })) as { serverMsgId: string }
    await flush()
    expect(laptopEvents).toHaveLength(1)
    expect(laptopEvents[0]).toMatchObject({
      type: 'message',
      message: { id: result.serverMsgId, conversationId: 'bob', from: 'alice', to: 'bob', text: 'sent from the phone', chatType: 'singleChat' },
    })
    expect(phoneEvents).toEqual([])
  })

  it('a group message belongs to the group, whoever sent it', async () => {
    const { server, phone, laptopEvents } = twoDevices()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    server.sendMessage({ from: 'carol', to: 'g1', chatType: 'groupChat', text: 'from carol' })
    await phone.send({ type: 'txt', to: 'g1', chatType: 'groupChat', msg: 'from alice' })
    await flush()
    expect(laptopEvents.map((e) => e.type === 'message' && [e.message.conversationId, e.message.chatType, e.message.from])).toEqual([
      ['g1', 'groupChat', 'carol'],
      ['g1', 'groupChat', 'alice'],
    ])
  })

  it('maps media and custom messages, and delivers nothing for cmd messages (no onMessage)', async () => {
    const { server, laptopEvents } = twoDevices()
    server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://x/y.png', thumb: 'https://x/t.png', width: 640, height: 480 })
    server.sendMessage({ from: 'bob', to: 'alice', type: 'file', url: 'https://x/f', filename: 'a.pdf', fileSize: 1234 })
    server.sendMessage({ from: 'bob', to: 'alice', type: 'custom', customEvent: 'poll', customExts: { q: 'lunch?' } })
    server.sendMessage({ from: 'bob', to: 'alice', type: 'cmd' })
    await flush()
    expect(laptopEvents.map((e) => e.type === 'message' && e.message)).toMatchObject([
      { type: 'img', url: 'https://x/y.png', thumbnailUrl: 'https://x/t.png', width: 640, height: 480, conversationId: 'bob' },
      { type: 'file', url: 'https://x/f', filename: 'a.pdf', fileSize: 1234 },
      { type: 'custom', customEvent: 'poll', customExts: { q: 'lunch?' } },
    ])
  })
})

describe('multi-device events from another device of the same user', () => {
  it('removal → historyRemoved, on the other device only', async () => {
    const { server, phoneClient, laptopEvents, phoneEvents } = twoDevices()
    const m = server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    server.createGroup('g1', ['alice', 'bob'])
    const g = server.sendMessage({ from: 'bob', to: 'g1', chatType: 'groupChat', text: 'y' })
    await flush()
    laptopEvents.length = 0
    phoneEvents.length = 0
    await phoneClient.removeMessages({ conversationId: 'bob', chatType: 'singleChat', messageIds: [m.id] })
    await phoneClient.removeMessages({ conversationId: 'g1', chatType: 'groupChat', messageIds: [g.id] })
    await flush()
    expect(laptopEvents).toEqual([
      { type: 'historyRemoved', conversationId: 'bob', chatType: 'singleChat' },
      { type: 'historyRemoved', conversationId: 'g1', chatType: 'groupChat' },
    ])
    expect(phoneEvents).toEqual([])
  })

  it('deleteConversation → conversationDeleted with the time of the operation', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T12:00:00Z'), toFake: ['Date'] })
    const { server, phoneClient, laptopEvents, phoneEvents } = twoDevices()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    await flush()
    laptopEvents.length = 0
    vi.setSystemTime(new Date('2025-03-01T12:05:00Z'))
    await phoneClient.deleteConversation({ conversationId: 'bob', chatType: 'singleChat', deleteRoam: false })
    await flush()
    expect(laptopEvents).toEqual([
      { type: 'conversationDeleted', conversationId: 'bob', chatType: 'singleChat', timestamp: Date.parse('2025-03-01T12:05:00Z') },
    ])
    expect(phoneEvents.filter((e) => e.type !== 'message')).toEqual([])
  })

  it('pin and unpin → conversationPinned true / false', async () => {
    vi.useFakeTimers({ now: new Date('2025-03-01T12:00:00Z'), toFake: ['Date'] })
    const { server, phoneClient, laptopEvents, phoneEvents } = twoDevices()
    server.createGroup('g1', ['alice', 'bob'])
    server.sendMessage({ from: 'bob', to: 'g1', chatType: 'groupChat', text: 'x' })
    await flush()
    laptopEvents.length = 0
    phoneEvents.length = 0
    const t = Date.now()
    await phoneClient.pinConversation({ conversationId: 'g1', chatType: 'groupChat', isPinned: true })
    vi.setSystemTime(t + 5000)
    await phoneClient.pinConversation({ conversationId: 'g1', chatType: 'groupChat', isPinned: false })
    await flush()
    expect(laptopEvents).toEqual([
      { type: 'conversationPinned', conversationId: 'g1', chatType: 'groupChat', isPinned: true, timestamp: t },
      { type: 'conversationPinned', conversationId: 'g1', chatType: 'groupChat', isPinned: false, timestamp: t + 5000 },
    ])
    expect(phoneEvents).toEqual([])
  })

  it('a mark added or removed on another device: conversationMarked, with the mark (the SDK\'s number, or the server\'s mark_N)', async () => {
    const { server, laptopClient, phoneClient, laptop } = twoDevices()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    await flush()
    const events = recorded(laptopClient)
    await phoneClient.setConversationMark({ conversationId: 'bob', chatType: 'singleChat', mark: 7, marked: true })
    expect((await laptopClient.getConversations()).conversations[0]!.marks).toEqual([7])
    await phoneClient.setConversationMark({ conversationId: 'bob', chatType: 'singleChat', mark: 7, marked: false })
    expect((await laptopClient.getConversations()).conversations[0]!.marks).toEqual([])
    laptop.dispatch('onMultiDeviceEvent', { operation: 'markConversation', conversationId: 'bob', conversationType: 'singleChat', conversationMark: 'mark_2', timestamp: 1 })
    await flush()
    expect(events).toEqual([
      { type: 'conversationMarked', conversationId: 'bob', chatType: 'singleChat', mark: 7, marked: true },
      { type: 'conversationMarked', conversationId: 'bob', chatType: 'singleChat', mark: 7, marked: false },
      { type: 'conversationMarked', conversationId: 'bob', chatType: 'singleChat', mark: 2, marked: true },
    ])
  })

  it('ignores multi-device operations roaming does not follow', () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn)
    const events = recorded(client)
    conn.dispatch('onMultiDeviceEvent', { operation: 'chatThreadCreate', chatThreadId: 't1' })
    // A mark out of the SDK's range (0–19) is not one roamkit can show.
    conn.dispatch('onMultiDeviceEvent', { operation: 'markConversation', conversationId: 'bob', conversationType: 'singleChat', conversationMark: 20, timestamp: 1 })
    conn.dispatch('onMultiDeviceEvent', null)
    conn.dispatch('onMessage', [{ type: 'delivery', id: '9', time: 1 }, { id: '', type: 'txt', time: 1 }])
    conn.dispatch('onMessage', 'not an array')
    expect(events).toEqual([])
  })
})

describe('conversation read acks', () => {
  it('markConversationRead sends the ack message.create makes, and the server’s count of the conversation goes to 0', async () => {
    const { server, laptopClient } = twoDevices()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'y' })
    await flush()
    const unread = async () => (await laptopClient.getConversations()).conversations.find((c) => c.conversationId === 'bob')?.unreadCount
    expect(await unread()).toBe(2)
    server.clearRequests()
    await expect(laptopClient.markConversationRead({ conversationId: 'bob', chatType: 'singleChat' })).resolves.toBeUndefined()
    const [sent] = server.requests.filter((r) => r.method === 'send')
    // The shape of agora-chat 1.4.0's `message.create({ type: 'channel', chatType, to })`; a decimal id.
    expect(Object.keys(sent!.params as object).sort()).toEqual(['chatType', 'from', 'id', 'time', 'to', 'type'])
    expect(sent!.params).toMatchObject({ type: 'channel', chatType: 'singleChat', to: 'bob', from: '' })
    expect((sent!.params as { id: string }).id).toMatch(/^\d{16}$/)
    expect(await unread()).toBe(0)
  })

  it('in a single chat, the other devices hear conversationRead; the peer’s read receipt is no event for it', async () => {
    const { server, laptopClient, laptopEvents, phoneEvents } = twoDevices()
    const bob = createRoamingClient(server.connect('bob'), { warn: () => {} })
    const bobEvents = recorded(bob)
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    await flush()
    laptopEvents.length = phoneEvents.length = bobEvents.length = 0
    await laptopClient.markConversationRead({ conversationId: 'bob', chatType: 'singleChat' })
    await flush()
    expect(phoneEvents).toEqual([{ type: 'conversationRead', conversationId: 'bob', chatType: 'singleChat' }])
    expect(laptopEvents).toEqual([])
    // Bob's devices got onChannelMessage (alice read his messages): nothing about bob's own unread counts.
    expect(bobEvents).toEqual([])
  })

  it('a group ack clears the server count and is heard by no device; chat rooms and bad input are refused before any call', async () => {
    const { server, laptopClient, phoneClient, phoneEvents } = twoDevices()
    server.createGroup('g1', ['alice', 'bob'])
    server.sendMessage({ from: 'bob', to: 'g1', chatType: 'groupChat', text: 'x' })
    await flush()
    phoneEvents.length = 0
    await laptopClient.markConversationRead({ conversationId: 'g1', chatType: 'groupChat' })
    await flush()
    expect(phoneEvents).toEqual([])
    expect((await phoneClient.getConversations()).conversations.find((c) => c.conversationId === 'g1')?.unreadCount).toBe(0)
    server.clearRequests()
    await expect(laptopClient.markConversationRead({ conversationId: 'r1', chatType: 'chatRoom' as never })).rejects.toMatchObject({ name: 'RoamingArgumentError', argument: 'chatType' })
    await expect(laptopClient.markConversationRead({ conversationId: '', chatType: 'singleChat' })).rejects.toMatchObject({ name: 'RoamingArgumentError', argument: 'conversationId' })
    expect(server.requests).toEqual([])
  })
})

describe('the connection coming back', () => {
  it('a drop → { type: "disconnected", reconnecting: true }, then onConnected → one { type: "reconnected" }; a connection that never dropped → none', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn, { warn: () => {} })
    const events = recorded(client)
    conn.dispatch('onConnected', undefined)
    expect(events).toEqual([])
    expect(client.connectionState?.()).toBe('connected')
    server.dropConnection(conn)
    expect(client.connectionState?.()).toBe('reconnecting')
    const reconnecting = { type: 'disconnected', reconnecting: true }
    const failed = { type: 'disconnected', reconnecting: false, reason: 'failed' }
    expect(events).toEqual([reconnecting])
    // The SDK dispatches onReconnecting at each attempt: one event.
    conn.dispatch('onReconnecting', undefined)
    expect(events).toEqual([reconnecting])
    // It gives up (onDisconnected with its "reconnection failed"), said once; the browser coming back online starts it
    // again (onReconnecting).
    const reconnectionFailed = new ErrorEvent({ type: 16, message: 'reconnection failed' })
    conn.dispatch('onDisconnected', reconnectionFailed)
    conn.dispatch('onDisconnected', reconnectionFailed)
    expect(events).toEqual([reconnecting, failed])
    conn.dispatch('onReconnecting', undefined)
    server.restoreConnection(conn)
    expect(events).toEqual([reconnecting, failed, reconnecting, { type: 'reconnected' }])
    expect(client.connectionState?.()).toBe('connected')
    conn.dispatch('onConnected', undefined)
    expect(events).toHaveLength(4)
    // A logout stops it (no reconnection comes by itself); a new login misses events the same way as a reconnection.
    events.length = 0
    const loggedOut = { type: 'disconnected', reconnecting: false, reason: 'loggedOut' }
    conn.close()
    expect(events).toEqual([loggedOut])
    await conn.open({ user: 'alice', accessToken: 't' })
    expect(events).toEqual([loggedOut, { type: 'reconnected' }])
  })

  it('a forced logout → "disconnected" with its reason, from the code of the SDK\'s onDisconnected error', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn, { warn: () => {} })
    const events = recorded(client)
    for (const reason of ['loggedInElsewhere', 'userRemoved', 'passwordChanged', 'kickedByOtherDevice'] as const) {
      events.length = 0
      server.signOut(conn, reason)
      expect(events).toEqual([{ type: 'disconnected', reconnecting: false, reason }])
      expect(client.connectionState?.()).toBe(reason)
      await conn.open({ user: 'alice', accessToken: 't' })
    }
    // The token expired: the SDK says so, then closes the connection (a logout, no error): the expiry is the reason,
    // dropped or not.
    events.length = 0
    server.expireToken(conn)
    expect(events).toEqual([{ type: 'disconnected', reconnecting: false, reason: 'tokenExpired' }])
    await conn.open({ user: 'alice', accessToken: 't' })
    server.dropConnection(conn)
    events.length = 0
    server.expireToken(conn)
    expect(events).toEqual([{ type: 'disconnected', reconnecting: false, reason: 'tokenExpired' }])
    await conn.open({ user: 'alice', accessToken: 't' })
    // A code the kit does not know (here the SDK's auth error) is a failure.
    events.length = 0
    conn.dispatch('onDisconnected', new ErrorEvent({ type: 2, message: 'Auth failed' }))
    expect(events).toEqual([{ type: 'disconnected', reconnecting: false, reason: 'failed' }])
  })

  it('after a drop, the end of the offline-message sync → another "reconnected"; without a drop, none', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    server.connect('bob')
    const client = createRoamingClient(conn, { warn: () => {} })
    const events = recorded(client)
    conn.dispatch('onOfflineMessageSyncFinish', undefined)
    expect(events).toEqual([])
    server.dropConnection(conn)
    server.sendMessage({ from: 'bob', to: 'alice', text: 'offline' })
    server.restoreConnection(conn)
    await flush()
    expect(events.map((e) => e.type)).toEqual(['disconnected', 'reconnected', 'message', 'reconnected'])
    conn.dispatch('onOfflineMessageSyncFinish', undefined)
    expect(events).toHaveLength(4)
  })

  it('listening starts while the connection is down (dropped, or not logged in yet): not connected, and its coming up is a "reconnected"', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn, { warn: () => {} })
    server.dropConnection(conn)
    expect(client.connectionState?.()).toBe('reconnecting')
    const events = recorded(client)
    expect(client.connectionState?.()).toBe('reconnecting')
    conn.dispatch('onReconnecting', undefined)
    server.restoreConnection(conn)
    expect(events).toEqual([{ type: 'reconnected' }])
    expect(client.connectionState?.()).toBe('connected')

    // Before the login: what was asked for failed ("not login"), and is worth asking again once logged in.
    const later = server.connect('alice', { open: false })
    const laterClient = createRoamingClient(later, { warn: () => {} })
    const laterEvents = recorded(laterClient)
    expect(laterClient.connectionState?.()).toBe('loggedOut')
    await later.open({ user: 'alice', accessToken: 't' })
    expect(laterEvents).toEqual([{ type: 'reconnected' }])
    expect(laterClient.connectionState?.()).toBe('connected')
  })

  it('listening starts after a logout or a forced one: stopped, and why (the SDK\'s run-time logOut and disconnectedReason); without logOut, reconnecting', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    conn.close()
    expect(createRoamingClient(conn, { warn: () => {} }).connectionState?.()).toBe('loggedOut')
    await conn.open({ user: 'alice', accessToken: 't' })
    server.signOut(conn, 'passwordChanged')
    const client = createRoamingClient(conn, { warn: () => {} })
    const events = recorded(client)
    expect(client.connectionState?.()).toBe('passwordChanged')
    await conn.open({ user: 'alice', accessToken: 't' })
    expect(events).toEqual([{ type: 'reconnected' }])
    conn.close()
    const bare = Object.assign(Object.create(conn) as SimulatedConnection, { logOut: undefined })
    expect(createRoamingClient(bare, { warn: () => {} }).connectionState?.()).toBe('reconnecting')
  })

  it('a connection without isOpened counts as up until it drops', () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    server.dropConnection(conn)
    const bare = Object.assign(Object.create(conn) as SimulatedConnection, { isOpened: undefined })
    const client = createRoamingClient(bare, { warn: () => {} })
    client.subscribe(() => {})
    expect(client.connectionState?.()).toBe('connected')
  })

  it('a drop while nobody listened is forgotten when listening starts again', async () => {
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn, { warn: () => {} })
    const events: RoamingEvent[] = []
    const stop = client.subscribe((e) => events.push(e))
    server.dropConnection(conn)
    stop()
    server.restoreConnection(conn)
    client.subscribe((e) => events.push(e))
    conn.dispatch('onConnected', undefined)
    expect(events).toEqual([{ type: 'disconnected', reconnecting: true }])
  })
})

describe('listener failures', () => {
  it('a throwing listener does not stop the other listeners nor the app handlers after it', async () => {
    const reported: unknown[] = []
    const original = globalThis.queueMicrotask
    // Catch what is re-thrown asynchronously, so it can be checked instead of failing the run.
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((cb) => original(() => { try { cb() } catch (e) { reported.push(e) } }))
    const server = createRoamingServer()
    const conn = server.connect('alice')
    const client = createRoamingClient(conn)
    const boom = new Error('listener bug')
    const seen: string[] = []
    client.subscribe(() => { seen.push('first'); throw boom })
    client.subscribe((e) => seen.push(`second:${e.type}`))
    const after: unknown[] = []
    conn.addEventHandler('app-after', { onMessage: (batch: unknown[]) => after.push(...batch) })

    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    await flush()
    expect(seen).toEqual(['first', 'second:message'])
    expect(after).toHaveLength(1)
    // Not swallowed: reported asynchronously.
    expect(reported).toEqual([boom])
  })
})
