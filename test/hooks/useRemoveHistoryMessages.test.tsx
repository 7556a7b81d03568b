import { act, renderHook, waitFor } from '@testing-library/react'
import { RemovePartialError, RoamingError } from '../../src/client/RoamingError'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { useRemoveHistoryMessages } from '../../src/hooks/useRemoveHistoryMessages'
import { callsOf, providerFor, serverHistoryIds, settled, setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }

function useThread(pageSize = 50) {
  return { view: useHistoryMessages({ ...bob, pageSize }), removal: useRemoveHistoryMessages() }
}

async function loadedThread(messages: number, latency = 30) {
  const ctx = setup({ latency })
  ctx.server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages } })
  const renders: string[][] = []
  const hook = renderHook(() => { const t = useThread(); renders.push(t.view.messages.map((m) => m.id)); return t }, { wrapper: ctx.wrapper })
  await waitFor(() => expect(hook.result.current.view.status).toBe('success'))
  return { ...ctx, ...hook, renders }
}

describe('useRemoveHistoryMessages', () => {
  it('removes at once, and a page load in flight when the delete happens never brings the deleted message back', async () => {
    const { server, device, result, renders } = await loadedThread(120, 400)
    const target = result.current.view.messages[10]!.id
    act(() => result.current.view.fetchOlder())
    await waitFor(() => expect(result.current.view.isFetchingOlder).toBe(true))
    const from = renders.length
    let done!: Promise<unknown>
    act(() => { done = result.current.removal.removeAsync({ ...bob, messageIds: [target] }) })
    // Optimistic: the row is gone while the server has not answered yet.
    await waitFor(() => expect(result.current.view.messages.some((m) => m.id === target)).toBe(false))
    expect(result.current.removal.status).toBe('pending')
    await act(() => done)
    // The cancelled older page is asked for again and lands; the deleted message stays gone in every render.
    act(() => result.current.view.fetchOlder())
    await waitFor(() => expect(result.current.view.messages).toHaveLength(99))
    // From the first render without it (the optimistic one), no render ever shows it again.
    const gone = renders.findIndex((ids, i) => i >= from && !ids.includes(target))
    expect(gone).toBeGreaterThanOrEqual(from)
    expect(renders.slice(gone).filter((ids) => ids.includes(target))).toEqual([])
    expect(await serverHistoryIds(device, 'bob')).not.toContain(target)
    expect(callsOf(server, 'removeHistoryMessages')).toBe(1)
  })

  it('a history page computed by the server before the delete arrived, landing afterwards, never brings the deleted message back', async () => {
    const { server, device, queryClient, result, renders } = await loadedThread(120, 10)
    const target = result.current.view.messages[30]!.id
    // The delete travels slowly: the server will process it 100 ms after it is sent.
    server.configure({ uplinkLatency: 100 })
    let done!: Promise<unknown>
    act(() => { done = result.current.removal.removeAsync({ ...bob, messageIds: [target] }) })
    await waitFor(() => expect(result.current.view.messages.some((m) => m.id === target)).toBe(false))
    const from = renders.length - 1
    // A refetch sent now reaches the server first (the message is still there) and answers late.
    server.configure({ uplinkLatency: 0, latency: 250 })
    let refetch!: Promise<unknown>
    act(() => { refetch = queryClient.refetchQueries({ queryKey: ['roamkit', 'alice', 'history'] }) })
    await act(async () => { await Promise.all([done, refetch]) })
    await settled(queryClient)
    const order = server.requests.filter((r) => r.method !== 'getServerConversations').map((r) => r.method).slice(-2)
    expect(order).toEqual(['getHistoryMessages', 'removeHistoryMessages'])
    expect(renders.slice(from).filter((ids) => ids.includes(target))).toEqual([])
    expect(result.current.view.messages).toHaveLength(49)
    expect(await serverHistoryIds(device, 'bob')).not.toContain(target)
  })

  it('a failed delete restores order and content exactly', async () => {
    const { server, result } = await loadedThread(60)
    const before = result.current.view.messages
    const ids = [before[3]!.id, before[4]!.id, before[40]!.id]
    server.configure({ failureRate: 1 })
    let outcome: unknown
    await act(async () => { await result.current.removal.removeAsync({ ...bob, messageIds: ids }).catch((e: unknown) => { outcome = e }) })
    expect(outcome).toBeInstanceOf(RoamingError)
    expect(outcome).toMatchObject({ code: 17 })
    await waitFor(() => expect(result.current.removal.status).toBe('error'))
    expect(result.current.view.messages).toEqual(before)
  })

  it('two overlapping deletes where only the first fails: its rows come back, the second stays removed', async () => {
    const { server, device, queryClient, result } = await loadedThread(60, 400)
    const before = result.current.view.messages
    const a = [before[1]!.id, before[2]!.id]
    const b = [before[5]!.id, before[6]!.id]
    server.configure({ failureRate: 1 })
    let first!: Promise<unknown>
    let second!: Promise<unknown>
    act(() => { first = result.current.removal.removeAsync({ ...bob, messageIds: a }).catch((e: unknown) => e) })
    // The first request is on the wire (failing); the second one will succeed, and both are in flight together.
    await waitFor(() => expect(callsOf(server, 'removeHistoryMessages')).toBe(1))
    server.configure({ failureRate: 0 })
    act(() => { second = result.current.removal.removeAsync({ ...bob, messageIds: b }) })
    await waitFor(() => expect(callsOf(server, 'removeHistoryMessages')).toBe(2))
    expect(result.current.view.messages.map((m) => m.id)).toEqual(before.map((m) => m.id).filter((id) => !a.includes(id) && !b.includes(id)))
    await act(async () => { await Promise.all([first, second]) })
    await settled(queryClient)
    expect(result.current.view.messages.map((m) => m.id)).toEqual(before.map((m) => m.id).filter((id) => !b.includes(id)))
    expect(result.current.view.messages.filter((m) => a.includes(m.id))).toEqual(before.filter((m) => a.includes(m.id)))
    const onServer = await serverHistoryIds(device, 'bob')
    expect(onServer).toEqual(expect.arrayContaining(a))
    expect(onServer.filter((id) => b.includes(id))).toEqual([])
  })

  it('two overlapping removals that both fail, the wider one last, put every row back (found by the soak)', async () => {
    const { server, result } = await loadedThread(60, 300)
    const before = result.current.view.messages
    server.configure({ failureRate: 1 })
    let first!: Promise<unknown>
    let second!: Promise<unknown>
    // A takes rows 0–1 out; B (wider) takes row 2 out, and its tombstone still covers rows 0–1 when A fails.
    act(() => { first = result.current.removal.removeAsync({ ...bob, before: { messageId: before[2]!.id } }).catch((e: unknown) => e) })
    await waitFor(() => expect(callsOf(server, 'removeHistoryMessages')).toBe(1))
    act(() => { second = result.current.removal.removeAsync({ ...bob, before: { messageId: before[3]!.id } }).catch((e: unknown) => e) })
    await waitFor(() => expect(callsOf(server, 'removeHistoryMessages')).toBe(2))
    expect(result.current.view.messages).toEqual(before.slice(3))
    await act(async () => { await Promise.all([first, second]) })
    await waitFor(() => expect(result.current.view.messages).toEqual(before))
  })

  it('45 ids take 3 calls (20 + 20 + 5) with progress; a failing chunk restores exactly its ids and says which', async () => {
    const { server, device, result } = await loadedThread(120, 150)
    act(() => result.current.view.fetchOlder())
    await waitFor(() => expect(result.current.view.messages).toHaveLength(100))
    const before = result.current.view.messages
    const ids = before.slice(0, 45).map((m) => m.id)
    server.clearRequests()
    await act(async () => { await result.current.removal.removeAsync({ ...bob, messageIds: ids }) })
    expect(server.requests.filter((r) => r.method === 'removeHistoryMessages')
      .map((r) => (r.params as { messageIds: string[] }).messageIds.length)).toEqual([20, 20, 5])
    expect(result.current.removal.progress).toEqual({ done: 45, total: 45 })
    expect(result.current.view.messages).toEqual(before.slice(45))

    // Partial failure: the first chunk goes, then the server fails the next ones.
    const next = result.current.view.messages.slice(0, 45).map((m) => m.id)
    const snapshot = result.current.view.messages
    server.clearRequests()
    let error: unknown
    act(() => { void result.current.removal.removeAsync({ ...bob, messageIds: next }).catch((e: unknown) => { error = e }) })
    await waitFor(() => expect(server.requests).toHaveLength(1))
    server.configure({ failureRate: 1 })
    await waitFor(() => expect(error).toBeInstanceOf(RemovePartialError))
    const partial = error as RemovePartialError
    expect(partial.removedIds).toEqual(next.slice(0, 20))
    expect(partial.failedIds).toEqual(next.slice(20))
    await waitFor(() => expect(result.current.removal.failedIds).toEqual(next.slice(20)))
    expect(result.current.view.messages).toEqual(snapshot.slice(20))
    server.configure({ failureRate: 0 })
    const onServer = await serverHistoryIds(device, 'bob')
    expect(onServer.filter((id) => next.includes(id))).toEqual(next.slice(20))
  })

  it('deletes everything before a message (the message stays) and updates on the server', async () => {
    const { device, queryClient, result } = await loadedThread(60)
    const pivot = result.current.view.messages[20]!
    await act(async () => { await result.current.removal.removeAsync({ ...bob, before: { messageId: pivot.id } }) })
    await settled(queryClient)
    expect(result.current.view.messages[0]!.id).toBe(pivot.id)
    expect((await serverHistoryIds(device, 'bob'))[0]).toBe(pivot.id)
  })

  it('a delete on device A shows on device B of the same user, with no reload', async () => {
    const { server, result: a } = await loadedThread(60)
    const deviceB = server.connect('alice')
    const { result: b } = renderHook(() => useThread(), { wrapper: providerFor(deviceB) })
    await waitFor(() => expect(b.current.view.messages).toHaveLength(50))
    const gone = a.current.view.messages.slice(5, 8).map((m) => m.id)
    await act(async () => { await a.current.removal.removeAsync({ ...bob, messageIds: gone }) })
    await waitFor(() => expect(b.current.view.messages.filter((m) => gone.includes(m.id))).toEqual([]))
    // B refetched its loaded page: the latest 50 the server still has for alice.
    expect(b.current.view.messages.map((m) => m.id)).toEqual((await serverHistoryIds(deviceB, 'bob')).slice(-50))
  })

  it('rejects bad input with a typed error naming the argument, and sends nothing', async () => {
    const { server, result } = await loadedThread(10)
    server.clearRequests()
    const before = result.current.view.messages
    for (const bad of [
      { ...bob, messageIds: [] },
      { ...bob, messageIds: ['1', '1'] },
      { ...bob, before: -5 },
      { ...bob, before: Date.now() + 60_000 },
      { ...bob, before: { messageId: 'not-loaded' } },
      { conversationId: '', chatType: 'singleChat' as const, messageIds: ['1'] },
    ]) {
      let error: unknown
      await act(async () => { await result.current.removal.removeAsync(bad as never).catch((e: unknown) => { error = e }) })
      expect(error).toMatchObject({ name: 'RoamingArgumentError' })
      expect((error as { argument: string }).argument).toMatch(/messageIds|before|conversationId/)
    }
    expect(server.requests).toEqual([])
    expect(result.current.view.messages).toEqual(before)
  })
})

describe('a list read in flight when this device removes the conversation\'s newest message', () => {
  it('lands after the removal and does not bring the removed message back as the preview', async () => {
    const ctx = setup({ latency: 0 })
    ctx.server.generate({ user: 'alice', conversations: 3, groupShare: 0, bigConversation: { with: 'bob', messages: 40 } })
    const { result } = renderHook(() => ({ ...useThread(20), list: useConversationList({ pageSize: 20 }) }), { wrapper: ctx.wrapper })
    await waitFor(() => expect(result.current.view.status === 'success' && result.current.list.status === 'success').toBe(true))
    const newest = result.current.view.messages.at(-1)!
    const previous = result.current.view.messages.at(-2)!
    const preview = () => result.current.list.conversations.find((c) => c.conversationId === 'bob')?.lastMessage?.id
    expect(preview()).toBe(newest.id)
    // The server reads the list now (the newest message is there) and answers 300 ms later.
    ctx.server.configure({ latency: 300 })
    act(() => result.current.list.refetch())
    ctx.server.configure({ latency: 0 })
    await act(() => result.current.removal.removeAsync({ ...bob, messageIds: [newest.id] }))
    expect(preview()).toBe(previous.id)
    await waitFor(() => expect(ctx.queryClient.isFetching()).toBe(0), { timeout: 2_000 })
    await waitFor(() => expect(preview()).toBe(previous.id))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(preview()).toBe(previous.id)
  })
})
