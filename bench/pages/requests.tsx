/** Request counts under StrictMode (run from the development build, where StrictMode doubles renders and effects). */
import { StrictMode } from 'react'
import { RoamingProvider, useHistoryMessages, useRoamingStore } from '../../src/index'
import { MessageThread } from '../../src/components/MessageThread'
import { duplicates, historyCalls, PAGE, PEER, threadServer } from './data'
import { nextFrame, sleep, waitFrame, waitTask } from './lib'
import { HistoryLoader, freshRoot, stage, type HistoryLoad } from './stage'

/** Reading N messages with `useHistoryMessages` (pageSize 50) under StrictMode. */
async function readWithHook(n: number) {
  const server = threadServer(n)
  const device = server.connect('alice')
  const { root } = freshRoot('thread')
  const { count } = await new Promise<HistoryLoad>((resolve) => {
    root.render(<StrictMode><RoamingProvider connection={device}><HistoryLoader onDone={resolve} /></RoamingProvider></StrictMode>)
  })
  await sleep(100)
  root.unmount()
  return { what: `useHistoryMessages reads ${n}`, n: count, calls: historyCalls(server).length, expected: Math.ceil(n / PAGE), duplicates: duplicates(server, 'getHistoryMessages') }
}

/** Reading N messages by scrolling MessageThread to the top until the start of the conversation, under StrictMode. */
async function readWithThread(n: number) {
  const server = threadServer(n)
  const { root } = freshRoot('thread')
  root.render(<StrictMode><RoamingProvider connection={server.connect('alice')}><MessageThread conversationId={PEER} chatType="singleChat" pageSize={PAGE} /></RoamingProvider></StrictMode>)
  const scroller = () => stage().querySelector<HTMLElement>('[data-virtuoso-scroller]')
  await waitFrame(() => !!scroller() && stage().querySelectorAll('[data-message-id]').length > 0, 10_000, 'the thread')
  const start = performance.now()
  while (!stage().querySelector('.rk-thread-start')) {
    scroller()!.scrollTop = 0
    await nextFrame()
    if (performance.now() - start > 60_000) throw new Error('never reached the start of the conversation')
  }
  await sleep(200)
  root.unmount()
  return { what: `MessageThread scrolled through ${n}`, n, calls: historyCalls(server).length, expected: Math.ceil(n / PAGE), duplicates: duplicates(server, 'getHistoryMessages') }
}

let select: ((ids: string[]) => void) | null = null
function Selector() {
  const h = useHistoryMessages({ conversationId: PEER, chatType: 'singleChat', pageSize: PAGE })
  const toggle = useRoamingStore((s) => s.toggleSelected)
  const selection = useRoamingStore((s) => s.selection)
  select = (ids) => ids.forEach((id) => toggle(`singleChat:${PEER}`, id))
  ;(window as unknown as { benchSelection: unknown }).benchSelection = selection ? [selection.key, selection.ids.size] : null
  ;(Selector as unknown as { messages: string[] }).messages = h.messages.map((m) => m.id)
  return null
}

/** Deleting k selected messages with MessageThread's selection bar, under StrictMode. */
async function deleteSelected(k: number) {
  const server = threadServer(1000)
  const { root } = freshRoot('thread')
  select = null
  ;(Selector as unknown as { messages: string[] }).messages = []
  root.render(<StrictMode><RoamingProvider connection={server.connect('alice')}>
    <MessageThread conversationId={PEER} chatType="singleChat" pageSize={PAGE} /><Selector />
  </RoamingProvider></StrictMode>)
  const ids = () => (Selector as unknown as { messages?: string[] }).messages ?? []
  await waitTask(() => !!select && ids().length >= PAGE - 1, 10_000, 'the first page')
  const chosen = ids().slice(-k)
  select!(chosen)
  const button = () => stage().querySelector<HTMLButtonElement>('.rk-selection-bar .rk-button--danger')
  await waitFrame(() => !!button() && !button()!.disabled, 5000, `the selection bar (store selection: ${JSON.stringify((window as unknown as { benchSelection: unknown }).benchSelection)})`)
  button()!.click()
  await waitTask(() => chosen.every((id) => !stage().querySelector(`[data-message-id="${id}"]`)), 5000, 'the rows to leave')
  await sleep(300)
  await waitTask(() => server.pending() === 0, 5000, 'the server')
  root.unmount()
  const calls = server.requests.filter((r) => r.method === 'removeHistoryMessages')
  return { what: `delete ${k} selected`, n: k, calls: calls.length, expected: Math.ceil(k / 20), duplicates: duplicates(server, 'removeHistoryMessages') }
}

export async function requestCounts() {
  const out = []
  out.push(await readWithHook(1000))
  out.push(await readWithHook(10_000))
  out.push(await readWithThread(1000))
  for (const k of [1, 20, 21, 45]) out.push(await deleteSelected(k))
  return out
}
