// The package as a user gets it: `npm pack`, unpacked under node_modules/.cache (peers resolve from the project's
// node_modules, whatever versions are installed there).
// - Types: a strict app using components, hooks and all three entries compiles with `nodenext` resolution and
//   without skipLibCheck, so the published .d.ts hold against the installed TanStack Query and React types.
// - Plain Node, no Vite and no DOM: every entry imports, the simulator answers through the adapter, and
//   react-dom/server renders both components.
// Run by `npm run check:package` after the build, and by .ci/run again on the lowest peers.
import { execFileSync } from 'node:child_process'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const home = join(root, 'node_modules/.cache/roamkit-packed')
const modules = join(home, 'node_modules')
rmSync(home, { recursive: true, force: true })
mkdirSync(modules, { recursive: true })
const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', home], { cwd: root, encoding: 'utf8' }))
execFileSync('tar', ['xzf', join(home, filename), '-C', modules])
renameSync(join(modules, 'package'), join(modules, 'roamkit'))

writeFileSync(join(home, 'package.json'), JSON.stringify({ type: 'module', private: true }))
writeFileSync(join(home, 'tsconfig.json'), JSON.stringify({
  compilerOptions: { strict: true, jsx: 'react-jsx', module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] },
  files: ['app.tsx'],
}))
writeFileSync(join(home, 'app.tsx'), `
import { QueryClient } from '@tanstack/react-query'
import { ConversationList, MessageThread, RoamingProvider, createRoamingClient, useConversationList, useHistoryMessages,
  useRemoveHistoryMessages, type RoamingMessage } from 'roamkit'
import { createRoamingServer } from 'roamkit/testing'
import { zhCN } from 'roamkit/zh-CN'

function Custom() {
  const list = useConversationList()
  const history = useHistoryMessages({ conversationId: 'bob', chatType: 'singleChat', pageSize: 20 })
  const { remove } = useRemoveHistoryMessages()
  const first: RoamingMessage | undefined = history.messages[0]
  const onClick = () => { if (first) remove({ conversationId: 'bob', chatType: 'singleChat', messageIds: [first.id] }) }
  return <button onClick={onClick}>{list.conversations.length}</button>
}
const client = createRoamingClient(createRoamingServer().connect('alice'))
export const App = () => (
  <RoamingProvider client={client} queryClient={new QueryClient()} locale={zhCN}>
    <ConversationList />
    <MessageThread conversationId="bob" chatType="singleChat" />
    <Custom />
  </RoamingProvider>
)
`)
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', home], { stdio: 'inherit' })

writeFileSync(join(home, 'check.mjs'), `
import { createElement as h, version } from 'react'
import { renderToString } from 'react-dom/server'
import { ConversationList, MessageThread, RoamingProvider, createRoamingClient } from 'roamkit'
import { createRoamingServer } from 'roamkit/testing'
import { zhCN } from 'roamkit/zh-CN'

if (typeof document !== 'undefined' || typeof window !== 'undefined') throw new Error('a DOM is present')
const server = createRoamingServer()
server.generate({ user: 'alice', conversations: 3 })
const page = await createRoamingClient(server.connect('alice')).getConversations()
if (page.conversations.length !== 3) throw new Error('expected 3 conversations, got ' + page.conversations.length)
const html = renderToString(h(RoamingProvider, { connection: server.connect('alice'), locale: zhCN },
  h(ConversationList), h(MessageThread, { conversationId: 'bob', chatType: 'singleChat' })))
for (const part of ['rk-conversation-list', 'rk-message-thread', '正在加载会话']) {
  if (!html.includes(part)) throw new Error('server markup lacks ' + part + ': ' + html.slice(0, 300))
}
console.log('packed roamkit: an app typechecks against it; in plain Node (React ' + version + ') 3 entries imported, 3 conversations read, '
  + html.length + ' characters of server markup')
`)
execFileSync(process.execPath, [join(home, 'check.mjs')], { cwd: home, stdio: 'inherit' })
