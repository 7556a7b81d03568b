import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { useRoamingStore } from '../src'
import { createRoamingServer, type RoamingServer, type SimulatedConnection } from '../src/testing'
import { TwoPaneApp } from '../demo/TwoPaneApp'
import { ConnectionToggle } from './support/ConnectionToggle'
import { SimulatorFrame } from './support/SimulatorFrame'

/** Props of the two-device story. */
interface TwoDevicesProps {
  /** Answer and push delay, ms. */
  latency: number
}

/** The phone signs the laptop out (a device-management action), which the server then tells the laptop (217). */
function SignOutFromPhone({ server, device }: { server: RoamingServer; device: SimulatedConnection }) {
  const connected = useRoamingStore((s) => s.connected)
  return (
    <button type="button" style={{ margin: '0 0 8px' }} disabled={!connected} onClick={() => server.signOut(device, 'kickedByOtherDevice')}>
      Sign the laptop out from the phone
    </button>
  )
}

/** One user, alice, on two devices side by side, sharing one simulated server. */
function TwoDevices({ latency }: TwoDevicesProps) {
  const [server] = useState(() => {
    const s = createRoamingServer({ seed: 3, latency })
    s.generate({ user: 'alice', conversations: 12, messagesPerConversation: [20, 60] })
    return s
  })
  return (
    <div style={{ display: 'flex', gap: 16, height: 560 }}>
      <SimulatorFrame server={server} height={560}><TwoPaneApp label="Phone" /></SimulatorFrame>
      <SimulatorFrame server={server} height={560}>
        {({ device }) => (
          <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
            <div style={{ display: 'flex', gap: 8 }}>
              <ConnectionToggle server={server} device={device} labels={["Drop the laptop's connection", 'Reconnect the laptop']} withLogout />
              <SignOutFromPhone server={server} device={device} />
            </div>
            <TwoPaneApp label="Laptop" />
          </div>
        )}
      </SimulatorFrame>
    </div>
  )
}

const meta = {
  title: 'Two devices',
  component: TwoDevices,
  args: { latency: 40 },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof TwoDevices>
export default meta
type Story = StoryObj<typeof meta>

type Within = ReturnType<typeof within>

/** Both devices, once each lists a few conversations. */
async function devices(canvasElement: HTMLElement): Promise<{ canvas: Within; phone: Within; laptop: Within }> {
  const canvas = within(canvasElement)
  const phone = within(await canvas.findByRole('region', { name: 'Phone' }))
  const laptop = within(await canvas.findByRole('region', { name: 'Laptop' }))
  await waitFor(() => expect(laptop.getAllByRole('option').length).toBeGreaterThan(3), { timeout: 10_000 })
  await waitFor(() => expect(phone.getAllByRole('option').length).toBeGreaterThan(3), { timeout: 10_000 })
  return { canvas, phone, laptop }
}

/** Whether a device lists the conversation. */
const lists = (device: Within, name: string) => device.queryAllByRole('option').some((o: HTMLElement) => o.textContent?.includes(name))

/** Deletes the phone's first conversation (toolbar, then the dialog); resolves its name once the phone dropped it. */
async function deleteFirstOnPhone(phone: Within, before?: (name: string) => Promise<void>): Promise<string> {
  await userEvent.click(phone.getAllByRole('option')[0]!)
  const toolbar = phone.getByRole('toolbar', { name: /^Actions for / })
  const name = toolbar.getAttribute('aria-label')!.replace(/^Actions for /, '')
  await before?.(name)
  await userEvent.click(within(toolbar).getByRole('button', { name: 'Delete' }))
  const dialog = within(await phone.findByRole('dialog'))
  await userEvent.click(dialog.getByRole('button', { name: 'Delete' }))
  await waitFor(() => expect(lists(phone, name)).toBe(false))
  return name
}

/** Deleting a conversation on one device removes it on the other, with no reload. */
export const DeleteSyncs: Story = {
  play: async ({ canvasElement }) => {
    const { phone, laptop } = await devices(canvasElement)
    const name = await deleteFirstOnPhone(phone, (n) => waitFor(() => expect(lists(laptop, n)).toBe(true)))
    await waitFor(() => expect(lists(laptop, name)).toBe(false), { timeout: 10_000 })
  },
}

/**
 * A star given on the phone (its row actions) tags the row on the laptop too, from the SDK's event; the laptop's
 * "Starred only" shows it, from the server's list of starred conversations.
 */
export const StarSyncs: Story = {
  play: async ({ canvasElement }) => {
    const { phone, laptop } = await devices(canvasElement)
    await userEvent.click(phone.getAllByRole('option')[1]!)
    const toolbar = phone.getByRole('toolbar', { name: /^Actions for / })
    const name = toolbar.getAttribute('aria-label')!.replace(/^Actions for /, '')
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Starred' }))
    const laptopRow = () => laptop.getAllByRole('option').find((o: HTMLElement) => o.textContent?.includes(name))
    await waitFor(() => expect(laptopRow()?.querySelector('.rk-conversation-row-marks')).toHaveTextContent('Starred'), { timeout: 10_000 })
    await userEvent.click(laptop.getByRole('checkbox', { name: 'Starred only' }))
    await waitFor(() => expect(laptop.getAllByRole('option').map((o: HTMLElement) => o.querySelector('.rk-conversation-row-name')?.textContent)).toEqual([name]), { timeout: 10_000 })
  },
}

/**
 * The laptop's connection drops while the phone deletes a conversation: the laptop hears nothing and still lists
 * it. Once reconnected it reads its lists again and ends as the phone left it.
 */
export const AwayThenBack: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, phone, laptop } = await devices(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: "Drop the laptop's connection" }))
    // The laptop says it is offline, above its list and its thread.
    await waitFor(() => expect(laptop.getAllByText('Connection lost. Reconnecting…').length).toBeGreaterThan(0))
    const name = await deleteFirstOnPhone(phone)
    // Well past the latency: the deletion's event never reached the laptop.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(lists(laptop, name)).toBe(true)
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect the laptop' }))
    await waitFor(() => expect(lists(laptop, name)).toBe(false), { timeout: 10_000 })
    expect(laptop.queryByText('Connection lost. Reconnecting…')).toBeNull()
  },
}

/** The row of a device that names the conversation. */
const rowOf = (device: Within, name: string) =>
  device.getAllByRole('option').find((o: HTMLElement) => o.querySelector('.rk-conversation-row-name')?.textContent === name)

/**
 * Opening a conversation with unread messages on the phone shows where they start and sends the read ack: the
 * laptop's badge goes without a list read, and it stays gone when the laptop reads its list again after a reconnection.
 */
export const ReadSyncs: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, phone, laptop } = await devices(canvasElement)
    const unread = phone.getAllByRole('option').find((o: HTMLElement) => o.dataset.unread === 'true')!
    const name = unread.querySelector('.rk-conversation-row-name')!.textContent!
    await waitFor(() => expect(rowOf(laptop, name)?.dataset.unread).toBe('true'))
    await userEvent.click(unread)
    await waitFor(() => expect(rowOf(phone, name)?.dataset.unread).toBeUndefined())
    // The phone's thread opens where the unread messages start.
    await waitFor(() => expect(phone.getByText('Unread messages')).toBeTruthy())
    await waitFor(() => expect(rowOf(laptop, name)?.dataset.unread).toBeUndefined(), { timeout: 10_000 })
    await userEvent.click(canvas.getByRole('button', { name: "Drop the laptop's connection" }))
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect the laptop' }))
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(rowOf(laptop, name)?.dataset.unread).toBeUndefined()
  },
}

/**
 * The phone signs the laptop out: the laptop says why and still shows what it had (its saved cache, with `persist`,
 * would be erased); logging in again brings it back.
 */
export const SignedOutFromPhone: Story = {
  play: async ({ canvasElement }) => {
    const { canvas, laptop } = await devices(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign the laptop out from the phone' }))
    await waitFor(() => expect(laptop.getAllByText('Signed out by another device.').length).toBeGreaterThan(0))
    await expect(laptop.getAllByRole('option').length).toBeGreaterThan(3)
    await expect(canvas.getByRole('button', { name: 'Sign the laptop out from the phone' })).toBeDisabled()
    await userEvent.click(canvas.getByRole('button', { name: 'Log in again' }))
    await waitFor(() => expect(laptop.queryByText('Signed out by another device.')).toBeNull())
    await expect(canvas.getByRole('button', { name: 'Sign the laptop out from the phone' })).toBeEnabled()
  },
}
