import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { useConversationList, useMarkConversation } from '../src'
import { Expose, servers } from './support/Expose'
import { SimulatorFrame } from './support/SimulatorFrame'

/**
 * Conversation marks on the public hooks: a star is mark 0 (what a mark means is the app's). `useMarkConversation`
 * shows a change at once and sends it; a change on the user's other device comes through the SDK's event.
 */

const STAR = 0

/**
 * The first page of conversations with a star toggle each, and a "Starred only" switch to the server's list of the
 * starred ones (`useConversationList({ mark })`: every starred conversation, loaded or not in the whole list).
 */
function StarredConversations() {
  const [starredOnly, setStarredOnly] = useState(false)
  const list = useConversationList(starredOnly ? { mark: STAR } : { pageSize: 20 })
  const { mark } = useMarkConversation()
  if (list.status !== 'success') return <p>{list.status === 'error' ? 'Could not load.' : 'Loading…'}</p>
  const shown = list.conversations
  return (
    <section aria-label="Conversations" style={{ padding: 12, width: 320 }}>
      <label><input type="checkbox" checked={starredOnly} onChange={(e) => setStarredOnly(e.target.checked)} /> Starred only</label>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {shown.map((c) => {
          const starred = c.marks.includes(STAR)
          return (
            <li key={`${c.chatType}:${c.conversationId}`} className="my-conversation" data-id={c.conversationId} data-type={c.chatType} style={{ display: 'flex', gap: 8, padding: 4 }}>
              <button type="button" aria-pressed={starred} aria-label={`Star ${c.conversationId}`}
                onClick={() => mark({ conversationId: c.conversationId, chatType: c.chatType, mark: STAR, marked: !starred })}>
                {starred ? '★' : '☆'}
              </button>
              <span>{c.conversationId}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function Marks() {
  return (
    <SimulatorFrame conversations={12} latency={[40, 120]}>
      {({ server }) => (
        <>
          <Expose name="Marks" server={server} />
          <StarredConversations />
        </>
      )}
    </SimulatorFrame>
  )
}

const meta = {
  title: 'Hooks/Marks',
  component: Marks,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Marks>
export default meta
type Story = StoryObj<typeof meta>

const LOAD = { timeout: 8000 }

/**
 * A star shows at once; "Starred only" shows the server's starred list; the user's phone stars another conversation
 * and it joins here from the SDK's event; unstarred here, a conversation leaves it.
 */
export const StarOnTwoDevices: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const rows = () => [...canvasElement.querySelectorAll<HTMLElement>('.my-conversation')]
    await waitFor(() => expect(rows()).toHaveLength(12), LOAD)
    const [first, second] = rows().map((r) => r.dataset.id!)
    const secondType = rows()[1]!.dataset.type as 'singleChat' | 'groupChat'
    await userEvent.click(canvas.getByRole('button', { name: `Star ${first}` }))
    // Before the server answers (40–120 ms each way).
    await expect(canvas.getByRole('button', { name: `Star ${first}` })).toHaveAttribute('aria-pressed', 'true')
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Starred only' }))
    await waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual([first]), LOAD)
    const phone = servers.get('Marks')!.connect('alice')
    await phone.addConversationMark({ conversations: [{ conversationId: second!, conversationType: secondType }], mark: STAR })
    await waitFor(() => expect(rows().map((r) => r.dataset.id).sort()).toEqual([first, second].sort()), LOAD)
    await userEvent.click(canvas.getByRole('button', { name: `Star ${first}` }))
    await waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual([second]), LOAD)
    // The server has what shows.
    const onServer = await phone.getServerConversationsByFilter({ filter: { mark: STAR } })
    await expect(onServer.data.conversations.map((c) => c.conversationId)).toEqual([second])
  },
}
