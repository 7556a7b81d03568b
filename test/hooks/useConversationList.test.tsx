import { act, renderHook, waitFor } from '@testing-library/react'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useDeleteConversation } from '../../src/hooks/useDeleteConversation'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { usePinConversation } from '../../src/hooks/usePinConversation'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { roamingKeys } from '../../src/query/keys'
import { callsOf, providerFor, settled, setup } from '../kit'

function useList() {
  return {
    list: useConversationList({ pageSize: 10 }),
    remove: useDeleteConversation(),
    pin: usePinConversation(),
    open: useRoamingStore((s) => s.setActiveConversation),
  }
}

async function loaded(options: Parameters<typeof setup>[0] = {}, conversations = 25) {
  const ctx = setup(options)
  ctx.server.generate({ user: 'alice', conversations, groupShare: 0, unreadShare: 0 })
  const hook = renderHook(() => useList(), { wrapper: ctx.wrapper })
  await waitFor(() => expect(hook.result.current.list.status).toBe('success'))
  return { ...ctx, ...hook }
}

const ids = (list: { conversationId: string }[]) => list.map((c) => c.conversationId)

describe('useConversationList', () => {
  it('pages through the server list, each conversation once, and StrictMode sends each request once', async () => {
    const { server, result } = await loaded()
    expect(result.current.list.conversations).toHaveLength(10)
    expect(callsOf(server, 'getServerConversations')).toBe(1)
    expect(callsOf(server, 'getServerPinnedConversations')).toBe(1)
    for (let page = 2; page <= 3; page++) {
      act(() => result.current.list.fetchNextPage())
      await waitFor(() => expect(result.current.list.conversations.length).toBeGreaterThanOrEqual(Math.min(25, page * 10)))
    }
    const all = result.current.list.conversations
    expect(new Set(ids(all)).size).toBe(25)
    const times = all.map((c) => c.lastMessage!.time)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(result.current.list.hasNextPage).toBe(false)
    expect(callsOf(server, 'getServerConversations')).toBe(3)
  })

  it('an incoming message moves its conversation to the top with +1 unread, but not for the open conversation', async () => {
    const { server, result } = await loaded()
    const last = result.current.list.conversations[9]!
    server.sendMessage({ from: last.conversationId, to: 'alice', text: 'ping' })
    await waitFor(() => expect(result.current.list.conversations[0]!.conversationId).toBe(last.conversationId))
    const top = result.current.list.conversations[0]!
    expect(top.unreadCount).toBe(last.unreadCount + 1)
    expect(top.lastMessage).toMatchObject({ type: 'txt', text: 'ping' })
    act(() => result.current.open({ conversationId: top.conversationId, chatType: 'singleChat' }))
    await waitFor(() => expect(result.current.list.conversations[0]!.unreadCount).toBe(0))
    server.sendMessage({ from: top.conversationId, to: 'alice', text: 'while open' })
    await waitFor(() => expect(result.current.list.conversations[0]!.lastMessage).toMatchObject({ text: 'while open' }))
    expect(result.current.list.conversations[0]!.unreadCount).toBe(0)
    // A brand-new conversation appears at the top at once, before any answer. The requests: the pinned list, which
    // says whether a conversation no list had is pinned (it may have been pinned while unlisted), and, as the list
    // has pages not loaded where it may sit with unread messages, the first page (see `learnListed`).
    const before = server.requests.length
    server.configure({ latency: 200 })
    server.sendMessage({ from: 'newcomer', to: 'alice', text: 'hello' })
    await waitFor(() => expect(result.current.list.conversations[0]!.conversationId).toBe('newcomer'))
    expect(server.requests.slice(before).map((r) => r.outcome === 'ok' && r.method).sort()).toEqual(['getServerConversations', 'getServerPinnedConversations'])
    // A message of a listed conversation asks nothing.
    server.configure({ latency: 0 })
    await waitFor(() => expect(result.current.list.conversations[0]!.isPinned).toBe(false))
    const after = server.requests.length
    server.sendMessage({ from: 'newcomer', to: 'alice', text: 'again' })
    await waitFor(() => expect(result.current.list.conversations[0]!.lastMessage).toMatchObject({ text: 'again' }))
    expect(server.requests.length).toBe(after)
    // Nor does a chat room message: rooms are never listed.
    server.createGroup('lobby', ['alice'])
    server.sendMessage({ from: 'zed', to: 'lobby', chatType: 'chatRoom', text: 'room' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.requests.length).toBe(after)
  })

  it('messages that come while a list read is out are all counted unread when it lands, not only the newest', async () => {
    const { server, queryClient, result } = await loaded()
    const unread = (id: string) => result.current.list.conversations.find((c) => c.conversationId === id)?.unreadCount
    const peer = result.current.list.conversations[3]!.conversationId
    const start = unread(peer)!
    // The server reads the list now and answers in 200 ms; three messages from the peer come meanwhile.
    server.configure({ latency: 200 })
    act(() => result.current.list.refetch())
    server.configure({ latency: 0 })
    for (let i = 0; i < 3; i++) act(() => { server.sendMessage({ from: peer, to: 'alice', text: `meanwhile ${i}` }) })
    await waitFor(() => expect(unread(peer)).toBe(start + 3))
    await settled(queryClient)
    expect(result.current.list.conversations[0]).toMatchObject({ conversationId: peer, lastMessage: { text: 'meanwhile 2' } })
    expect(unread(peer)).toBe(start + 3)
    // A conversation no list had: its messages of the time are all unread too.
    server.configure({ latency: 200 })
    act(() => result.current.list.refetch())
    server.configure({ latency: 0 })
    for (let i = 0; i < 2; i++) act(() => { server.sendMessage({ from: 'newcomer', to: 'alice', text: `hi ${i}` }) })
    await waitFor(() => expect(unread('newcomer')).toBe(2))
    await settled(queryClient)
    expect(unread('newcomer')).toBe(2)
  })

  it('a message from a conversation on a page not loaded yet shows its whole unread count, not 1 (one request for its first)', async () => {
    const ctx = setup()
    ctx.server.generate({ user: 'alice', conversations: 25, groupShare: 0, unreadShare: 1 })
    const all = (await ctx.device.getServerConversations({ pageSize: 50 })).data.conversations
    // Past the first page of 10, with more than one unread message.
    const far = all.slice(10).find((c) => c.unReadCount > 1)!
    const { result } = renderHook(() => useList(), { wrapper: ctx.wrapper })
    await waitFor(() => expect(result.current.list.status).toBe('success'))
    const unread = (id: string) => result.current.list.conversations.find((c) => c.conversationId === id)?.unreadCount
    expect(unread(far.conversationId)).toBeUndefined()
    ctx.server.clearRequests()
    act(() => { ctx.server.sendMessage({ from: far.conversationId, to: 'alice', text: 'remember me?' }) })
    await waitFor(() => expect(unread(far.conversationId)).toBe(far.unReadCount + 1))
    await settled(ctx.queryClient)
    expect(unread(far.conversationId)).toBe(far.unReadCount + 1)
    act(() => { ctx.server.sendMessage({ from: far.conversationId, to: 'alice', text: 'again' }) })
    await waitFor(() => expect(unread(far.conversationId)).toBe(far.unReadCount + 2))
    await settled(ctx.queryClient)
    expect(callsOf(ctx.server, 'getServerConversations')).toBe(1)

    // A burst: the second message comes before the first page answers (its preview is the first message).
    const other = all.slice(10).find((c) => c.unReadCount > 1 && c.conversationId !== far.conversationId)!
    ctx.server.configure({ latency: 100 })
    act(() => { ctx.server.sendMessage({ from: other.conversationId, to: 'alice', text: 'one' }) })
    await waitFor(() => expect(unread(other.conversationId)).toBe(1))
    ctx.server.configure({ latency: 0 })
    act(() => { ctx.server.sendMessage({ from: other.conversationId, to: 'alice', text: 'two' }) })
    await waitFor(() => expect(unread(other.conversationId)).toBe(other.unReadCount + 2))
    await settled(ctx.queryClient)
    expect(unread(other.conversationId)).toBe(other.unReadCount + 2)
  })

  it('keeps the index of the rows in view (setViewRange) when conversations move above them; at the top it stays', async () => {
    const { server, result } = await loaded()
    const list = () => result.current.list
    const indexOf = (id: string) => list().firstItemIndex + ids(list().conversations).indexOf(id)
    const base = list().firstItemIndex
    // Scrolled down: rows 4 to 7 rendered, as react-virtuoso's rangeChanged says.
    const inView = ids(list().conversations).slice(4, 8)
    const below = list().conversations[9]!.conversationId
    list().setViewRange({ startIndex: base + 4, endIndex: base + 7 })
    const before = inView.map(indexOf)
    // One below the view moves to the top, then a new conversation arrives: each shifts the rows in view by one.
    act(() => { server.sendMessage({ from: below, to: 'alice', text: 'up' }) })
    await waitFor(() => expect(list().conversations[0]!.conversationId).toBe(below))
    expect(inView.map(indexOf)).toEqual(before)
    act(() => { server.sendMessage({ from: 'zed', to: 'alice', text: 'hello' }) })
    await waitFor(() => expect(list().conversations[0]!.conversationId).toBe('zed'))
    expect(inView.map(indexOf)).toEqual(before)
    expect(list().firstItemIndex).toBe(base - 2)
    // At the top (the first conversation rendered), arrivals push the rows down: the reader sees them come.
    list().setViewRange({ startIndex: list().firstItemIndex, endIndex: list().firstItemIndex + 5 })
    act(() => { server.sendMessage({ from: 'yan', to: 'alice', text: 'hi' }) })
    await waitFor(() => expect(list().conversations[0]!.conversationId).toBe('yan'))
    expect(list().firstItemIndex).toBe(base - 2)
    expect(inView.map(indexOf)).toEqual(before.map((i) => i + 1))
  })

  it('pins first, most recently pinned first; unpin puts it back in time order', async () => {
    const { result } = await loaded()
    const [first, second, third] = result.current.list.conversations
    await act(async () => { await result.current.pin.pinAsync({ conversationId: third!.conversationId, chatType: 'singleChat', isPinned: true }) })
    await act(async () => { await result.current.pin.pinAsync({ conversationId: second!.conversationId, chatType: 'singleChat', isPinned: true }) })
    expect(ids(result.current.list.conversations).slice(0, 2)).toEqual([second!.conversationId, third!.conversationId])
    expect(result.current.list.conversations[0]!.isPinned).toBe(true)
    await act(async () => { await result.current.pin.pinAsync({ conversationId: second!.conversationId, chatType: 'singleChat', isPinned: false }) })
    expect(ids(result.current.list.conversations).slice(0, 3)).toEqual([third!.conversationId, first!.conversationId, second!.conversationId])
    expect(result.current.list.conversations.find((c) => c.conversationId === second!.conversationId)!.isPinned).toBe(false)
  })

  it('a refused pin undoes the pin only: a message that came meanwhile stays the preview', async () => {
    const { server, result } = await loaded({ latency: 80 })
    const target = result.current.list.conversations[5]!
    const { conversationId } = target
    server.configure({ failureRate: 1 })
    let refused: Promise<unknown>
    act(() => { refused = result.current.pin.pinAsync({ conversationId, chatType: 'singleChat', isPinned: true }).catch((e: unknown) => e) })
    await waitFor(() => expect(result.current.list.conversations[0]).toMatchObject({ conversationId, isPinned: true }))
    server.configure({ failureRate: 0, latency: 5 })
    server.sendMessage({ from: conversationId, to: 'alice', text: 'while pinning' })
    await waitFor(() => expect(result.current.list.conversations[0]!.lastMessage).toMatchObject({ text: 'while pinning' }))
    await act(async () => { expect(await refused).toBeInstanceOf(Error) })
    const after = result.current.list.conversations[0]!
    expect(after).toMatchObject({ conversationId, isPinned: false, unreadCount: target.unreadCount + 1 })
    expect(after.lastMessage).toMatchObject({ text: 'while pinning' })
  })

  it('a conversation pinned after the phone deleted it, its deletion heard late and a pin refused while unlisted, shows pinned when a message lists it', async () => {
    const { server, queryClient, result } = await loaded()
    const phone = server.connect('alice', { resource: 'phone' })
    const { conversationId } = result.current.list.conversations[2]!
    const target = { conversationId, chatType: 'singleChat' as const }
    // The phone's deletion reaches the server first; its event reaches this device after the pin's answer.
    server.configure({ latency: 200 })
    act(() => { void phone.deleteConversation({ channel: conversationId, chatType: 'singleChat', deleteRoam: true }) })
    server.configure({ latency: 20 })
    await act(async () => { await result.current.pin.pinAsync({ ...target, isPinned: true }) })
    await waitFor(() => expect(result.current.list.conversations.some((c) => c.conversationId === conversationId)).toBe(false))
    await settled(queryClient)
    // Pinned on the server, and empty, so unlisted. A pin sent now is refused.
    server.configure({ latency: 0, failureRate: 1 })
    await act(async () => { await result.current.pin.pinAsync({ ...target, isPinned: true }).catch(() => undefined) })
    server.configure({ failureRate: 0 })
    act(() => { server.sendMessage({ from: conversationId, to: 'alice', text: 'back' }) })
    await waitFor(() => expect(result.current.list.conversations.some((c) => c.conversationId === conversationId)).toBe(true))
    await settled(queryClient)
    expect(result.current.list.conversations[0]).toMatchObject({ conversationId, isPinned: true })
  })

  it('deletes a conversation optimistically and brings it back where it was when the server refuses', async () => {
    const { server, result } = await loaded({ latency: 80 })
    const before = ids(result.current.list.conversations)
    const victim = before[4]!
    server.configure({ failureRate: 1 })
    let failed: Promise<unknown>
    act(() => { failed = result.current.remove.deleteConversationAsync({ conversationId: victim, chatType: 'singleChat', deleteRoam: false }).catch((e: unknown) => e) })
    await waitFor(() => expect(ids(result.current.list.conversations)).not.toContain(victim))
    await act(async () => { await failed })
    await waitFor(() => expect(ids(result.current.list.conversations)).toEqual(before))
  })

  it('deleteRoam drops the thread cache; the other device of the user sees the deletion', async () => {
    const { server, queryClient, result } = await loaded()
    const victim = result.current.list.conversations[0]!.conversationId
    const thread = renderHook(() => useHistoryMessages({ conversationId: victim, chatType: 'singleChat' }), { wrapper: providerFor(server.devices('alice')[0]!, queryClient) })
    await waitFor(() => expect(thread.result.current.status).toBe('success'))
    thread.unmount()
    const other = renderHook(() => useConversationList({ pageSize: 10 }), { wrapper: providerFor(server.connect('alice')) })
    await waitFor(() => expect(ids(other.result.current.conversations)).toContain(victim))
    act(() => result.current.open({ conversationId: victim, chatType: 'singleChat' }))
    await act(async () => { await result.current.remove.deleteConversationAsync({ conversationId: victim, chatType: 'singleChat', deleteRoam: true }) })
    expect(ids(result.current.list.conversations)).not.toContain(victim)
    expect(queryClient.getQueryCache().findAll({ queryKey: roamingKeys.history('alice', victim, 'singleChat') })).toHaveLength(0)
    await waitFor(() => expect(ids(other.result.current.conversations)).not.toContain(victim))
    // A new message recreates it on both devices.
    server.sendMessage({ from: victim, to: 'alice', text: 'again' })
    await waitFor(() => expect(ids(result.current.list.conversations)[0]).toBe(victim))
    await waitFor(() => expect(ids(other.result.current.conversations)[0]).toBe(victim))
  })

  it('throws an error naming the hook outside a provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useConversationList())).toThrow('useConversationList must be used within <RoamingProvider>')
    expect(() => renderHook(() => useDeleteConversation())).toThrow('useDeleteConversation must be used within <RoamingProvider>')
    spy.mockRestore()
  })
})
