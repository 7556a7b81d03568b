import { act, renderHook, waitFor } from '@testing-library/react'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { FIRST_ITEM_INDEX_BASE } from '../../src/query/historyPages'
import { callsOf, serverHistoryIds, setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }

describe('useHistoryMessages', () => {
  it('opens at the latest page, ascending, and pages older with firstItemIndex falling by each page count', async () => {
    const { server, device, wrapper } = setup()
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 130 } })
    const all = await serverHistoryIds(device, 'bob')
    server.clearRequests()
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 50 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current.messages.map((m) => m.id)).toEqual(all.slice(-50))
    expect(result.current.firstItemIndex).toBe(FIRST_ITEM_INDEX_BASE)
    expect(result.current.isLatest).toBe(true)
    expect(result.current.hasNewer).toBe(false)
    act(() => result.current.fetchOlder())
    await waitFor(() => expect(result.current.messages).toHaveLength(100))
    expect(result.current.firstItemIndex).toBe(FIRST_ITEM_INDEX_BASE - 50)
    act(() => result.current.fetchOlder())
    await waitFor(() => expect(result.current.messages).toHaveLength(130))
    expect(result.current.firstItemIndex).toBe(FIRST_ITEM_INDEX_BASE - 80)
    expect(result.current.hasOlder).toBe(false)
    expect(result.current.messages.map((m) => m.id)).toEqual(all)
    // StrictMode mounts twice; each page was still asked for once: 130 messages / 50 = 3 calls.
    expect(callsOf(server, 'getHistoryMessages')).toBe(3)
  })

  it('keeps each message\'s index when another device removes older messages and every page is read again', async () => {
    const { server, device, wrapper } = setup()
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 130 } })
    const all = await serverHistoryIds(device, 'bob')
    server.clearRequests()
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 20 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    for (const n of [40, 60]) {
      act(() => result.current.fetchOlder())
      await waitFor(() => expect(result.current.messages).toHaveLength(n))
    }
    const indexOf = (id: string) => result.current.firstItemIndex + result.current.messages.findIndex((m) => m.id === id)
    const before = indexOf(all[100]!)
    expect(result.current.firstItemIndex).toBe(FIRST_ITEM_INDEX_BASE - 40)
    // Older than every loaded message: the refetch brings the same 60, cut into an older page and newer ones.
    const other = server.connect('alice')
    await act(() => other.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: all.slice(0, 10) }))
    // 3 page reads, then the 3 pages read again.
    await waitFor(() => expect(callsOf(server, 'getHistoryMessages')).toBe(6))
    await waitFor(() => expect(result.current.messages.map((m) => m.id)).toEqual(all.slice(70)))
    expect(indexOf(all[100]!)).toBe(before)
    expect(result.current.firstItemIndex).toBe(FIRST_ITEM_INDEX_BASE - 40)
  })

  it('keeps the index of the message at the top of the view (setViewRange) when another device removes loaded messages above it', async () => {
    const { server, device, wrapper } = setup()
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 130 } })
    const all = await serverHistoryIds(device, 'bob')
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 20 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    act(() => result.current.fetchOlder())
    await waitFor(() => expect(result.current.messages).toHaveLength(40))
    const indexOf = (id: string) => result.current.firstItemIndex + result.current.messages.findIndex((m) => m.id === id)
    const top = result.current.messages.find((m) => m.id === all[110])!
    const before = indexOf(top.id)
    result.current.setViewRange({ startIndex: before, endIndex: before + 9 })
    // Loaded, between the first loaded message (all[90]) and the view's top. The event names no ids: the view reads
    // its two pages again, and the older one, cut anew, starts 5 messages earlier.
    await act(() => server.connect('alice').removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: all.slice(95, 100) }))
    await waitFor(() => expect(result.current.messages.map((m) => m.id)).toEqual([...all.slice(85, 95), ...all.slice(100)]))
    expect(indexOf(top.id)).toBe(before)
    expect(result.current.firstItemIndex).toBe(FIRST_ITEM_INDEX_BASE - 20)
  })

  it('jumps to a message 5,000 back, loads around it, and fetchNewer walks to the latest without a gap', async () => {
    const { server, device, wrapper } = setup()
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 6_000 } })
    const all = await serverHistoryIds(device, 'bob')
    const anchor = all[all.length - 5_000]!
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 50 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    let loaded = true
    act(() => { loaded = result.current.jumpTo(anchor) })
    expect(loaded).toBe(false)
    await waitFor(() => expect(result.current.anchorFound).toBe(true))
    const ids = result.current.messages.map((m) => m.id)
    expect(ids).toContain(anchor)
    const start = all.indexOf(ids[0]!)
    expect(ids).toEqual(all.slice(start, start + ids.length))
    expect(result.current.isLatest).toBe(false)
    expect(result.current.hasNewer).toBe(true)
    for (let i = 0; i < 200 && result.current.hasNewer; i++) {
      const before = result.current.messages.length
      act(() => result.current.fetchNewer())
      await waitFor(() => expect(result.current.messages.length).toBeGreaterThan(before))
    }
    expect(result.current.isLatest).toBe(true)
    expect(result.current.messages.map((m) => m.id)).toEqual(all.slice(start))
    act(() => result.current.jumpToLatest())
    await waitFor(() => expect(result.current.anchorId).toBeNull())
  }, 60_000)

  it('keeps an incoming message exactly once when it arrives while an older page is loading', async () => {
    const { server, device, wrapper } = setup({ latency: 60 })
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 120 } })
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 50 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    act(() => result.current.fetchOlder())
    await waitFor(() => expect(result.current.isFetchingOlder).toBe(true))
    const live = server.sendMessage({ from: 'bob', to: 'alice', text: 'while paging' })
    await waitFor(() => expect(result.current.isFetchingOlder).toBe(false))
    await waitFor(() => expect(result.current.messages).toHaveLength(101))
    const ids = result.current.messages.map((m) => m.id)
    expect(ids.filter((id) => id === live.id)).toHaveLength(1)
    expect(ids.at(-1)).toBe(live.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual((await serverHistoryIds(device, 'bob')).slice(-101))
  })

  it('throws an error naming the hook outside a provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useHistoryMessages(bob))).toThrow('useHistoryMessages must be used within <RoamingProvider>')
    spy.mockRestore()
  })
})

describe('useHistoryMessages, jumping to an unknown message', () => {
  it('says the anchor was not found and shows the latest messages instead of an error; retry reloads after a failure', async () => {
    const { server, device, wrapper } = setup()
    server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: 80 } })
    const all = await serverHistoryIds(device, 'bob')
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 20, anchorId: '1999999999999999999' }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current.anchorFound).toBe(false)
    expect(result.current.messages.map((m) => m.id)).toEqual(all.slice(-20))

    server.configure({ failureRate: 1 })
    const failing = renderHook(() => useHistoryMessages({ ...bob, pageSize: 10 }), { wrapper })
    await waitFor(() => expect(failing.result.current.status).toBe('error'))
    server.configure({ failureRate: 0 })
    act(() => failing.result.current.retry())
    await waitFor(() => expect(failing.result.current.status).toBe('success'))
    expect(failing.result.current.messages.map((m) => m.id)).toEqual(all.slice(-10))
  })
})
