import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { MessageThread, useHistoryMessages, type RoamingMessage } from '../src'
import type { RoamingServer } from '../src/testing'
import { Expose, servers } from './support/Expose'
import { SimulatorFrame } from './support/SimulatorFrame'

/**
 * A media gallery on `useHistoryMessages({ search })`: the server finds bob's images, the gallery pages through
 * them alone, and a click opens the whole thread around one (`MessageThread`'s `anchorId`). Removals on either side
 * show on both; a live message joins the gallery only when it is an image.
 */

/** A small SVG tile with its number, as a data URL (no network). */
const tile = (n: number) => `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72"><rect width="72" height="72" fill="hsl(${(n * 47) % 360} 60% 70%)"/><text x="36" y="44" font-size="22" text-anchor="middle">${n}</text></svg>`,
)}`

/** 60 messages with bob, every third an image (20). */
function prepare(server: RoamingServer) {
  for (let n = 0; n < 60; n++) {
    if (n % 3 === 0) server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: tile(n / 3 + 1), width: 72, height: 72 })
    else server.sendMessage({ from: n % 2 ? 'alice' : 'bob', to: n % 2 ? 'bob' : 'alice', text: `message ${n}` })
  }
}

/** Every message the search found: an image as a button that opens it in the thread, anything else as its type. */
function Gallery({ onOpen }: { onOpen: (m: RoamingMessage) => void }) {
  const gallery = useHistoryMessages({ conversationId: 'bob', chatType: 'singleChat', pageSize: 12, search: { msgTypes: ['img'] } })
  if (gallery.status !== 'success') return <p>{gallery.status === 'error' ? 'Could not load.' : 'Loading…'}</p>
  return (
    <section aria-label="Images with bob" style={{ width: 340, padding: 12, overflow: 'auto', borderRight: '1px solid #ddd' }}>
      {gallery.hasOlder && (
        <button type="button" onClick={gallery.fetchOlder} disabled={gallery.isFetchingOlder}>Older images</button>
      )}
      <ul style={{ listStyle: 'none', margin: '8px 0', padding: 0, display: 'grid', gridTemplateColumns: 'repeat(4, 72px)', gap: 6 }}>
        {gallery.messages.map((m) => (
          <li key={m.id} className="my-tile" data-id={m.id}>
            {m.type === 'img'
              ? <button type="button" aria-label={`Open image ${m.id}`} onClick={() => onOpen(m)} style={{ padding: 0, border: 0 }}><img src={m.url} alt="" width={72} height={72} /></button>
              : <span>[{m.type}]</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The gallery on the left, the thread around the picked image on the right. */
function MediaGallery() {
  const [open, setOpen] = useState<string | null>(null)
  return (
    <SimulatorFrame conversations={0} prepare={prepare}>
      {({ server }) => (
        <div style={{ display: 'flex', flex: 1, minWidth: 0, minHeight: 0 }}>
          <Expose name="Gallery" server={server} />
          <Gallery onOpen={(m) => setOpen(m.id)} />
          <div style={{ flex: 1, minWidth: 0, display: 'flex' }}>
            {open ? <MessageThread key={open} conversationId="bob" chatType="singleChat" anchorId={open} /> : <p style={{ padding: 12 }}>Pick an image.</p>}
          </div>
        </div>
      )}
    </SimulatorFrame>
  )
}

const meta = {
  title: 'Hooks/Media gallery',
  component: MediaGallery,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof MediaGallery>
export default meta
type Story = StoryObj<typeof meta>

const LOAD = { timeout: 8000 }

/**
 * The gallery pages through the 20 images alone; a live text does not join it, a live image does; an image opens the
 * thread around it, and deleting it there takes it out of the gallery.
 */
export const Browse: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const gallery = await canvas.findByRole('region', { name: 'Images with bob' }, LOAD)
    const tiles = () => [...gallery.querySelectorAll<HTMLElement>('.my-tile')]
    await waitFor(() => expect(tiles()).toHaveLength(12), LOAD)
    await userEvent.click(within(gallery).getByRole('button', { name: 'Older images' }))
    await waitFor(() => expect(tiles()).toHaveLength(20), LOAD)
    await expect(within(gallery).queryByRole('button', { name: 'Older images' })).toBeNull()
    // Only images: a non-image tile would show its type.
    await expect(gallery).not.toHaveTextContent('[')
    const server = servers.get('Gallery')!
    server.sendMessage({ from: 'bob', to: 'alice', text: 'not a picture' })
    const picture = server.sendMessage({ from: 'bob', to: 'alice', type: 'img', url: tile(21), width: 72, height: 72 })
    await waitFor(() => expect(tiles().at(-1)!.dataset.id).toBe(picture.id), LOAD)
    await expect(tiles()).toHaveLength(21)
    await expect(gallery).not.toHaveTextContent('[')
    // The first image opens the whole thread around it, highlighted among the texts around it.
    const first = tiles()[0]!.dataset.id!
    await userEvent.click(within(gallery).getByRole('button', { name: `Open image ${first}` }))
    const log = await canvas.findByRole('log', {}, LOAD)
    // react-virtuoso renders a probe row first, then the rows in view: read the row again once it is in place.
    const row = () => log.querySelector<HTMLElement>(`article[data-message-id="${first}"]`)
    await waitFor(() => expect(row()?.isConnected).toBe(true), LOAD)
    await new Promise((resolve) => setTimeout(resolve, 200))
    await expect(row()).toHaveClass('rk-message--highlighted')
    await expect(log).toHaveTextContent('message 1')
    // Deleted in the thread: gone from the gallery too (both are views of one history).
    await userEvent.click(within(row()!).getByRole('button', { name: /^Actions for message from/ }))
    await userEvent.click(canvas.getByRole('button', { name: 'Delete for me' }))
    await waitFor(() => expect(tiles().map((t) => t.dataset.id)).not.toContain(first), LOAD)
    await expect(tiles()).toHaveLength(20)
  },
}
