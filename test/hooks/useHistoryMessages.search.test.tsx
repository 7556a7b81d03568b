import { act, renderHook, waitFor } from '@testing-library/react'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { useRemoveHistoryMessages } from '../../src/hooks/useRemoveHistoryMessages'
import { settled, setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }
const images = { msgTypes: ['img' as const] }

/** 30 messages with bob, every third an image (10): ids of both, oldest first. */
function mixedHistory(server: ReturnType<typeof setup>['server']) {
  const all = Array.from({ length: 30 }, (_, i) => (i % 3 === 0
    ? server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: `https://img.example.com/${i}.png` })
    : server.sendMessage({ from: i % 2 ? 'alice' : 'bob', to: i % 2 ? 'bob' : 'alice', text: `text ${i}` })))
  return { all: all.map((m) => m.id), images: all.filter((m) => m.type === 'img').map((m) => m.id) }
}

describe('useHistoryMessages with a search', () => {
  it('pages only what the server finds; a live message joins it only when it matches, while the whole history takes every one', async () => {
    const { server, wrapper } = setup()
    const ids = mixedHistory(server)
    server.clearRequests()
    const { result } = renderHook(() => ({
      // A new search object every render: the view is keyed by its content.
      gallery: useHistoryMessages({ ...bob, pageSize: 4, search: { msgTypes: ['img'] } }),
      whole: useHistoryMessages({ ...bob, pageSize: 50 }),
    }), { wrapper })
    await waitFor(() => expect(result.current.gallery.messages.map((m) => m.id)).toEqual(ids.images.slice(-4)))
    for (const n of [8, 10]) {
      act(() => result.current.gallery.fetchOlder())
      await waitFor(() => expect(result.current.gallery.messages).toHaveLength(n))
    }
    expect(result.current.gallery.messages.map((m) => m.id)).toEqual(ids.images)
    expect(result.current.gallery.hasOlder).toBe(false)
    expect(result.current.whole.messages.map((m) => m.id)).toEqual(ids.all)
    const asked = server.requests.filter((r) => r.method === 'getHistoryMessages').map((r) => (r.params as { searchOptions?: unknown }).searchOptions)
    expect(asked.filter((s) => s !== undefined)).toEqual([images, images, images])
    const text = server.sendMessage({ from: 'bob', to: 'alice', text: 'not an image' })
    await waitFor(() => expect(result.current.whole.messages.at(-1)!.id).toBe(text.id))
    expect(result.current.gallery.messages.map((m) => m.id)).toEqual(ids.images)
    const picture = server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://img.example.com/new.png' })
    await waitFor(() => expect(result.current.gallery.messages.at(-1)!.id).toBe(picture.id))
    expect(result.current.whole.messages.at(-1)!.id).toBe(picture.id)
    expect(result.current.gallery.messages).toHaveLength(11)
  })

  it('a live message that does not match stays out of a page that was loading when it came', async () => {
    const { server, wrapper } = setup({ latency: 60 })
    const ids = mixedHistory(server)
    const { result } = renderHook(() => useHistoryMessages({ ...bob, pageSize: 4, search: images }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    act(() => result.current.fetchOlder())
    await waitFor(() => expect(result.current.isFetchingOlder).toBe(true))
    server.sendMessage({ from: 'bob', to: 'alice', text: 'while paging' })
    const picture = server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://img.example.com/new.png' })
    await waitFor(() => expect(result.current.isFetchingOlder).toBe(false))
    await waitFor(() => expect(result.current.messages).toHaveLength(9))
    expect(result.current.messages.map((m) => m.id)).toEqual([...ids.images.slice(-8), picture.id])
  })

  it('the list\'s preview after a removal is the conversation\'s newest message, not the newest a search found', async () => {
    const { server, wrapper, queryClient } = setup()
    const picture = server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://img.example.com/1.png' })
    const older = server.sendMessage({ from: 'bob', to: 'alice', text: 'older text' })
    const newest = server.sendMessage({ from: 'bob', to: 'alice', text: 'newest text' })
    // Pushed before the provider listens: known from the server's pages only, not from the live log.
    await new Promise((resolve) => setTimeout(resolve, 0))
    const previews: Array<string | undefined> = []
    const { result } = renderHook(() => {
      const list = useConversationList()
      previews.push(list.conversations[0]?.lastMessage?.id)
      return { list, gallery: useHistoryMessages({ ...bob, search: images }), removal: useRemoveHistoryMessages() }
    }, { wrapper })
    await waitFor(() => expect(result.current.gallery.messages.map((m) => m.id)).toEqual([picture.id]))
    await waitFor(() => expect(result.current.list.conversations[0]?.lastMessage?.id).toBe(newest.id))
    act(() => result.current.removal.remove({ ...bob, messageIds: [newest.id] }))
    await settled(queryClient)
    expect(result.current.list.conversations[0]?.lastMessage?.id).toBe(older.id)
    // Not even for a render: the preview went from the removed message straight to the one before it.
    expect([...new Set(previews.filter(Boolean))]).toEqual([newest.id, older.id])
    expect(result.current.gallery.messages.map((m) => m.id)).toEqual([picture.id])
  })

  it('refuses a bad search with an error naming the hook and the argument, before any request', () => {
    const { server, wrapper } = setup()
    server.clearRequests()
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const attempt = (search: unknown) => () => renderHook(() => useHistoryMessages({ ...bob, search: search as never }), { wrapper })
    expect(attempt({ from: 'bob' })).toThrow(new RoamingArgumentError('useHistoryMessages', 'search.from', 'bob', 'no sender filter in a single chat (the SDK ignores it there)'))
    expect(attempt({ msgTypes: ['gif'] })).toThrow(/useHistoryMessages: invalid search\.msgTypes\[0\] "gif"/)
    expect(attempt({ startTime: 10, endTime: 5 })).toThrow(/invalid search\.endTime 5; expected an integer in \[10, /)
    spy.mockRestore()
    expect(server.requests).toEqual([])
  })
})
