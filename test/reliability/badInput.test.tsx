/**
 * Bad input across every hook and the client (issue 6, part 2): each bad call gives a typed RoamingArgumentError
 * that names the argument and what is allowed, sends nothing, and changes no state (query cache and store).
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createRoamingClient } from '../../src/client/createRoamingClient'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import type { RoamingClient } from '../../src/client/types'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useDeleteConversation } from '../../src/hooks/useDeleteConversation'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { usePinConversation } from '../../src/hooks/usePinConversation'
import { useRemoveHistoryMessages } from '../../src/hooks/useRemoveHistoryMessages'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }

function useEverything() {
  return {
    history: useHistoryMessages({ ...bob, pageSize: 20 }),
    list: useConversationList({ pageSize: 20 }),
    remove: useRemoveHistoryMessages(),
    del: useDeleteConversation(),
    pin: usePinConversation(),
    store: useRoamingStore((s) => s),
  }
}
type Everything = ReturnType<typeof useEverything>

let ctx: ReturnType<typeof setup>
let hook: { current: Everything }
let client: RoamingClient

/** What a call must leave as it was: the cache (every query's data and status) and the store's data. */
function snapshot() {
  const queries = ctx.queryClient.getQueryCache().getAll().map((q) => [q.queryHash, q.state.status, JSON.stringify(q.state.data)])
  const s = hook.current.store
  const store = JSON.stringify({
    active: s.activeConversation, selection: s.selection && [...s.selection.ids], pending: s.pendingRemovals,
    confirmed: Object.entries(s.confirmedRemovals).map(([k, t]) => [k, [...t.ids], t.before]),
    deleted: s.deletedConversations, pins: s.pins, anchors: s.scrollAnchors,
  })
  return { queries, store, requests: ctx.server.requests.length, mutations: ctx.queryClient.getMutationCache().getAll().filter((m) => m.state.status === 'success').length }
}

type Case = [name: string, argument: string | RegExp, allowed: RegExp, call: () => unknown]

// Hooks validate at render time (options) or in onMutate (variables), before any request.
const renderWith = (use: () => unknown) => () => renderHook(use, { wrapper: ctx.wrapper })
const future = () => Date.now() + 60_000

const cases: Case[] = [
  // useHistoryMessages options
  ['useHistoryMessages pageSize 0', 'pageSize', /integer in \[1, 50\]/, renderWith(() => useHistoryMessages({ ...bob, pageSize: 0 }))],
  ['useHistoryMessages pageSize 51', 'pageSize', /integer in \[1, 50\]/, renderWith(() => useHistoryMessages({ ...bob, pageSize: 51 }))],
  ['useHistoryMessages pageSize NaN', 'pageSize', /integer in \[1, 50\]/, renderWith(() => useHistoryMessages({ ...bob, pageSize: Number.NaN }))],
  ["useHistoryMessages pageSize '20'", 'pageSize', /integer in \[1, 50\]/, renderWith(() => useHistoryMessages({ ...bob, pageSize: '20' as never }))],
  ['useHistoryMessages empty conversationId', 'conversationId', /non-empty string/, renderWith(() => useHistoryMessages({ conversationId: '', chatType: 'singleChat' }))],
  ['useHistoryMessages missing conversationId', 'conversationId', /non-empty string/, renderWith(() => useHistoryMessages({ chatType: 'singleChat' } as never))],
  ['useHistoryMessages unknown chatType', 'chatType', /'singleChat', 'groupChat', 'chatRoom'/, renderWith(() => useHistoryMessages({ conversationId: 'bob', chatType: 'privateChat' as never }))],
  ['useHistoryMessages non-string anchorId', 'anchorId', /non-empty string/, renderWith(() => useHistoryMessages({ ...bob, anchorId: 42 as never }))],
  ['useHistoryMessages empty anchorId', 'anchorId', /non-empty string/, renderWith(() => useHistoryMessages({ ...bob, anchorId: '' }))],
  // useConversationList pageSize
  ['useConversationList pageSize 0', 'pageSize', /integer in \[1, 50\]/, renderWith(() => useConversationList({ pageSize: 0 }))],
  ['useConversationList pageSize 51', 'pageSize', /integer in \[1, 50\]/, renderWith(() => useConversationList({ pageSize: 51 }))],
  ['useConversationList pageSize 2.5', 'pageSize', /integer in \[1, 50\]/, renderWith(() => useConversationList({ pageSize: 2.5 }))],
  // useRemoveHistoryMessages variables
  ['remove: no ids', 'messageIds', /non-empty array/, () => hook.current.remove.removeAsync({ ...bob, messageIds: [] })],
  ['remove: an empty id', 'messageIds[1]', /non-empty string/, () => hook.current.remove.removeAsync({ ...bob, messageIds: [hook.current.history.messages[0]!.id, ''] })],
  ['remove: a non-string id', 'messageIds[0]', /non-empty string/, () => hook.current.remove.removeAsync({ ...bob, messageIds: [1100000000000000001 as never] })],
  ['remove: duplicated ids', 'messageIds[1]', /without duplicates/, () => { const id = hook.current.history.messages[0]!.id; return hook.current.remove.removeAsync({ ...bob, messageIds: [id, id] }) }],
  ['remove: before negative', 'before', /integer in \[1, \d+\]/, () => hook.current.remove.removeAsync({ ...bob, before: -5 })],
  ['remove: before zero', 'before', /integer in \[1, \d+\]/, () => hook.current.remove.removeAsync({ ...bob, before: 0 })],
  ['remove: before in the future', 'before', /integer in \[1, \d+\]/, () => hook.current.remove.removeAsync({ ...bob, before: future() })],
  ['remove: before a message not loaded', 'before.messageId', /loaded message/, () => hook.current.remove.removeAsync({ ...bob, before: { messageId: '1100000000000009999' } })],
  ['remove: missing conversationId', 'conversationId', /non-empty string/, () => hook.current.remove.removeAsync({ chatType: 'singleChat', messageIds: ['1'] } as never)],
  ['remove: unknown chatType', 'chatType', /'singleChat', 'groupChat', 'chatRoom'/, () => hook.current.remove.removeAsync({ conversationId: 'bob', chatType: 'dm' as never, messageIds: ['1'] })],
  // useDeleteConversation
  ["deleteConversation: 'chatRoom' (the SDK refuses it)", 'chatType', /^one of 'singleChat', 'groupChat'$/, () => hook.current.del.deleteConversationAsync({ conversationId: 'bob', chatType: 'chatRoom' as never, deleteRoam: false })],
  ['deleteConversation: deleteRoam not a boolean', 'deleteRoam', /true or false/, () => hook.current.del.deleteConversationAsync({ ...bob, deleteRoam: 'yes' as never })],
  ['deleteConversation: missing conversationId', 'conversationId', /non-empty string/, () => hook.current.del.deleteConversationAsync({ chatType: 'singleChat', deleteRoam: true } as never)],
  ['deleteConversation: id with surrounding spaces', 'conversationId', /without surrounding spaces/, () => hook.current.del.deleteConversationAsync({ conversationId: ' bob', chatType: 'singleChat', deleteRoam: true })],
  // usePinConversation
  ['pin: isPinned missing', 'isPinned', /true or false/, () => hook.current.pin.pinAsync({ ...bob } as never)],
  ["pin: 'chatRoom'", 'chatType', /^one of 'singleChat', 'groupChat'$/, () => hook.current.pin.pinAsync({ conversationId: 'bob', chatType: 'chatRoom' as never, isPinned: true })],
  ['pin: non-string conversationId', 'conversationId', /non-empty string/, () => hook.current.pin.pinAsync({ conversationId: null as never, chatType: 'singleChat', isPinned: true })],
  // createRoamingClient and RoamingClient
  ['createRoamingClient: not a connection', 'connection', /connection/, () => createRoamingClient({} as never)],
  ['createRoamingClient: maxIdsPerCall 0', 'options.maxIdsPerCall', /integer in \[1, 50\]/, () => createRoamingClient(ctx.device, { maxIdsPerCall: 0 })],
  ['client.getConversations pageSize 0', 'pageSize', /integer in \[1, 50\]/, () => client.getConversations({ pageSize: 0 })],
  ["client.getConversations pageSize '20'", 'pageSize', /integer in \[1, 50\]/, () => client.getConversations({ pageSize: '20' as never })],
  ['client.getConversations cursor of the wrong type', 'cursor', /cursor string/, () => client.getConversations({ cursor: 5 as never })],
  ['client.getHistory cursor of the wrong type', 'cursor', /cursor string/, () => client.getHistory({ ...bob, cursor: 12 as never })],
  ['client.getHistory pageSize 51', 'pageSize', /integer in \[1, 50\]/, () => client.getHistory({ ...bob, pageSize: 51 })],
  ['client.getHistory unknown direction', 'direction', /'up' or 'down'/, () => client.getHistory({ ...bob, direction: 'sideways' as never })],
  ['client.getHistory unknown chatType', 'chatType', /'singleChat', 'groupChat', 'chatRoom'/, () => client.getHistory({ conversationId: 'bob', chatType: 'groupchat' as never })],
  ['client.removeMessages before zero', 'before', /not in the future/, () => client.removeMessages({ ...bob, before: 0 })],
  ['client.removeMessages before in the future', 'before', /not in the future/, () => client.removeMessages({ ...bob, before: future() })],
  ['client.removeMessages ids and before', 'params', /either messageIds or before/, () => client.removeMessages({ ...bob, messageIds: ['1'], before: 1 } as never)],
  ['client.removeMessages neither ids nor before', 'messageIds', /non-empty array/, () => client.removeMessages({ ...bob } as never)],
  ["client.deleteConversation 'chatRoom'", 'chatType', /^one of 'singleChat', 'groupChat'$/, () => client.deleteConversation({ conversationId: 'room1', chatType: 'chatRoom' as never, deleteRoam: true })],
  ["client.pinConversation 'chatRoom'", 'chatType', /^one of 'singleChat', 'groupChat'$/, () => client.pinConversation({ conversationId: 'room1', chatType: 'chatRoom' as never, isPinned: true })],
  ['client.getLegacyConversations pageSize 21', 'pageSize', /integer in \[1, 20\]/, () => client.getLegacyConversations({ pageNum: 1, pageSize: 21 })],
  ['client.subscribe a non-function', 'listener', /a function/, () => client.subscribe('x' as never)],
]

describe('bad input: typed errors, no request, no state change', () => {
  beforeAll(async () => {
    ctx = setup()
    ctx.server.generate({ user: 'alice', conversations: 3, groupShare: 0, bigConversation: { with: 'bob', messages: 60 } })
    const rendered = renderHook(() => useEverything(), { wrapper: ctx.wrapper })
    hook = rendered.result
    await waitFor(() => expect(hook.current.history.status).toBe('success'))
    await waitFor(() => expect(hook.current.list.status).toBe('success'))
    client = createRoamingClient(ctx.device)
    // Let the list's and pinned list's first loads and any event settle before counting.
    await act(async () => { await new Promise((r) => setTimeout(r, 20)) })
  })
  afterEach(() => { vi.restoreAllMocks() })

  it(`has at least 25 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(25)
  })

  it.each(cases)('%s → RoamingArgumentError naming %s', async (_name, argument, allowed, call) => {
    // A render error is logged by React before it is thrown to the test: keep the output readable.
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = snapshot()
    let error: unknown
    try {
      await act(async () => { await call() })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RoamingArgumentError)
    const e = error as RoamingArgumentError
    expect(e.name).toBe('RoamingArgumentError')
    if (typeof argument === 'string') expect(e.argument).toBe(argument)
    else expect(e.argument).toMatch(argument)
    expect(e.allowed).toMatch(allowed)
    expect(e.message).toContain(e.argument)
    expect(e.code).toBe(-3)
    expect(e.retryable).toBe(false)
    await act(async () => { await new Promise((r) => setTimeout(r, 5)) })
    const after = snapshot()
    expect(after.requests).toBe(before.requests)
    expect(after.queries).toEqual(before.queries)
    expect(after.store).toBe(before.store)
    expect(after.mutations).toBe(before.mutations)
  })
})
