/**
 * expirePins: a pin state this session decided wins over list pages read before it, and gives way once every
 * loaded list was read in full after it. A next page does not count: the pages before it stay as they were read.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useConversationList } from '../../src/hooks/useConversationList'
import { setup } from '../kit'

/** Lets `ms` pass inside act: the answers landing meanwhile update the hook, as a user's clock would. */
const pass = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

describe('expirePins', () => {
  it('an unpin heard from another device survives a stale list read and the next page after it (a next page leaves the stale pages as they were)', async () => {
    const { server, wrapper } = setup({ seed: 5 })
    server.generate({ user: 'alice', conversations: 9, groupShare: 0, unreadShare: 0 })
    const phone = server.connect('alice', { resource: 'phone' })
    const first = (await phone.getServerConversations({ pageSize: 1 })).data.conversations[0]!.conversationId
    await phone.pinConversation({ conversationId: first, conversationType: 'singleChat', isPinned: true })
    const { result } = renderHook(() => ({ list: useConversationList({ pageSize: 3 }) }), { wrapper })
    await waitFor(() => expect(result.current.list.status).toBe('success'))
    const shown = () => result.current.list.conversations.find((c) => c.conversationId === first)
    expect(shown()).toMatchObject({ isPinned: true })

    // The server reads the main list now (still pinned there) and answers late; the phone unpins meanwhile, and
    // its event reaches this device before that answer.
    server.configure({ latency: 300 })
    act(() => result.current.list.refetch())
    server.configure({ latency: 0 })
    await act(() => phone.pinConversation({ conversationId: first, conversationType: 'singleChat', isPinned: false }))
    await waitFor(() => expect(shown()).toMatchObject({ isPinned: false }))
    // The late answer lands with the stale pin; the decision heard from the phone still shows.
    await pass(400)
    expect(shown()).toMatchObject({ isPinned: false })
    // The pinned list is read again (a message lists a new conversation), then the main list's next page.
    const pinnedReads = () => server.requests.filter((r) => r.method === 'getServerPinnedConversations' && r.resource !== 'phone').length
    const before = pinnedReads()
    act(() => { server.sendMessage({ from: 'newcomer', to: 'alice', text: 'hi' }) })
    await waitFor(() => expect(pinnedReads()).toBe(before + 1))
    const pages = server.requests.filter((r) => r.method === 'getServerConversations').length
    await act(async () => { result.current.list.fetchNextPage() })
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'getServerConversations').length).toBe(pages + 1))
    await pass(50)
    // The first page is still the stale one: the decision must still win over it.
    expect(shown()).toMatchObject({ isPinned: false })
    // A full read of the main list replaces the stale page: the server's state, which agrees.
    act(() => result.current.list.refetch())
    await pass(50)
    expect(shown()).toMatchObject({ isPinned: false })
  })
})
