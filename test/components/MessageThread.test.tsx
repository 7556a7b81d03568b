import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { StrictMode, createRef, useEffect, type ComponentProps } from 'react'
import { ConversationList } from '../../src/components/ConversationList'
import { MessageThread, type MessageThreadHandle } from '../../src/components/MessageThread'
import { zhCN } from '../../src/components/zhCN'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { RoamingTestProvider, createRoamingServer, type RoamingServer, type RoamingTestProviderProps } from '../../src/testing'
import { expectRetryUnavailable } from '../kit'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }
type ThreadProps = ComponentProps<typeof MessageThread>

// jsdom has no layout, so the scroll position cannot persist: a viewport that holds every loaded row keeps the
// rendered rows stable across re-renders.
const TALL = { viewportHeight: 3000, itemHeight: 60 }

function renderThread(server: RoamingServer, props: ThreadProps = bob, provider: Partial<RoamingTestProviderProps> = {}) {
  return render(
    <StrictMode>
      <RoamingTestProvider server={server} virtuoso={TALL} {...provider}><MessageThread estimatedRowHeight={TALL.itemHeight} {...props} /></RoamingTestProvider>
    </StrictMode>,
  )
}

/** A server with alice↔bob history of `messages`. Tests that click rows use one page (20): in jsdom no older page then loads under their feet. */
function bigServer(messages = 200, options: Parameters<typeof createRoamingServer>[0] = {}) {
  const server = createRoamingServer({ seed: 1, ...options })
  server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages } })
  return server
}

const articles = () => screen.getAllByRole('article')
const article = (id: string) => document.querySelector(`article[data-message-id="${id}"]`) as HTMLElement | null
const removeCalls = (server: RoamingServer) =>
  server.requests.filter((r) => r.method === 'removeHistoryMessages').map((r) => r.params as { messageIds?: string[]; beforeTimeStamp?: number })

async function openActions(row: HTMLElement) {
  fireEvent.click(within(row).getByRole('button', { name: /^Actions for message from/ }))
  return screen.findByRole('group', { name: /^Actions for message from/ })
}

describe('MessageThread', () => {
  describe('given messages of every type', () => {
    it('draws bodies per type, links only for http/https/mailto, and own messages apart from others', async () => {
      const server = createRoamingServer({ seed: 1 })
      server.sendMessage({ from: 'bob', to: 'alice', text: 'see https://example.com/a, javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox(1) <img src=x onerror=alert(1)> mailto:bob@example.com' })
      server.sendMessage({ from: 'alice', to: 'bob', text: 'my own words' })
      server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://img.example.com/p.png', width: 640, height: 480 })
      server.sendMessage({ from: 'bob', to: 'alice', type: 'file', url: 'https://files.example.com/1', filename: 'report.pdf', fileSize: 2_400_000 })
      server.sendMessage({ from: 'bob', to: 'alice', type: 'file', url: 'javascript:alert(1)', filename: 'evil.txt', fileSize: 10 })
      server.sendMessage({ from: 'bob', to: 'alice', type: 'custom', customEvent: 'poll', customExts: { q: 1 } })
      server.sendMessage({ from: 'bob', to: 'alice', type: 'loc' })
      renderThread(server, { ...bob, getDisplayName: (id) => (id === 'bob' ? 'Bob Lee' : id) })
      await waitFor(() => expect(articles()).toHaveLength(7))

      const text = articles()[0]!
      expect(text).toHaveClass('rk-message--other')
      expect(within(text).getByText('Bob Lee')).toBeInTheDocument()
      const links = within(text).getAllByRole('link')
      expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a', 'mailto:bob@example.com'])
      for (const a of links) {
        expect(a).toHaveAttribute('target', '_blank')
        expect(a).toHaveAttribute('rel', 'noopener noreferrer')
      }
      expect(text.textContent).toContain('javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox(1) <img src=x onerror=alert(1)>')
      expect(text.querySelector('img, b')).toBeNull()

      const own = articles()[1]!
      expect(own).toHaveClass('rk-message--own')
      expect(own).toHaveAccessibleName(/^You, /)
      expect(within(own).queryByText('alice')).toBeNull()

      const image = within(articles()[2]!).getByRole('img', { name: 'Image' })
      expect(image.parentElement).toHaveStyle({ aspectRatio: '640 / 480', width: '240px' })
      expect(within(articles()[2]!).getByRole('link', { name: 'Open image' })).toHaveAttribute('href', 'https://img.example.com/p.png')
      // After alice's message bob starts a new group (name shown); his next message continues it (no name).
      expect(within(articles()[2]!).getByText('Bob Lee')).toBeInTheDocument()
      expect(within(articles()[3]!).queryByText('Bob Lee')).toBeNull()

      expect(within(articles()[3]!).getByText('report.pdf')).toBeInTheDocument()
      expect(within(articles()[3]!).getByText('2.4 MB')).toBeInTheDocument()
      expect(within(articles()[3]!).getByRole('link', { name: 'Download report.pdf' })).toHaveAttribute('href', 'https://files.example.com/1')
      expect(within(articles()[4]!).getByText('evil.txt')).toBeInTheDocument()
      expect(within(articles()[4]!).queryByRole('link')).toBeNull()
      expect(within(articles()[5]!).getByText('[Custom: poll]')).toBeInTheDocument()
      expect(within(articles()[6]!).getByText('[Location]')).toBeInTheDocument()
    })

    it('puts a date separator before the first message of each day', async () => {
      let now = new Date(2025, 2, 10, 9, 0).getTime()
      const clock = { now: () => now, setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) }
      const server = createRoamingServer({ seed: 1, clock })
      server.sendMessage({ from: 'bob', to: 'alice', text: 'day one a' })
      now += 60_000
      server.sendMessage({ from: 'bob', to: 'alice', text: 'day one b' })
      now = new Date(2025, 2, 11, 9, 0).getTime()
      server.sendMessage({ from: 'bob', to: 'alice', text: 'day two' })
      renderThread(server)
      await waitFor(() => expect(articles()).toHaveLength(3))
      const separators = [...document.querySelectorAll('.rk-date-separator')].map((s) => s.textContent)
      expect(separators).toEqual([
        new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(2025, 2, 10)),
        new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(2025, 2, 11)),
      ])
      const rows = articles().map((a) => a.parentElement!)
      expect(rows.map((r) => !!r.querySelector('.rk-date-separator'))).toEqual([true, false, true])
    })
  })

  describe('given a loaded thread', () => {
    it('shows the loading skeleton as a busy log first, then the latest messages at the bottom', async () => {
      renderThread(bigServer(200, { latency: 50 }))
      expect(screen.getByRole('log', { name: 'Messages with bob' })).toHaveAttribute('aria-busy', 'true')
      expect(screen.getByText('Loading messages…')).toBeInTheDocument()
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      expect(screen.queryByText('Loading messages…')).toBeNull()
    })

    it('deletes one message for me: the row goes in the click\'s own render, long before the server answers, one call with its id', async () => {
      const server = bigServer(20, { latency: 300 })
      renderThread(server)
      await waitFor(() => expect(articles().length).toBeGreaterThan(5), { timeout: 3000 })
      const id = articles().at(-2)!.dataset.messageId!
      const bar = await openActions(article(id)!)
      expect(within(bar).getByRole('button', { name: 'Delete for me' })).toHaveFocus()
      fireEvent.click(within(bar).getByRole('button', { name: 'Delete for me' }))
      // No waiting: with nothing in flight to cancel, the optimistic write lands in the click's task, and React
      // renders it with the click's own update (not one notification timer and one render later).
      expect(article(id)).toBeNull()
      expect(screen.getByText('Deleting…')).toBeInTheDocument()
      expect(screen.getByRole('log')).toHaveFocus()
      await waitFor(() => expect(screen.queryByText('Deleting…')).toBeNull())
      expect(removeCalls(server)).toEqual([expect.objectContaining({ messageIds: [id] })])
      expect(article(id)).toBeNull()
      expect(screen.queryByRole('alert')).toBeNull()
    })

    it('deletes everything before a message after a confirmation; the message stays first', async () => {
      const server = bigServer(20)
      renderThread(server)
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      const row = articles().at(-4)!
      const id = row.dataset.messageId!
      fireEvent.click(within(await openActions(row)).getByRole('button', { name: 'Delete everything before this message' }))
      const dialog = screen.getByRole('alertdialog', { name: 'Delete everything before this message?' })
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
      expect(removeCalls(server)).toEqual([])
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
      await waitFor(() => expect(articles().map((a) => a.dataset.messageId)[0]).toBe(id))
      expect(articles()).toHaveLength(4)
      await waitFor(() => expect(removeCalls(server)).toEqual([expect.objectContaining({ beforeTimeStamp: expect.any(Number) })]))
      expect(screen.getByText('Start of the conversation')).toBeInTheDocument()
    })

    it('cancels "delete everything before" with Escape and gives focus back to the row', async () => {
      const server = bigServer(20)
      renderThread(server)
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      const row = articles().at(-1)!
      fireEvent.click(within(await openActions(row)).getByRole('button', { name: 'Delete everything before this message' }))
      fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' })
      expect(screen.queryByRole('alertdialog')).toBeNull()
      expect(within(row).getByRole('button', { name: /^Actions for message/ })).toHaveFocus()
      expect(removeCalls(server)).toEqual([])
    })

    it('selects 25 messages with a count and deletes them in calls of 20 and 5', async () => {
      const server = bigServer(50)
      renderThread(server, { ...bob, pageSize: 50 })
      await waitFor(() => expect(articles()).toHaveLength(50))
      const ids = articles().slice(-25).map((r) => r.dataset.messageId!)
      const check = (id: string) => within(article(id)!).getByRole('checkbox')
      fireEvent.click(within(await openActions(article(ids[0]!)!)).getByRole('button', { name: 'Select messages' }))
      expect(screen.getByText('1 selected')).toBeInTheDocument()
      expect(check(ids[0]!)).toBeChecked()
      for (const id of ids.slice(1)) fireEvent.click(check(id))
      expect(screen.getByText('25 selected')).toBeInTheDocument()
      fireEvent.click(check(ids[3]!))
      expect(screen.getByText('24 selected')).toBeInTheDocument()
      fireEvent.click(check(ids[3]!))
      server.clearRequests()
      fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }))
      expect(screen.queryByRole('checkbox')).toBeNull()
      await waitFor(() => { for (const id of ids) expect(article(id)).toBeNull() })
      await waitFor(() => expect(removeCalls(server).map((c) => c.messageIds?.length)).toEqual([20, 5]))
      expect(removeCalls(server).flatMap((c) => c.messageIds).sort()).toEqual([...ids].sort())
    })

    it('leaves selection mode with Cancel without deleting', async () => {
      const server = bigServer(20)
      renderThread(server)
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      fireEvent.click(within(await openActions(articles().at(-1)!)).getByRole('button', { name: 'Select messages' }))
      expect(screen.getAllByRole('checkbox').length).toBeGreaterThan(5)
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
      expect(screen.queryByRole('checkbox')).toBeNull()
      expect(removeCalls(server)).toEqual([])
    })

    it('while the connection is down, its deletions stay focusable but send nothing, described by the notice; selecting goes on; back up, they delete', async () => {
      const server = bigServer(20)
      const mine = server.connect('alice')
      renderThread(server, bob, { device: mine })
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      const [first, second] = articles().slice(-2).map((a) => a.dataset.messageId!)
      let bar = await openActions(article(second!)!)
      // Down with "delete everything before" asked: its Delete is unavailable, and the question stays.
      fireEvent.click(within(bar).getByRole('button', { name: 'Delete everything before this message' }))
      act(() => server.dropConnection(mine))
      const confirm = within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' })
      expect(confirm).toHaveAttribute('aria-disabled', 'true')
      expect(confirm).toHaveAccessibleDescription('Connection lost. Reconnecting…')
      fireEvent.click(confirm)
      expect(screen.getByRole('alertdialog')).toBeInTheDocument()
      fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' })
      act(() => server.restoreConnection(mine))
      act(() => server.expireToken(mine))
      bar = await openActions(article(second!)!)
      const deleteOne = within(bar).getByRole('button', { name: 'Delete for me' })
      // Focus still goes to it: a screen reader hears the action and why it is unavailable.
      expect(deleteOne).toHaveFocus()
      for (const name of ['Delete for me', 'Delete everything before this message']) {
        const button = within(bar).getByRole('button', { name })
        expect(button).toHaveAttribute('aria-disabled', 'true')
        expect(button).toHaveAccessibleDescription('Signed out: the session expired.')
        fireEvent.click(button)
      }
      expect(article(second!)).not.toBeNull()
      expect(screen.queryByRole('alertdialog')).toBeNull()
      fireEvent.click(within(bar).getByRole('button', { name: 'Select messages' }))
      fireEvent.click(within(article(first!)!).getByRole('checkbox'))
      expect(screen.getByText('2 selected')).toBeInTheDocument()
      const deleteSelected = screen.getByRole('button', { name: 'Delete selected' })
      expect(deleteSelected).toHaveAttribute('aria-disabled', 'true')
      fireEvent.click(deleteSelected)
      expect(article(first!)).not.toBeNull()
      expect(removeCalls(server)).toEqual([])
      expect(screen.queryByText(/Couldn’t delete/)).toBeNull()
      await act(() => mine.open({ user: 'alice', accessToken: 't' }))
      expect(deleteSelected).not.toHaveAttribute('aria-disabled')
      fireEvent.click(deleteSelected)
      await waitFor(() => expect(removeCalls(server)).toEqual([expect.objectContaining({ messageIds: expect.arrayContaining([first, second]) })]))
      expect(article(first!)).toBeNull()
      expect(article(second!)).toBeNull()
    })

    it('shows which deletion failed in an alert, and the row comes back', async () => {
      const server = bigServer(20, { latency: 30 })
      renderThread(server, { ...bob, getDisplayName: (id) => (id === 'bob' ? 'Bob Lee' : id) })
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      const id = articles().at(-1)!.dataset.messageId!
      server.configure({ failureRate: 1 })
      fireEvent.click(within(await openActions(article(id)!)).getByRole('button', { name: 'Delete for me' }))
      await waitFor(() => expect(article(id)).toBeNull())
      // (Older pages fail too while the server fails everything: their own alert sits in the log's header.)
      const alert = await waitFor(() => screen.getAllByRole('alert').find((a) => a.textContent?.startsWith('Couldn’t delete'))!)
      expect(alert).toHaveTextContent(/^Couldn’t delete 1 message: (Bob Lee|You), \d\d:\d\d [AP]M: .+\. They are back in the conversation\./)
      expect(article(id)).not.toBeNull()
      expect(article(id)).toHaveAttribute('data-rk-state', 'failed')
      expect(within(article(id)!).getByText('Not deleted')).toBeInTheDocument()
      fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }))
      expect(screen.queryByText(/^Couldn’t delete/)).toBeNull()
    })

    it('announces a new message from others in a polite status region, not by re-reading the log', async () => {
      const server = bigServer(20)
      renderThread(server, { ...bob, getDisplayName: (id) => (id === 'bob' ? 'Bob Lee' : id) })
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      expect(screen.getByRole('log')).toHaveAttribute('aria-live', 'off')
      const live = server.sendMessage({ from: 'bob', to: 'alice', text: 'fresh news' })
      await waitFor(() => expect(article(live.id)).not.toBeNull())
      const status = screen.getAllByRole('status').find((s) => s.getAttribute('aria-live') === 'polite')!
      await waitFor(() => expect(status).toHaveTextContent('New message from Bob Lee'))
    })
  })

  describe('jumps', () => {
    it('jumps via the handle to an unloaded message (highlighted), to a loaded one, and back to the latest', async () => {
      const server = bigServer(400)
      const ref = createRef<MessageThreadHandle>()
      renderThread(server, { ...bob, ref })
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      const latest = articles().at(-1)!.dataset.messageId!
      const all: string[] = []
      const probe = server.connect('alice')
      for (let cursor: string | undefined; ;) {
        const page = await probe.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 50, searchDirection: 'down', ...(cursor ? { cursor } : {}) })
        all.push(...page.messages.map((m) => m.id))
        if (page.isLast || !page.cursor) break
        cursor = page.cursor
      }
      const target = all[100]!
      let loaded: boolean | undefined
      act(() => { loaded = ref.current!.jumpTo(target) })
      expect(loaded).toBe(false)
      await waitFor(() => expect(article(target)).toHaveClass('rk-message--highlighted'))
      expect(article(latest)).toBeNull()
      expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument()
      const near = all[102]!
      act(() => { loaded = ref.current!.jumpTo(near) })
      expect(loaded).toBe(true)
      await waitFor(() => expect(article(near)).toHaveClass('rk-message--highlighted'))
      expect(article(target)).not.toHaveClass('rk-message--highlighted')
      act(() => ref.current!.jumpToLatest())
      await waitFor(() => expect(article(latest)).not.toBeNull())
      expect(document.querySelector('.rk-message--highlighted')).toBeNull()
    })

    it('says in Chinese, while the connection is down, that it is reconnecting; a message of that time shows once it is back; after a logout, that it is disconnected; signed out by the server, why', async () => {
      const server = bigServer(20)
      const mine = server.connect('alice')
      renderThread(server, bob, { locale: zhCN, device: mine })
      await waitFor(() => expect(articles().length).toBeGreaterThan(0))
      const notice = document.querySelector('.rk-thread-offline')!
      expect(notice).toBeEmptyDOMElement()
      act(() => server.dropConnection(mine))
      expect(notice).toHaveTextContent('连接已断开，正在重新连接…')
      act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'while away' }) })
      act(() => server.restoreConnection(mine))
      expect(notice).toBeEmptyDOMElement()
      expect(await screen.findByText('while away')).toBeInTheDocument()
      act(() => mine.close())
      expect(notice).toHaveTextContent('连接已断开，显示的内容可能不是最新的。')
      // Signed out by the server: why.
      await act(() => mine.open({ user: 'alice', accessToken: 't' }))
      expect(notice).toBeEmptyDOMElement()
      act(() => server.signOut(mine, 'passwordChanged'))
      expect(notice).toHaveTextContent('密码已更改，已退出登录。')
      await act(() => mine.open({ user: 'alice', accessToken: 't' }))
      act(() => server.signOut(mine, 'userRemoved'))
      expect(notice).toHaveTextContent('账号已被移除，已退出登录。')
    })

    it('opens around anchorId and says so when the message no longer exists for this user', async () => {
      const server = bigServer(100)
      const other = server.connect('alice')
      const page = await other.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 50 })
      const gone = page.messages[30]!.id
      await other.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: [gone] })
      renderThread(server, { ...bob, anchorId: gone })
      expect(await screen.findByText('That message is no longer in this conversation.')).toBeInTheDocument()
      expect(article(gone)).toBeNull()
      expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument()
    })
  })

  describe('unread messages', () => {
    /** Alice read bob's first two messages on another device, then wrote one; bob wrote three more: 3 unread. */
    function unreadServer() {
      const server = createRoamingServer({ seed: 1 })
      const ids = (n: number, from: string, to: string) => Array.from({ length: n }, (_, i) => server.sendMessage({ from, to, text: `${from}${i}` }).id)
      ids(2, 'bob', 'alice')
      void server.connect('alice', { resource: 'phone' }).send({ type: 'channel', to: 'bob', chatType: 'singleChat' })
      ids(1, 'alice', 'bob')
      const unread = ids(3, 'bob', 'alice')
      ids(1, 'alice', 'dave')
      return { server, unread }
    }
    const separator = () => document.querySelector('.rk-unread-separator')
    const openFromList = async (name: string) => fireEvent.click(await screen.findByRole('option', { name: new RegExp(`^${name}`) }))

    it('opened from the list with 3 unread, the thread marks where they start; the mark stays put as messages come', async () => {
      const { server, unread } = unreadServer()
      render(<StrictMode><RoamingTestProvider server={server} virtuoso={TALL}><ConversationList /><MessageThread estimatedRowHeight={TALL.itemHeight} /></RoamingTestProvider></StrictMode>)
      await waitFor(() => expect(screen.getByRole('option', { name: /^bob/ })).toHaveAttribute('data-unread', 'true'))
      await openFromList('bob')
      await waitFor(() => expect(articles()).toHaveLength(6))
      expect(separator()).toHaveTextContent('Unread messages')
      expect(separator()!.nextElementSibling).toBe(article(unread[0]!))
      act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'one more' }) })
      await waitFor(() => expect(articles()).toHaveLength(7))
      expect(document.querySelectorAll('.rk-unread-separator')).toHaveLength(1)
      expect(separator()!.nextElementSibling).toBe(article(unread[0]!))
    })

    it('messages that come between the click and the first page go below the mark, not above it', async () => {
      const { server, unread } = unreadServer()
      render(<StrictMode><RoamingTestProvider server={server} virtuoso={TALL}><ConversationList /><MessageThread estimatedRowHeight={TALL.itemHeight} /></RoamingTestProvider></StrictMode>)
      await waitFor(() => expect(screen.getByRole('option', { name: /^bob/ })).toHaveAttribute('data-unread', 'true'))
      // The history request reaches the server in 100 ms: the two messages sent meanwhile are in its first page.
      server.configure({ uplinkLatency: 100 })
      await openFromList('bob')
      server.configure({ uplinkLatency: 0 })
      act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'while opening 1' }) })
      act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'while opening 2' }) })
      await waitFor(() => expect(articles()).toHaveLength(8))
      expect(separator()!.nextElementSibling).toBe(article(unread[0]!))
    })

    it('no mark for a conversation opened with nothing unread, nor for one opened again after reading it', async () => {
      const { server } = unreadServer()
      render(<StrictMode><RoamingTestProvider server={server} virtuoso={TALL} locale={zhCN}><ConversationList /><MessageThread estimatedRowHeight={TALL.itemHeight} /></RoamingTestProvider></StrictMode>)
      await openFromList('bob')
      await waitFor(() => expect(separator()).toHaveTextContent('以下为新消息'))
      await openFromList('dave')
      await waitFor(() => expect(screen.getByRole('log', { name: '与 dave 的消息' })).toBeInTheDocument())
      await waitFor(() => expect(articles()).toHaveLength(1))
      expect(separator()).toBeNull()
      await openFromList('bob')
      await waitFor(() => expect(articles()).toHaveLength(6))
      expect(separator()).toBeNull()
    })
  })

  describe('states', () => {
    it('says "Select a conversation" with nothing open, and follows the store\'s active conversation', async () => {
      const server = bigServer(20)
      function Opener() {
        const open = useRoamingStore((s) => s.setActiveConversation)
        useEffect(() => { const id = setTimeout(() => open(bob), 30); return () => clearTimeout(id) }, [open])
        return null
      }
      render(<StrictMode><RoamingTestProvider server={server}><MessageThread /><Opener /></RoamingTestProvider></StrictMode>)
      expect(screen.getByText('Select a conversation')).toBeInTheDocument()
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      expect(screen.getByRole('log', { name: 'Messages with bob' })).toBeInTheDocument()
    })

    it('refuses an estimatedRowHeight outside [1, 10000] with an error naming the prop, before any request', () => {
      const server = bigServer(20)
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
      try {
        for (const bad of [0, -5, 10_001, Number.NaN, Infinity, '72' as unknown as number]) {
          expect(() => renderThread(server, { ...bob, estimatedRowHeight: bad })).toThrow(/MessageThread.*estimatedRowHeight.*\[1, 10000\]/s)
        }
      } finally {
        spy.mockRestore()
      }
      expect(server.requests.filter((r) => r.method === 'getHistoryMessages')).toHaveLength(0)
    })

    it('with a search, shows only what the server finds, a live message only when it matches, and says when it finds nothing', async () => {
      const server = createRoamingServer({ seed: 1 })
      const images = Array.from({ length: 9 }, (_, i) => (i % 3 === 0
        ? server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: `https://img.example.com/${i}.png`, width: 64, height: 64 }).id
        : (server.sendMessage({ from: 'bob', to: 'alice', text: `text ${i}` }), null))).filter(Boolean)
      const { rerender } = renderThread(server, { ...bob, search: { msgTypes: ['img'] } })
      await waitFor(() => expect(articles().map((a) => a.dataset.messageId)).toEqual(images))
      act(() => { server.sendMessage({ from: 'bob', to: 'alice', text: 'not a picture' }) })
      const picture = server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: 'https://img.example.com/new.png', width: 64, height: 64 })
      await waitFor(() => expect(articles().map((a) => a.dataset.messageId)).toEqual([...images, picture.id]))
      expect(screen.queryByText('not a picture')).toBeNull()
      rerender(
        <StrictMode>
          <RoamingTestProvider server={server} virtuoso={TALL}><MessageThread estimatedRowHeight={TALL.itemHeight} {...bob} search={{ msgTypes: ['file'] }} /></RoamingTestProvider>
        </StrictMode>,
      )
      expect(await screen.findByText('No messages found')).toBeInTheDocument()
    })

    it('shows an empty conversation, and a custom Empty slot', async () => {
      const server = createRoamingServer({ seed: 1 })
      const { unmount } = renderThread(server, { conversationId: 'nobody', chatType: 'singleChat' })
      expect(await screen.findByText('No messages yet')).toBeInTheDocument()
      unmount()
      renderThread(server, { conversationId: 'nobody', chatType: 'singleChat', components: { Empty: ({ reason }) => <p>custom {reason}</p> } })
      expect(await screen.findByText('custom noMessages')).toBeInTheDocument()
    })

    it('mounted before the login: the failed first page offers Retry unavailable, described by the notice; the login loads it by itself', async () => {
      const server = bigServer(60)
      const device = server.connect('alice', { open: false })
      // Logged out, the SDK rejects before anything reaches the server's request log: count the calls themselves.
      const reads = vi.spyOn(device, 'getHistoryMessages')
      renderThread(server, bob, { device })
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('Couldn’t load messages.')
      expectRetryUnavailable(alert, reads)
      await act(() => device.open({ user: 'alice', accessToken: 't' }))
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      expect(screen.queryByRole('alert')).toBeNull()
    })

    it('shows an error with Retry after the retries fail, and loads on Retry', async () => {
      const server = bigServer(60, { failureRate: 1 })
      renderThread(server)
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      expect(alert).toHaveTextContent('Couldn’t load messages.')
      server.configure({ failureRate: 0 })
      fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      expect(screen.queryByRole('alert')).toBeNull()
    }, 15_000)

    it('speaks Chinese with locale zhCN', async () => {
      const server = bigServer(20)
      renderThread(server, bob, { locale: zhCN })
      await waitFor(() => expect(articles().length).toBeGreaterThan(5))
      expect(screen.getByRole('log', { name: '与 bob 的消息' })).toBeInTheDocument()
      expect(within(articles().at(-1)!).queryByRole('button', { name: /^Actions for/ })).toBeNull()
      fireEvent.click(within(articles().at(-1)!).getByRole('button', { name: /的消息的操作$/ }))
      const group = screen.getByRole('group', { name: /的消息的操作$/ })
      expect(within(group).getByRole('button', { name: '为我删除' })).toBeInTheDocument()
      expect(within(group).getByRole('button', { name: '删除此消息之前的所有消息' })).toBeInTheDocument()
      expect(within(group).getByRole('button', { name: '多选消息' })).toBeInTheDocument()
    })

    it('throws an error naming the component outside a provider', () => {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
      expect(() => render(<MessageThread {...bob} />)).toThrow('MessageThread must be used within <RoamingProvider>')
      spy.mockRestore()
    })
  })
})
