/** ConversationList (roamkit) and the bare react-virtuoso baseline over the same simulator data. */
import { useEffect, useRef, useState } from 'react'
import { Virtuoso } from 'react-virtuoso'
import { RoamingProvider, useConversationList, useDeleteAllConversations, type Conversation } from '../../src/index'
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

/**
 * Time from `start` until the list has no row left, and in which frame after it (the kit: optimistic, 2 s latency);
 * then the long tasks until `settledAfterMs` (the answer applied: marks confirmed, views dropped, lists read again).
 */
async function measureDeleteAll(start: () => void, settledAfterMs = 0) {
  const anyRow = () => stage().querySelector('[role="option"], [data-index] > [data-id]')
  if (!anyRow()) throw new Error('no row to delete')
  let goneAt = -1
  const t0 = performance.now()
  const mo = new MutationObserver(() => { if (goneAt < 0 && !anyRow()) goneAt = performance.now() })
  mo.observe(stage(), { childList: true, subtree: true })
  console.profile('deleteAll')
  start()
  if (goneAt < 0 && !anyRow()) goneAt = performance.now()
  let frames = 0
  await waitFrame(() => { frames++; return !anyRow() }, 10_000, 'every row to leave')
  console.profileEnd('deleteAll')
  mo.disconnect()
  const lt = longTasks()
  await sleep(settledAfterMs)
  return { ms: round(goneAt - t0, 2), frames, settledLongTasks: lt.stop() }
}

/** The list beside an invisible control that hands out `deleteAll`. */
function ListWithDeleteAll({ onReady }: { onReady: (deleteAll: () => void) => void }) {
  const { deleteAll } = useDeleteAllConversations()
  useEffect(() => onReady(deleteAll))
  return <ConversationList pageSize={PAGE} />
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
  let deleteAll = () => {}
  const mount = await measureMount(() => root.render(<RoamingProvider connection={device}><ListWithDeleteAll onReady={(d) => { deleteAll = d }} /></RoamingProvider>))
  await sleep(300)
  const dom = elementCount(host) - domBefore
  const heapAfter = await heapAfterGc()
  const scroll = await scrollWhole(scrollerEl()!, 'down')
  const extraCalls = listCalls(server.requests, device.clientResource) - calls
  // The simulated server's own work (13 ms at 10k conversations) comes after the click's task, as a real one's would.
  server.configure({ latency: 2000, uplinkLatency: 1000 })
  // Answered 3 s after the call; the lists read again take as long: 7 s covers both.
  const deletedAll = await measureDeleteAll(() => deleteAll(), 7000)
  root.unmount()
  return { initial, loaded: count, loadMs, listCalls: calls, extraCallsOnMount: extraCalls, mount, dom, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, scroll, deleteAll: deletedAll }
}

function BaselineList({ items, onReady }: { items: Conversation[]; onReady?: (clear: () => void) => void }) {
  const [shown, setShown] = useState(items)
  useEffect(() => onReady?.(() => setShown([])))
  return (
    <Virtuoso<Conversation>
      style={{ height: '100%' }}
      data={shown}
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
  let clear = () => {}
  const mount = await measureMount(() => root.render(<BaselineList items={all} onReady={(c) => { clear = c }} />))
  await sleep(300)
  const dom = elementCount(host) - domBefore
  const heapAfter = await heapAfterGc()
  const scroll = await scrollWhole(scrollerEl()!, 'down')
  const deletedAll = await measureDeleteAll(() => clear())
  root.unmount()
  return { initial, loaded: all.length, loadMs, listCalls: Math.ceil(n / PAGE), extraCallsOnMount: 0, mount, dom, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, scroll, deleteAll: deletedAll }
}

export async function conversationList(impl: Impl, n: number) {
  return impl === 'kit' ? kitList(n) : baselineList(n)
}
