import { clear, createStore, get } from 'idb-keyval'
import { render, type RenderResult } from 'vitest-browser-react'
import { clearRoamingCache, RoamingArgumentError } from '../../src'
import { createRoamingServer } from '../../src/testing'
import { app, appOn } from './PersistenceApp'

// Clear, not delete: deleting the database would wait for the kit's open connection forever.
const idb = createStore('roamkit', 'cache')
beforeEach(() => clear(idb))

const saved = (user: string) => get(`user:${user}`, idb)
const rows = (view: RenderResult) => view.getByRole('list', { name: 'conversations' }).getByRole('listitem')
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Alice's tab with her 3 conversations shown and saved. */
async function aliceSaved(eraseOn?: Parameters<typeof appOn>[1]['eraseOn']) {
  const server = createRoamingServer({ seed: 5 })
  server.generate({ user: 'alice', conversations: 3, messagesPerConversation: 5 })
  const device = server.connect('alice')
  const screen = await render(appOn(device, { throttleMs: 20, eraseOn }))
  await expect.poll(() => rows(screen).elements().length).toBe(3)
  await expect.poll(() => saved('alice')).toBeDefined()
  const login = () => device.open({ user: 'alice', accessToken: 't' })
  // A change that would be written within the throttle: opening a conversation (its history then fails, logged out).
  const change = () => screen.getByRole('button', { name: 'open first' }).click()
  return { server, device, screen, login, change }
}

describe('erasing the persisted cache', () => {
  it('a sign-out from another device erases it, and nothing is written back until the next login; a logout keeps it', async () => {
    const { server, device, screen, login, change } = await aliceSaved()
    device.close()
    await pause(100)
    expect(await saved('alice')).toBeDefined()
    await login()
    server.signOut(device, 'kickedByOtherDevice')
    await expect.poll(() => saved('alice')).toBeUndefined()
    await change()
    await pause(100)
    expect(await saved('alice')).toBeUndefined()
    // The list still shows (the notice says why); the next login writes again.
    expect(rows(screen).elements()).toHaveLength(3)
    await login()
    await expect.poll(() => saved('alice')).toBeDefined()
    await screen.unmount()
  })

  it('eraseOn: [\'loggedOut\'] erases at a logout; a sign-out it does not name keeps it', async () => {
    const { server, device, screen, login } = await aliceSaved(['loggedOut'])
    server.signOut(device, 'kickedByOtherDevice')
    await pause(100)
    expect(await saved('alice')).toBeDefined()
    await login()
    device.close()
    await expect.poll(() => saved('alice')).toBeUndefined()
    await screen.unmount()
  })

  it('clearRoamingCache(user) erases that user\'s, and a mounted provider of theirs writes nothing until a login; clearRoamingCache() erases every user\'s', async () => {
    const server = createRoamingServer({ seed: 5 })
    server.generate({ user: 'carol', conversations: 2, messagesPerConversation: 5 })
    const earlier = await render(app(server, 'carol', { throttleMs: 20 }))
    await expect.poll(() => saved('carol')).toBeDefined()
    await earlier.unmount()
    const { device, screen, login, change } = await aliceSaved()
    await clearRoamingCache('alice')
    expect(await saved('alice')).toBeUndefined()
    await change()
    await pause(100)
    expect(await saved('alice')).toBeUndefined()
    expect(await saved('carol')).toBeDefined()
    await clearRoamingCache()
    expect(await saved('carol')).toBeUndefined()
    device.close()
    await login()
    await expect.poll(() => saved('alice')).toBeDefined()
    await screen.unmount()
    await expect(clearRoamingCache('')).rejects.toThrow(RoamingArgumentError)
    await expect(clearRoamingCache(7 as never)).rejects.toThrow('clearRoamingCache: invalid userId 7; expected a user id, or nothing for every user')
  })
})
