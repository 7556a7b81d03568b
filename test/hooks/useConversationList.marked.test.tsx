import { act, renderHook, waitFor } from '@testing-library/react'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useDeleteConversation } from '../../src/hooks/useDeleteConversation'
import { useMarkConversation } from '../../src/hooks/useMarkConversation'
import { usePinConversation } from '../../src/hooks/usePinConversation'
import type { RoamingServer } from '../../src/testing'
import { callsOf, providerFor, settled, setup } from '../kit'

const STAR = 2
const single = (conversationId: string) => ({ conversationId, chatType: 'singleChat' as const })
const ids = (list: ReturnType<typeof useConversationList>) => list.conversations.map((c) => c.conversationId)

/** Conversations from `peers`, the first one the most recent; those in `starred` carry the star on the server. */
async function seed(server: RoamingServer, peers: string[], starred: string[]) {
  for (const peer of [...peers].reverse()) server.sendMessage({ from: peer, to: 'alice', text: `hi from ${peer}` })
  const admin = server.connect('alice')
  for (const peer of starred) await admin.addConversationMark({ conversations: [{ conversationId: peer, conversationType: 'singleChat' }], mark: STAR })
}

/** The starred list (page size 2), the whole list, and the changes. */
function useStarred() {
  return {
    starred: useConversationList({ mark: STAR, pageSize: 2 }),
    all: useConversationList(),
    marking: useMarkConversation(),
    pin: usePinConversation(),
    del: useDeleteConversation(),
  }
}

describe('useConversationList({ mark })', () => {
  it('lists only the conversations carrying the mark, a page at a time, pinned ones first', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], ['p2', 'p3', 'p5', 'p6'])
    await server.connect('alice').pinConversation({ conversationId: 'p6', conversationType: 'singleChat', isPinned: true })
    const { result } = renderHook(() => useConversationList({ mark: STAR, pageSize: 2 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(ids(result.current)).toEqual(['p6', 'p2', 'p3'])
    expect(result.current.hasNextPage).toBe(true)
    act(() => result.current.fetchNextPage())
    await settled(queryClient)
    expect(ids(result.current)).toEqual(['p6', 'p2', 'p3', 'p5'])
    expect(result.current.hasNextPage).toBe(false)
    expect(server.requests.filter((r) => r.method === 'getServerConversationsByFilter').map((r) => r.params))
      .toEqual([{ pageSize: 2, cursor: '', filter: { mark: STAR } }, { pageSize: 2, cursor: expect.any(String), filter: { mark: STAR } }])
    expect(callsOf(server, 'getServerConversations')).toBe(0)
  })

  it('a mark given here joins at once and its removal leaves at once; another device\'s show from its event', async () => {
    const { server, wrapper, queryClient } = setup({ latency: 150 })
    await seed(server, ['p1', 'p2', 'p3'], ['p2'])
    const phone = server.connect('alice')
    const here = renderHook(useStarred, { wrapper })
    const there = renderHook(useStarred, { wrapper: providerFor(phone) })
    await waitFor(() => expect(ids(here.result.current.starred)).toEqual(['p2']))
    await waitFor(() => expect(ids(there.result.current.starred)).toEqual(['p2']))
    await settled(queryClient)
    act(() => here.result.current.marking.mark({ ...single('p1'), mark: STAR, marked: true }))
    // In its place by last message, while the request is out.
    await waitFor(() => expect(ids(here.result.current.starred)).toEqual(['p1', 'p2']))
    expect(here.result.current.marking.status).toBe('pending')
    await waitFor(() => expect(ids(there.result.current.starred)).toEqual(['p1', 'p2']))
    act(() => here.result.current.marking.mark({ ...single('p2'), mark: STAR, marked: false }))
    await waitFor(() => expect(ids(here.result.current.starred)).toEqual(['p1']))
    await waitFor(() => expect(ids(there.result.current.starred)).toEqual(['p1']))
    await settled(queryClient)
    expect(ids(here.result.current.starred)).toEqual(['p1'])
    expect(ids(here.result.current.all)).toEqual(['p1', 'p2', 'p3'])
  })

  it('a message moves a starred conversation to the top, even one on a page not loaded; an unstarred one stays out', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2', 'p3', 'p4', 'p5'], ['p1', 'p2', 'p5'])
    const { result } = renderHook(useStarred, { wrapper })
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p1', 'p2']))
    await settled(queryClient)
    expect(result.current.starred.hasNextPage).toBe(true)
    act(() => { server.sendMessage({ from: 'p4', to: 'alice', text: 'not starred' }) })
    await waitFor(() => expect(ids(result.current.all)[0]).toBe('p4'))
    act(() => { server.sendMessage({ from: 'p5', to: 'alice', text: 'starred, on page 2' }) })
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p5', 'p1', 'p2']))
    await settled(queryClient)
    expect(ids(result.current.starred)).toEqual(['p5', 'p1', 'p2'])
    expect(result.current.starred.conversations[0]!.lastMessage).toMatchObject({ type: 'txt', text: 'starred, on page 2' })
  })

  it('with no whole list loaded, a message in a starred conversation on a page not loaded brings it to the top', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2', 'p3', 'p4'], ['p1', 'p2', 'p4'])
    const { result } = renderHook(() => useConversationList({ mark: STAR, pageSize: 2 }), { wrapper })
    await waitFor(() => expect(ids(result.current)).toEqual(['p1', 'p2']))
    act(() => { server.sendMessage({ from: 'p3', to: 'alice', text: 'not starred' }) })
    act(() => { server.sendMessage({ from: 'p4', to: 'alice', text: 'starred' }) })
    await waitFor(() => expect(ids(result.current)).toEqual(['p4', 'p1', 'p2']))
    await settled(queryClient)
    expect(ids(result.current)).toEqual(['p4', 'p1', 'p2'])
  })

  it('a star given to a conversation older than the loaded pages shows when its page loads, not at the bottom before', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2', 'p3', 'p4', 'p5'], ['p1', 'p2', 'p3'])
    const { result } = renderHook(useStarred, { wrapper })
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p1', 'p2']))
    await waitFor(() => expect(ids(result.current.all)).toHaveLength(5))
    await act(() => result.current.marking.markAsync({ ...single('p5'), mark: STAR, marked: true }))
    await settled(queryClient)
    expect(ids(result.current.starred)).toEqual(['p1', 'p2'])
    act(() => result.current.starred.fetchNextPage())
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p1', 'p2', 'p3', 'p5']))
  })

  it('a list read answered before the server had this device\'s star does not hide it', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2'], ['p2'])
    const shown: string[] = []
    const { result } = renderHook(() => {
      const s = useStarred()
      shown.push(ids(s.starred).join())
      return s
    }, { wrapper })
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p2']))
    await settled(queryClient)
    // The mark's request takes its time on the way; the read sent after it overtakes it.
    server.configure({ uplinkLatency: 200 })
    act(() => result.current.marking.mark({ ...single('p1'), mark: STAR, marked: true }))
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 10)) })
    server.configure({ uplinkLatency: 0 })
    await act(() => result.current.starred.refetch())
    await settled(queryClient)
    const methods = server.requests.map((r) => r.method)
    expect(methods.lastIndexOf('getServerConversationsByFilter')).toBeLessThan(methods.lastIndexOf('addConversationMark'))
    expect(ids(result.current.starred)).toEqual(['p1', 'p2'])
    const from = shown.indexOf('p1,p2')
    expect(from).toBeGreaterThan(0)
    expect(shown.slice(from).every((s) => s === 'p1,p2')).toBe(true)
  })

  it('a deleted conversation leaves it; a pin moves it first', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2', 'p3'], ['p1', 'p2', 'p3'])
    const { result } = renderHook(() => { const s = useStarred(); return { ...s, starred: useConversationList({ mark: STAR }) } }, { wrapper })
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p1', 'p2', 'p3']))
    act(() => result.current.pin.pin({ ...single('p3'), isPinned: true }))
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p3', 'p1', 'p2']))
    act(() => result.current.del.deleteConversation({ ...single('p1'), deleteRoam: false }))
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p3', 'p2']))
    await settled(queryClient)
    expect(ids(result.current.starred)).toEqual(['p3', 'p2'])
  })

  it('a star list read without a conversation this device is deleting does not keep a refused deletion from putting it back', async () => {
    const { server, wrapper, queryClient } = setup()
    await seed(server, ['p1', 'p2'], ['p2'])
    const { result } = renderHook(useStarred, { wrapper })
    await waitFor(() => expect(ids(result.current.starred)).toEqual(['p2']))
    await waitFor(() => expect(ids(result.current.all)).toEqual(['p1', 'p2']))
    await settled(queryClient)
    // The deletion is refused, the refusal slow to come back; the star list is read meanwhile (it never had p1).
    server.configure({ failureRate: 1, latency: 200 })
    act(() => result.current.del.deleteConversation({ ...single('p1'), deleteRoam: false }))
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 20)) })
    server.configure({ failureRate: 0, latency: 0 })
    expect(ids(result.current.all)).toEqual(['p2'])
    await act(() => result.current.starred.refetch())
    await settled(queryClient)
    expect(ids(result.current.all)).toEqual(['p1', 'p2'])
    expect(ids(result.current.starred)).toEqual(['p2'])
  })

  it('refuses a mark outside [0, 19] or a page size outside [1, 10], naming the argument', () => {
    const { wrapper } = setup()
    for (const [options, argument, allowed] of [
      [{ mark: 20 }, 'mark', 'an integer in [0, 19]'],
      [{ mark: 1.5 }, 'mark', 'an integer in [0, 19]'],
      [{ mark: 3, pageSize: 11 }, 'pageSize', 'an integer in [1, 10]'],
    ] as const) {
      let error: unknown
      renderHook(() => { try { useConversationList(options) } catch (e) { error = e } }, { wrapper })
      expect(error).toBeInstanceOf(RoamingArgumentError)
      expect(error).toMatchObject({ argument, allowed })
    }
  })
})
