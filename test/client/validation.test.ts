import { describe, expect, it } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import type { RoamingClient } from '../../src/client/types'
import { createRoamingServer } from '../../src/testing'
import { sendMany, setup } from './helpers'

const NOW = 1_700_000_000_000
const ID_RULE = 'a non-empty string of at most 128 characters without surrounding spaces'
const PAGE_50 = 'an integer in [1, 50]'
const CHAT3 = "one of 'singleChat', 'groupChat', 'chatRoom'"
const CHAT2 = "one of 'singleChat', 'groupChat'"
const CURSOR = 'a cursor string from a previous page, or null to start over'
const TIME = `a time in ms, an integer in [1, ${NOW}] (not in the future)`

type Case = [name: string, call: (c: RoamingClient) => Promise<unknown>, argument: string, allowed: string]
// Loose calls: the point is what a JavaScript caller (or a cast) can pass.
const any = (v: unknown) => v as never
const h = (extra: object) => any({ conversationId: 'bob', chatType: 'singleChat', ...extra })
const single = { conversationId: 'bob', chatType: 'singleChat' as const }

const CASES: Case[] = [
  // getConversations / getPinnedConversations
  ['list pageSize 0', (c) => c.getConversations({ pageSize: 0 }), 'pageSize', PAGE_50],
  ['list pageSize 51', (c) => c.getConversations({ pageSize: 51 }), 'pageSize', PAGE_50],
  ['list pageSize NaN', (c) => c.getConversations({ pageSize: NaN }), 'pageSize', PAGE_50],
  ["list pageSize '20'", (c) => c.getConversations({ pageSize: any('20') }), 'pageSize', PAGE_50],
  ['list pageSize 1.5', (c) => c.getConversations({ pageSize: 1.5 }), 'pageSize', PAGE_50],
  ['list pageSize -1', (c) => c.getConversations({ pageSize: -1 }), 'pageSize', PAGE_50],
  ['list pageSize Infinity', (c) => c.getConversations({ pageSize: Infinity }), 'pageSize', PAGE_50],
  ["list cursor ''", (c) => c.getConversations({ cursor: '' }), 'cursor', CURSOR],
  ['list cursor 5', (c) => c.getConversations({ cursor: any(5) }), 'cursor', CURSOR],
  ['list cursor {}', (c) => c.getConversations({ cursor: any({}) }), 'cursor', CURSOR],
  ['list params null', (c) => c.getConversations(any(null)), 'params', 'an object'],
  ['list params string', (c) => c.getConversations(any('20')), 'params', 'an object'],
  ['pinned pageSize 51', (c) => c.getPinnedConversations({ pageSize: 51 }), 'pageSize', PAGE_50],
  ["pinned pageSize '5'", (c) => c.getPinnedConversations({ pageSize: any('5') }), 'pageSize', PAGE_50],
  ["pinned cursor ''", (c) => c.getPinnedConversations({ cursor: '' }), 'cursor', CURSOR],
  ['pinned cursor true', (c) => c.getPinnedConversations({ cursor: any(true) }), 'cursor', CURSOR],
  // getMarkedConversations
  ['marked params missing', (c) => c.getMarkedConversations(any(undefined)), 'params', 'an object'],
  ['marked mark missing', (c) => c.getMarkedConversations(any({})), 'mark', 'an integer in [0, 19]'],
  ['marked mark 20', (c) => c.getMarkedConversations({ mark: 20 }), 'mark', 'an integer in [0, 19]'],
  ["marked mark 'mark_3'", (c) => c.getMarkedConversations({ mark: any('mark_3') }), 'mark', 'an integer in [0, 19]'],
  ['marked pageSize 11', (c) => c.getMarkedConversations({ mark: 0, pageSize: 11 }), 'pageSize', 'an integer in [1, 10]'],
  ['marked pageSize 0', (c) => c.getMarkedConversations({ mark: 0, pageSize: 0 }), 'pageSize', 'an integer in [1, 10]'],
  ["marked cursor ''", (c) => c.getMarkedConversations({ mark: 0, cursor: '' }), 'cursor', CURSOR],
  // getLegacyConversations
  ['legacy missing params', (c) => c.getLegacyConversations(any(undefined)), 'params', 'an object'],
  ['legacy pageNum 0', (c) => c.getLegacyConversations({ pageNum: 0, pageSize: 10 }), 'pageNum', 'an integer in [1, 1000000]'],
  ['legacy pageNum 1.5', (c) => c.getLegacyConversations({ pageNum: 1.5, pageSize: 10 }), 'pageNum', 'an integer in [1, 1000000]'],
  ['legacy pageNum missing', (c) => c.getLegacyConversations(any({ pageSize: 10 })), 'pageNum', 'an integer in [1, 1000000]'],
  ['legacy pageSize 21', (c) => c.getLegacyConversations({ pageNum: 1, pageSize: 21 }), 'pageSize', 'an integer in [1, 20]'],
  ['legacy pageSize 0', (c) => c.getLegacyConversations({ pageNum: 1, pageSize: 0 }), 'pageSize', 'an integer in [1, 20]'],
  ['legacy pageSize missing', (c) => c.getLegacyConversations(any({ pageNum: 1 })), 'pageSize', 'an integer in [1, 20]'],
  // getHistory
  ['history missing params', (c) => c.getHistory(any(undefined)), 'params', 'an object'],
  ['history conversationId missing', (c) => c.getHistory(any({ chatType: 'singleChat' })), 'conversationId', ID_RULE],
  ["history conversationId ''", (c) => c.getHistory(h({ conversationId: '' })), 'conversationId', ID_RULE],
  ["history conversationId '   '", (c) => c.getHistory(h({ conversationId: '   ' })), 'conversationId', ID_RULE],
  ["history conversationId ' bob'", (c) => c.getHistory(h({ conversationId: ' bob' })), 'conversationId', ID_RULE],
  ["history conversationId 'bob\\n'", (c) => c.getHistory(h({ conversationId: 'bob\n' })), 'conversationId', ID_RULE],
  ['history conversationId 42', (c) => c.getHistory(h({ conversationId: 42 })), 'conversationId', ID_RULE],
  ['history conversationId 129 chars', (c) => c.getHistory(h({ conversationId: 'x'.repeat(129) })), 'conversationId', ID_RULE],
  ['history chatType missing', (c) => c.getHistory(any({ conversationId: 'bob' })), 'chatType', CHAT3],
  ["history chatType 'chatroom'", (c) => c.getHistory(h({ chatType: 'chatroom' })), 'chatType', CHAT3],
  ["history chatType 'single'", (c) => c.getHistory(h({ chatType: 'single' })), 'chatType', CHAT3],
  ['history pageSize 0', (c) => c.getHistory(h({ pageSize: 0 })), 'pageSize', PAGE_50],
  ['history pageSize 51', (c) => c.getHistory(h({ pageSize: 51 })), 'pageSize', PAGE_50],
  ['history pageSize NaN', (c) => c.getHistory(h({ pageSize: NaN })), 'pageSize', PAGE_50],
  ["history pageSize '20'", (c) => c.getHistory(h({ pageSize: '20' })), 'pageSize', PAGE_50],
  ['history pageSize 1.5', (c) => c.getHistory(h({ pageSize: 1.5 })), 'pageSize', PAGE_50],
  ["history cursor ''", (c) => c.getHistory(h({ cursor: '' })), 'cursor', CURSOR],
  ['history cursor -1', (c) => c.getHistory(h({ cursor: -1 })), 'cursor', CURSOR],
  ["history direction 'UP'", (c) => c.getHistory(h({ direction: 'UP' })), 'direction', "'up' or 'down'"],
  ['history search not an object', (c) => c.getHistory(h({ search: 'bob' })), 'search', 'an object'],
  ['history search.from in singleChat', (c) => c.getHistory(h({ search: { from: 'bob' } })), 'search.from', 'no sender filter in a single chat'],
  ["history search.from '' in a group", (c) => c.getHistory(h({ chatType: 'groupChat', search: { from: '' } })), 'search.from', ID_RULE],
  ['history msgTypes []', (c) => c.getHistory(h({ search: { msgTypes: [] } })), 'search.msgTypes', 'a non-empty array of txt, img, file, audio, video, loc, custom, combine, cmd'],
  ["history msgTypes 'txt'", (c) => c.getHistory(h({ search: { msgTypes: 'txt' } })), 'search.msgTypes', 'a non-empty array of txt'],
  ["history msgTypes ['read']", (c) => c.getHistory(h({ search: { msgTypes: ['txt', 'read'] } })), 'search.msgTypes[1]', 'distinct values among txt, img'],
  ["history msgTypes ['txt','txt']", (c) => c.getHistory(h({ search: { msgTypes: ['txt', 'txt'] } })), 'search.msgTypes[1]', 'distinct values among'],
  ['history startTime -1', (c) => c.getHistory(h({ search: { startTime: -1 } })), 'search.startTime', `an integer in [0, ${Number.MAX_SAFE_INTEGER}]`],
  ['history startTime 1.5', (c) => c.getHistory(h({ search: { startTime: 1.5 } })), 'search.startTime', 'an integer in [0, '],
  ['history endTime < startTime', (c) => c.getHistory(h({ search: { startTime: 2000, endTime: 1999 } })), 'search.endTime', `an integer in [2000, ${Number.MAX_SAFE_INTEGER}]`],
  ["history endTime '5'", (c) => c.getHistory(h({ search: { endTime: '5' } })), 'search.endTime', 'an integer in [0, '],
  // removeMessages
  ['remove missing params', (c) => c.removeMessages(any(undefined)), 'params', 'an object'],
  ["remove conversationId ''", (c) => c.removeMessages(h({ conversationId: '', messageIds: ['1'] })), 'conversationId', ID_RULE],
  ["remove chatType 'room'", (c) => c.removeMessages(h({ chatType: 'room', messageIds: ['1'] })), 'chatType', CHAT3],
  ['remove neither ids nor before', (c) => c.removeMessages(h({})), 'messageIds', 'a non-empty array of message ids, or a before time in ms'],
  ['remove messageIds []', (c) => c.removeMessages(h({ messageIds: [] })), 'messageIds', 'a non-empty array of message ids'],
  ["remove messageIds 'a,b'", (c) => c.removeMessages(h({ messageIds: 'a,b' })), 'messageIds', 'a non-empty array of message ids'],
  ['remove duplicated ids', (c) => c.removeMessages(h({ messageIds: ['1', '2', '1'] })), 'messageIds[2]', 'ids without duplicates'],
  ["remove id ''", (c) => c.removeMessages(h({ messageIds: ['1', ''] })), 'messageIds[1]', ID_RULE],
  ['remove id 7 (number)', (c) => c.removeMessages(h({ messageIds: [7] })), 'messageIds[0]', ID_RULE],
  ["remove id ' 1'", (c) => c.removeMessages(h({ messageIds: [' 1'] })), 'messageIds[0]', ID_RULE],
  ['remove both ids and before', (c) => c.removeMessages(h({ messageIds: ['1'], before: 1000 })), 'params', 'either messageIds or before, not both'],
  ['remove before -5', (c) => c.removeMessages(h({ before: -5 })), 'before', TIME],
  ['remove before 0', (c) => c.removeMessages(h({ before: 0 })), 'before', TIME],
  ['remove before in the future', (c) => c.removeMessages(h({ before: NOW + 1 })), 'before', TIME],
  ['remove before 1.5', (c) => c.removeMessages(h({ before: 1000.5 })), 'before', TIME],
  ['remove before NaN', (c) => c.removeMessages(h({ before: NaN })), 'before', TIME],
  ["remove before '1000'", (c) => c.removeMessages(h({ before: '1000' })), 'before', TIME],
  ['remove onProgress not a function', (c) => c.removeMessages(h({ messageIds: ['1'], onProgress: 'yes' })), 'onProgress', 'a function'],
  // deleteConversation
  ['delete missing params', (c) => c.deleteConversation(any(undefined)), 'params', 'an object'],
  ['delete chatRoom', (c) => c.deleteConversation(h({ chatType: 'chatRoom', deleteRoam: true })), 'chatType', CHAT2],
  ["delete conversationId ' '", (c) => c.deleteConversation(h({ conversationId: ' ', deleteRoam: true })), 'conversationId', ID_RULE],
  ['delete deleteRoam missing', (c) => c.deleteConversation(h({})), 'deleteRoam', 'true or false'],
  ["delete deleteRoam 'true'", (c) => c.deleteConversation(h({ deleteRoam: 'true' })), 'deleteRoam', 'true or false'],
  ['delete deleteRoam 1', (c) => c.deleteConversation(h({ deleteRoam: 1 })), 'deleteRoam', 'true or false'],
  // pinConversation
  ['pin missing params', (c) => c.pinConversation(any(null)), 'params', 'an object'],
  ['pin chatRoom', (c) => c.pinConversation(h({ chatType: 'chatRoom', isPinned: true })), 'chatType', CHAT2],
  ['pin conversationId null', (c) => c.pinConversation(h({ conversationId: null, isPinned: true })), 'conversationId', ID_RULE],
  ['pin isPinned missing', (c) => c.pinConversation(h({})), 'isPinned', 'true or false'],
  ['pin isPinned 0', (c) => c.pinConversation(h({ isPinned: 0 })), 'isPinned', 'true or false'],
  // setConversationMark
  ['mark missing params', (c) => c.setConversationMark(any(null)), 'params', 'an object'],
  ['mark chatRoom', (c) => c.setConversationMark(h({ chatType: 'chatRoom', mark: 0, marked: true })), 'chatType', CHAT2],
  ['mark 20', (c) => c.setConversationMark(h({ mark: 20, marked: true })), 'mark', 'an integer in [0, 19]'],
  ['mark -1', (c) => c.setConversationMark(h({ mark: -1, marked: true })), 'mark', 'an integer in [0, 19]'],
  ["mark '3'", (c) => c.setConversationMark(h({ mark: '3', marked: true })), 'mark', 'an integer in [0, 19]'],
  ['mark missing', (c) => c.setConversationMark(h({ marked: true })), 'mark', 'an integer in [0, 19]'],
  ['mark marked missing', (c) => c.setConversationMark(h({ mark: 1 })), 'marked', 'true or false'],
]

describe('bad arguments are rejected before any call', () => {
  it.each(CASES)('%s', async (_name, call, argument, allowed) => {
    const { server, client } = setup({ client: { now: () => NOW } })
    let promise: Promise<unknown> | undefined
    expect(() => { promise = call(client) }).not.toThrow()
    const error = await promise!.then(() => { throw new Error('expected a rejection') }, (e: unknown) => e)
    expect(error).toBeInstanceOf(RoamingArgumentError)
    const e = error as RoamingArgumentError
    expect(e.argument).toBe(argument)
    expect(e.allowed).toContain(allowed)
    expect(e.message).toContain(`invalid ${argument} `)
    expect(e.message).toContain(`expected ${e.allowed}`)
    expect(e).toMatchObject({ name: 'RoamingArgumentError', code: -3, retryable: false })
    expect(server.requests).toEqual([])
  })

  it('names the operation and quotes the value in the message', async () => {
    const { client } = setup()
    await expect(client.getHistory({ ...single, pageSize: 51 })).rejects.toThrow('getHistory: invalid pageSize 51; expected an integer in [1, 50]')
    await expect(client.getConversations({ pageSize: any('20') })).rejects.toThrow('getConversations: invalid pageSize "20"; expected an integer in [1, 50]')
    await expect(client.removeMessages({ ...single, messageIds: ['1', '1'] })).rejects.toMatchObject({ operation: 'removeMessages', value: '1' })
  })

  it('"before" uses the now option, and the current time itself is allowed', async () => {
    const { server, client } = setup({ client: { now: () => NOW } })
    await expect(client.removeMessages({ ...single, before: NOW + 1 })).rejects.toBeInstanceOf(RoamingArgumentError)
    expect(server.requests).toEqual([])
    await client.removeMessages({ ...single, before: NOW })
    expect(server.requests.map((r) => r.params)).toEqual([{ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: NOW }])
  })

  it('accepts the boundary values', async () => {
    const { server, client } = setup({ client: { now: () => NOW } })
    sendMany(server, 3, { from: 'bob', to: 'alice' })
    await client.getConversations({ pageSize: 1 })
    await client.getConversations({ pageSize: 50, cursor: null })
    await client.getLegacyConversations({ pageNum: 1, pageSize: 20 })
    await client.getHistory({ ...single, pageSize: 50, direction: 'down', search: { msgTypes: ['txt', 'img'], startTime: 0, endTime: 0 } })
    await client.getHistory({ conversationId: 'room1', chatType: 'chatRoom', pageSize: 1 })
    await client.removeMessages({ ...single, messageIds: ['1'], before: undefined } as never)
    await client.removeMessages({ ...single, before: 1 })
    expect(server.requests.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'])
    expect(server.requests[3]!.params).toMatchObject({ pageSize: 50, searchOptions: { startTime: 0, endTime: 0 } })
  })

  it('subscribe refuses a non-function listener synchronously, without touching the connection', () => {
    const { conn, client } = setup()
    expect(() => client.subscribe(any('listener'))).toThrow(RoamingArgumentError)
    expect(() => client.subscribe(any(undefined))).toThrow('subscribe: invalid listener undefined; expected a function')
    expect(Object.keys(conn.eventHandler.handlerData)).toEqual([])
  })
})

describe('createRoamingClient refuses bad arguments', () => {
  const server = createRoamingServer()
  const conn = server.connect('alice')
  const CREATE: Array<[name: string, connection: unknown, options: unknown, argument: string, allowed: string]> = [
    ['no connection', undefined, undefined, 'connection', 'an agora-chat or easemob-websdk connection'],
    ['null connection', null, undefined, 'connection', 'an agora-chat or easemob-websdk connection'],
    ['a plain object', { user: 'alice' }, undefined, 'connection', 'getHistoryMessages, addEventHandler and removeEventHandler'],
    ['the SDK module instead of a connection', { connection: function connection() {}, message: {} }, undefined, 'connection', 'an agora-chat or easemob-websdk connection'],
    ['options not an object', conn, 'fast', 'options', 'an object'],
    ['options null', conn, null, 'options', 'an object'],
    ['maxIdsPerCall 0', conn, { maxIdsPerCall: 0 }, 'options.maxIdsPerCall', PAGE_50],
    ['maxIdsPerCall 51', conn, { maxIdsPerCall: 51 }, 'options.maxIdsPerCall', PAGE_50],
    ['maxIdsPerCall 2.5', conn, { maxIdsPerCall: 2.5 }, 'options.maxIdsPerCall', PAGE_50],
    ["maxIdsPerCall '20'", conn, { maxIdsPerCall: '20' }, 'options.maxIdsPerCall', PAGE_50],
    ['timeoutMs 0', conn, { timeoutMs: 0 }, 'options.timeoutMs', 'an integer in [1, 600000]'],
    ['timeoutMs Infinity', conn, { timeoutMs: Infinity }, 'options.timeoutMs', 'an integer in [1, 600000]'],
    ['now not a function', conn, { now: 123 }, 'options.now', 'a function'],
    ['warn not a function', conn, { warn: 'console' }, 'options.warn', 'a function'],
  ]
  it.each(CREATE)('%s', (_name, connection, options, argument, allowed) => {
    let error: unknown
    try {
      createRoamingClient(any(connection), any(options))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RoamingArgumentError)
    expect(error).toMatchObject({ argument, operation: 'createRoamingClient', code: -3 })
    expect((error as RoamingArgumentError).allowed).toContain(allowed)
    expect((error as Error).message).toContain(`expected ${(error as RoamingArgumentError).allowed}`)
    expect(server.requests).toEqual([])
    expect(Object.keys(conn.eventHandler.handlerData)).toEqual([])
  })
})
