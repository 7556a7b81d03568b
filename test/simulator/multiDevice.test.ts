import { describe, expect, it } from 'vitest'
import { manualClock, multiDevice, record, sendMany, setup, ticks } from './helpers'

const T = 1_700_000_000_000

describe('multi-device delivery (§6.27) and live messages', () => {
  it('§6.27 multi-device events reach only the same user\'s other logged-in devices (resource ≠ originator), every handler', async () => {
    const { server } = setup()
    sendMany(server, 'bob', 'alice', 2)
    const a1 = server.connect('alice', { resource: 'a1' })
    const a2 = server.connect('alice', { resource: 'a2' })
    const a3 = server.connect('alice', { resource: 'a3' })
    const b1 = server.connect('bob', { resource: 'b1' })
    await ticks()
    const on1 = record(a1)
    const on2 = record(a2, 'first')
    const on2b = record(a2, 'second')
    const on3 = record(a3)
    const onB = record(b1)
    a3.close() // logged out devices get nothing
    await ticks()
    on3.length = 0
    await a1.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
    await a1.deleteConversation({ channel: 'bob', chatType: 'singleChat', deleteRoam: false })
    await a1.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: T + 10_000 })
    await ticks()
    const ops = (events: typeof on1) => multiDevice(events).map((e) => (e as { operation: string }).operation)
    expect(ops(on2)).toEqual(['pinnedConversation', 'deleteConversation', 'deleteRoaming'])
    expect(ops(on2b)).toEqual(['pinnedConversation', 'deleteConversation', 'deleteRoaming'])
    expect(on1).toEqual([])
    expect(on3).toEqual([])
    expect(onB).toEqual([])
    // Same user id, other case, is the same user (ids are lowercased by default).
    const a4 = server.connect('ALICE', { resource: 'a4' })
    await ticks()
    const on4 = record(a4)
    await a2.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: false })
    await ticks()
    expect(ops(on4)).toEqual(['unpinnedConversation'])
    expect(ops(on1)).toEqual(['unpinnedConversation'])
    expect(ops(on2)).toHaveLength(3)
    expect(server.devices('alice').map((d) => d.clientResource)).toEqual(['a1', 'a2', 'a4'])
  })

  it('§6.27 handlers run synchronously in insertion order within one dispatch; re-adding an id replaces it in place; a throw stops the rest', () => {
    const clock = manualClock(T)
    const { server } = setup({ clock, latency: 5 })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'x' })
    const a1 = server.connect('alice')
    const a2 = server.connect('alice')
    clock.advance(10)
    const calls: string[] = []
    a2.addEventHandler('h-one', { onMultiDeviceEvent: () => calls.push('one') })
    a2.addEventHandler('h-two', { onMultiDeviceEvent: () => calls.push('two') })
    a2.addEventHandler('h-three', { onMultiDeviceEvent: () => calls.push('three') })
    a2.addEventHandler('h-one', { onMultiDeviceEvent: () => calls.push('ONE') }) // replaces, keeps its place
    a2.removeEventHandler('h-three')
    void a1.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
    expect(calls).toEqual([]) // not before the latency
    clock.advance(5)
    expect(calls).toEqual(['ONE', 'two'])

    a2.addEventHandler('h-one', { onMultiDeviceEvent: () => { calls.push('boom'); throw new Error('handler failed') } })
    void a1.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: false })
    expect(() => clock.advance(5)).toThrow('handler failed') // no try/catch in the SDK's dispatch
    expect(calls).toEqual(['ONE', 'two', 'boom']) // 'two' after the throwing one was not called
  })

  it('server.sendMessage: recipients\' devices and all the sender\'s devices get the per-type callback, then onMessage([msg])', async () => {
    const { server, clock } = setup()
    const alice1 = server.connect('alice')
    const alice2 = server.connect('alice')
    const bob1 = server.connect('bob')
    const carol = server.connect('carol')
    await ticks()
    const rec = [record(alice1), record(alice2), record(bob1), record(carol)]
    clock.t = T + 9
    const msg = server.sendMessage({ from: 'bob', to: 'alice', text: 'hi', ext: { a: 1 } })
    expect(msg).toEqual({ id: expect.stringMatching(/^\d+$/), type: 'txt', chatType: 'singleChat', msg: 'hi', from: 'bob', to: 'alice', time: T + 9, ext: { a: 1 }, onlineState: 3 })
    expect(rec[0]).toEqual([]) // pushed asynchronously (after the latency, here a microtask)
    await ticks()
    for (const r of rec.slice(0, 3)) {
      expect(r).toEqual([{ name: 'onTextMessage', payload: msg }, { name: 'onMessage', payload: [msg] }])
    }
    expect(rec[3]).toEqual([])
    // Other types: their own callback, then onMessage; cmd gets no onMessage.
    for (const r of rec) r.length = 0
    server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'u', width: 1, height: 2 })
    server.sendMessage({ from: 'bob', to: 'alice', type: 'custom', customEvent: 'e' })
    server.sendMessage({ from: 'bob', to: 'alice', type: 'cmd' })
    await ticks()
    expect(rec[0]?.map((e) => e.name)).toEqual(['onImageMessage', 'onMessage', 'onCustomMessage', 'onMessage', 'onCmdMessage'])
  })

  it('conn.send: the recipient\'s devices and the sender\'s other devices get the message, the sending device does not', async () => {
    const { server } = setup()
    server.createGroup('g1', ['alice', 'bob', 'carol'])
    const alice1 = server.connect('alice')
    const alice2 = server.connect('alice')
    const bob1 = server.connect('bob')
    const carol = server.connect('carol')
    const dave = server.connect('dave')
    await ticks()
    const [r1, r2, rb, rc, rd] = [record(alice1), record(alice2), record(bob1), record(carol), record(dave)]
    const res = await alice1.send({ type: 'txt', to: 'g1', chatType: 'groupChat', msg: 'group hello', id: 'local-1' })
    expect(res).toEqual({ localMsgId: 'local-1', serverMsgId: expect.stringMatching(/^\d+$/), message: expect.objectContaining({ id: res.serverMsgId, from: 'alice', to: 'g1', msg: 'group hello' }) })
    await ticks()
    expect(r1).toEqual([])
    for (const r of [r2, rb, rc]) expect(r.map((e) => e.name)).toEqual(['onTextMessage', 'onMessage'])
    expect(rd).toEqual([])
    expect(multiDevice(r2)).toEqual([])
  })

  it('a conversation read ack: in a single chat the sender\'s other devices and the peer\'s get onChannelMessage (even after a drop); a group ack, no one', async () => {
    const { server } = setup({ clock: manualClock(T) })
    server.createGroup('g1', ['alice', 'bob'])
    const a1 = server.connect('alice', { resource: 'a1' })
    const a2 = server.connect('alice', { resource: 'a2' })
    const a3 = server.connect('alice', { resource: 'a3' })
    const b1 = server.connect('bob', { resource: 'b1' })
    const [on1, on2, on3, onB] = [record(a1), record(a2), record(a3), record(b1)]
    server.dropConnection(a3)
    await a1.send({ type: 'channel', to: 'g1', chatType: 'groupChat' })
    const sent = await a1.send({ type: 'channel', to: 'BOB', chatType: 'singleChat', id: '77' })
    await ticks()
    const acks = (events: typeof on1) => events.filter((e) => e.name === 'onChannelMessage').map((e) => e.payload)
    const ack = { id: '77', type: 'channel', chatType: 'singleChat', from: 'alice', to: 'bob', time: T }
    expect(sent).toMatchObject({ localMsgId: '77' })
    expect(acks(on2)).toEqual([ack])
    expect(acks(onB)).toEqual([ack])
    expect(acks(on1)).toEqual([])
    expect(acks(on3)).toEqual([])
    server.restoreConnection(a3)
    await ticks()
    expect(acks(on3)).toEqual([ack])
  })
})
