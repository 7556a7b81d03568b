// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { ConversationList, MessageThread, RoamingProvider } from '../src'
import { zhCN } from '../src/zh-CN'
import { createRoamingServer } from '../src/testing'

// Server rendering (Next.js, Remix…) must not throw and must not touch a DOM; data comes on the client.
describe('server rendering', () => {
  it('renders the provider with both components to markup in plain Node', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
    const server = createRoamingServer()
    server.generate({ user: 'alice', conversations: 3 })
    const html = renderToString(
      <RoamingProvider connection={server.connect('alice')} locale={zhCN} theme="dark">
        <ConversationList />
        <MessageThread conversationId="bob" chatType="singleChat" />
      </RoamingProvider>,
    )
    expect(html).toContain('rk-conversation-list')
    expect(html).toContain('rk-message-thread')
    expect(html).toContain('data-rk-theme="dark"')
    // Nothing was fetched during server rendering.
    expect(server.requests).toEqual([])
  })
})
