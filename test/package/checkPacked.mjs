// The package as a user gets it, in plain Node: `npm pack`, unpacked under node_modules/.cache (peers resolve from
// the project's node_modules, whatever versions are installed there), then loaded with no Vite and no DOM. Every
// entry imports, the simulator answers through the adapter, and react-dom/server renders both components. Run by
// `npm run check:package` after the build, and by .ci/run again on the lowest peers.
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
console.log('packed roamkit in plain Node (React ' + version + '): 3 entries imported, 3 conversations read, '
  + html.length + ' characters of server markup')
`)
execFileSync(process.execPath, [join(home, 'check.mjs')], { cwd: home, stdio: 'inherit' })
