import { StrictMode, createRef, useEffect, useRef } from 'react'
import { render } from 'vitest-browser-react'
import { MessageThread, type MessageBodyProps, type MessageThreadHandle } from '../../src/components/MessageThread'
import { useConversationList } from '../../src/hooks/useConversationList'
import { useRoamingStore } from '../../src/hooks/useRoamingStore'
import { RoamingTestProvider, createRoamingServer, type RoamingServer, type SimulatedConnection } from '../../src/testing'

const bob = { conversationId: 'bob', chatType: 'singleChat' as const }
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))

function setup(messages: number, latency = 0) {
  const server = createRoamingServer({ seed: 3, latency })
  server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages } })
  return server
}

/** The device each mounted thread uses (the test's own: under StrictMode React 18 connects a provider's twice). */
const mounted = new WeakMap<RoamingServer, SimulatedConnection>()

async function mount(server: RoamingServer, ref?: React.Ref<MessageThreadHandle>, pageSize?: number) {
  const device = server.connect('alice')
  mounted.set(server, device)
  await render(
    <StrictMode>
      <div style={{ height: 480, width: 420, display: 'flex' }}>
        <RoamingTestProvider server={server} device={device} virtuoso={null}><MessageThread {...bob} {...(ref ? { ref } : {})} {...(pageSize ? { pageSize } : {})} /></RoamingTestProvider>
      </div>
    </StrictMode>,
  )
  await vi.waitFor(() => expect(document.querySelectorAll('article').length).toBeGreaterThan(2), { timeout: 5000 })
  // react-virtuoso settles its initial position over a few frames as rows get measured.
  await new Promise((r) => setTimeout(r, 400))
  await frame()
  return document.querySelector('[role="log"]') as HTMLElement
}

const article = (id: string) => document.querySelector<HTMLElement>(`article[data-message-id="${id}"]`)
const ids = () => [...document.querySelectorAll<HTMLElement>('article')].map((a) => a.dataset.messageId!)
/** The first article fully inside the scroller. */
function firstVisible(scroller: HTMLElement): HTMLElement {
  const top = scroller.getBoundingClientRect().top
  return [...document.querySelectorAll<HTMLElement>('article')].find((a) => a.getBoundingClientRect().top >= top)!
}
const atBottom = (s: HTMLElement) => s.scrollHeight - s.scrollTop - s.clientHeight <= 2
/**
 * Calls `probe` in every frame on what that frame paints: from a ResizeObserver created in the frame's rAF, which
 * is notified after every older observer (react-virtuoso's among them) and after the frame's rAF callbacks.
 */
function eachPaintedFrame(probe: () => void): () => void {
  const marker = document.createElement('div')
  marker.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;visibility:hidden;pointer-events:none'
  document.body.append(marker)
  let ro: ResizeObserver | null = null
  let stopped = false
  const tick = () => {
    if (stopped) return
    ro?.disconnect()
    ro = new ResizeObserver(() => { if (!stopped) probe() })
    ro.observe(marker)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return () => { stopped = true; ro?.disconnect(); marker.remove() }
}

const PIXEL = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3" fill="#4f7cff"/></svg>')

/** Sends `count` messages to alice's thread with bob: every `every`-th an image from bob (240×180), else text from alice. */
function sendImageMix(server: RoamingServer, count: number, every: number): void {
  for (let i = 0; i < count; i++) {
    server.sendMessage(i % every === 0
      ? { from: 'bob', to: 'alice', type: 'img', url: PIXEL, width: 240, height: 180 }
      : { from: 'alice', to: 'bob', text: `text ${i}` })
  }
}

/**
 * Loads older pages (at the top, one at a time) until `loaded` holds, then goes back to the bottom in one jump,
 * which is no fling, and lets the list settle.
 */
async function loadOlderThenBottom(scroller: HTMLElement, loaded: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !loaded(); i++) {
    scroller.scrollTop = 0
    await frame()
  }
  expect(loaded()).toBe(true)
  // (A page may still be landing at the top: jump until the bottom holds.)
  await vi.waitFor(async () => {
    scroller.scrollTop = scroller.scrollHeight
    await frame()
    expect(atBottom(scroller)).toBe(true)
  }, { timeout: 3000 })
  await new Promise((r) => setTimeout(r, 300))
}

async function allIds(server: RoamingServer): Promise<string[]> {
  const probe = server.connect('alice')
  const out: string[] = []
  for (let cursor: string | undefined; ;) {
    const page = await probe.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 50, searchDirection: 'down', ...(cursor ? { cursor } : {}) })
    out.push(...page.messages.map((m) => m.id))
    if (page.isLast || !page.cursor) return out
    cursor = page.cursor
  }
}

/**
 * A 300-message thread read in the middle: 7 pages of 20 loaded, scrolled half way. The first message fully in
 * view, and its top.
 */
async function midThread() {
  const server = setup(300, 20)
  const scroller = await mount(server, undefined, 20)
  for (let i = 0; i < 6; i++) { scroller.scrollTop = 0; await new Promise((r) => setTimeout(r, 200)) }
  scroller.scrollTop = scroller.scrollHeight / 2
  await new Promise((r) => setTimeout(r, 400))
  const target = firstVisible(scroller)
  return { server, scroller, id: target.dataset.messageId!, before: target.getBoundingClientRect().top }
}

/** The largest move of a message from `before` over 40 frames (Infinity if it left the DOM). */
async function largestShift(id: string, before: number): Promise<number> {
  let max = 0
  for (let f = 0; f < 40; f++) {
    await frame()
    const now = article(id)
    max = Math.max(max, now ? Math.abs(now.getBoundingClientRect().top - before) : Infinity)
  }
  return max
}

describe('MessageThread in Chromium', () => {
  it('loads older pages at the top without moving the message in view: 0 px in every painted frame and when settled', async () => {
    const errors: string[] = []
    const onError = (e: ErrorEvent) => { errors.push(e.message) }
    window.addEventListener('error', onError)
    try {
      const server = setup(300, 150)
      const scroller = await mount(server)
      expect(atBottom(scroller)).toBe(true)
      const worst: number[] = []
      const settled: number[] = []
      for (let page = 0; page < 3; page++) {
        scroller.scrollTop = 0
        await vi.waitFor(() => expect(document.querySelector('.rk-thread-page-status[role="status"]')).not.toBeNull(), { timeout: 3000 })
        await frame()
        const target = firstVisible(scroller)
        const id = target.dataset.messageId!
        const before = target.getBoundingClientRect().top
        const shift = () => { const now = article(id); return now ? Math.abs(now.getBoundingClientRect().top - before) : Infinity }
        let max = 0
        const stop = eachPaintedFrame(() => { max = Math.max(max, shift()) })
        await vi.waitFor(() => expect(document.querySelector('.rk-thread-page-status[role="status"]')).toBeNull(), { timeout: 3000 })
        for (let f = 0; f < 10; f++) await frame()
        stop()
        worst.push(max)
        settled.push(shift())
      }
      console.info(`prepend shifts (px), largest in a painted frame: ${worst.join(', ')}; settled: ${settled.join(', ')}; window errors: ${errors.length}`)
      for (const px of [...worst, ...settled]) expect(px).toBeLessThan(0.5)
      expect(errors).toEqual([])
    } finally {
      window.removeEventListener('error', onError)
    }
  })

  it('a removal on another device of messages older than the view does not move the message in view (the refetch keeps every index)', async () => {
    const { server, id, before } = await midThread()
    const shown = new Set(ids())
    // Ten messages older than every loaded one: the view refetches all its pages, which the server cuts anew.
    const doomed = (await allIds(server)).slice(40, 50)
    expect(doomed.some((m) => shown.has(m))).toBe(false)
    await server.connect('alice').removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: doomed })
    const max = await largestShift(id, before)
    expect(max).toBeLessThan(0.5)
  })

  it('a removal on another device of loaded messages above the view does not move the message in view', async () => {
    const { server, scroller, id, before } = await midThread()
    // Ten loaded messages 30 to 40 rows above the view: neither the first loaded ones nor any in view.
    const loaded = await allIds(server)
    const at = loaded.indexOf(id)
    const doomed = loaded.slice(at - 40, at - 30)
    const shown = new Set(ids())
    expect(doomed.some((m) => shown.has(m))).toBe(false)
    expect(at - 40).toBeGreaterThan(loaded.length - 7 * 20)
    await server.connect('alice').removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', messageIds: doomed })
    const max = await largestShift(id, before)
    console.info(`removal of 10 loaded rows above the view: largest shift of the message in view ${max.toFixed(1)} px in 40 frames`)
    expect(max).toBeLessThan(0.5)
    // And scrolling up shows the rows that were above the removed ones, without a gap or a repeat.
    for (let i = 0; i < 20 && !article(loaded[at - 41]!); i++) { scroller.scrollTop -= 200; await frame() }
    expect(article(loaded[at - 41]!)).not.toBeNull()
    for (const gone of doomed) expect(article(gone)).toBeNull()
  })

  it('another device clearing everything before the view leaves the message in view where it was', async () => {
    const { server, id, before } = await midThread()
    const probe = server.connect('alice')
    const loaded = await allIds(server)
    const at = loaded.indexOf(id)
    // The time of the message 5 rows above the one in view.
    const cut = (await probe.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: 1, searchDirection: 'down', cursor: loaded[at - 6]! })).messages[0]!
    expect(cut.id).toBe(loaded[at - 5])
    await probe.removeHistoryMessages({ targetId: 'bob', chatType: 'singleChat', beforeTimeStamp: Number(cut.time) })
    const max = await largestShift(id, before)
    console.info(`everything before the view cleared: largest shift of the message in view ${max.toFixed(1)} px in 40 frames; ${ids().length} rows rendered`)
    expect(max).toBeLessThan(0.5)
    for (const gone of loaded.slice(0, at - 4)) expect(article(gone)).toBeNull()
  })

  it('a reconnection while scrolled back down to the newest rows reads 2 pages again, not the 7 loaded, and moves no row in view', async () => {
    const server = setup(300, 20)
    const scroller = await mount(server, undefined, 20)
    const device = mounted.get(server)!
    const reads = () => server.requests.filter((r) => r.resource === device.clientResource && r.method === 'getHistoryMessages').length
    await loadOlderThenBottom(scroller, () => reads() >= 7)
    const loadedPages = reads()
    const target = firstVisible(scroller)
    const id = target.dataset.messageId!
    const before = target.getBoundingClientRect().top
    server.clearRequests()
    server.dropConnection(device)
    server.restoreConnection(device)
    const max = await largestShift(id, before)
    await vi.waitFor(() => expect(server.pending()).toBe(0))
    console.info(`reconnection at the newest rows of ${loadedPages} loaded pages: ${reads()} history reads; largest shift of the row in view ${max.toFixed(1)} px in 40 frames`)
    expect(reads()).toBe(2)
    expect(max).toBeLessThan(0.5)
    expect(atBottom(scroller)).toBe(true)
    // Still the latest: a new message shows at the bottom.
    server.sendMessage({ from: 'bob', to: 'alice', text: 'after the reconnection' })
    await vi.waitFor(() => expect(document.querySelector('[role="log"]')!.textContent).toContain('after the reconnection'))
  })

  it('a reconnection mid-thread moves no row in view, and scrolling up then shows every older row once', async () => {
    const { server, scroller, id, before } = await midThread()
    const device = mounted.get(server)!
    const loaded = await allIds(server)
    const at = loaded.indexOf(id)
    const reads = () => server.requests.filter((r) => r.resource === device.clientResource && r.method === 'getHistoryMessages').length
    const loadedPages = reads()
    server.clearRequests()
    server.dropConnection(device)
    server.restoreConnection(device)
    const max = await largestShift(id, before)
    await vi.waitFor(() => expect(server.pending()).toBe(0))
    console.info(`reconnection mid-thread (${loadedPages} pages loaded): ${reads()} history reads; largest shift of the row in view ${max.toFixed(1)} px in 40 frames`)
    expect(max).toBeLessThan(0.5)
    // The pages from a page above the view to the latest, not the older ones.
    expect(reads()).toBeLessThanOrEqual(loadedPages - 2)
    // Up to 60 rows above the one in view, each once, in order (the older pages are read again as they come).
    const seen: string[] = []
    for (let i = 0; i < 60 && !article(loaded[at - 60]!); i++) {
      for (const m of ids()) if (!seen.includes(m)) seen.push(m)
      scroller.scrollTop -= 200
      await new Promise((r) => setTimeout(r, 60))
    }
    expect(article(loaded[at - 60]!)).not.toBeNull()
    const rendered = ids()
    expect(rendered).toEqual(loaded.slice(loaded.indexOf(rendered[0]!), loaded.indexOf(rendered[0]!) + rendered.length))
  })

  it('the offline notice moves no row at the bottom: the newest message stays fully in view', async () => {
    const server = setup(300)
    const scroller = await mount(server)
    const device = mounted.get(server)!
    expect(atBottom(scroller)).toBe(true)
    const newest = [...document.querySelectorAll<HTMLElement>('article')].at(-1)!
    const bottomBefore = newest.getBoundingClientRect().bottom
    server.dropConnection(device)
    await vi.waitFor(() => expect(document.querySelector('.rk-thread-offline')!.textContent).toBe('Connection lost. Reconnecting…'))
    await frame()
    const shift = Math.abs(newest.getBoundingClientRect().bottom - bottomBefore)
    console.info(`offline notice at the bottom: newest row moved ${shift.toFixed(1)} px; at bottom: ${atBottom(scroller)}`)
    expect(document.querySelector('.rk-thread-offline')!.getBoundingClientRect().height).toBeGreaterThan(10)
    expect(shift).toBeLessThan(0.5)
    expect(atBottom(scroller)).toBe(true)
    server.restoreConnection(device)
    await vi.waitFor(() => expect(document.querySelector('.rk-thread-offline')!.textContent).toBe(''))
    await frame()
    expect(Math.abs(newest.getBoundingClientRect().bottom - bottomBefore)).toBeLessThan(0.5)
  })

  it('the offline notice moves no row mid-thread, as it shows and as it goes', async () => {
    const { server, id, before } = await midThread()
    const notice = document.querySelector<HTMLElement>('.rk-thread-offline')!
    server.dropConnection(mounted.get(server)!)
    const down = await largestShift(id, before)
    const height = notice.getBoundingClientRect().height
    server.restoreConnection(mounted.get(server)!)
    const up = await largestShift(id, before)
    console.info(`offline notice mid-thread (${height.toFixed(0)} px tall): the row in view moved ${down.toFixed(1)} px as it showed, ${up.toFixed(1)} px as it went`)
    expect(height).toBeGreaterThan(10)
    expect(down).toBeLessThan(0.5)
    expect(up).toBeLessThan(0.5)
  })

  it('keeps a new message pinned to the bottom when the reader is at the bottom', async () => {
    const server = setup(120)
    const scroller = await mount(server)
    expect(atBottom(scroller)).toBe(true)
    for (let i = 0; i < 3; i++) {
      const live = server.sendMessage({ from: 'bob', to: 'alice', text: `live ${i} `.repeat(8) })
      await vi.waitFor(() => expect(article(live.id)).not.toBeNull())
      await vi.waitFor(() => expect(atBottom(scroller)).toBe(true))
      expect(article(live.id)!.getBoundingClientRect().bottom).toBeLessThanOrEqual(scroller.getBoundingClientRect().bottom + 1)
      // Followed, so never "new": not even for a frame while react-virtuoso's at-bottom report catches up.
      expect(document.querySelector('.rk-new-messages-pill')).toBeNull()
    }
    expect(document.querySelector('.rk-new-messages-pill')).toBeNull()
  })

  it('opened with 15 unread messages, it starts at the first of them, under the unread separator; the pill goes to the latest', async () => {
    const server = setup(60)
    await server.connect('alice', { resource: 'phone' }).send({ type: 'channel', to: 'bob', chatType: 'singleChat' })
    const unread = Array.from({ length: 15 }, (_, i) => server.sendMessage({ from: 'bob', to: 'alice', text: `unread ${i} `.repeat(6) }).id)
    /** Opens bob's conversation as a list would, once the list has read its unread count. */
    function OpenFromList() {
      const list = useConversationList()
      const open = useRoamingStore((s) => s.setActiveConversation)
      const listed = list.conversations.some((c) => c.conversationId === 'bob' && c.unreadCount === 15)
      useEffect(() => { if (listed) open(bob) }, [listed, open])
      return null
    }
    await render(
      <StrictMode>
        <div style={{ height: 480, width: 420, display: 'flex' }}>
          <RoamingTestProvider server={server} virtuoso={null}><OpenFromList /><MessageThread /></RoamingTestProvider>
        </div>
      </StrictMode>,
    )
    await vi.waitFor(() => expect(article(unread[0]!)).not.toBeNull(), { timeout: 5000 })
    await new Promise((r) => setTimeout(r, 400))
    await frame()
    const scroller = document.querySelector('[role="log"]') as HTMLElement
    const row = article(unread[0]!)!.closest<HTMLElement>('[data-item-index]')!
    expect(row.querySelector('.rk-unread-separator')?.textContent).toBe('Unread messages')
    expect(Math.abs(row.getBoundingClientRect().top - scroller.getBoundingClientRect().top)).toBeLessThanOrEqual(1)
    expect(atBottom(scroller)).toBe(false)
    ;(await vi.waitFor(() => document.querySelector<HTMLButtonElement>('button[aria-label="Jump to latest"]')!)).click()
    await vi.waitFor(() => expect(atBottom(scroller)).toBe(true))
    expect(article(unread[14]!)).not.toBeNull()
  })

  it('scrolled up, a new message shows the pill and does not move the view; the pill goes to the latest', async () => {
    const server = setup(120)
    const scroller = await mount(server)
    scroller.scrollTop -= 300 // up, but far from the top: no older page lands during the test
    await vi.waitFor(() => expect(document.querySelector('button[aria-label="Jump to latest"]')).not.toBeNull())
    await frame()
    const target = firstVisible(scroller)
    const before = target.getBoundingClientRect().top
    server.sendMessage({ from: 'bob', to: 'alice', text: 'while you were away' })
    server.sendMessage({ from: 'bob', to: 'alice', text: 'and another' })
    await vi.waitFor(() => expect(document.querySelector('.rk-new-messages-pill')?.textContent).toBe('2 new messages'))
    await frame()
    expect(article(target.dataset.messageId!)!.getBoundingClientRect().top).toBe(before)
    ;(document.querySelector('.rk-new-messages-pill') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(atBottom(scroller)).toBe(true))
    await vi.waitFor(() => expect(document.querySelector('.rk-new-messages-pill')).toBeNull())
  })

  it('after a jump shows the anchor highlighted in view, and scrolling down loads newer pages', async () => {
    const server = setup(400, 20)
    const all = await allIds(server)
    const ref = createRef<MessageThreadHandle>()
    await mount(server, ref)
    const anchor = all[120]!
    expect(ref.current!.jumpTo(anchor)).toBe(false)
    await vi.waitFor(() => expect(article(anchor)?.classList.contains('rk-message--highlighted')).toBe(true), { timeout: 5000 })
    await frame()
    const log = document.querySelector('[role="log"]') as HTMLElement
    const box = log.getBoundingClientRect()
    const rect = article(anchor)!.getBoundingClientRect()
    expect(rect.top).toBeGreaterThanOrEqual(box.top)
    expect(rect.bottom).toBeLessThanOrEqual(box.bottom)
    const downs = () => server.requests.filter((r) => r.method === 'getHistoryMessages' && (r.params as { searchDirection?: string }).searchDirection === 'down').length
    server.clearRequests()
    const log2 = () => document.querySelector('[role="log"]') as HTMLElement
    for (let i = 0; i < 3; i++) {
      const calls = downs()
      // Scrolling to the bottom reaches the end once the rows are measured; keep going there until a page is asked for.
      await vi.waitFor(() => { log2().scrollTop = log2().scrollHeight; expect(downs()).toBeGreaterThan(calls) }, { timeout: 4000 })
      await vi.waitFor(() => expect(document.querySelector('.rk-thread-edge--bottom [role="status"]')).toBeNull(), { timeout: 3000 })
    }
    // Three newer pages later, the rows at the bottom are well past what the jump loaded.
    await vi.waitFor(() => { log2().scrollTop = log2().scrollHeight; expect(Math.max(...ids().map((id) => all.indexOf(id)))).toBeGreaterThan(120 + 40) }, { timeout: 4000 })
  })

  it('scrolling renders only the rows that come into view: a shown row never renders again with the same message', async () => {
    // Without StrictMode, so every render counts once. A row instance that renders again with the very same
    // message object re-rendered for nothing (react-virtuoso re-renders its item list on every range change).
    let renders = 0
    let wasted = 0
    const Counting = ({ message }: MessageBodyProps) => {
      const last = useRef<MessageBodyProps['message'] | null>(null)
      renders++
      if (last.current === message) wasted++
      last.current = message
      return <span>{message.type === 'txt' ? message.text : message.type}</span>
    }
    const server = setup(600)
    await render(
      <div style={{ height: 480, width: 420, display: 'flex' }}>
        <RoamingTestProvider server={server} virtuoso={null}><MessageThread {...bob} components={{ MessageBody: Counting }} /></RoamingTestProvider>
      </div>,
    )
    await vi.waitFor(() => expect(document.querySelectorAll('article').length).toBeGreaterThan(2), { timeout: 5000 })
    await new Promise((r) => setTimeout(r, 400))
    await frame()
    const scroller = document.querySelector('[role="log"]') as HTMLElement
    const shownBefore = new Set(ids())
    renders = 0
    wasted = 0
    // Up, one step a frame, across older pages landing (the list's context changes with the messages).
    for (let step = 0; step < 60; step++) {
      scroller.scrollTop -= 60
      await new Promise((r) => requestAnimationFrame(r))
    }
    await frame()
    console.info(`row renders while scrolling 60 frames: ${renders} (${wasted} with unchanged props)`)
    // Scrolled well past the first view: dozens of rows came into view and rendered once each.
    expect(ids().some((id) => shownBefore.has(id))).toBe(false)
    expect(renders).toBeGreaterThan(40)
    expect(wasted).toBe(0)
  })

  it('lines up every bubble of a sender group, with an avatar on the first only, in as few elements as possible', async () => {
    const server = createRoamingServer({ seed: 3 })
    const sent = [
      server.sendMessage({ from: 'bob', to: 'alice', text: 'bob one' }),
      server.sendMessage({ from: 'bob', to: 'alice', text: 'bob two' }),
      server.sendMessage({ from: 'bob', to: 'alice', text: 'bob three' }),
      server.sendMessage({ from: 'alice', to: 'bob', text: 'alice one' }),
      server.sendMessage({ from: 'alice', to: 'bob', text: 'alice two' }),
      server.sendMessage({ from: 'alice', to: 'bob', text: 'alice three' }),
    ]
    const scroller = await mount(server)
    const [b1, b2, b3, a1, a2] = sent.map((m) => article(m.id)!)
    const bubble = (a: HTMLElement) => a.querySelector('.rk-message-bubble')!.getBoundingClientRect()
    // Only the group's first message from another sender has an avatar element; the rest keep its place.
    expect([b1, b2, b3, a1, a2].map((a) => a!.querySelectorAll('.rk-message-avatar').length)).toEqual([1, 0, 0, 0, 0])
    expect(bubble(b2!).left).toBe(bubble(b1!).left)
    expect(bubble(b3!).left).toBe(bubble(b1!).left)
    // Others' bubbles start after the padding, the 32 px avatar and the 8 px gap; own ones end where the empty avatar
    // slot and its gap used to end them (padding + 8 px).
    expect(bubble(b1!).left - b1!.getBoundingClientRect().left).toBe(4 + 32 + 8)
    expect(bubble(a1!).right).toBe(bubble(a2!).right)
    expect(a1!.getBoundingClientRect().right - bubble(a1!).right).toBe(4 + 8)
    // Row spacing sits on react-virtuoso's measured item itself: the article is its direct child.
    const item = b2!.parentElement!
    expect(item.hasAttribute('data-index')).toBe(true)
    expect(item.className).toBe('rk-thread-row')
    expect(b1!.parentElement!.className).toBe('rk-thread-row rk-thread-row--group')
    expect(scroller.contains(item)).toBe(true)
  })

  it('a fling leaves the images it passes unloaded until it ends; reading speed loads them at once', async () => {
    const server = setup(3000)
    // The newest 60 messages, where the reader starts: every third an image.
    sendImageMix(server, 60, 3)
    const scroller = await mount(server, undefined, 50)
    const boxes = () => [...scroller.querySelectorAll<HTMLElement>('.rk-message-image-box')]
    const waiting = () => boxes().filter((b) => !b.querySelector('img'))
    // Reading speed, 20 px a frame (1,200 px/s): every image in the DOM is loaded in every frame.
    let seen = 0
    for (let f = 0; f < 120; f++) {
      scroller.scrollTop -= 20
      await new Promise((r) => requestAnimationFrame(r))
      seen += boxes().length
      expect(waiting()).toEqual([])
    }
    expect(seen).toBeGreaterThan(0)
    // Older pages first, then back to the bottom in one jump, which is no fling.
    await loadOlderThenBottom(scroller, () => scroller.scrollHeight >= 60_000)
    expect(scroller.scrollTop).toBeGreaterThan(50_000)
    expect(waiting()).toEqual([])
    // A fling, 2,500 px a frame: images that came into view during it wait, in boxes of their final size.
    let waited = 0
    for (let f = 0; f < 30; f++) {
      scroller.scrollTop -= 2500
      await new Promise((r) => requestAnimationFrame(r))
      waited = Math.max(waited, waiting().length)
      for (const box of waiting()) {
        expect(box.getBoundingClientRect().height).toBeGreaterThan(50)
        expect(box.getAttribute('role') ?? box.getAttribute('aria-label')).not.toBeNull()
      }
    }
    expect(waited).toBeGreaterThan(0)
    // It ends 150 ms after the last fast scroll: every image in the DOM loads.
    await vi.waitFor(() => expect(waiting()).toEqual([]), { timeout: 1000 })
    expect(boxes().length).toBeGreaterThan(0)
  }, 30_000)

  // Retried: on a loaded 2-core machine a frame can take over 150 ms, and a scroller that stands still that long
  // ends the fling for a user too (CI failed so once while other tests ran beside it). A regression fails every try.
  it('a fling stays a fling when the thread renders again meanwhile (a message arrives): no image loads until it ends', { timeout: 30_000, retry: 2 }, async () => {
    const server = createRoamingServer({ seed: 5 })
    sendImageMix(server, 400, 2)
    const scroller = await mount(server, undefined, 50)
    // Every page first, then back to the bottom in one jump, which is no fling.
    await loadOlderThenBottom(scroller, () => document.querySelector('.rk-thread-start') !== null)
    const boxes = () => [...scroller.querySelectorAll<HTMLElement>('.rk-message-image-box')]
    const loaded = () => boxes().filter((b) => b.querySelector('img') !== null).length
    // 1,500 px a frame: from the fourth frame on, every image box in the DOM came into view during the fling.
    let boxesAfter = 0
    let loadedDuring = 0
    for (let f = 0; f < 24; f++) {
      scroller.scrollTop -= 1500
      if (f === 8) server.sendMessage({ from: 'bob', to: 'alice', text: 'arrives mid-fling' })
      await new Promise((r) => requestAnimationFrame(r))
      if (f < 4) continue
      loadedDuring = Math.max(loadedDuring, loaded())
      if (f > 8) boxesAfter += boxes().length
    }
    // The message reached the thread (it rendered again, the pill counts it) while image boxes kept coming.
    expect(document.querySelector('.rk-new-messages-pill')?.textContent).toBe('1 new message')
    expect(boxesAfter).toBeGreaterThan(0)
    expect(loadedDuring).toBe(0)
    await vi.waitFor(() => expect(boxes().length).toBeGreaterThan(0))
    await vi.waitFor(() => expect(loaded()).toBe(boxes().length), { timeout: 1000 })
  })
})
