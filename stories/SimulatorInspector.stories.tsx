import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { SimulatorInspector } from './SimulatorInspector'

const meta = {
  title: 'Simulator/Inspector',
  component: SimulatorInspector,
  args: { conversations: 30, pageSize: 20 },
  argTypes: {
    conversations: { control: { type: 'range', min: 0, max: 10000, step: 10 } },
    pageSize: { control: { type: 'range', min: 1, max: 50 } },
  },
} satisfies Meta<typeof SimulatorInspector>
export default meta
type Story = StoryObj<typeof meta>

/** The first page of a generated user's server conversation list, through `createRoamingClient`. */
export const FirstPage: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('list', { name: 'Conversations' }, { timeout: 5000 })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(20))
  },
}

/** A user with no conversations gets an empty list, not an error. */
export const Empty: Story = {
  args: { conversations: 0 },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('list', { name: 'Conversations' }, { timeout: 5000 })
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0)
  },
}
