import { clear, createStore } from 'idb-keyval'
import { render } from 'vitest-browser-react'
import { createRoamingServer } from '../../src/testing'
import { app } from './PersistenceApp'

// Clear, not delete: deleting the database would wait for the kit's open connection forever.
beforeEach(() => clear(createStore('roamkit', 'cache')))

describe('persisted cache: max age', () => {
  it('a cache older than maxAge is not shown', async () => {
    const server = createRoamingServer({ seed: 6 })
    server.generate({ user: 'alice', conversations: 3 })
    const first = await render(app(server, 'alice', { throttleMs: 10 }))
    await expect.poll(() => first.getByRole('list', { name: 'conversations' }).getByRole('listitem').elements().length).toBe(3)
    await new Promise((r) => setTimeout(r, 60))
    await first.unmount()
    server.configure({ network: 'paused' })
    await new Promise((r) => setTimeout(r, 50))
    const second = await render(app(server, 'alice', { throttleMs: 10, maxAge: 40 }))
    await new Promise((r) => setTimeout(r, 300))
    expect(second.getByRole('list', { name: 'conversations' }).getByRole('listitem').elements()).toHaveLength(0)
    await second.unmount()
    server.configure({ network: 'online' })
  })
})
