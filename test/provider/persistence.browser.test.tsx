import { clear, createStore } from 'idb-keyval'
import { render, type RenderResult } from 'vitest-browser-react'
import { createRoamingServer } from '../../src/testing'
import { app, appOn } from './PersistenceApp'

// Clear, not delete: deleting the database would wait for the kit's open connection forever.
beforeEach(() => clear(createStore('roamkit', 'cache')))

const rows = (view: RenderResult) => view.getByRole('list', { name: 'conversations' }).getByRole('listitem')
const texts = (view: RenderResult) => rows(view).elements().map((li) => li.textContent)

/** An earlier session of carol's saved her 2 conversations; now alice's tab shows her 3. */
async function carolSavedThenAliceTab() {
  const server = createRoamingServer({ seed: 5 })
  server.generate({ user: 'alice', conversations: 3, messagesPerConversation: 5 })
  server.generate({ user: 'carol', conversations: 2, messagesPerConversation: 5 })
  const earlier = await render(app(server, 'carol', { throttleMs: 20 }))
  await expect.poll(() => rows(earlier).elements().length).toBe(2)
  const carols = texts(earlier)
  await new Promise((r) => setTimeout(r, 100))
  await earlier.unmount()
  const device = server.connect('alice')
  const screen = await render(appOn(device, { throttleMs: 20 }))
  await expect.poll(() => rows(screen).elements().length).toBe(3)
  return { server, device, screen, carols }
}

describe('persisted cache (IndexedDB, opt-in)', () => {
  it('after a reload, the list and the last opened thread show while the server is paused; a deleted message stays deleted; another user sees none of it', async () => {
    const server = createRoamingServer({ seed: 5 })
    server.generate({ user: 'alice', conversations: 5, messagesPerConversation: 30 })
    const first = await render(app(server, 'alice', { throttleMs: 20 }))
    await first.getByRole('button', { name: 'open first' }).click()
    const thread = first.getByRole('list', { name: 'thread' })
    await expect.poll(() => thread.getByRole('listitem').elements().length).toBe(20)
    const ids = thread.getByRole('listitem').elements().map((li) => li.getAttribute('data-id'))
    const gone = ids[3]!
    await first.getByRole('button', { name: 'delete fourth' }).click()
    await expect.element(first.getByRole('status', { name: 'removal' })).toHaveTextContent('success')
    const peer = first.getByRole('list', { name: 'conversations' }).getByRole('listitem').first().element().textContent!
    await new Promise((r) => setTimeout(r, 100))
    await first.unmount()

    // "Reload": new provider, new cache, new device; the server answers nothing.
    server.configure({ network: 'paused' })
    const answered = server.requests.length
    const second = await render(app(server, 'alice', { throttleMs: 20 }))
    await expect.element(second.getByRole('list', { name: 'conversations' }).getByText(peer, { exact: true })).toBeVisible()
    const restored = second.getByRole('list', { name: 'thread' }).getByRole('listitem')
    await expect.poll(() => restored.elements().length).toBe(19)
    expect(restored.elements().map((li) => li.getAttribute('data-id'))).toEqual(ids.filter((id) => id !== gone))
    expect(server.requests.length).toBe(answered)
    await second.unmount()

    // Another user on the same browser: nothing of alice's.
    const carol = await render(app(server, 'carol', { throttleMs: 20 }))
    await new Promise((r) => setTimeout(r, 300))
    expect(carol.getByRole('list', { name: 'conversations' }).getByRole('listitem').elements()).toHaveLength(0)
    await carol.unmount()
    server.configure({ network: 'online' })
  })

  it('a login as another user on the same connection shows that user’s saved cache, and nothing of the first', async () => {
    const { server, device, screen, carols } = await carolSavedThenAliceTab()
    // carol logs in on this tab while the server answers nothing: only her saved cache can show.
    server.configure({ network: 'paused' })
    try {
      device.close()
      await device.open({ user: 'carol', accessToken: 't' })
      await expect.poll(() => texts(screen)).toEqual(carols)
      await screen.unmount()
    } finally {
      server.configure({ network: 'online' })
    }
  })

  it('at another user\'s login the queries wait for that user\'s saved cache: a list saved a moment ago is not read again', async () => {
    const { server, device, screen } = await carolSavedThenAliceTab()
    const before = server.requests.length
    device.close()
    await device.open({ user: 'carol', accessToken: 't' })
    await expect.poll(() => rows(screen).elements().length).toBe(2)
    await new Promise((r) => setTimeout(r, 300))
    const reads = server.requests.slice(before).filter((r) => r.method === 'getServerConversations')
    expect(reads).toEqual([])
    await screen.unmount()
  })

  it('after a reload without a network, the persisted list and thread show and the kit says it is offline, until the browser is back online', async () => {
    const server = createRoamingServer({ seed: 5 })
    server.generate({ user: 'alice', conversations: 5, messagesPerConversation: 30 })
    const first = await render(app(server, 'alice', { throttleMs: 20 }))
    await first.getByRole('button', { name: 'open first' }).click()
    await expect.poll(() => first.getByRole('list', { name: 'thread' }).getByRole('listitem').elements().length).toBe(20)
    await expect.element(first.getByRole('status', { name: 'connection' })).toHaveTextContent('online')
    await new Promise((r) => setTimeout(r, 100))
    await first.unmount()

    // "Reload" with the browser offline: the SDK has no connection to drop, so only the browser can say so.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    server.configure({ network: 'paused' })
    try {
      const second = await render(app(server, 'alice', { throttleMs: 20 }))
      await expect.poll(() => second.getByRole('list', { name: 'thread' }).getByRole('listitem').elements().length).toBe(20)
      await expect.element(second.getByRole('status', { name: 'connection' })).toHaveTextContent('offline')
      // Back online: the browser says so (the SDK would then log in; nothing was heard from it here).
      delete (navigator as { onLine?: boolean }).onLine
      window.dispatchEvent(new Event('online'))
      await expect.element(second.getByRole('status', { name: 'connection' })).toHaveTextContent('online')
      await second.unmount()
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
      server.configure({ network: 'online' })
    }
  })
})
