import { act, renderHook, waitFor } from '@testing-library/react'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useDeleteAllConversations } from '../../src/hooks/useDeleteAllConversations'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { usePinConversation } from '../../src/hooks/usePinConversation'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import type { RoamingServer } from '../../src/testing'
import { callsOf, providerFor, settled, setup } from '../kit'

const ids = (list: ReturnType<typeof useConversationList>) => list.conversations.map((c) => c.conversationId)
const texts = (view: ReturnType<typeof useHistoryMessages>) => view.messages.map((m) => (m.type === 'txt' ? m.text : m.type))

/** bob (3 messages, pinned, starred), carol (2), dave (1), most recent first: dave, carol, bob. */
async function seed(server: RoamingServer) {
  for (let i = 0; i < 3; i++) server.sendMessage({ from: 'bob', to: 'alice', text: `bob ${i}` })
  for (let i = 0; i < 2; i++) server.sendMessage({ from: 'carol', to: 'alice', text: `carol ${i}` })
  server.sendMessage({ from: 'alice', to: 'dave', text: 'to dave' })
  const admin = server.connect('alice')
  await admin.pinConversation({ conversationId: 'bob', conversationType: 'singleChat', isPinned: true })
  await admin.addConversationMark({ conversations: [{ conversationId: 'bob', conversationType: 'singleChat' }], mark: 1 })
}

function useApp() {
  const setActive = useRoamingStore((s) => s.setActiveConversation)
  return {
    list: useConversationList(),
    starred: useConversationList({ mark: 1 }),
    bob: useHistoryMessages({ conversationId: 'bob', chatType: 'singleChat' }),
    active: useRoamingStore((s) => s.activeConversation),
    open: () => setActive({ conversationId: 'bob', chatType: 'singleChat' }),
    all: useDeleteAllConversations(),
    pin: usePinConversation(),
  }
}

async function loaded(latency = 0) {
  const ctx = setup({ latency })
  await seed(ctx.server)
  const hook = renderHook(useApp, { wrapper: ctx.wrapper })
  await waitFor(() => expect(ids(hook.result.current.list)).toEqual(['bob', 'dave', 'carol']))
  await waitFor(() => expect(texts(hook.result.current.bob)).toEqual(['bob 0', 'bob 1', 'bob 2']))
  await waitFor(() => expect(ids(hook.result.current.starred)).toEqual(['bob']))
  act(() => hook.result.current.open())
  await settled(ctx.queryClient)
  return { ...ctx, ...hook }
}

describe('useDeleteAllConversations', () => {
  it('empties every list and closes the thread at once; on success the server has nothing and the views read it again', async () => {
    const { server, result, queryClient } = await loaded(100)
    // A live message too (the kit logs those, to mend reads that cross them).
    act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'live' }) })
    await waitFor(() => expect(texts(result.current.bob)).toEqual(['bob 0', 'bob 1', 'bob 2', 'live']))
    act(() => result.current.all.deleteAll())
    await waitFor(() => expect(result.current.all.status).toBe('pending'))
    expect(ids(result.current.list)).toEqual([])
    expect(ids(result.current.starred)).toEqual([])
    expect(result.current.active).toBeNull()
    await waitFor(() => expect(result.current.all.status).toBe('success'))
    await settled(queryClient)
    expect(callsOf(server, 'deleteAllMessagesAndConversations')).toBe(1)
    expect(ids(result.current.list)).toEqual([])
    expect(ids(result.current.starred)).toEqual([])
    // The loaded history was dropped and read again: the server has none.
    expect(texts(result.current.bob)).toEqual([])
    const onServer = await server.connect('alice').getServerConversations({ pageSize: 20 })
    expect(onServer.data.conversations).toEqual([])
    // A new message lists its conversation again, unpinned, with only that message.
    act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'new' }) })
    await waitFor(() => expect(ids(result.current.list)).toEqual(['bob']))
    await settled(queryClient)
    expect(result.current.list.conversations[0]).toMatchObject({ isPinned: false, unreadCount: 1, marks: [] })
    expect(texts(result.current.bob)).toEqual(['new'])
  })

  it('refused: rejects, the lists come back as they were and the thread opens again', async () => {
    const { server, result, queryClient } = await loaded(30)
    server.configure({ failureRate: 1, failure: 'busy' })
    let outcome: unknown
    act(() => { void result.current.all.deleteAllAsync().catch((e: unknown) => { outcome = e }) })
    await waitFor(() => expect(ids(result.current.list)).toEqual([]))
    await waitFor(() => expect(outcome).toBeInstanceOf(Error))
    expect(ids(result.current.list)).toEqual(['bob', 'dave', 'carol'])
    expect(ids(result.current.starred)).toEqual(['bob'])
    expect(result.current.active).toEqual({ conversationId: 'bob', chatType: 'singleChat' })
    server.configure({ failureRate: 0 })
    await settled(queryClient)
    expect(ids(result.current.list)).toEqual(['bob', 'dave', 'carol'])
    expect(result.current.list.conversations[0]!.isPinned).toBe(true)
    expect(texts(result.current.bob)).toEqual(['bob 0', 'bob 1', 'bob 2'])
  })

  it('a message that comes while it is out lists its conversation again as new: that message only, unpinned, no mark', async () => {
    const { server, result, queryClient } = await loaded()
    // dave pinned in this session too (the session's pins win over list pages).
    await act(() => result.current.pin.pinAsync({ conversationId: 'dave', chatType: 'singleChat', isPinned: true }))
    await settled(queryClient)
    // The deletion is processed at once, its answer takes 200 ms; the messages' pushes come meanwhile.
    server.configure({ latency: 200 })
    act(() => result.current.all.deleteAll())
    await waitFor(() => expect(ids(result.current.list)).toEqual([]))
    server.configure({ latency: 0 })
    act(() => { server.sendMessage({ from: 'dave', to: 'alice', text: 'after' }) })
    act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'after' }) })
    await waitFor(() => expect(ids(result.current.list)).toEqual(['bob', 'dave']))
    expect(result.current.all.status).toBe('pending')
    const expected = { isPinned: false, unreadCount: 1, marks: [], lastMessage: { text: 'after' } }
    expect(result.current.list.conversations).toMatchObject([expected, expected])
    expect(ids(result.current.starred)).toEqual([])
    await waitFor(() => expect(result.current.all.status).toBe('success'))
    await settled(queryClient)
    expect(result.current.list.conversations).toMatchObject([expected, expected])
    expect(ids(result.current.list)).toEqual(['bob', 'dave'])
    expect(ids(result.current.starred)).toEqual([])
  })

  it('the user\'s other device is not told: it shows the old lists until it reads the server again', async () => {
    const { server, result, queryClient } = await loaded()
    const phone = renderHook(() => useConversationList(), { wrapper: providerFor(server.connect('alice')) })
    await waitFor(() => expect(ids(phone.result.current)).toEqual(['bob', 'dave', 'carol']))
    await act(() => result.current.all.deleteAllAsync())
    await settled(queryClient)
    expect(ids(phone.result.current)).toEqual(['bob', 'dave', 'carol'])
    act(() => phone.result.current.refetch())
    await waitFor(() => expect(ids(phone.result.current)).toEqual([]))
  })
})
