// @vitest-environment node
import { expect, test } from 'vitest'

// The kit must import on a server (SSR, Node scripts, tests) where there is no DOM: no top-level `window`,
// `document` or `self` access in any entry.
test('every entry imports in plain Node without a DOM', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
  const main = await import('../src/index')
  const testing = await import('../src/testing')
  const zh = await import('../src/zh-CN')
  expect(zh.zhCN.code).toBe('zh-CN')
  expect(typeof main.createRoamingClient).toBe('function')
  expect(typeof testing.createRoamingServer).toBe('function')
  // And the simulator runs there: a generated page read through the adapter.
  const server = testing.createRoamingServer()
  server.generate({ user: 'alice', conversations: 3 })
  const page = await main.createRoamingClient(server.connect('alice')).getConversations()
  expect(page.conversations).toHaveLength(3)
})
