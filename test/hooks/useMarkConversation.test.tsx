import { act, renderHook, waitFor } from '@testing-library/react'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useMarkConversation } from '../../src/hooks/useMarkConversation'
import { providerFor, settled, setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }

function useMarks() {
  return { list: useConversationList(), marking: useMarkConversation() }
}
const marksOf = (list: ReturnType<typeof useConversationList>, id = 'bob') => list.conversations.find((c) => c.conversationId === id)?.marks

describe('useMarkConversation', () => {
  it('shows a mark in the list at once, the server has it, and the user\'s other device shows it from the SDK\'s event; so does its removal', async () => {
    const { server, wrapper, queryClient } = setup({ latency: 50 })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    server.sendMessage({ from: 'carol', to: 'alice', text: 'hello' })
    const phone = server.connect('alice')
    const here = renderHook(useMarks, { wrapper })
    const there = renderHook(useMarks, { wrapper: providerFor(phone) })
    await waitFor(() => expect(marksOf(here.result.current.list)).toEqual([]))
    await waitFor(() => expect(marksOf(there.result.current.list)).toEqual([]))
    const reads = server.requests.filter((r) => r.method === 'getServerConversations').length
    act(() => here.result.current.marking.mark({ ...bob, mark: 3, marked: true }))
    // Shown while the request is out (50 ms each way).
    await waitFor(() => expect(marksOf(here.result.current.list)).toEqual([3]))
    expect(here.result.current.marking.status).toBe('pending')
    await waitFor(() => expect(marksOf(there.result.current.list)).toEqual([3]))
    await settled(queryClient)
    expect(marksOf(here.result.current.list, 'carol')).toEqual([])
    // The event is shown, then checked: the phone read its list once; this device did not.
    expect(server.requests.filter((r) => r.method === 'getServerConversations').slice(reads).map((r) => r.resource)).toEqual([phone.clientResource])
    const onServer = await server.connect('alice').getServerConversations({ pageSize: 20 })
    expect(onServer.data.conversations.find((c) => c.conversationId === 'bob')?.marks).toEqual([3])
    await act(() => there.result.current.marking.markAsync({ ...bob, mark: 3, marked: false }))
    await waitFor(() => expect(marksOf(here.result.current.list)).toEqual([]))
    expect(marksOf(there.result.current.list)).toEqual([])
  })

  it('refused: rejects, and the list shows the server\'s marks again', async () => {
    const { server, wrapper, queryClient } = setup({ latency: 30 })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    const { result } = renderHook(useMarks, { wrapper })
    await waitFor(() => expect(marksOf(result.current.list)).toEqual([]))
    server.configure({ failureRate: 1, failure: 'busy' })
    let outcome: unknown
    act(() => { void result.current.marking.markAsync({ ...bob, mark: 5, marked: true }).catch((e: unknown) => { outcome = e }) })
    await waitFor(() => expect(marksOf(result.current.list)).toEqual([5]))
    await waitFor(() => expect(outcome).toBeInstanceOf(Error))
    server.configure({ failureRate: 0 })
    await waitFor(() => expect(marksOf(result.current.list)).toEqual([]))
    await settled(queryClient)
    expect(marksOf(result.current.list)).toEqual([])
  })

  it('a list read answered before the server had the mark does not hide it, meanwhile or after', async () => {
    const { server, wrapper, queryClient } = setup()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    const shown: string[] = []
    const { result } = renderHook(() => {
      const marks = useMarks()
      shown.push(JSON.stringify(marksOf(marks.list)))
      return marks
    }, { wrapper })
    await waitFor(() => expect(marksOf(result.current.list)).toEqual([]))
    // The mark's request takes its time on the way; the list read sent after it overtakes it.
    server.configure({ uplinkLatency: 200 })
    act(() => result.current.marking.mark({ ...bob, mark: 1, marked: true }))
    // Shown, and its request on the way (slowly), before the read goes.
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 10)) })
    expect(marksOf(result.current.list)).toEqual([1])
    server.configure({ uplinkLatency: 0 })
    await act(() => result.current.list.refetch())
    await settled(queryClient)
    // The read reached the server first; mended with the change still out, it needs no read again.
    expect(server.requests.map((r) => r.method).filter((m) => m !== 'getServerPinnedConversations').slice(-2))
      .toEqual(['getServerConversations', 'addConversationMark'])
    expect(marksOf(result.current.list)).toEqual([1])
    // Once shown, the mark never went away (the read that missed it was mended with the change still out).
    const from = shown.indexOf('[1]')
    expect(shown.slice(from).filter((s) => s !== '[1]')).toEqual([])
  })

  it('a star toggled twice at once, the second change reaching the server first, ends as the server has it', async () => {
    const { server, wrapper, queryClient } = setup()
    server.sendMessage({ from: 'bob', to: 'alice', text: 'hi' })
    const { result } = renderHook(useMarks, { wrapper })
    await waitFor(() => expect(marksOf(result.current.list)).toEqual([]))
    server.configure({ uplinkLatency: 200 })
    act(() => result.current.marking.mark({ ...bob, mark: 0, marked: true }))
    // The first request is on its way (slowly) before the second goes.
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 10)) })
    server.configure({ uplinkLatency: 0 })
    act(() => result.current.marking.mark({ ...bob, mark: 0, marked: false }))
    await settled(queryClient)
    expect(server.requests.map((r) => r.method).filter((m) => /Mark/.test(m))).toEqual(['removeConversationMark', 'addConversationMark'])
    // The server's last word is the first change: the star shows.
    expect(marksOf(result.current.list)).toEqual([0])
  })

  it('refuses a mark outside [0, 19] with an error naming the hook, before any request', async () => {
    const { server, wrapper } = setup()
    const { result } = renderHook(useMarks, { wrapper })
    await waitFor(() => expect(result.current.list.status).toBe('success'))
    server.clearRequests()
    let outcome: unknown
    await act(() => result.current.marking.markAsync({ ...bob, mark: 20, marked: true }).catch((e: unknown) => { outcome = e }))
    expect(outcome).toEqual(new RoamingArgumentError('useMarkConversation', 'mark', 20, 'an integer in [0, 19]'))
    expect(server.requests.filter((r) => /Mark/.test(r.method))).toEqual([])
  })
})
