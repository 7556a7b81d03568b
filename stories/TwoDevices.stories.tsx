import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createRoamingServer } from '../src/testing'
import { TwoPaneApp } from '../demo/TwoPaneApp'
import { SimulatorFrame } from './support/SimulatorFrame'

/** Props of the two-device story. */
interface TwoDevicesProps {
  /** Answer and push delay, ms. */
  latency: number
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
      <SimulatorFrame server={server} height={560}><TwoPaneApp label="Laptop" /></SimulatorFrame>
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

/** Deleting a conversation on one device removes it on the other, with no reload. */
export const DeleteSyncs: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const phone = within(await canvas.findByRole('region', { name: 'Phone' }))
    const laptop = within(await canvas.findByRole('region', { name: 'Laptop' }))
    await waitFor(() => expect(laptop.getAllByRole('option').length).toBeGreaterThan(3), { timeout: 10_000 })
    await waitFor(() => expect(phone.getAllByRole('option').length).toBeGreaterThan(3), { timeout: 10_000 })
    await userEvent.click(phone.getAllByRole('option')[0]!)
    const toolbar = phone.getByRole('toolbar', { name: /^Actions for / })
    const name = toolbar.getAttribute('aria-label')!.replace(/^Actions for /, '')
    await waitFor(() => expect(laptop.getAllByRole('option').some((o) => o.textContent?.includes(name))).toBe(true))
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Delete' }))
    const dialog = within(await phone.findByRole('dialog'))
    await userEvent.click(dialog.getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(phone.queryAllByRole('option').some((o) => o.textContent?.includes(name))).toBe(false))
    await waitFor(() => expect(laptop.queryAllByRole('option').some((o) => o.textContent?.includes(name))).toBe(false), { timeout: 10_000 })
  },
}
