import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList'
import { previewText } from '../../src/components/ConversationList/preview'
import { conversationListStrings } from '../../src/components/ConversationList/strings'
import { offlineNoticeStrings } from '../../src/components/OfflineNotice'
import { zhCN } from '../../src/components/zhCN'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { RoamingArgumentError } from '../../src/client/RoamingError'
import type { RoamingClient } from '../../src/client/types'
import { RoamingProvider } from '../../src/provider/RoamingProvider'
import { translator } from '../../src/i18n/strings'
import type { RoamingLocale } from '../../src/provider/RoamingContext'
import { createRoamingServer, RoamingTestProvider, type RoamingServer } from '../../src/testing'
import { expectRetryUnavailable } from '../kit'

function ActiveProbe() {
  const active = useRoamingStore((s) => s.activeConversation)
  return <span data-testid="active">{active ? `${active.chatType}:${active.conversationId}` : ''}</span>
}

interface Setup {
  server?: RoamingServer
  conversations?: number
  locale?: RoamingLocale
  props?: ConversationListProps
}

/** The list over a simulated server (30 single chats of alice unless told), in StrictMode, as an app would. */
function renderList({ server = createRoamingServer({ seed: 1 }), conversations = 30, locale = 'en', props = {} }: Setup = {}) {
  const user = userEvent.setup()
  // The test's own device: under StrictMode React 18 would connect the provider's twice.
  const device = server.connect('alice')
  const view = render(
    <StrictMode>
      <RoamingTestProvider server={server} device={device} generate={{ conversations, groupShare: 0, unreadShare: 0 }} locale={locale}>
        <ConversationList {...props} />
        <ActiveProbe />
      </RoamingTestProvider>
    </StrictMode>,
  )
  return { server, device, user, ...view }
}

const options = () => screen.getAllByRole('option')
const option = (n: number) => options().find((o) => o.getAttribute('aria-posinset') === String(n))!
const nameOf = (el: HTMLElement) => el.querySelector('.rk-conversation-row-name')!.textContent!
const listbox = () => screen.getByRole('listbox', { name: 'Conversations' })
const requestsOf = (server: RoamingServer, method: string) => server.requests.filter((r) => r.method === method)

async function loaded(setup?: Setup) {
  const ctx = renderList(setup)
  await waitFor(() => expect(options().length).toBeGreaterThan(0))
  return ctx
}

describe('ConversationList', () => {
  describe('given a user with 30 conversations', () => {
    it('renders a named listbox with only the rows in view, in a themed root', async () => {
      const { container } = await loaded()
      const root = container.querySelector('.rk.rk-conversation-list')!
      expect(root).toHaveAttribute('data-rk-theme', 'light')
      expect(listbox()).toHaveAttribute('tabindex', '0')
      // 20 loaded (one page), 600 px of 60 px rows in view: virtualized.
      expect(options().length).toBeGreaterThan(5)
      expect(options().length).toBeLessThan(20)
      expect(option(1)).toHaveAttribute('aria-setsize', '-1')
      for (const el of container.querySelectorAll('[class]')) {
        for (const name of el.classList) expect(name).toMatch(/^rk(-|$)/)
      }
    })

    it('selects on click: aria-selected, the store and onSelect', async () => {
      const onSelect = vi.fn()
      const { user } = await loaded({ props: { onSelect } })
      const third = option(3)
      await user.click(third)
      expect(third).toHaveAttribute('aria-selected', 'true')
      expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toEqual([third])
      expect(screen.getByTestId('active')).toHaveTextContent(`singleChat:${nameOf(third)}`)
      expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ conversationId: nameOf(third), chatType: 'singleChat' }))
      expect(listbox()).toHaveFocus()
      expect(listbox()).toHaveAttribute('aria-activedescendant', third.id)
    })

    it('moves virtual focus with the arrows, Home and End (scrolling the focused row into the DOM), and selects with Enter', async () => {
      const { user } = await loaded()
      await user.tab()
      expect(listbox()).toHaveFocus()
      expect(listbox()).toHaveAttribute('aria-activedescendant', option(1).id)
      await user.keyboard('{ArrowDown}{ArrowDown}')
      expect(listbox()).toHaveAttribute('aria-activedescendant', option(3).id)
      await user.keyboard('{ArrowUp}')
      expect(listbox()).toHaveAttribute('aria-activedescendant', option(2).id)
      await user.keyboard('{End}')
      // Row 20 was not rendered before End: the list scrolled so it is.
      await waitFor(() => expect(option(20)).toBeDefined())
      expect(listbox()).toHaveAttribute('aria-activedescendant', option(20).id)
      expect(option(20)).toHaveAttribute('data-focused', 'true')
      await user.keyboard('{Home}')
      await waitFor(() => expect(listbox()).toHaveAttribute('aria-activedescendant', option(1).id))
      await user.keyboard('{ArrowDown}{Enter}')
      expect(option(2)).toHaveAttribute('aria-selected', 'true')
      expect(screen.getByTestId('active')).toHaveTextContent(`singleChat:${nameOf(option(2))}`)
    })

    it('loads the next page at the end, with a busy listbox and a "loading more" footer', async () => {
      const server = createRoamingServer({ seed: 1, latency: 400 })
      const { user } = renderList({ server })
      await waitFor(() => expect(options().length).toBeGreaterThan(0), { timeout: 3000 })
      await user.click(option(1))
      await user.keyboard('{End}')
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Loading more conversations…'))
      expect(listbox()).toHaveAttribute('aria-busy', 'true')
      expect(document.querySelector('.rk-conversation-list-footer .rk-conversation-skeleton-row')).toHaveAttribute('aria-hidden', 'true')
      await waitFor(() => expect(option(20)).toHaveAttribute('aria-setsize', '30'), { timeout: 3000 })
      expect(requestsOf(server, 'getServerConversations')).toHaveLength(2)
      expect(listbox()).toHaveAttribute('aria-busy', 'false')
    })

    it('an incoming message moves its conversation to the top with its preview and an unread badge', async () => {
      const { server } = await loaded()
      const fifth = nameOf(option(5))
      act(() => { server.sendMessage({ from: fifth, to: 'alice', text: 'ping\nfrom the other side' }) })
      await waitFor(() => expect(nameOf(option(1))).toBe(fifth))
      expect(option(1)).toHaveTextContent('ping from the other side')
      expect(within(option(1)).getByText('1 unread')).toBeInTheDocument()
      expect(nameOf(option(2))).not.toBe(fifth)
    })

    it('says so while the connection is down, in a live region that is there before and after; what came meanwhile shows once it is back; signed out, why', async () => {
      const { server, device, container } = await loaded()
      const notice = container.querySelector('.rk-conversation-list-notice')!
      expect(notice).toHaveAttribute('aria-live', 'polite')
      expect(notice).toBeEmptyDOMElement()
      const fifth = nameOf(option(5))
      act(() => server.dropConnection(device))
      expect(notice).toHaveTextContent('Connection lost. Reconnecting…')
      act(() => { server.sendMessage({ from: fifth, to: 'alice', text: 'while away' }) })
      act(() => server.restoreConnection(device))
      expect(notice).toBeEmptyDOMElement()
      expect(container.querySelector('.rk-conversation-list-notice')).toBe(notice)
      await waitFor(() => expect(nameOf(option(1))).toBe(fifth))
      expect(option(1)).toHaveTextContent('while away')
      // A logout stops the SDK: nothing reconnects by itself, and the notice does not say it does.
      act(() => device.close())
      expect(notice).toHaveTextContent('Disconnected. What shows may be out of date.')
      await act(() => device.open({ user: 'alice', accessToken: 't' }))
      expect(notice).toBeEmptyDOMElement()
      // Signed out by the server: why. Four more logins of alice pass the device limit (4): this, the earliest, goes.
      for (let i = 0; i < 4; i++) act(() => { server.connect('alice') })
      expect(notice).toHaveTextContent('Signed out: this account signed in on another device.')
      await act(() => device.open({ user: 'alice', accessToken: 't' }))
      act(() => server.signOut(device, 'kickedByOtherDevice'))
      expect(notice).toHaveTextContent('Signed out by another device.')
      await act(() => device.open({ user: 'alice', accessToken: 't' }))
      act(() => server.expireToken(device))
      expect(notice).toHaveTextContent('Signed out: the session expired.')
    })
  })

  describe('rows', () => {
    it('preview each message type and cap the unread badge at 99+', async () => {
      const server = createRoamingServer({ seed: 2 })
      server.sendMessage({ from: 'ivy', to: 'alice', text: 'plain <b>text</b>' })
      server.sendMessage({ from: 'jack', to: 'alice', type: 'img', url: 'data:image/png;base64,AA==' })
      server.sendMessage({ from: 'kim', to: 'alice', type: 'file', url: 'https://f.example/1', filename: 'plan.pdf' })
      server.sendMessage({ from: 'lee', to: 'alice', type: 'custom', customEvent: 'poll', customExts: {} })
      server.sendMessage({ from: 'max', to: 'alice', type: 'loc' })
      for (let i = 0; i < 150; i++) server.sendMessage({ from: 'nat', to: 'alice', text: `n${i}` })
      await loaded({ server, conversations: 0 })
      const row = (id: string) => options().find((o) => nameOf(o) === id)!
      await waitFor(() => expect(options()).toHaveLength(6))
      expect(row('ivy').querySelector('.rk-conversation-row-preview')).toHaveTextContent('plain <b>text</b>')
      expect(row('ivy').querySelector('b')).toBeNull()
      expect(row('jack')).toHaveTextContent('[Image]')
      expect(row('kim')).toHaveTextContent('[File] plan.pdf')
      expect(row('lee')).toHaveTextContent('[Custom]')
      expect(row('max')).toHaveTextContent('[Location]')
      const badge = row('nat').querySelector('.rk-conversation-row-badge')!
      expect(within(badge as HTMLElement).getByText('99+')).toHaveAttribute('aria-hidden', 'true')
      expect(badge).toHaveTextContent('150 unread')
      expect(row('ivy').querySelector('time')).toHaveAttribute('datetime')
      expect(row('ivy').querySelector('.rk-avatar-initials')).toHaveTextContent('I')
    })

    it('previews no message as "No messages", and other types by name', () => {
      const t = translator(conversationListStrings)
      const zh = translator(conversationListStrings, zhCN.strings.ConversationList)
      const base = { id: '1', conversationId: 'x', chatType: 'singleChat' as const, from: 'x', to: 'alice', time: 1, ext: {} }
      expect(previewText(null, t)).toBe('No messages')
      expect(previewText({ ...base, type: 'audio' }, t)).toBe('[Voice]')
      expect(previewText({ ...base, type: 'cmd' }, t)).toBe('[Message]')
      expect(previewText({ ...base, type: 'img', url: '' }, zh)).toBe('[图片]')
      expect(previewText({ ...base, type: 'file', url: '', filename: 'a.pdf' }, zh)).toBe('[文件] a.pdf')
    })

    it('shows pinned conversations first, with a pinned mark', async () => {
      const server = createRoamingServer({ seed: 3 })
      const { conversations } = server.generate({ user: 'alice', conversations: 30, groupShare: 0 })
      const setup = server.connect('alice', { resource: 'setup' })
      const pinnedId = conversations.at(-1)!.conversationId
      await setup.pinConversation({ conversationId: pinnedId, conversationType: 'singleChat', isPinned: true })
      setup.close()
      await loaded({ server, conversations: 0 })
      await waitFor(() => expect(nameOf(option(1))).toBe(pinnedId))
      expect(option(1)).toHaveAttribute('data-pinned', 'true')
      expect(within(option(1)).getByText('Pinned')).toBeInTheDocument()
      expect(option(2)).not.toHaveAttribute('data-pinned')
    })

    it('uses getDisplayName, getAvatarUrl and the Avatar / Preview slots', async () => {
      let withAvatar: string | undefined
      await loaded({
        props: {
          getDisplayName: (c) => `Name of ${c.conversationId}`,
          // An avatar for the first row only (whatever the generated data puts there), initials for the others.
          getAvatarUrl: (c) => ((withAvatar ??= c.conversationId) === c.conversationId ? 'https://img.example/first.png' : undefined),
          components: { Preview: ({ text }) => <em className="rk-test-preview">{text.toUpperCase()}</em> },
        },
      })
      const first = option(1)
      expect(nameOf(first)).toBe(`Name of ${withAvatar}`)
      expect(first.querySelector('img')).toHaveAttribute('src', 'https://img.example/first.png')
      expect(first.querySelector('img')).toHaveAttribute('alt', '')
      expect(option(2).querySelector('.rk-avatar-initials')).toHaveTextContent('NO')
      expect(first.querySelector('em.rk-test-preview')).not.toBeNull()
      expect(screen.getByRole('toolbar', { name: `Actions for ${nameOf(option(1))}` })).toBeInTheDocument()
    })
  })

  describe('actions', () => {
    it('pins and unpins the focused row from the toolbar', async () => {
      const { server, user } = await loaded()
      const fourth = nameOf(option(4))
      await user.click(option(4))
      const toolbar = screen.getByRole('toolbar', { name: `Actions for ${fourth}` })
      await user.click(within(toolbar).getByRole('button', { name: 'Pin' }))
      await waitFor(() => expect(nameOf(option(1))).toBe(fourth))
      expect(option(1)).toHaveAttribute('data-pinned', 'true')
      expect(requestsOf(server, 'pinConversation').at(-1)!.params).toMatchObject({ conversationId: fourth, isPinned: true })
      // Focus followed the row to the top, so the toolbar still acts on it.
      expect(listbox()).toHaveAttribute('aria-activedescendant', option(1).id)
      await user.click(within(toolbar).getByRole('button', { name: 'Unpin' }))
      await waitFor(() => expect(option(1)).not.toHaveAttribute('data-pinned'))
      expect(requestsOf(server, 'pinConversation').at(-1)!.params).toMatchObject({ conversationId: fourth, isPinned: false })
    })

    it('marks: a toggle per mark in the toolbar, pressed when the row carries it; the row is tagged; the server has it', async () => {
      const marks = [{ mark: 0, label: 'Starred' }, { mark: 3, label: 'Work' }]
      const { server, user } = await loaded({ props: { marks } })
      const third = nameOf(option(3))
      await user.click(option(3))
      const toolbar = screen.getByRole('toolbar', { name: `Actions for ${third}` })
      const starred = within(toolbar).getByRole('button', { name: 'Starred' })
      expect(starred).toHaveAttribute('aria-pressed', 'false')
      expect(within(toolbar).getAllByRole('button').map((b) => b.textContent)).toEqual(['Pin', 'Starred', 'Work', 'Delete'])
      await user.click(starred)
      expect(starred).toHaveAttribute('aria-pressed', 'true')
      expect(option(3).querySelector('.rk-conversation-row-marks')).toHaveTextContent('Starred')
      await user.click(within(toolbar).getByRole('button', { name: 'Work' }))
      expect(option(3).querySelector('.rk-conversation-row-marks')).toHaveTextContent('Starred · Work')
      expect(option(3)).toHaveAccessibleName(expect.stringContaining('Starred · Work'))
      await waitFor(() => expect(requestsOf(server, 'addConversationMark')).toHaveLength(2))
      const onServer = await server.connect('alice').getServerConversationsByFilter({ filter: { mark: 3 } })
      expect(onServer.data.conversations.map((c) => c.conversationId)).toEqual([third])
      await user.click(starred)
      expect(starred).toHaveAttribute('aria-pressed', 'false')
      expect(option(3).querySelector('.rk-conversation-row-marks')).toHaveTextContent(/^Work$/)
      // Arrow keys reach every toggle.
      starred.focus()
      await user.keyboard('{ArrowRight}{ArrowRight}')
      expect(within(toolbar).getByRole('button', { name: 'Delete' })).toHaveFocus()
      // Other rows carry none: no tag.
      expect(option(1).querySelector('.rk-conversation-row-marks')).toBeNull()
    })

    it('marks: a refused change is undone and said in an alert naming the mark and the conversation', async () => {
      const { server, user } = await loaded({ props: { marks: [{ mark: 1, label: 'Starred' }] } })
      const second = nameOf(option(2))
      await user.click(option(2))
      server.configure({ failureRate: 1, failure: 'busy' })
      await user.click(screen.getByRole('button', { name: 'Starred' }))
      expect(await screen.findByRole('alert')).toHaveTextContent(`Couldn't change Starred for ${second}.`)
      server.configure({ failureRate: 0 })
      await waitFor(() => expect(screen.getByRole('button', { name: 'Starred' })).toHaveAttribute('aria-pressed', 'false'))
      expect(option(2).querySelector('.rk-conversation-row-marks')).toBeNull()
    })

    it('marks: a bad mark or label is refused with a RoamingArgumentError naming it', () => {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
      for (const [marks, argument] of [
        [[{ mark: 20, label: 'Far' }], 'marks[0].mark'],
        [[{ mark: 0, label: 'Ok' }, { mark: 1, label: ' ' }], 'marks[1].label'],
        ['Starred', 'marks'],
      ] as const) {
        let error: unknown
        try { renderList({ props: { marks: marks as never } }) } catch (e) { error = e }
        expect(error).toBeInstanceOf(RoamingArgumentError)
        expect(error).toMatchObject({ argument })
        cleanup()
      }
      spy.mockRestore()
    })

    it('toolbar: one tab stop, arrow keys between its buttons', async () => {
      const { user } = await loaded()
      await user.tab()
      await user.tab()
      expect(screen.getByRole('button', { name: 'Pin' })).toHaveFocus()
      await user.keyboard('{ArrowRight}')
      expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus()
      await user.keyboard('{ArrowRight}')
      expect(screen.getByRole('button', { name: 'Pin' })).toHaveFocus()
      await user.keyboard('{ArrowLeft}')
      expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus()
      expect(screen.getByRole('button', { name: 'Pin' })).toHaveAttribute('tabindex', '-1')
    })

    it('deletes after confirming in a modal dialog that traps and returns focus (history kept)', async () => {
      const { server, user } = await loaded()
      await user.click(option(2))
      const victim = nameOf(option(2))
      const deleteButton = within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' })
      await user.click(deleteButton)
      const dialog = screen.getByRole('dialog', { name: `Delete the conversation with ${victim}?` })
      expect(dialog).toHaveAttribute('aria-modal', 'true')
      const cancel = within(dialog).getByRole('button', { name: 'Cancel' })
      const confirm = within(dialog).getByRole('button', { name: 'Delete' })
      const roam = within(dialog).getByRole('checkbox', { name: 'Also delete the history on the server' })
      expect(cancel).toHaveFocus()
      expect(roam).not.toBeChecked()
      await user.tab()
      expect(confirm).toHaveFocus()
      await user.tab()
      expect(roam).toHaveFocus()
      await user.tab({ shift: true })
      expect(confirm).toHaveFocus()
      await user.click(confirm)
      expect(screen.queryByRole('dialog')).toBeNull()
      await waitFor(() => expect(options().map(nameOf)).not.toContain(victim))
      expect(deleteButton).toHaveFocus()
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Deleted the conversation with ${victim}.`))
      expect(requestsOf(server, 'deleteConversation').map((r) => r.params)).toEqual([
        expect.objectContaining({ channel: victim, chatType: 'singleChat', deleteRoam: false }),
      ])
    })

    it('Delete on the listbox opens the dialog; Escape cancels; "also delete the history" sends deleteRoam', async () => {
      const { server, user } = await loaded()
      await user.click(option(3))
      const victim = nameOf(option(3))
      await user.keyboard('{Delete}')
      expect(screen.getByRole('dialog')).toBeInTheDocument()
      await user.keyboard('{Escape}')
      expect(screen.queryByRole('dialog')).toBeNull()
      expect(listbox()).toHaveFocus()
      expect(requestsOf(server, 'deleteConversation')).toHaveLength(0)
      await user.keyboard('{Delete}')
      await user.click(screen.getByRole('checkbox', { name: 'Also delete the history on the server' }))
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
      await waitFor(() => expect(options().map(nameOf)).not.toContain(victim))
      await waitFor(() => expect(requestsOf(server, 'deleteConversation')).toHaveLength(1))
      expect(requestsOf(server, 'deleteConversation')[0]!.params).toMatchObject({ channel: victim, chatType: 'singleChat', deleteRoam: true })
    })

    it('a refused deletion shows the row gone while pending, then back in place with an alert', async () => {
      const server = createRoamingServer({ seed: 1, latency: 300 })
      const { user } = renderList({ server })
      await waitFor(() => expect(options().length).toBeGreaterThan(0), { timeout: 3000 })
      const before = options().map(nameOf)
      const victim = before[3]!
      await user.click(option(4))
      server.configure({ failureRate: 1 })
      await user.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }))
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
      await waitFor(() => expect(options().map(nameOf)).not.toContain(victim))
      expect(screen.getByRole('status')).toHaveTextContent(`Deleting the conversation with ${victim}…`)
      const alert = await screen.findByRole('alert', {}, { timeout: 3000 })
      expect(alert).toHaveTextContent(`Couldn't delete the conversation with ${victim}. It is back in the list.`)
      await waitFor(() => expect(options().map(nameOf)).toEqual(before))
      await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
      expect(screen.queryByRole('alert')).toBeNull()
    })

    it('while the connection is down, pin and delete stay focusable but do nothing, described by the notice that says why; back up, they work', async () => {
      const { server, device, user } = await loaded()
      await user.click(option(2))
      const victim = nameOf(option(2))
      const toolbar = screen.getByRole('toolbar')
      const pin = within(toolbar).getByRole('button', { name: 'Pin' })
      const del = within(toolbar).getByRole('button', { name: 'Delete' })
      await user.click(del)
      const dialog = screen.getByRole('dialog')
      const confirm = within(dialog).getByRole('button', { name: 'Delete' })
      // Down with the dialog open: its Delete is unavailable and says why; it stays open for when the connection is back.
      act(() => server.signOut(device, 'kickedByOtherDevice'))
      expect(confirm).toHaveAttribute('aria-disabled', 'true')
      expect(confirm).toHaveAccessibleDescription('Signed out by another device.')
      await user.click(confirm)
      expect(screen.getByRole('dialog')).toBe(dialog)
      await user.keyboard('{Escape}')
      for (const button of [pin, del]) {
        expect(button).toHaveAttribute('aria-disabled', 'true')
        expect(button).toHaveAccessibleDescription('Signed out by another device.')
        await user.click(button)
      }
      expect(screen.queryByRole('dialog')).toBeNull()
      listbox().focus()
      await user.keyboard('{Delete}')
      expect(screen.queryByRole('dialog')).toBeNull()
      expect(option(1)).not.toHaveAttribute('data-pinned')
      expect(requestsOf(server, 'pinConversation')).toHaveLength(0)
      expect(requestsOf(server, 'deleteConversation')).toHaveLength(0)
      expect(screen.queryByRole('alert')).toBeNull()
      // Reconnecting counts as down too; once connected, both act again.
      await act(() => device.open({ user: 'alice', accessToken: 't' }))
      act(() => server.dropConnection(device))
      expect(pin).toHaveAttribute('aria-disabled', 'true')
      expect(pin).toHaveAccessibleDescription('Connection lost. Reconnecting…')
      act(() => server.restoreConnection(device))
      expect(pin).not.toHaveAttribute('aria-disabled')
      expect(pin).not.toHaveAccessibleDescription()
      await user.click(del)
      await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
      await waitFor(() => expect(options().map(nameOf)).not.toContain(victim))
      await waitFor(() => expect(requestsOf(server, 'deleteConversation')).toHaveLength(1))
    })
  })

  describe('states', () => {
    it('shows a busy skeleton while the first page loads', async () => {
      renderList({ server: createRoamingServer({ seed: 1, latency: 200 }) })
      const loading = screen.getByRole('status', { busy: true })
      expect(loading).toHaveTextContent('Loading conversations…')
      expect(screen.queryByRole('listbox')).toBeNull()
      await waitFor(() => expect(options().length).toBeGreaterThan(0), { timeout: 3000 })
      expect(screen.queryByText('Loading conversations…')).toBeNull()
    })

    it('shows the empty state, or the Empty slot', async () => {
      const { unmount } = renderList({ conversations: 0 })
      expect(await screen.findByText('No conversations yet')).toBeInTheDocument()
      expect(screen.queryByRole('listbox')).toBeNull()
      unmount()
      renderList({ conversations: 0, props: { components: { Empty: () => <p>Say hi to someone</p> } } })
      expect(await screen.findByText('Say hi to someone')).toBeInTheDocument()
    })

    it('shows an error with Retry that loads the list again', async () => {
      const server = createRoamingServer({ seed: 1, failureRate: 1 })
      const { user } = renderList({ server })
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent("Couldn't load the conversations.")
      server.configure({ failureRate: 0 })
      await user.click(within(alert).getByRole('button', { name: 'Retry' }))
      await waitFor(() => expect(options().length).toBeGreaterThan(0))
      expect(screen.queryByRole('alert')).toBeNull()
    })
    it('mounted before the login: the failed first load offers Retry unavailable, described by the notice; the login loads the list by itself', async () => {
      const server = createRoamingServer({ seed: 1 })
      const device = server.connect('alice', { open: false })
      // Logged out, the SDK rejects before anything reaches the server's request log: count the calls themselves.
      const reads = vi.spyOn(device, 'getServerConversations')
      render(
        <StrictMode>
          <RoamingTestProvider server={server} device={device} generate={{ conversations: 5, groupShare: 0, unreadShare: 0 }}>
            <ConversationList />
          </RoamingTestProvider>
        </StrictMode>,
      )
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent("Couldn't load the conversations.")
      expectRetryUnavailable(alert, reads)
      await act(() => device.open({ user: 'alice', accessToken: 't' }))
      await waitFor(() => expect(options()).toHaveLength(5))
      expect(screen.queryByRole('alert')).toBeNull()
    })
  })

  describe('with mark', () => {
    const star = (server: RoamingServer, ids: string[], mark: number) => server.connect('alice').addConversationMark({
      conversations: ids.map((conversationId) => ({ conversationId, conversationType: 'singleChat' as const })), mark,
    })

    it('lists only the conversations carrying it; those another device marks join it, in their place', async () => {
      const { server, device } = renderList({ props: { mark: 1 } })
      await screen.findByText('No conversations with this mark')
      const all = (await server.connect('alice').getServerConversations({ pageSize: 50 })).data.conversations.map((c) => c.conversationId)
      await act(() => star(server, [all[7]!, all[3]!], 1))
      await act(() => star(server, [all[2]!], 4))
      await waitFor(() => expect(options().map(nameOf)).toEqual([all[3], all[7]]))
      expect(requestsOf(server, 'getServerConversationsByFilter')[0]!.params).toEqual({ pageSize: 10, cursor: '', filter: { mark: 1 } })
      // The whole list is not read: the marked conversations are the server's answer.
      expect(requestsOf(server, 'getServerConversations').filter((r) => r.resource === device.clientResource)).toEqual([])
    })

    it('its Empty slot is told the mark; zhCN says none carries it', async () => {
      renderList({ props: { mark: 6, components: { Empty: ({ mark }) => <p>Nothing tagged {mark}</p> } } })
      await screen.findByText('Nothing tagged 6')
      cleanup()
      renderList({ locale: zhCN, props: { mark: 6 } })
      await screen.findByText('暂无带此标记的会话')
    })
  })

  it('speaks Chinese with locale zhCN, aria labels included', async () => {
    const server = createRoamingServer({ seed: 4 })
    server.sendMessage({ from: 'jack', to: 'alice', type: 'img', url: 'data:image/png;base64,AA==' })
    const { user } = await loaded({ server, locale: zhCN })
    expect(screen.getByRole('listbox', { name: '会话' })).toBeInTheDocument()
    const jack = options().find((o) => nameOf(o) === 'jack')!
    expect(jack).toHaveTextContent('[图片]')
    expect(jack).toHaveTextContent('1 条未读')
    await user.click(jack)
    const toolbar = screen.getByRole('toolbar', { name: 'jack 的操作' })
    expect(within(toolbar).getByRole('button', { name: '置顶' })).toBeInTheDocument()
    await user.click(within(toolbar).getByRole('button', { name: '删除' }))
    const dialog = screen.getByRole('dialog', { name: '删除与 jack 的会话？' })
    expect(within(dialog).getByRole('checkbox', { name: '同时删除服务器上的聊天记录' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: '取消' })).toBeInTheDocument()
  })

  it('every string exists in both locales (the connection notice\'s too)', () => {
    expect(Object.keys(zhCN.strings.ConversationList!).sort()).toEqual(Object.keys(conversationListStrings).sort())
    for (const text of Object.values(zhCN.strings.ConversationList!)) expect(text).not.toBe('')
    expect(Object.keys(zhCN.strings.OfflineNotice!).sort()).toEqual(Object.keys(offlineNoticeStrings).sort())
    for (const text of Object.values(zhCN.strings.OfflineNotice!)) expect(text).not.toBe('')
  })

  it('a locale of the app\'s own translates the connection notice in its OfflineNotice section; what it lacks is English', async () => {
    const french: RoamingLocale = { code: 'fr', strings: { OfflineNotice: { reconnecting: 'Connexion perdue. Reconnexion…', passwordChanged: 'Déconnecté : le mot de passe a changé.' } } }
    const { server, device, container } = await loaded({ locale: french })
    const notice = container.querySelector('.rk-conversation-list-notice')!
    act(() => server.dropConnection(device))
    expect(notice).toHaveTextContent('Connexion perdue. Reconnexion…')
    act(() => server.restoreConnection(device))
    act(() => server.signOut(device, 'passwordChanged'))
    expect(notice).toHaveTextContent('Déconnecté : le mot de passe a changé.')
    await act(() => device.open({ user: 'alice', accessToken: 't' }))
    act(() => device.close())
    expect(notice).toHaveTextContent('Disconnected. What shows may be out of date.')
  })

  it("refuses the string 'zh-CN' as a locale with a RoamingArgumentError that points to zhCN", () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const render_ = () => render(<RoamingProvider client={{} as RoamingClient} locale={'zh-CN' as unknown as RoamingLocale}><ConversationList /></RoamingProvider>)
    expect(render_).toThrow(RoamingArgumentError)
    expect(render_).toThrow(`RoamingProvider: invalid locale "zh-CN"; expected 'en' or a locale object such as zhCN`)
    spy.mockRestore()
  })

  it('throws an error naming the component outside a provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<ConversationList />)).toThrow('ConversationList must be used within <RoamingProvider>')
    spy.mockRestore()
  })
})
