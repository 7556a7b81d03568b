import { clear, createStore } from 'idb-keyval'
import { render } from 'vitest-browser-react'
import { createRoamingServer } from '../../src/testing'
import { app } from './PersistenceApp'

// Clear, not delete: deleting the database would wait for the kit's open connection forever. A file of its own: in
// persistence.browser.test.tsx, a render after the first test's commits nothing (even a bare <div>).
beforeEach(() => clear(createStore('roamkit', 'cache')))

describe('persisted cache, offline', () => {
  it('after a reload without a network, the persisted list and thread show and the kit says it is offline, until the browser is back online', async () => {
    const server = createRoamingServer({ seed: 5 })
    server.generate({ user: 'alice', conversations: 5, messagesPerConversation: 30 })
    const first = await render(app(server, 'alice', { throttleMs: 20 }))
    await first.getByRole('button', { name: 'open first' }).click()
    await expect.poll(() => first.getByRole('list', { name: 'thread' }).getByRole('listitem').elements().length).toBe(20)
    await expect.element(first.getByRole('status', { name: 'connection' })).toHaveTextContent('online')
    await new Promise((r) => setTimeout(r, 100))
    first.unmount()

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
      second.unmount()
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
      server.configure({ network: 'online' })
    }
  })
})
