import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { MessageThread } from '../src/components/MessageThread'
import { zhCN } from '../src/components/zhCN'
import { useRoamingClient } from '../src/hooks/useRoamingStore'
import { ConnectionToggle } from './support/ConnectionToggle'
import { Expose, servers } from './support/Expose'
import { playOffline } from './support/playOffline'
import { SimulatorFrame, type SimulatorFrameProps } from './support/SimulatorFrame'


const thread = <MessageThread conversationId="bob" chatType="singleChat" />
/** A story over the simulator: alice's thread with bob, `messages` long. */
const frame = (name: string, props: Omit<SimulatorFrameProps, 'children'> = {}) => () => (
  <SimulatorFrame conversations={0} messages={200} height={520} {...props}>
    {({ server }) => <><Expose name={name} server={server} />{thread}</>}
  </SimulatorFrame>
)

const meta = {
  title: 'Components/MessageThread',
  component: MessageThread,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof MessageThread>
export default meta
type Story = StoryObj<typeof meta>

// In a real browser react-virtuoso renders one row first to measure it: wait for counts, not for the first row.
const rows = async (canvasElement: HTMLElement, atLeast = 5) => {
  await waitFor(() => expect(canvasElement.querySelectorAll('article').length).toBeGreaterThanOrEqual(atLeast), { timeout: 8000 })
  // Rows are re-rendered while the list settles at the bottom: read them once it has.
  await new Promise((r) => setTimeout(r, 400))
  return [...canvasElement.querySelectorAll<HTMLElement>('article')]
}
const rowOf = (canvasElement: HTMLElement, id: string) => canvasElement.querySelector<HTMLElement>(`article[data-message-id="${id}"]`)
const log = (canvasElement: HTMLElement) => within(canvasElement).getByRole('log')
/** Resolves once scrollTop has not changed for `frames` animation frames in a row (at most 3 s). */
const stillFor = async (s: HTMLElement, frames: number) => {
  const end = performance.now() + 3000
  let last = s.scrollTop, same = 0
  while (same < frames && performance.now() < end) {
    await new Promise((r) => requestAnimationFrame(r))
    same = s.scrollTop === last ? same + 1 : 0
    last = s.scrollTop
  }
}
/** The first message whose top edge is inside the scroller. */
const firstInView = (s: HTMLElement) => {
  const top = s.getBoundingClientRect().top
  return [...s.querySelectorAll<HTMLElement>('article')].find((a) => a.getBoundingClientRect().top >= top)!
}
/** Where a row sits on screen, relative to the scroller's top edge. */
const offsetIn = (s: HTMLElement, row: HTMLElement) => row.getBoundingClientRect().top - s.getBoundingClientRect().top
const openActions = async (canvasElement: HTMLElement, row: HTMLElement) => {
  await userEvent.click(within(rowOf(canvasElement, row.dataset.messageId!)!).getByRole('button', { name: /^Actions for message from/ }))
  return within(canvasElement).getByRole('group', { name: /^Actions for message from/ })
}

/** The latest messages at the bottom: others' on the left, alice's on the right, grouped by sender and day. */
export const Default: Story = {
  render: frame('Default'),
  play: async ({ canvasElement }) => {
    const list = await rows(canvasElement)
    expect(within(canvasElement).getByRole('log', { name: 'Messages with bob' })).toHaveAttribute('aria-live', 'off')
    expect(list.some((r) => r.classList.contains('rk-message--own'))).toBe(true)
    expect(list.some((r) => r.classList.contains('rk-message--other'))).toBe(true)
    const s = log(canvasElement)
    await waitFor(() => expect(s.scrollHeight - s.scrollTop - s.clientHeight).toBeLessThanOrEqual(2))
  },
}

/** The first page on its way: a skeleton in a busy log. */
export const Loading: Story = {
  render: frame('Loading', { latency: 600_000 }),
  play: async ({ canvasElement }) => {
    const busy = await within(canvasElement).findByRole('log', { name: 'Messages with bob' })
    expect(busy).toHaveAttribute('aria-busy', 'true')
    expect(within(canvasElement).getByText('Loading messages…')).toBeInTheDocument()
    expect(canvasElement.querySelectorAll('.rk-skeleton-bubble').length).toBeGreaterThan(3)
  },
}

/** A conversation without history. */
export const Empty: Story = {
  render: frame('Empty', { messages: 0 }),
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByText('No messages yet', {}, { timeout: 5000 })).toBeInTheDocument()
    expect(canvasElement.querySelector('article')).toBeNull()
  },
}

/** Every request fails: after its retries the thread says so and offers Retry, which loads once the server heals. */
export const Error: Story = {
  render: frame('Error', { failureRate: 1 }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent('Couldn’t load messages.')
    servers.get('Error')!.configure({ failureRate: 0 })
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await rows(canvasElement)
    expect(within(canvasElement).queryByRole('alert')).toBeNull()
  },
}

/** Scrolled to the top: the next older page loads under a spinner floating over the log, which never moves the rows. */
export const LoadingOlder: Story = {
  render: frame('LoadingOlder', { latency: 800 }),
  play: async ({ canvasElement }) => {
    await rows(canvasElement)
    await new Promise((r) => setTimeout(r, 300))
    log(canvasElement).scrollTop = 0
    expect(await within(canvasElement).findByText('Loading older messages…', {}, { timeout: 3000 })).toBeInTheDocument()
    expect(log(canvasElement)).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(within(canvasElement).queryByText('Loading older messages…')).toBeNull(), { timeout: 5000 })
  },
}

/** An older page fails after its retries: a floating alert offers Retry, which loads it once the server heals. */
export const LoadingOlderFailed: Story = {
  render: frame('LoadingOlderFailed'),
  play: async ({ canvasElement }) => {
    await rows(canvasElement)
    const server = servers.get('LoadingOlderFailed')!
    server.configure({ failureRate: 1 })
    const s = log(canvasElement)
    s.scrollTop = 0
    await stillFor(s, 10)
    const first = rowOf(canvasElement, firstInView(s).dataset.messageId!)!
    const before = offsetIn(s, first)
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 })
    expect(alert).toHaveTextContent('Couldn’t load more messages.')
    // Floating over the log: the rows under it did not move.
    expect(Math.abs(offsetIn(s, first) - before)).toBeLessThanOrEqual(1)
    server.configure({ failureRate: 0 })
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(within(canvasElement).queryByRole('alert')).toBeNull(), { timeout: 5000 })
    await waitFor(() => expect(canvasElement.querySelector(`article[data-message-id="${first.dataset.messageId}"]`)).not.toBeNull())
  },
}

/** Opened around an old message (`anchorId`): it is in view and highlighted; "Jump to latest" goes back. */
function JumpDemo() {
  const client = useRoamingClient()
  const [anchor, setAnchor] = useState<string | null>(null)
  useEffect(() => {
    void client.getHistory({ conversationId: 'bob', chatType: 'singleChat', direction: 'down', pageSize: 50 })
      .then((page) => setAnchor(page.messages[30]?.id ?? null))
  }, [client])
  return anchor ? <MessageThread conversationId="bob" chatType="singleChat" anchorId={anchor} /> : null
}
export const JumpToMessage: Story = {
  render: () => <SimulatorFrame conversations={0} messages={200} height={520}><JumpDemo /></SimulatorFrame>,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.rk-message--highlighted')).not.toBeNull(), { timeout: 8000 })
    const target = canvasElement.querySelector<HTMLElement>('.rk-message--highlighted')!
    const box = log(canvasElement).getBoundingClientRect()
    await waitFor(() => {
      const r = target.getBoundingClientRect()
      expect(r.top >= box.top && r.bottom <= box.bottom).toBe(true)
    })
    const jump = within(canvasElement).getByRole('button', { name: 'Jump to latest' })
    await userEvent.click(jump)
    await waitFor(() => expect(canvasElement.querySelector('.rk-message--highlighted')).toBeNull(), { timeout: 5000 })
  },
}

/** Scrolled up while bob writes: a "2 new messages" pill appears and the view does not move. */
export const NewMessagesPill: Story = {
  render: frame('NewMessagesPill'),
  play: async ({ canvasElement }) => {
    await rows(canvasElement)
    await new Promise((r) => setTimeout(r, 400))
    const s = log(canvasElement)
    s.scrollTop -= 500
    await within(canvasElement).findByRole('button', { name: 'Jump to latest' })
    // Rows scrolled into view are measured after they render, and virtuoso then corrects scrollTop so that what is
    // on screen stays put: judge the view by the message on screen, not by scrollTop, once the list is still.
    await stillFor(s, 10)
    const anchor = firstInView(s)
    const before = offsetIn(s, anchor)
    servers.get('NewMessagesPill')!.sendMessage({ from: 'bob', to: 'alice', text: 'are you there?' })
    servers.get('NewMessagesPill')!.sendMessage({ from: 'bob', to: 'alice', text: 'ping' })
    const pill = await within(canvasElement).findByRole('button', { name: '2 new messages' })
    await stillFor(s, 5)
    expect(Math.abs(offsetIn(s, rowOf(canvasElement, anchor.dataset.messageId!)!) - before)).toBeLessThanOrEqual(1)
    await userEvent.click(pill)
    await waitFor(() => expect(s.scrollHeight - s.scrollTop - s.clientHeight).toBeLessThanOrEqual(2))
  },
}

/** A slow server: "Delete for me" removes the row at once while the request is still pending. */
export const DeletePending: Story = {
  render: frame('DeletePending', { latency: 1500 }),
  play: async ({ canvasElement }) => {
    const row = (await rows(canvasElement)).at(-1)!
    const id = row.dataset.messageId!
    await userEvent.click(within(await openActions(canvasElement, row)).getByRole('button', { name: 'Delete for me' }))
    await waitFor(() => expect(canvasElement.querySelector(`article[data-message-id="${id}"]`)).toBeNull())
    expect(within(canvasElement).getByText('Deleting…')).toBeInTheDocument()
    await waitFor(() => expect(within(canvasElement).queryByText('Deleting…')).toBeNull(), { timeout: 5000 })
    expect(canvasElement.querySelector(`article[data-message-id="${id}"]`)).toBeNull()
  },
}

/** The server refuses the deletion: an alert names the message, and its row comes back marked "Not deleted". */
export const DeleteFailedRolledBack: Story = {
  render: frame('DeleteFailedRolledBack', { latency: 200 }),
  play: async ({ canvasElement }) => {
    const row = (await rows(canvasElement)).at(-1)!
    const id = row.dataset.messageId!
    servers.get('DeleteFailedRolledBack')!.configure({ failureRate: 1 })
    await userEvent.click(within(await openActions(canvasElement, row)).getByRole('button', { name: 'Delete for me' }))
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent(/^Couldn’t delete 1 message: .+ They are back in the conversation\./)
    await waitFor(() => expect(canvasElement.querySelector(`article[data-message-id="${id}"]`)).toHaveAttribute('data-rk-state', 'failed'))
    servers.get('DeleteFailedRolledBack')!.configure({ failureRate: 0 })
  },
}

/** Selection mode from a message's actions: a count, "Delete selected" and "Cancel". */
export const SelectionMode: Story = {
  render: frame('SelectionMode'),
  play: async ({ canvasElement }) => {
    const list = await rows(canvasElement)
    const picked = list.slice(-3)
    await userEvent.click(within(await openActions(canvasElement, picked[0]!)).getByRole('button', { name: 'Select messages' }))
    for (const row of picked.slice(1)) await userEvent.click(within(rowOf(canvasElement, row.dataset.messageId!)!).getByRole('checkbox'))
    expect(within(canvasElement).getByText('3 selected')).toBeInTheDocument()
    const ids = picked.map((r) => r.dataset.messageId!)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Delete selected' }))
    await waitFor(() => { for (const id of ids) expect(canvasElement.querySelector(`article[data-message-id="${id}"]`)).toBeNull() })
    expect(within(canvasElement).queryByRole('checkbox')).toBeNull()
  },
}

/** zh-CN: every label, name and announcement in Chinese. */
export const ChineseLocale: Story = {
  render: frame('ChineseLocale', { locale: zhCN }),
  play: async ({ canvasElement }) => {
    const row = (await rows(canvasElement)).at(-1)!
    expect(within(canvasElement).getByRole('log', { name: '与 bob 的消息' })).toBeInTheDocument()
    await userEvent.click(within(rowOf(canvasElement, row.dataset.messageId!)!).getByRole('button', { name: /的消息的操作$/ }))
    expect(within(canvasElement).getByRole('button', { name: '为我删除' })).toBeInTheDocument()
    await userEvent.keyboard('{Escape}')
  },
}

/**
 * The connection drops: the thread says so over the top of its rows, moving none; a message of that time shows once it is
 * back, with the notice gone. Ends offline.
 */
export const Offline: Story = {
  render: () => (
    <SimulatorFrame conversations={0} messages={200} height={520}>
      {({ server, device }) => (
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
          <Expose name="Offline" server={server} />
          <ConnectionToggle server={server} device={device} />
          {thread}
        </div>
      )}
    </SimulatorFrame>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await rows(canvasElement)
    await playOffline(canvasElement, canvasElement.querySelector('.rk-thread-offline')!, {
      whileAway: () => servers.get('Offline')!.sendMessage({ from: 'bob', to: 'alice', text: 'sent while you were away' }),
      whenBack: () => waitFor(() => expect(canvas.getByText('sent while you were away')).toBeInTheDocument(), { timeout: 8000 }),
    })
  },
}

/** The dark theme, from the tokens' `light-dark()` values. */
export const Dark: Story = {
  render: frame('Dark', { theme: 'dark' }),
  play: async ({ canvasElement }) => {
    await rows(canvasElement)
    const root = canvasElement.querySelector('.rk-message-thread')!
    expect(root).toHaveAttribute('data-rk-theme', 'dark')
    expect(getComputedStyle(root).colorScheme).toBe('dark')
  },
}

/** 100,000 messages: opens at the latest page and pages older on demand, rendering only what is in view. */
export const HundredThousand: Story = {
  render: frame('HundredThousand', { messages: 100_000, latency: 100 }),
  play: async ({ canvasElement }) => {
    const list = await rows(canvasElement)
    expect(list.length).toBeLessThan(40)
    await new Promise((r) => setTimeout(r, 300))
    log(canvasElement).scrollTop = 0
    await within(canvasElement).findByText('Loading older messages…', {}, { timeout: 3000 })
    await waitFor(() => expect(within(canvasElement).queryByText('Loading older messages…')).toBeNull(), { timeout: 5000 })
    expect(canvasElement.querySelectorAll('article').length).toBeLessThan(60)
  },
}
