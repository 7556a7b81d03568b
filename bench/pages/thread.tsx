/** MessageThread (roamkit) and the bare react-virtuoso baseline over the same simulator data. */
import { useState } from 'react'
import { Virtuoso } from 'react-virtuoso'
import { QueryClient } from '@tanstack/react-query'
import { RoamingProvider, type RoamingMessage } from '../../src/index'
import { MessageThread } from '../../src/components/MessageThread'
import type { RoamingServer } from '../../src/testing'
import { HistoryLoader, freshRoot, stage, type HistoryLoad } from './stage'
import { historyCalls, newestId, PAGE, PEER, plainText, readAllMessages, threadServer } from './data'
import {
  atEnd, eachPaintedFrame, elementCount, fullyVisible, heapAfterGc, longTasks, nextFrame, round, scrollWhole, sleep, topVisible, waitFrame, waitTask,
} from './lib'

export type Impl = 'kit' | 'baseline'
declare const __BENCH_QUERY_DEFAULTS__: string
/** Experiments only (BENCH_BASELINE_IMAGES=1): baseline image rows get the kit's image box size. */
declare const __BENCH_BASELINE_IMAGES__: boolean

const BASE = 1_000_000_000
const byId = (id: string) => stage().querySelector(`[data-message-id="${CSS.escape(id)}"], [data-id="${CSS.escape(id)}"]`)
const scrollerEl = () => stage().querySelector<HTMLElement>('[data-virtuoso-scroller]')
const idOf = (row: Element) => row.querySelector('[data-message-id], [data-id]')?.getAttribute('data-message-id')
  ?? row.querySelector('[data-id]')?.getAttribute('data-id') ?? null

/** Renders, then waits until the newest message is fully visible in the scroller. */
async function measureMount(render: () => void, newest: string) {
  const lt = longTasks()
  console.profile('mount')
  const t0 = performance.now()
  render()
  const t1 = await waitFrame(() => { const s = scrollerEl(); return !!s && fullyVisible(byId(newest), s) }, 60_000, 'the newest message')
  console.profileEnd('mount')
  await nextFrame()
  return { ms: round(t1 - t0), longTasks: lt.stop() }
}

/** Scrolls to the top while an older page is loading, and follows the top visible message frame by frame. */
async function measurePrepend(server: RoamingServer | null, startBaselinePrepend?: () => void) {
  const scroller = scrollerEl()!
  server?.configure({ latency: 300 })
  scroller.scrollTop = 0
  await nextFrame(); await nextFrame()
  startBaselinePrepend?.()
  const anchor = topVisible(scroller, idOf)
  if (!anchor) throw new Error('no visible row before the prepend')
  const rowsAbove = () => {
    const el = byId(anchor.id)?.closest('[data-index]')
    let n = 0
    for (let p = el?.previousElementSibling; p; p = p.previousElementSibling) if (p.hasAttribute('data-index')) n++
    return n
  }
  const above0 = rowsAbove()
  const offset = () => {
    const el = byId(anchor.id)?.closest('[data-index]')
    return el ? el.getBoundingClientRect().top - scroller.getBoundingClientRect().top : Number.POSITIVE_INFINITY
  }
  let landed = -1
  let maxShift = 0
  let shiftedFrames = 0
  // The same, on what each frame paints (after layout and the list's own frame work), from the same landing on.
  let maxPainted = 0
  let shiftedPainted = 0
  const stopPainted = eachPaintedFrame(() => {
    if (landed < 0) return
    const shift = Math.abs(offset() - anchor.offset)
    maxPainted = Math.max(maxPainted, shift)
    if (shift > 0.5) shiftedPainted++
  })
  const start = performance.now()
  for (;;) {
    const t = await nextFrame()
    const shift = Math.abs(offset() - anchor.offset)
    if (landed < 0 && (rowsAbove() > above0 || shift > 0.5)) landed = t
    if (landed >= 0) { maxShift = Math.max(maxShift, shift); if (shift > 0.5) shiftedFrames++ }
    if (landed >= 0 && t - landed >= 1000) break
    if (performance.now() - start > 10_000) { stopPainted(); throw new Error('the older page never landed') }
  }
  stopPainted()
  server?.configure({ latency: 0 })
  const settled = Math.abs(offset() - anchor.offset)
  return {
    settledShift: round(settled), maxFrameShift: round(maxShift), shiftedFrames,
    maxPaintedShift: round(maxPainted), shiftedPaintedFrames: shiftedPainted, landedAfterMs: round(landed - start),
  }
}

/** Appends while pinned at the bottom: time until the new row is fully visible, and still pinned 1 s later. */
async function measureAppend(append: () => string) {
  const scroller = scrollerEl()!
  for (let i = 0; i < 60 && !atEnd(scroller); i++) { scroller.scrollTop = scroller.scrollHeight; await nextFrame() }
  await sleep(300)
  const t0 = performance.now()
  console.profile('append')
  const id = append()
  const t1 = await waitFrame(() => fullyVisible(byId(id), scroller), 5000, 'the appended message')
  console.profileEnd('append')
  await sleep(1000)
  await nextFrame()
  return { visibleMs: round(t1 - t0), pinned: fullyVisible(byId(id), scroller) && atEnd(scroller) }
}

/** Clicks the delete action of one row; time until the row left the DOM, and in which frame after the click. */
async function measureDelete(id: string, click: () => void) {
  if (!byId(id)) throw new Error('the row to delete is not rendered')
  let goneAt = -1
  const t0 = performance.now()
  const mo = new MutationObserver(() => { if (goneAt < 0 && !byId(id)) goneAt = performance.now() })
  mo.observe(stage(), { childList: true, subtree: true })
  console.profile('delete')
  click()
  if (goneAt < 0 && !byId(id)) goneAt = performance.now()
  let frames = 0
  await waitFrame(() => { frames++; return !byId(id) }, 5000, 'the deleted row to leave')
  console.profileEnd('delete')
  mo.disconnect()
  return { ms: round(goneAt - t0, 2), frames }
}

// ───────────────────────────── kit ─────────────────────────────

const thread = <MessageThread conversationId={PEER} chatType="singleChat" pageSize={PAGE} />

async function kitInitial(messages: number) {
  const server = threadServer(messages)
  const newest = await newestId(server)
  const device = server.connect('alice')
  const { root } = freshRoot('thread')
  const mount = await measureMount(() => root.render(<RoamingProvider connection={device}>{thread}</RoamingProvider>), newest)
  await sleep(200)
  const requests = historyCalls(server, device.clientResource).length
  const prepend = await measurePrepend(server)
  root.unmount()
  return { mount, initialRequests: requests, prepend }
}

async function kitLoaded(messages: number) {
  const server = threadServer(messages)
  const newest = await newestId(server)
  const device = server.connect('alice')
  const { root, host } = freshRoot('thread')
  // What RoamingProvider creates by default, given explicitly so the thread mounts over the same cache.
  // (BENCH_QUERY_DEFAULTS: experiments only.)
  const queryClient = new QueryClient({ defaultOptions: { queries: JSON.parse(__BENCH_QUERY_DEFAULTS__) } })
  // 1. Every page through the hook, nothing drawn.
  const t0 = performance.now()
  const { count, pageMs } = await new Promise<HistoryLoad>((resolve) => {
    root.render(<RoamingProvider connection={device} queryClient={queryClient}><HistoryLoader onDone={resolve} /></RoamingProvider>)
  })
  const calls = historyCalls(server, device.clientResource).length
  const loadMs = round(performance.now() - t0)
  // 2. The provider alone, holding the loaded cache: the "before" figures.
  root.render(<RoamingProvider connection={device} queryClient={queryClient}>{null}</RoamingProvider>)
  await sleep(100)
  const domBefore = elementCount(host)
  const heapBefore = await heapAfterGc()
  const callsBefore = historyCalls(server, device.clientResource).length
  // 3. The thread over the cached pages.
  const mount = await measureMount(() => root.render(<RoamingProvider connection={device} queryClient={queryClient}>{thread}</RoamingProvider>), newest)
  await sleep(300)
  const dom = elementCount(host) - domBefore
  const heapAfter = await heapAfterGc()
  const extraCalls = historyCalls(server, device.clientResource).length - callsBefore
  const append = await measureAppend(() => server.sendMessage({ from: PEER, to: 'alice', text: 'bench: appended while pinned' }).id)
  const scroll = await scrollWhole(scrollerEl()!, 'up')
  // Back to the newest message, then delete it for me with a slow server.
  const scroller = scrollerEl()!
  for (let i = 0; i < 60 && !atEnd(scroller); i++) { scroller.scrollTop = scroller.scrollHeight; await nextFrame() }
  await sleep(200)
  const lastId = [...stage().querySelectorAll('[data-message-id]')].at(-1)!.getAttribute('data-message-id')!
  byId(lastId)!.querySelector<HTMLButtonElement>('.rk-message-actions-trigger')!.click()
  await waitFrame(() => !!stage().querySelector('.rk-message-actions .rk-button--danger'), 5000, 'the actions bar')
  server.configure({ latency: 2000 })
  const del = await measureDelete(lastId, () => stage().querySelector<HTMLButtonElement>('.rk-message-actions .rk-button--danger')!.click())
  root.unmount()
  return {
    loaded: count, loadMs, lastPageMs: round(pageMs.at(-1) ?? NaN), historyCalls: calls, extraCallsOnMount: extraCalls,
    mount, dom, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, append, scroll, delete: del,
  }
}

// ───────────────────────────── baseline: bare react-virtuoso, plain rows ─────────────────────────────

interface BaseState { items: RoamingMessage[]; first: number }
let setBase: ((update: (s: BaseState) => BaseState) => void) | null = null

function BaselineThread({ initial, onStartReached }: { initial: BaseState; onStartReached?: () => void }) {
  const [state, setState] = useState(initial)
  setBase = setState
  return (
    <Virtuoso<RoamingMessage>
      style={{ height: '100%' }}
      data={state.items}
      firstItemIndex={state.first}
      initialTopMostItemIndex={{ index: Math.max(0, initial.items.length - 1), align: 'end' }}
      alignToBottom
      followOutput="auto"
      startReached={onStartReached}
      computeItemKey={(_, m) => m.id}
      increaseViewportBy={{ top: 400, bottom: 200 }}
      itemContent={(_, m) => (
        <div data-id={m.id} style={{ padding: '6px 12px' }}
          onClick={() => setState((s) => ({ ...s, items: s.items.filter((x) => x.id !== m.id) }))}>
          <b>{m.from}</b> {plainText(m)}
          {__BENCH_BASELINE_IMAGES__ && m.type === 'img' && (
            <div style={{ width: Math.min(m.width ?? 240, 240), aspectRatio: `${m.width ?? 4} / ${m.height ?? 3}`, background: '#ccc' }} />
          )}
        </div>
      )}
    />
  )
}

async function baselineInitial(messages: number) {
  const server = threadServer(messages)
  const all = await readAllMessages(server)
  const newest = all.at(-1)!.id
  const { root } = freshRoot('thread')
  const latest = all.slice(-PAGE)
  let prepend: (() => void) | null = null
  const onStartReached = () => prepend?.()
  const mount = await measureMount(() => root.render(<BaselineThread initial={{ items: latest, first: BASE }} onStartReached={onStartReached} />), newest)
  await sleep(200)
  // The same page arrives 300 ms after the top is reached, as with the simulator's latency.
  let armed = false
  const shift = await measurePrepend(null, () => {
    if (armed) return
    armed = true
    setTimeout(() => setBase?.((s) => ({ items: [...all.slice(-2 * PAGE, -PAGE), ...s.items], first: s.first - PAGE })), 300)
  })
  prepend = null
  root.unmount()
  return { mount, initialRequests: 1, prepend: shift }
}

async function baselineLoaded(messages: number) {
  const server = threadServer(messages)
  const t0 = performance.now()
  let all: RoamingMessage[] | null = await readAllMessages(server)
  const loadMs = round(performance.now() - t0)
  const newest = all.at(-1)!.id
  const { root, host } = freshRoot('thread')
  root.render(<></>)
  await sleep(100)
  const domBefore = elementCount(host)
  const heapBefore = await heapAfterGc()
  const initial = { items: all, first: BASE }
  all = null
  const mount = await measureMount(() => root.render(<BaselineThread initial={initial} />), newest)
  await sleep(300)
  const dom = elementCount(host) - domBefore
  const heapAfter = await heapAfterGc()
  let n = 0
  const append = await measureAppend(() => {
    const m = { ...initial.items.at(-1)!, id: `appended-${++n}`, time: Date.now(), type: 'txt', text: 'bench: appended while pinned' } as RoamingMessage
    setBase!((s) => ({ ...s, items: [...s.items, m] }))
    return m.id
  })
  const scroll = await scrollWhole(scrollerEl()!, 'up')
  const scroller = scrollerEl()!
  for (let i = 0; i < 60 && !atEnd(scroller); i++) { scroller.scrollTop = scroller.scrollHeight; await nextFrame() }
  await sleep(200)
  const lastId = [...stage().querySelectorAll('[data-id]')].at(-1)!.getAttribute('data-id')!
  const del = await measureDelete(lastId, () => (byId(lastId) as HTMLElement).click())
  root.unmount()
  return {
    loaded: initial.items.length, loadMs, historyCalls: Math.ceil(messages / PAGE), extraCallsOnMount: 0,
    mount, dom, heapBefore, heapAfter, heapGrowth: heapAfter - heapBefore, append, scroll, delete: del,
  }
}

export async function threadInitial(impl: Impl, messages: number) {
  return impl === 'kit' ? kitInitial(messages) : baselineInitial(messages)
}

export async function threadLoaded(impl: Impl, messages: number) {
  return impl === 'kit' ? kitLoaded(messages) : baselineLoaded(messages)
}

export { waitTask }
