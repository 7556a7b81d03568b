import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { Virtuoso } from 'react-virtuoso'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { useConversationList, useHistoryMessages, useRemoveHistoryMessages, useRoamingStore, type Conversation, type RoamingMessage } from '../src'
import { ConnectionToggle } from './support/ConnectionToggle'
import { Expose, servers } from './support/Expose'
import { SimulatorFrame } from './support/SimulatorFrame'

/**
 * A UI of its own on the public hooks and bare react-virtuoso: what an app with its own design writes. Everything
 * roaming (paging, live messages, other devices, optimistic removal) comes from the hooks; the views hold still
 * because each list is given the hook's `firstItemIndex` and tells the hook what is in view.
 */


const textOf = (m: RoamingMessage | null) => (!m ? '' : m.type === 'txt' ? m.text : `[${m.type}]`)

/** The conversations: paged on scroll, live, rows in view held still (`firstItemIndex`, `setViewRange`). */
function Conversations({ onOpen }: { onOpen: (c: Conversation) => void }) {
  const list = useConversationList({ pageSize: 20 })
  if (list.status === 'pending') return <p>Loading…</p>
  return (
    <nav aria-label="My conversations" style={{ width: 240, borderRight: '1px solid #ddd' }}>
      <Virtuoso
        style={{ height: '100%' }} data={list.conversations} firstItemIndex={list.firstItemIndex}
        rangeChanged={list.setViewRange} endReached={list.fetchNextPage}
        computeItemKey={(_, c) => `${c.chatType}:${c.conversationId}`}
        itemContent={(_, c) => (
          <button type="button" className="my-conversation" onClick={() => onOpen(c)} style={{ display: 'block', width: '100%', height: 48, textAlign: 'start' }}>
            <b>{c.conversationId}</b> {c.unreadCount > 0 && `(${c.unreadCount})`}<br />
            <small>{textOf(c.lastMessage)}</small>
          </button>
        )}
      />
    </nav>
  )
}

/** One conversation: older pages on scroll up, removals above the view leave it still (`setViewRange`). */
function Thread({ conversation }: { conversation: Conversation }) {
  const { conversationId, chatType } = conversation
  const history = useHistoryMessages({ conversationId, chatType, pageSize: 20 })
  const { remove } = useRemoveHistoryMessages()
  const { messages, firstItemIndex } = history
  if (history.status !== 'success') return <p>{history.status === 'error' ? 'Could not load.' : 'Loading…'}</p>
  return (
    <section aria-label={`Messages with ${conversationId}`} style={{ flex: 1 }}>
      <Virtuoso
        style={{ height: '100%' }} data={messages} firstItemIndex={firstItemIndex}
        initialTopMostItemIndex={Math.max(0, messages.length - 1)} followOutput={history.isLatest ? 'auto' : false}
        startReached={history.fetchOlder} endReached={history.fetchNewer}
        rangeChanged={history.setViewRange}
        computeItemKey={(_, m) => m.id}
        itemContent={(_, m) => (
          <p className="my-message" data-id={m.id} style={{ margin: 0, padding: '6px 12px' }}>
            {m.from}: {textOf(m)}{' '}
            <button type="button" onClick={() => remove({ conversationId, chatType, messageIds: [m.id] })}>Delete {m.id}</button>
          </p>
        )}
      />
    </section>
  )
}

/** The app's own word on the connection: the store's `connected` (the SDK's drops and the browser's offline state). */
function ConnectionLine() {
  const connected = useRoamingStore((s) => s.connected)
  return <p aria-live="polite" style={{ margin: 0, padding: connected ? 0 : 8, background: '#fff3cd' }}>{connected ? '' : 'Offline: showing what was loaded.'}</p>
}

/** The app: the list on the left, the open conversation on the right. */
function CustomUI() {
  const [open, setOpen] = useState<Conversation | null>(null)
  return (
    <SimulatorFrame conversations={40} messages={0} latency={30}>
      {({ server, device }) => (
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
          <ConnectionToggle server={server} device={device} />
          <ConnectionLine />
          <div style={{ display: 'flex', flex: 1, minWidth: 0, minHeight: 0 }}>
            <Expose name="CustomUI" server={server} />
            <Conversations onOpen={setOpen} />
            {open ? <Thread key={`${open.chatType}:${open.conversationId}`} conversation={open} /> : <p style={{ padding: 12 }}>Pick a conversation.</p>}
          </div>
        </div>
      )}
    </SimulatorFrame>
  )
}

const meta = {
  title: 'Hooks/Custom UI',
  component: CustomUI,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof CustomUI>
export default meta
type Story = StoryObj<typeof meta>

/** Browse: the list pages on scroll, a click opens the conversation, and a message is removed optimistically. */
export const Browse: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const nav = await canvas.findByRole('navigation', { name: 'My conversations' }, { timeout: 8000 })
    await waitFor(() => expect(nav.querySelectorAll('.my-conversation').length).toBeGreaterThan(3), { timeout: 8000 })
    const first = nav.querySelector<HTMLElement>('.my-conversation')!
    const name = first.querySelector('b')!.textContent!
    await userEvent.click(first)
    const thread = await canvas.findByRole('region', { name: `Messages with ${name}` }, { timeout: 8000 })
    // react-virtuoso renders a probe row first, then the rows in view: take the last row once they are there.
    const last = await waitFor(() => {
      const row = [...thread.querySelectorAll<HTMLElement>('.my-message')].at(-1)
      expect(row?.isConnected).toBe(true)
      return row!
    }, { timeout: 8000 })
    const id = last.dataset.id!
    await userEvent.click(within(last).getByRole('button', { name: `Delete ${id}` }))
    await waitFor(() => expect(thread.querySelector(`[data-id="${id}"]`)).toBeNull())
    // Scrolled down, a message to a conversation below the view moves it to the top, and the rows in view stay
    // where they are (the hook's firstItemIndex; 48 px, a row, without setViewRange).
    const scroller = nav.querySelector<HTMLElement>('[data-virtuoso-scroller]')!
    scroller.scrollTop = 5 * 48 + 10
    await new Promise((r) => setTimeout(r, 300))
    const rows = () => [...nav.querySelectorAll<HTMLElement>('.my-conversation')]
    const top = scroller.getBoundingClientRect().top
    const seen = rows().find((b) => b.getBoundingClientRect().top >= top)!
    const seenName = seen.querySelector('b')!.textContent!
    const before = seen.getBoundingClientRect().top
    const lower = rows().at(-1)!.querySelector('b')!.textContent!
    servers.get('CustomUI')!.sendMessage({ from: lower, to: 'alice', text: 'up you go' })
    await waitFor(() => expect(rows().some((b) => b.querySelector('b')!.textContent === lower)).toBe(false), { timeout: 8000 })
    await new Promise((r) => setTimeout(r, 300))
    const now = rows().find((b) => b.querySelector('b')!.textContent === seenName)!
    expect(Math.abs(now.getBoundingClientRect().top - before)).toBeLessThan(0.5)
    // At the top, the conversation that moved is first.
    scroller.scrollTop = 0
    await waitFor(() => expect(nav.querySelector('.my-conversation b')!.textContent).toBe(lower), { timeout: 8000 })
  },
}

/** The connection drops: the app reads `connected` from the store and says so; back, it says nothing. */
export const Offline: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const nav = await canvas.findByRole('navigation', { name: 'My conversations' }, { timeout: 8000 })
    await waitFor(() => expect(nav.querySelectorAll('.my-conversation').length).toBeGreaterThan(3), { timeout: 8000 })
    await userEvent.click(canvas.getByRole('button', { name: 'Drop the connection' }))
    await expect(canvas.getByText('Offline: showing what was loaded.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }))
    await waitFor(() => expect(canvas.queryByText('Offline: showing what was loaded.')).toBeNull())
  },
}
