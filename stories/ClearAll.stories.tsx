import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ConversationList, useDeleteAllConversations } from '../src'
import { Expose, servers } from './support/Expose'
import { SimulatorFrame } from './support/SimulatorFrame'

/**
 * "Clear all chats" on the public hook: `useDeleteAllConversations` deletes every conversation of the user with its
 * server history. The drop-in list empties at once; refused, it comes back.
 */

/** An app's settings panel: one button, the outcome said in a status line. */
function ClearAllButton() {
  const { deleteAll, status, error } = useDeleteAllConversations()
  return (
    <section aria-label="Settings" style={{ padding: 12, fontFamily: 'system-ui' }}>
      <button type="button" onClick={() => deleteAll()} disabled={status === 'pending'}>Delete all conversations</button>
      <p role="status" aria-label="Clear all">
        {status === 'pending' ? 'Deleting…' : status === 'success' ? 'All conversations deleted.' : status === 'error' ? `Not deleted: ${error?.message ?? ''}` : ''}
      </p>
    </section>
  )
}

function ClearAll({ latency, failureRate }: { latency: number; failureRate: number }) {
  return (
    <SimulatorFrame conversations={12} latency={latency} failureRate={failureRate}>
      {({ server }) => (
        <div style={{ display: 'flex', flex: 1, minWidth: 0 }}>
          <Expose name="ClearAll" server={server} />
          <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}><ConversationList /></div>
          <ClearAllButton />
        </div>
      )}
    </SimulatorFrame>
  )
}

const meta = {
  title: 'Hooks/Clear all chats',
  component: ClearAll,
  args: { latency: 300, failureRate: 0 },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof ClearAll>
export default meta
type Story = StoryObj<typeof meta>

const LOAD = { timeout: 8000 }
const rows = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>('[role="option"]')]

/**
 * The list empties while the request is out (300 ms each way); the server then has no conversation. A message that
 * comes afterwards lists its conversation again, alone.
 */
export const Deleted: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3), LOAD)
    await userEvent.click(canvas.getByRole('button', { name: 'Delete all conversations' }))
    await expect(canvas.getByRole('status', { name: 'Clear all' })).toHaveTextContent('Deleting…')
    await waitFor(() => expect(canvas.getByText('No conversations yet')).toBeInTheDocument(), LOAD)
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Clear all' })).toHaveTextContent('All conversations deleted.'), LOAD)
    const server = servers.get('ClearAll')!
    const onServer = await server.connect('alice').getServerConversations({ pageSize: 50 })
    await expect(onServer.data.conversations).toEqual([])
    server.sendMessage({ from: 'zoe', to: 'alice', text: 'hello again' })
    await waitFor(() => expect(rows(canvasElement).map((r) => r.querySelector('.rk-conversation-row-name')?.textContent)).toEqual(['zoe']), LOAD)
  },
}

/**
 * The server refuses (its failure rate set to 1 once the list loaded; the `failureRate` arg does it by hand): the list
 * empties, then comes back as it was, and the panel says why.
 */
export const RefusedRolledBack: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const names = () => rows(canvasElement).map((r) => r.querySelector('.rk-conversation-row-name')?.textContent)
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3), LOAD)
    const before = names()
    const server = servers.get('ClearAll')!
    server.configure({ failureRate: 1 })
    await userEvent.click(canvas.getByRole('button', { name: 'Delete all conversations' }))
    await waitFor(() => expect(canvas.getByText('No conversations yet')).toBeInTheDocument(), LOAD)
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Clear all' })).toHaveTextContent('Not deleted:'), LOAD)
    server.configure({ failureRate: 0 })
    await waitFor(() => expect(names()).toEqual(before), LOAD)
  },
}
