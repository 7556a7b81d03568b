/** ConversationList (roamkit) and the bare react-virtuoso baseline over the same simulator data. */
import { useEffect, useRef } from 'react'
import { Virtuoso } from 'react-virtuoso'
import { RoamingProvider, useConversationList, type Conversation } from '../../src/index'
import { ConversationList } from '../../src/components/ConversationList'
import { listServer, PAGE, plainText, readAllConversations } from './data'
import { elementCount, fullyVisible, heapAfterGc, longTasks, nextFrame, round, scrollWhole, sleep, waitFrame } from './lib'
import type { Impl } from './thread'
import { freshRoot, stage } from './stage'

const scrollerEl = () => stage().querySelector<HTMLElement>('[data-virtuoso-scroller]')
/** The first row: roamkit's option 1, or the baseline's first row. */
const firstRow = () => stage().querySelector('[role="option"][aria-posinset="1"], [data-index="0"] > [data-id]')

async function measureMount(render: () => void, phase = 'mount') {
  const lt = longTasks()
  const t0 = performance.now()
  console.profile(phase)
  render()
  const t1 = await waitFrame(() => { const s = scrollerEl(); return !!s && fullyVisible(firstRow(), s) }, 60_000, 'the first conversation')
  console.profileEnd(phase)
  await nextFrame()
  return { ms: round(t1 - t0), longTasks: lt.stop() }
}

function ListLoader({ onDone }: { onDone: (count: number) => void }) {
  const list = useConversationList({ pageSize: PAGE })
  const done = useRef(false)
  useEffect(() => {
    if (list.status !== 'success' || done.current) return
    if (list.hasNextPage) list.fetchNextPage()
    else if (!list.isFetchingNextPage) { done.current = true; onDone(list.conversations.length) }
  })
  return null
}

const listCalls = (requests: readonly { method: string; resource: string }[], resource: string) =>
  requests.filter((r) => r.method === 'getServerConversations' && r.resource === resource).length

async function kitList(n: number) {
  const server = listServer(n)
  // Initial page: a fresh provider, default page size.
  const first = freshRoot('list')
  const initial = await measureMount(() => first.root.render(<RoamingProvider connection={server.connect('alice')}><ConversationList /></RoamingProvider>), 'initial')
  first.root.unmount()
  // Everything loaded through the hook, then the list over the cache.
  const device = server.connect('alice')
  const { root, host } = freshRoot('list')
  const t0 = performance.now()
  const count = await new Promise<number>((resolve) => {
    root.render(<RoamingProvider connection={device}><ListLoader onDone={resolve} /></RoamingProvider>)
  })
  const loadMs = round(performance.now() - t0)
  const calls = listCalls(server.requests, device.clientResource)
  root.render(<RoamingProvider connection={device}>{null}</RoamingProvider>)
  await sleep(100)
  const domBefore = elementCount(host)
  const heapBefore = await heapAfterGc()
  const mount = await measureMount(() => root.render(<RoamingProvider connection={device}><ConversationList pageSize={PAGE} /></RoamingProvider>))
  await sleep(300)
  const dom = elementCount(host) - domBefore
  const heapAfter = await heapAfterGc()
  const scroll = await scrollWhole(scrollerEl()!, 'down')
  const extraCalls = listCalls(server.requests, device.clientResource) - calls
  root.unmount()
  return { initial, loaded: count, loadMs, listCalls: calls, extraCallsOnMount: extraCalls, mount, dom, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, scroll }
}

function BaselineList({ items }: { items: Conversation[] }) {
  return (
    <Virtuoso<Conversation>
      style={{ height: '100%' }}
      data={items}
      computeItemKey={(_, c) => `${c.chatType}:${c.conversationId}`}
      increaseViewportBy={{ top: 120, bottom: 240 }}
      itemContent={(_, c) => (
        <div data-id={`${c.chatType}:${c.conversationId}`} style={{ padding: '8px 12px' }}>
          <b>{c.conversationId}</b><br />{c.lastMessage ? plainText(c.lastMessage) : ''}
        </div>
      )}
    />
  )
}

async function baselineList(n: number) {
  const server = listServer(n)
  const t0 = performance.now()
  const all = await readAllConversations(server)
  const loadMs = round(performance.now() - t0)
  const first = freshRoot('list')
  const initial = await measureMount(() => first.root.render(<BaselineList items={all.slice(0, 20)} />), 'initial')
  first.root.unmount()
  const { root, host } = freshRoot('list')
  root.render(<></>)
  await sleep(100)
  const domBefore = elementCount(host)
  const heapBefore = await heapAfterGc()
  const mount = await measureMount(() => root.render(<BaselineList items={all} />))
  await sleep(300)
  const dom = elementCount(host) - domBefore
  const heapAfter = await heapAfterGc()
  const scroll = await scrollWhole(scrollerEl()!, 'down')
  root.unmount()
  return { initial, loaded: all.length, loadMs, listCalls: Math.ceil(n / PAGE), extraCallsOnMount: 0, mount, dom, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, scroll }
}

export async function conversationList(impl: Impl, n: number) {
  return impl === 'kit' ? kitList(n) : baselineList(n)
}
