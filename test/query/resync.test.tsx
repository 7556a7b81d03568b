/**
 * A dropped connection (the laptop sleeps, the network goes): what the user did on another device meanwhile is
 * not pushed again, so when the SDK reconnects the kit reads every loaded list and view again, and the laptop ends
 * in the server's state: removed messages gone, a deleted conversation gone, pins as the phone left them, the
 * messages that arrived meanwhile shown once.
 */
import { act, render, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useHistoryMessages } from '../../src/hooks/useHistoryMessages'
import { usePinConversation } from '../../src/hooks/usePinConversation'
import { callsOf, serverHistoryIds, settled, setup } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }
const single = (conversationId: string) => ({ conversationId, chatType: 'singleChat' as const })

function useLaptop() {
  return { list: useConversationList({ pageSize: 20 }), thread: useHistoryMessages({ ...bob, pageSize: 20 }), pin: usePinConversation() }
}

async function world() {
  const ctx = setup({ seed: 5 })
  ctx.server.generate({ user: 'alice', conversations: 6, groupShare: 0, unreadShare: 0, bigConversation: { with: 'bob', messages: 60 } })
  const hook = renderHook(() => useLaptop(), { wrapper: ctx.wrapper })
  await waitFor(() => expect(hook.result.current.list.status === 'success' && hook.result.current.thread.status === 'success').toBe(true))
  const phone = ctx.server.connect('alice', { resource: 'phone' })
  return { ...ctx, ...hook, phone }
}

type Thread = ReturnType<typeof useHistoryMessages>

/** Alice's thread with bob, `messages` long, in pages of 20: `Thread` mounts it, `thread()` is its last render. */
function bigThread(messages: number) {
  const ctx = setup({ seed: 5 })
  ctx.server.generate({ user: 'alice', conversations: 3, groupShare: 0, unreadShare: 0, bigConversation: { with: 'bob', messages } })
  let last: Thread | undefined
  function Thread({ anchorId }: { anchorId?: string }) { last = useHistoryMessages({ ...bob, pageSize: 20, anchorId: anchorId ?? null }); return null }
  return { ...ctx, Thread, thread: () => last! }
}
type BigThread = ReturnType<typeof bigThread>

/** Once the view loaded, `n` more pages, each landed before the next. */
async function page(ctx: BigThread, way: 'fetchOlder' | 'fetchNewer', n: number): Promise<void> {
  await waitFor(() => expect(ctx.thread()?.status).toBe('success'))
  for (let i = 0; i < n; i++) {
    await act(() => ctx.thread()[way]())
    await settled(ctx.queryClient)
  }
}

/** Tells the view it renders 10 rows from its `at`-th message: the first row's index and message id. */
function showRows(ctx: BigThread, at: number): { start: number; top: string } {
  const start = ctx.thread().firstItemIndex + at
  act(() => ctx.thread().setViewRange({ startIndex: start, endIndex: start + 9 }))
  return { start, top: ctx.thread().messages[at]!.id }
}

/** The connection drops and comes back; resolves once the reads settled. */
async function reconnect(ctx: BigThread): Promise<void> {
  ctx.server.dropConnection(ctx.device)
  act(() => ctx.server.restoreConnection(ctx.device))
  await settled(ctx.queryClient)
}

const ids = (thread: Thread) => thread.messages.map((m) => m.id)
/** The react-virtuoso index of a message (its firstItemIndex-based row). */
const indexOf = (thread: Thread, id: string) => thread.firstItemIndex + thread.messages.findIndex((m) => m.id === id)

const peers = (list: { conversationId: string }[]) => list.map((c) => c.conversationId)

describe('resync after a dropped connection', () => {
  it('ends in the server state: another device\'s removals, deletion and pins, and the messages of the time away, once each', async () => {
    const { server, device, phone, result } = await world()
    const others = peers(result.current.list.conversations).filter((p) => p !== 'bob')
    const [carol, dave, erin] = others as [string, string, string]
    // Pinned on the laptop before it goes away, unpinned on the phone while it is away.
    await act(async () => { await result.current.pin.pinAsync({ ...single(carol), isPinned: true }) })
    expect(result.current.list.conversations[0]).toMatchObject({ conversationId: carol, isPinned: true })
    const shown = result.current.thread.messages.map((m) => m.id)

    server.dropConnection(device)
    const gone = shown.slice(-2)
    await phone.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: gone })
    await phone.deleteConversation({ channel: dave, chatType: 'singleChat', deleteRoam: true })
    await phone.pinConversation({ conversationId: carol, conversationType: 'singleChat', isPinned: false })
    await phone.pinConversation({ conversationId: erin, conversationType: 'singleChat', isPinned: true })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'while away' })
    await new Promise((r) => setTimeout(r, 20))
    // Nothing reached the laptop: it still shows what it had.
    expect(result.current.thread.messages.map((m) => m.id)).toEqual(shown)
    expect(peers(result.current.list.conversations)).toContain(dave)
    expect(result.current.list.conversations[0]).toMatchObject({ conversationId: carol, isPinned: true })

    server.clearRequests()
    act(() => server.restoreConnection(device))
    const expected = (await serverHistoryIds(phone, 'bob')).slice(-20)
    await waitFor(() => expect(result.current.thread.messages.map((m) => m.id)).toEqual(expected))
    await waitFor(() => expect(result.current.list.conversations[0]).toMatchObject({ conversationId: erin, isPinned: true }))
    const list = result.current.list.conversations
    expect(peers(list)).not.toContain(dave)
    expect(list.find((c) => c.conversationId === carol)).toMatchObject({ isPinned: false })
    expect(list.filter((c) => c.isPinned).map((c) => c.conversationId)).toEqual([erin])
    expect(list.find((c) => c.conversationId === 'bob')!.lastMessage).toMatchObject({ type: 'txt', text: 'while away' })
    const thread = result.current.thread.messages
    expect(thread.filter((m) => gone.includes(m.id))).toEqual([])
    expect(thread.filter((m) => m.type === 'txt' && m.text === 'while away')).toHaveLength(1)
    expect(new Set(thread.map((m) => m.id)).size).toBe(thread.length)
    // Each list and the open view (one page) read twice: the message of the time away came during the first
    // reads, which cannot be ordered against it, so they were made again after it.
    await new Promise((r) => setTimeout(r, 20))
    const laptop = server.requests.filter((r) => r.resource === device.clientResource).map((r) => r.method).sort()
    expect(laptop).toEqual(['getHistoryMessages', 'getHistoryMessages', 'getServerConversations', 'getServerConversations',
      'getServerPinnedConversations', 'getServerPinnedConversations'])
  })

  it('unmounted while its reads are out, it leaves no handler on the connection', async () => {
    const { server, device, unmount } = await world()
    server.configure({ latency: 100 })
    server.dropConnection(device)
    act(() => server.restoreConnection(device))
    server.sendMessage({ from: 'bob', to: 'alice', text: 'meanwhile' })
    await new Promise((r) => setTimeout(r, 20))
    // The resync's reads are out.
    expect(server.pending()).toBeGreaterThan(0)
    unmount()
    expect(Object.keys(device.eventHandler.handlerData)).toEqual([])
  })

  it('a thread nothing shows keeps its newest page over a reconnection: reopened, it costs one request, not one per page, and pages back without a gap', async () => {
    const ctx = bigThread(300)
    // The provider stays mounted (it hears the reconnection); the thread is shown, hidden, shown again.
    const App = ({ on }: { on: boolean }) => (on ? <ctx.Thread /> : null)
    const view = render(<App on />, { wrapper: ctx.wrapper })
    await page(ctx, 'fetchOlder', 6)
    expect(ctx.thread().messages).toHaveLength(140)
    view.rerender(<App on={false} />)
    await reconnect(ctx)
    const all = await serverHistoryIds(ctx.device, 'bob')
    ctx.server.clearRequests()

    view.rerender(<App on />)
    await waitFor(() => expect(ids(ctx.thread())).toEqual(all.slice(-20)))
    await settled(ctx.queryClient)
    expect(callsOf(ctx.server, 'getHistoryMessages')).toBe(1)
    await page(ctx, 'fetchOlder', 2)
    expect(ids(ctx.thread())).toEqual(all.slice(-60))
  })

  it('a thread shown at its newest rows reads again only them and a page above over a reconnection, not the 31 pages it loaded, and stays where it was', async () => {
    const ctx = bigThread(700)
    render(<ctx.Thread />, { wrapper: ctx.wrapper })
    await page(ctx, 'fetchOlder', 30)
    expect(ctx.thread().messages).toHaveLength(620)
    // Scrolled back and down again: the rendered rows are the newest 10, as react-virtuoso's rangeChanged says.
    const { start, top } = showRows(ctx, 610)
    const all = await serverHistoryIds(ctx.device, 'bob')
    ctx.server.clearRequests()
    await reconnect(ctx)
    await waitFor(() => expect(ids(ctx.thread())).toEqual(all.slice(-40)))
    // 2 requests, not 31.
    expect(callsOf(ctx.server, 'getHistoryMessages')).toBe(2)
    // The top row kept its index: react-virtuoso reads the raised firstItemIndex as rows gone above the view.
    expect(indexOf(ctx.thread(), top)).toBe(start)
    expect(ctx.thread().isLatest).toBe(true)
    await page(ctx, 'fetchOlder', 2)
    expect(ids(ctx.thread())).toEqual(all.slice(-80))
  })

  it('a thread that never told its rendered rows reads every page again: what it shows is not known', async () => {
    const ctx = bigThread(300)
    render(<ctx.Thread />, { wrapper: ctx.wrapper })
    await page(ctx, 'fetchOlder', 6)
    const all = await serverHistoryIds(ctx.device, 'bob')
    ctx.server.clearRequests()
    await reconnect(ctx)
    expect(callsOf(ctx.server, 'getHistoryMessages')).toBe(7)
    expect(ids(ctx.thread())).toEqual(all.slice(-140))
  })

  it('a jumped thread scrolled down reads again from a page above its rows to a page below them, and pages on without a gap', async () => {
    const ctx = bigThread(300)
    const all = await serverHistoryIds(ctx.device, 'bob')
    render(<ctx.Thread anchorId={all[60]!} />, { wrapper: ctx.wrapper })
    await page(ctx, 'fetchNewer', 6)
    expect(ctx.thread().messages.length).toBeGreaterThan(120)
    expect(ctx.thread().isLatest).toBe(false)
    // The rendered rows: 10 from the 60th loaded message on.
    const { start, top } = showRows(ctx, 60)
    ctx.server.clearRequests()
    await reconnect(ctx)
    expect(callsOf(ctx.server, 'getHistoryMessages')).toBe(3)
    // One run of the server's history, with a page of rows above the top rendered one.
    const shown = ids(ctx.thread())
    const from = all.indexOf(shown[0]!)
    expect(shown).toEqual(all.slice(from, from + shown.length))
    expect(shown.indexOf(top)).toBeGreaterThanOrEqual(20)
    expect(indexOf(ctx.thread(), top)).toBe(start)
    expect(ctx.thread().hasNewer).toBe(true)
    await page(ctx, 'fetchNewer', 1)
    expect(ids(ctx.thread())).toEqual(all.slice(from, from + ctx.thread().messages.length))
  })

  it('a conversation list reads again only down to a page below its rendered rows; unshown, its first page; untold, every page', async () => {
    const ctx = setup({ seed: 5 })
    ctx.server.generate({ user: 'alice', conversations: 95, groupShare: 0 })
    let list: ReturnType<typeof useConversationList> | undefined
    function List() { list = useConversationList({ pageSize: 20 }); return null }
    const view = render(<List />, { wrapper: ctx.wrapper })
    await waitFor(() => expect(list!.status).toBe('success'))
    while (list!.hasNextPage) {
      act(() => list!.fetchNextPage())
      await settled(ctx.queryClient)
    }
    expect(list!.conversations).toHaveLength(95)
    const reads = async (): Promise<number> => {
      const before = callsOf(ctx.server, 'getServerConversations')
      await reconnect({ ...ctx, thread: () => undefined as never, Thread: () => null })
      return callsOf(ctx.server, 'getServerConversations') - before
    }
    // Not told which rows it renders: all 5 pages.
    expect(await reads()).toBe(5)
    // At the top (rows 0–9): the first page and the one below it; the rows stay, those further down come back on demand.
    const first = list!.firstItemIndex
    act(() => list!.setViewRange({ startIndex: first, endIndex: first + 9 }))
    const top = peers(list!.conversations).slice(0, 10)
    expect(await reads()).toBe(2)
    expect(peers(list!.conversations).slice(0, 10)).toEqual(top)
    expect(list!.conversations).toHaveLength(40)
    expect(list!.hasNextPage).toBe(true)
    // Not shown: its first page, read when it shows again.
    view.rerender(<></>)
    expect(await reads()).toBe(0)
    const before = callsOf(ctx.server, 'getServerConversations')
    view.rerender(<List />)
    await settled(ctx.queryClient)
    expect(callsOf(ctx.server, 'getServerConversations') - before).toBe(1)
    expect(list!.conversations).toHaveLength(20)
  })

  it('a login after the list failed for want of one reads it, once', async () => {
    const { server, device, wrapper } = setup({ seed: 5 })
    server.generate({ user: 'alice', conversations: 3, groupShare: 0 })
    device.close()
    const { result } = renderHook(() => useConversationList({ pageSize: 20 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('error'))
    server.clearRequests()
    await act(async () => { await device.open({ user: 'alice', accessToken: 't' }) })
    await waitFor(() => expect(result.current.conversations).toHaveLength(3))
    await new Promise((r) => setTimeout(r, 20))
    expect(server.requests.map((r) => r.method).sort()).toEqual(['getServerConversations', 'getServerPinnedConversations'])
  })
})
