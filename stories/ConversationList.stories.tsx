import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState, type ReactNode } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConversationList, type ConversationListMark } from '../src/components/ConversationList'
import { zhCN } from '../src/components/zhCN'
import type { RoamingServer } from '../src/testing'
import { ConnectionToggle } from './support/ConnectionToggle'
import { Expose, servers } from './support/Expose'
import { playOffline } from './support/playOffline'
import { SimulatorFrame, type SimulatorFrameProps } from './support/SimulatorFrame'

/** A knob inside the story: make the simulated server refuse every request, or answer again. */
function ServerSwitch({ server, children }: { server: RoamingServer; children: ReactNode }) {
  const [failing, setFailing] = useState(server.settings.failureRate === 1)
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
      <label style={{ padding: 8, fontFamily: 'system-ui' }}>
        <input
          type="checkbox" checked={failing}
          onChange={(e) => { setFailing(e.target.checked); server.configure({ failureRate: e.target.checked ? 1 : 0 }) }}
        />{' '}
        Server refuses requests
      </label>
      {children}
    </div>
  )
}

type FrameArgs = Omit<SimulatorFrameProps, 'children'> & {
  pageSize?: number; mark?: number; marks?: ConversationListMark[]; withSwitch?: boolean; withConnection?: boolean; withLogout?: boolean; otherUser?: string; withElsewhere?: boolean
}

/** `ConversationList` in a simulator frame; the args are the frame's knobs plus the list's `pageSize` and `mark`. */
function ConversationListStory({ pageSize, mark, marks, withSwitch, withConnection, withLogout, otherUser, withElsewhere, ...frame }: FrameArgs) {
  return (
    <SimulatorFrame {...frame}>
      {({ server, device }) => {
        const list = <><Expose name="ConversationList" server={server} /><ConversationList {...(pageSize ? { pageSize } : {})} {...(mark === undefined ? {} : { mark })} {...(marks ? { marks } : {})} /></>
        if (withConnection) return <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}><ConnectionToggle server={server} device={device} withLogout={withLogout} otherUser={otherUser} withElsewhere={withElsewhere} />{list}</div>
        return withSwitch ? <ServerSwitch server={server}>{list}</ServerSwitch> : list
      }}
    </SimulatorFrame>
  )
}

const meta = {
  title: 'Components/ConversationList',
  component: ConversationListStory,
  args: { seed: 1, conversations: 30, height: 480 },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof ConversationListStory>
export default meta
type Story = StoryObj<typeof meta>

const LOAD = { timeout: 8000 }

/** Waits for the listbox and for more than one row (a real browser renders one row first, to measure it). */
async function rows(canvasElement: HTMLElement, name = 'Conversations', min = 4) {
  const listbox = await within(canvasElement).findByRole('listbox', { name }, LOAD)
  await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThanOrEqual(min), LOAD)
  return { listbox, options: () => within(listbox).getAllByRole('option') }
}
const rowName = (option: HTMLElement) => option.querySelector('.rk-conversation-row-name')?.textContent ?? ''
const focusedOption = (listbox: HTMLElement) => listbox.ownerDocument.getElementById(listbox.getAttribute('aria-activedescendant') ?? '')

/** 30 conversations: click selects; the arrows move the listbox's focus. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const { listbox, options } = await rows(canvasElement)
    const second = options()[1]!
    await userEvent.click(second)
    await expect(second).toHaveAttribute('aria-selected', 'true')
    await expect(listbox).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(focusedOption(listbox)).toHaveAttribute('aria-posinset', '3')
    await expect(within(canvasElement).getByRole('toolbar', { name: `Actions for ${rowName(focusedOption(listbox)!)}` })).toBeVisible()
  },
}

/** The first page is slow: a busy skeleton, and no listbox yet. */
export const Loading: Story = {
  args: { latency: 600_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const status = await canvas.findByRole('status', { busy: true })
    await expect(status).toHaveTextContent('Loading conversations…')
    await expect(canvas.queryByRole('listbox')).toBeNull()
  },
}

/** A user without conversations. */
export const Empty: Story = {
  args: { conversations: 0 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No conversations yet', {}, LOAD)).toBeVisible()
    await expect(within(canvasElement).queryByRole('listbox')).toBeNull()
  },
}

/** Every request fails: an alert with Retry; once the server answers again, Retry loads the list. */
export const Error: Story = {
  args: { failureRate: 1, withSwitch: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, LOAD)
    await expect(alert).toHaveTextContent("Couldn't load the conversations.")
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Server refuses requests' }))
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await rows(canvasElement)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Pages answer slowly: at the end of the list the footer shows and the listbox is busy. */
export const LoadingMore: Story = {
  args: { conversations: 60, latency: 1500 },
  play: async ({ canvasElement }) => {
    const { listbox } = await rows(canvasElement)
    listbox.focus()
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading more conversations…'), LOAD)
    await expect(listbox).toHaveAttribute('aria-busy', 'true')
    await expect(canvasElement.querySelector('.rk-conversation-list-footer')).not.toBeNull()
    await waitFor(() => expect(focusedOption(listbox)).toHaveAttribute('aria-setsize', '-1'), LOAD)
  },
}

/** Two pinned conversations come first, most recently pinned first, with a pinned mark; Unpin moves one back. */
export const Pinned: Story = {
  args: {
    prepare: (server) => {
      const setup = server.connect('alice', { resource: 'story-setup' })
      void setup.pinConversation({ conversationId: 'omar00', conversationType: 'singleChat', isPinned: true })
      void setup.pinConversation({ conversationId: 'lena00', conversationType: 'singleChat', isPinned: true })
      setup.close()
    },
  },
  play: async ({ canvasElement }) => {
    const { listbox, options } = await rows(canvasElement)
    await waitFor(() => expect(options().slice(0, 2).map(rowName).sort()).toEqual(['lena00', 'omar00']), LOAD)
    for (const o of options().slice(0, 2)) await expect(within(o).getByText('Pinned')).toBeInTheDocument()
    await expect(options()[2]).not.toHaveAttribute('data-pinned')
    await userEvent.click(options()[0]!)
    const first = rowName(options()[0]!)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Unpin' }))
    await waitFor(() => expect(options().filter((o) => o.hasAttribute('data-pinned')).map(rowName)).not.toContain(first))
    await expect(listbox).toBeInTheDocument()
  },
}

/**
 * A "Starred" tab: only the conversations carrying mark 0 (`mark={0}`), read from the server's list of them, with a
 * Starred toggle in the row actions (`marks`) and a tag on each row. The user's phone stars another (it joins in its
 * place) and deletes a starred one (it leaves); unstarred here, a row leaves at once.
 */
export const Starred: Story = {
  args: {
    mark: 0,
    marks: [{ mark: 0, label: 'Starred' }],
    prepare: (server) => {
      const setup = server.connect('alice', { resource: 'story-setup' })
      const star = (conversationId: string) => ({ conversationId, conversationType: 'singleChat' as const })
      void setup.addConversationMark({ conversations: [star('omar00'), star('lena00'), star('mei00')], mark: 0 })
      void setup.addConversationMark({ conversations: [star('ravi00')], mark: 1 })
      setup.close()
    },
  },
  play: async ({ canvasElement }) => {
    const { options } = await rows(canvasElement, 'Conversations', 3)
    const names = () => options().map(rowName)
    await waitFor(() => expect([...names()].sort()).toEqual(['lena00', 'mei00', 'omar00']), LOAD)
    const phone = servers.get('ConversationList')!.connect('alice')
    const listed = (await phone.getServerConversations({ pageSize: 50 })).data.conversations
    const all = listed.map((c) => c.conversationId)
    // A single chat in the middle of the list, with no mark.
    const newcomer = listed.find((c, i) => i > 5 && c.conversationType === 'singleChat' && !c.marks)!.conversationId
    await phone.addConversationMark({ conversations: [{ conversationId: newcomer, conversationType: 'singleChat' }], mark: 0 })
    const order = (ids: string[]) => all.filter((id) => ids.includes(id))
    await waitFor(() => expect(names()).toEqual(order(['mei00', 'lena00', 'omar00', newcomer])), LOAD)
    await phone.deleteConversation({ channel: 'lena00', chatType: 'singleChat', deleteRoam: false })
    await waitFor(() => expect(names()).toEqual(order(['mei00', 'omar00', newcomer])), LOAD)
    // Pinned from the row's actions, it comes first; each row is tagged, on its first line: name, tag, pin, time.
    const last = options().at(-1)!
    const pinnedName = rowName(last)
    await userEvent.click(last)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Pin' }))
    await waitFor(() => expect(rowName(options()[0]!)).toBe(pinnedName), LOAD)
    const row = options()[0]!
    const tag = row.querySelector<HTMLElement>('.rk-conversation-row-marks')!
    await expect(tag).toHaveTextContent('Starred')
    const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect()
    const [name, mark, pin, time] = ['.rk-conversation-row-name', '.rk-conversation-row-marks', '.rk-conversation-row-pin', 'time'].map(box) as [DOMRect, DOMRect, DOMRect, DOMRect]
    await expect([name.right <= mark.left, mark.right <= pin.left, pin.right <= time.left]).toEqual([true, true, true])
    for (const b of [mark, pin, time]) await expect(Math.abs((b.top + b.bottom) / 2 - (name.top + name.bottom) / 2)).toBeLessThan(3)
    // Unstarred from the row's actions: it leaves this tab at once.
    const first = rowName(row)
    const starred = within(canvasElement).getByRole('button', { name: 'Starred' })
    await expect(starred).toHaveAttribute('aria-pressed', 'true')
    await userEvent.click(starred)
    await waitFor(() => expect(names()).not.toContain(first), LOAD)
  },
}

/** Unread badges, capped at 99+ with the full count for screen readers; opening a conversation clears it. */
export const Unread: Story = {
  args: {
    prepare: (server) => {
      for (let i = 0; i < 3; i++) server.sendMessage({ from: 'ivy', to: 'alice', text: `hello ${i}` })
      for (let i = 0; i < 120; i++) server.sendMessage({ from: 'nat', to: 'alice', text: `ping ${i}` })
    },
  },
  play: async ({ canvasElement }) => {
    const { options } = await rows(canvasElement)
    const [nat, ivy] = options()
    await expect(rowName(nat!)).toBe('nat')
    await expect(nat).toHaveTextContent('99+')
    await expect(within(nat!).getByText('120 unread')).toBeInTheDocument()
    await expect(within(ivy!).getByText('3 unread')).toBeInTheDocument()
    await userEvent.click(nat!)
    await waitFor(() => expect(options()[0]!.querySelector('.rk-conversation-row-badge')).toBeNull())
  },
}

/** The server answers slowly: the row leaves at once and the status line says the deletion is under way. */
export const DeletePending: Story = {
  args: { latency: 2000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { options } = await rows(canvasElement)
    await userEvent.click(options()[1]!)
    const victim = rowName(options()[1]!)
    await userEvent.click(within(canvas.getByRole('toolbar')).getByRole('button', { name: 'Delete' }))
    const dialog = canvas.getByRole('dialog', { name: `Delete the conversation with ${victim}?` })
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Also delete the history on the server' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(options().map(rowName)).not.toContain(victim))
    await expect(canvas.getByRole('status')).toHaveTextContent(`Deleting the conversation with ${victim}…`)
  },
}

/** The server refuses the deletion: the row comes back where it was, with an alert. */
export const DeleteFailedRolledBack: Story = {
  args: { latency: 800, withSwitch: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { options } = await rows(canvasElement)
    const before = options().map(rowName)
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Server refuses requests' }))
    await userEvent.click(options()[2]!)
    await userEvent.click(within(canvas.getByRole('toolbar')).getByRole('button', { name: 'Delete' }))
    await userEvent.click(within(canvas.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(options().map(rowName)).not.toContain(before[2]))
    const alert = await canvas.findByRole('alert', {}, LOAD)
    await expect(alert).toHaveTextContent(`Couldn't delete the conversation with ${before[2]}. It is back in the list.`)
    await waitFor(() => expect(options().map(rowName)).toEqual(before))
  },
}

/**
 * The connection drops: the list says so over the top of its rows, moving none; back, the notice goes and what came
 * meanwhile shows. Ends offline.
 */
export const Offline: Story = {
  args: { withConnection: true },
  play: async ({ canvasElement }) => {
    await rows(canvasElement)
    await playOffline(canvasElement, canvasElement.querySelector('.rk-conversation-list-notice')!)
  },
}

/**
 * A logout (or a login elsewhere, or a reconnection that failed) stops the SDK: the list says it is disconnected, not
 * that it reconnects, and keeps its rows. Logged in again, the notice goes. Ends logged out.
 */
export const LoggedOut: Story = {
  args: { withConnection: true, withLogout: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { options } = await rows(canvasElement)
    const notice = canvasElement.querySelector('.rk-conversation-list-notice')!
    await userEvent.click(canvas.getByRole('button', { name: 'Log out' }))
    await expect(notice).toHaveTextContent('Disconnected. What shows may be out of date.')
    await expect(options().length).toBeGreaterThan(0)
    await userEvent.click(canvas.getByRole('button', { name: 'Log in again' }))
    await expect(notice).toBeEmptyDOMElement()
    await userEvent.click(canvas.getByRole('button', { name: 'Log out' }))
    await expect(notice).toBeVisible()
  },
}

/**
 * Another user logs in on the same device: the list shows carol's conversations and none of alice's, with no remount
 * by the app (the provider starts carol over). Ends on carol's list.
 */
export const AnotherUser: Story = {
  args: { withConnection: true, withLogout: true, otherUser: 'carol', prepare: (server) => server.generate({ user: 'carol', conversations: 6, groupShare: 0 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    // Whole rows (name, time, preview): carol may talk to some of alice's peers, never in alice's words (she is in
    // no group here: a group's row is the same for every member).
    const rowsOf = async () => (await rows(canvasElement)).options().map((o) => o.textContent)
    const alices = await rowsOf()
    await userEvent.click(canvas.getByRole('button', { name: 'Log out' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Log in as carol' }))
    // The provider remounts its children for carol: a new listbox, with her rows.
    await waitFor(async () => expect(await rowsOf()).not.toEqual(alices), LOAD)
    await expect((await rowsOf()).filter((row) => alices.includes(row))).toEqual([])
    await expect(canvasElement.querySelector('.rk-conversation-list-notice')).toBeEmptyDOMElement()
  },
}

/**
 * Single-device login (the app's device limit set to 1): alice signs in on another device, which signs this one out,
 * and the list says why; pin and delete are unavailable till she logs in again here, which signs the other one out.
 * Ends signed out, a conversation focused.
 */
export const SignedInElsewhere: Story = {
  args: { withConnection: true, withLogout: true, withElsewhere: true, prepare: (server) => server.configure({ maxDevices: 1 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { options } = await rows(canvasElement)
    const notice = canvasElement.querySelector('.rk-conversation-list-notice')!
    const elsewhere = () => userEvent.click(canvas.getByRole('button', { name: 'Sign in on another device' }))
    const why = 'Signed out: this account signed in on another device.'
    await userEvent.click(options()[0]!)
    const toolbar = canvas.getByRole('toolbar')
    const actions = () => within(toolbar).getAllByRole('button')
    await elsewhere()
    await expect(notice).toHaveTextContent(why)
    await expect(options().length).toBeGreaterThan(0)
    for (const button of actions()) {
      await expect(button).toHaveAttribute('aria-disabled', 'true')
      await expect(button).toHaveAccessibleDescription(why)
      await expect(getComputedStyle(button).opacity).toBe('0.6')
    }
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Delete' }))
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Log in again' }))
    await expect(notice).toBeEmptyDOMElement()
    for (const button of actions()) await expect(button).not.toHaveAttribute('aria-disabled')
    await elsewhere()
    await expect(notice).toHaveTextContent(why)
    await expect(within(toolbar).getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-disabled', 'true')
  },
}

/** Simplified Chinese: every string, aria labels included; ends with the delete confirmation open. */
export const ChineseLocale: Story = {
  args: { locale: zhCN },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { options } = await rows(canvasElement, '会话')
    await userEvent.click(options()[0]!)
    const toolbar = canvas.getByRole('toolbar', { name: `${rowName(options()[0]!)} 的操作` })
    await expect(within(toolbar).getByRole('button', { name: /^(置顶|取消置顶)$/ })).toBeVisible()
    await userEvent.click(within(toolbar).getByRole('button', { name: '删除' }))
    // Left open, so the accessibility check runs on the dialog too.
    const dialog = canvas.getByRole('dialog', { name: `删除与 ${rowName(options()[0]!)} 的会话？` })
    await expect(within(dialog).getByRole('checkbox', { name: '同时删除服务器上的聊天记录' })).not.toBeChecked()
    await expect(within(dialog).getByRole('button', { name: '取消' })).toHaveFocus()
  },
}

/** The dark scheme, from the tokens. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await rows(canvasElement)
    const root = canvasElement.querySelector<HTMLElement>('.rk-conversation-list')!
    await expect(root).toHaveAttribute('data-rk-theme', 'dark')
    await expect(getComputedStyle(root).backgroundColor).toBe('rgb(23, 25, 28)')
  },
}

/** 10,000 server conversations, 50 a page: rows stay virtualized however far the user goes. */
export const TenThousand: Story = {
  args: { conversations: 10_000, pageSize: 50 },
  play: async ({ canvasElement }) => {
    const { listbox, options } = await rows(canvasElement)
    listbox.focus()
    for (const last of [50, 100, 150]) {
      await waitFor(() => expect(focusedOption(listbox)?.getAttribute('aria-setsize')).toBe('-1'), LOAD)
      await userEvent.keyboard('{End}')
      await waitFor(() => expect(focusedOption(listbox)).toHaveAttribute('aria-posinset', String(last)), LOAD)
    }
    await expect(options().length).toBeLessThan(40)
  },
}
