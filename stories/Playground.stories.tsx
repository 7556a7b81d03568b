import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { useRoamingStore } from '../src'
import { zhCN } from '../src/zh-CN'
import type { RoamingServer, SimulatedConnection } from '../src/testing'
import { TwoPaneApp } from '../demo/TwoPaneApp'
import { ConnectionToggle } from './support/ConnectionToggle'
import { SimulatorFrame, type SimulatorFrameProps } from './support/SimulatorFrame'

type PlaygroundArgs = Omit<SimulatorFrameProps, 'children' | 'prepare' | 'server'>

function Controls({ server, device }: { server: RoamingServer; device: SimulatedConnection }) {
  const active = useRoamingStore((s) => s.activeConversation)
  const incoming = () => {
    const peer = active?.chatType === 'singleChat' ? active.conversationId : 'bob'
    server.sendMessage({ from: peer, to: 'alice', text: `New message at ${new Date().toLocaleTimeString()}` })
  }
  const deleteElsewhere = async () => {
    if (!active) return
    // Alice's other device removes the newest message of the open conversation: this one hears `deleteRoaming`.
    const other = server.connect('alice', { resource: 'other-device' })
    const page = await other.getHistoryMessages({ targetId: active.conversationId, chatType: active.chatType, pageSize: 1 })
    const newest = page.messages[0]
    if (newest) await other.removeHistoryMessages({ targetId: active.conversationId, chatType: active.chatType, messageIds: [newest.id] })
    other.close()
  }
  return (
    <div role="toolbar" aria-label="Simulator" style={{ display: 'flex', gap: 8, padding: 8 }}>
      <button type="button" onClick={incoming}>Incoming message</button>
      <button type="button" onClick={() => void deleteElsewhere()} disabled={!active}>Delete on my other device</button>
      <ConnectionToggle server={server} device={device} withLogout withSignOut />
    </div>
  )
}

function Playground(args: PlaygroundArgs) {
  return (
    <SimulatorFrame {...args}>
      {({ server, device }) => (
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
          <Controls server={server} device={device} />
          <TwoPaneApp label="Playground" />
        </div>
      )}
    </SimulatorFrame>
  )
}

const meta = {
  title: 'Playground',
  component: Playground,
  args: { latency: [30, 300], failureRate: 0, rateLimit: 0, conversations: 200, messages: 2_000, locale: 'en', theme: 'light', height: 640 },
  argTypes: {
    latency: { control: 'object', description: 'Answer delay in ms: a number or [min, max]' },
    failureRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    rateLimit: { control: { type: 'number', min: 0, max: 100 }, description: 'Requests per second before "server busy" (0: none)' },
    conversations: { control: { type: 'range', min: 0, max: 10_000, step: 100 } },
    messages: { control: { type: 'range', min: 0, max: 100_000, step: 1_000 }, description: 'Messages with bob' },
    locale: { control: 'inline-radio', options: ['en', 'zh-CN'], mapping: { 'zh-CN': zhCN }, description: "'en', or the zhCN locale object" },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'system'] },
  },
} satisfies Meta<typeof Playground>
export default meta
type Story = StoryObj<typeof meta>

/** The whole kit on the simulator: pick a conversation, page its history, delete, and poke the server. */
export const Default: Story = {
  args: { latency: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    // The conversations' options, not the simulator menu's.
    const listbox = await canvas.findByRole('listbox', {}, { timeout: 10_000 })
    const options = await within(listbox).findAllByRole('option', {}, { timeout: 10_000 })
    await userEvent.click(options[0]!)
    const log = await canvas.findByRole('log', {}, { timeout: 10_000 })
    await waitFor(() => expect(within(log).getAllByRole('article').length).toBeGreaterThan(0), { timeout: 10_000 })
    await userEvent.click(canvas.getByRole('button', { name: 'Incoming message' }))
    await waitFor(() => expect(within(log).getAllByText(/^New message at/).length).toBeGreaterThan(0), { timeout: 10_000 })
  },
}

/** The server signs this device out (here: its password changed): both panes say why; logging in again brings it back. */
export const ServerSignsOut: Story = {
  args: { latency: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await within(await canvas.findByRole('listbox', {}, { timeout: 10_000 })).findAllByRole('option', {}, { timeout: 10_000 })
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'The server signs this device out' }), 'passwordChanged')
    await waitFor(() => expect(canvas.getAllByText('Signed out: the password was changed.').length).toBeGreaterThan(0))
    await userEvent.click(canvas.getByRole('button', { name: 'Log in again' }))
    await waitFor(() => expect(canvas.queryByText('Signed out: the password was changed.')).toBeNull())
    await expect(canvas.getByRole('combobox', { name: 'The server signs this device out' })).toBeVisible()
  },
}
