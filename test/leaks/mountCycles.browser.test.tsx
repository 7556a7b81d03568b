/**
 * Leaks: 500 mount/unmount cycles of a RoamingProvider with ConversationList and MessageThread (StrictMode) on one
 * simulated device, in Chromium. Afterwards nothing of the kit may be left: no handler on the connection, no
 * simulator work, no pending timer, and the JS heap back where it started. Issue 6, part 5.
 *
 * Heap: Chromium runs here without --expose-gc and without --enable-precise-memory-info, so `performance.memory`
 * is bucketed and cached for 20 minutes and `measureUserAgentSpecificMemory` needs cross-origin isolation, which
 * the test page lacks. Vitest's `cdp()` session to the page gives the precise figures instead:
 * `HeapProfiler.collectGarbage` (a real full GC) then `Runtime.getHeapUsage`, median of 5 samples. Without CDP the
 * test falls back to `performance.memory` after allocation churn, and says so.
 */
import { QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { cdp } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ConversationList, MessageThread, RoamingProvider } from '../../src'
import { createRoamingServer } from '../../src/testing'
import { endQueryClient } from './endQueryClient'

const CYCLES = 500
const WARMUP = 50
/** Cycles of the control run (fewer: it only has to show the leak is the cache and nothing else). */
const CONTROL_CYCLES = 250

// The test's own waits use the timers saved here, before the instrumentation, so they are never counted.
const real = {
  setTimeout: window.setTimeout.bind(window), clearTimeout: window.clearTimeout.bind(window),
  setInterval: window.setInterval.bind(window), clearInterval: window.clearInterval.bind(window),
  requestAnimationFrame: window.requestAnimationFrame.bind(window), cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
}
const sleep = (ms: number) => new Promise<void>((r) => real.setTimeout(r, ms))
const frame = () => new Promise<void>((r) => real.requestAnimationFrame(() => r()))

interface Pending { kind: 'timeout' | 'interval' | 'raf'; delay: number; stack: string; phase: string }

/**
 * Counts the timers and animation frames created through the window's functions while installed, and which are
 * still pending: a timeout until it ran or was cleared, an interval until cleared, a frame until it ran or was
 * cancelled.
 */
function instrumentTimers() {
  const pending = new Map<string, Pending>()
  let created = 0
  let phase = 'warm-up'
  const note = (kind: Pending['kind'], id: number, delay: number) => {
    created++
    pending.set(`${kind === 'raf' ? 'raf' : 't'}:${id}`, { kind, delay, stack: new Error().stack ?? '', phase })
  }
  const w = window as unknown as Record<string, unknown>
  w.setTimeout = (fn: TimerHandler, delay = 0, ...args: unknown[]) => {
    const id: number = real.setTimeout((...a: unknown[]) => {
      pending.delete(`t:${id}`)
      if (typeof fn === 'function') fn(...a)
    }, delay, ...args)
    note('timeout', id, delay)
    return id
  }
  w.clearTimeout = (id?: number) => { pending.delete(`t:${id}`); real.clearTimeout(id) }
  w.setInterval = (fn: TimerHandler, delay = 0, ...args: unknown[]) => {
    const id = real.setInterval(fn, delay, ...args)
    note('interval', id, delay)
    return id
  }
  w.clearInterval = (id?: number) => { pending.delete(`t:${id}`); real.clearInterval(id) }
  w.requestAnimationFrame = (fn: FrameRequestCallback) => {
    const id = real.requestAnimationFrame((t) => { pending.delete(`raf:${id}`); fn(t) })
    note('raf', id, 0)
    return id
  }
  w.cancelAnimationFrame = (id: number) => { pending.delete(`raf:${id}`); real.cancelAnimationFrame(id) }
  return {
    pending, get created() { return created },
    setPhase(p: string) { phase = p },
    restore() { Object.assign(w, real) },
  }
}

/** Where a pending timer was created: the first frame outside the instrumentation, in src or node_modules. */
function originOf(stack: string): string {
  const lines = stack.split('\n').slice(1).filter((l) => !l.includes('mountCycles.browser.test'))
  const line = lines.find((l) => /\/(src|node_modules)\//.test(l)) ?? lines[0] ?? '?'
  return line.replace(/^\s*at\s*/, '').replace(/https?:\/\/[^/]+/, '').replace(/\?[^:)]*/, '')
}

type Heap = { usedMB: number; method: string }
async function heapUsed(): Promise<Heap> {
  const samples: number[] = []
  let method = 'cdp HeapProfiler.collectGarbage + Runtime.getHeapUsage'
  for (let i = 0; i < 5; i++) {
    try {
      // The playwright provider's session (its type augmentation is not in this tsconfig's types).
      const session = cdp() as unknown as { send(method: string, params?: object): Promise<unknown> }
      await session.send('HeapProfiler.collectGarbage')
      const usage = await session.send('Runtime.getHeapUsage') as { usedSize: number }
      samples.push(usage.usedSize)
    } catch {
      method = 'performance.memory after allocation churn (bucketed)'
      let junk: unknown[] = []
      for (let j = 0; j < 200; j++) junk.push(new Array(10_000).fill(j))
      junk = []
      await sleep(50)
      samples.push((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN)
    }
  }
  samples.sort((a, b) => a - b)
  return { usedMB: samples[2]! / 2 ** 20, method }
}

interface Figures {
  cycles: number; handlers: number; simulator: number; timers: Pending[]; created: number
  heapStart: number; heapEnd: number; method: string; seconds: number
}

const server = createRoamingServer({ seed: 5, latency: [0, 8] })
server.generate({ user: 'alice', conversations: 30, bigConversation: { with: 'bob', messages: 400 } })
const device = server.connect('alice')

/** The provider with both components, or nothing. A new `key` per cycle: every mount is a fresh provider. */
function Scene({ on, queryClient }: { on: boolean; queryClient?: QueryClient | undefined }) {
  if (!on) return null
  return (
    <StrictMode>
      <RoamingProvider connection={device} {...(queryClient ? { queryClient } : {})}>
        <div style={{ display: 'flex', gap: 8, width: 900, height: 480 }}>
          <div style={{ display: 'flex', width: 320 }}><ConversationList /></div>
          <div style={{ display: 'flex', width: 560 }}><MessageThread conversationId="bob" chatType="singleChat" /></div>
        </div>
      </RoamingProvider>
    </StrictMode>
  )
}

/** Waits until the simulator has answered everything (answers to unmounted providers included). */
async function drain() {
  for (let n = 0; n < 500 && server.pending() > 0; n++) await sleep(10)
  await sleep(200)
}

/**
 * Warm-up, heap baseline, `cycles` mount/unmount cycles (every other one waits for rows, the rest unmount with
 * requests in flight), drain, figures. `ownCache`: the app passes a QueryClient per mount and clears it after
 * unmount (what RoamingProvider should do with the cache it creates itself, see below).
 */
async function run(label: string, cycles: number, ownCache: boolean): Promise<Figures> {
  // One React root for the whole run (a root per cycle would be kept by vitest-browser-react until the test ends,
  // and counted as heap); each cycle mounts and unmounts the provider subtree in it.
  const screen = await render(<Scene key={-1} on={false} />)
  const host = screen.container
  const cycle = async (i: number) => {
    const queryClient = ownCache ? new QueryClient() : undefined
    await screen.rerender(<Scene key={i} on queryClient={queryClient} />)
    if (i % 2 === 0) {
      for (let n = 0; n < 300 && !(host.querySelector('[role="option"]') && host.querySelector('article')); n++) await sleep(2)
      if (!host.querySelector('article')) throw new Error(`cycle ${i}: nothing rendered`)
      await frame()
    } else {
      await sleep(i % 3)
    }
    await screen.rerender(<Scene key={i} on={false} />)
    if (queryClient) void endQueryClient(queryClient)
    // A provider never stays subscribed after unmount: checked every cycle, not only at the end.
    if (Object.keys(device.eventHandler.handlerData).length !== 0) throw new Error(`handler left after cycle ${i}`)
  }
  const timers = instrumentTimers()
  const t0 = performance.now()
  const f: Figures = { cycles: 0, handlers: -1, simulator: -1, timers: [], created: 0, heapStart: 0, heapEnd: 0, method: '', seconds: 0 }
  try {
    for (let i = 0; i < WARMUP; i++) await cycle(i)
    await drain()
    f.heapStart = (await heapUsed()).usedMB
    timers.setPhase('cycles')
    for (let i = WARMUP; i < WARMUP + cycles; i++) await cycle(i)
    f.cycles = cycles
    timers.setPhase('settle')
    await drain()
    f.handlers = Object.keys(device.eventHandler.handlerData).length
    f.simulator = server.pending()
    f.timers = [...timers.pending.values()]
    f.created = timers.created
  } finally {
    timers.restore()
    await screen.unmount()
  }
  const heap = await heapUsed()
  f.heapEnd = heap.usedMB
  f.method = heap.method
  f.seconds = (performance.now() - t0) / 1000
  const pct = ((f.heapEnd - f.heapStart) / f.heapStart) * 100
  console.log(`leaks (${label}): ${f.cycles} cycles, handlers ${f.handlers}, pending timers ${f.timers.length}, `
    + `heap start ${f.heapStart.toFixed(1)} MB end ${f.heapEnd.toFixed(1)} MB (${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%) `
    + `[${f.method}; ${f.created} timers/frames created; simulator pending ${f.simulator}; ${f.seconds.toFixed(1)} s]`)
  const byOrigin = new Map<string, number>()
  for (const t of f.timers) {
    const key = `${t.kind} ${t.delay}ms (${t.phase}) at ${originOf(t.stack)}`
    byOrigin.set(key, (byOrigin.get(key) ?? 0) + 1)
  }
  if (byOrigin.size) console.log(`pending timers by origin:\n${[...byOrigin].map(([k, n]) => `  ${n} × ${k}`).join('\n')}`)
  return f
}

const heapGrowth = (f: Figures) => Math.abs(f.heapEnd - f.heapStart) / f.heapStart
const timerList = (f: Figures) => f.timers.map((t) => `${t.kind} ${t.delay}ms at ${originOf(t.stack)}`)
/** TanStack Query's garbage collection of an inactive query: `gcTime`, 5 minutes by default. */

// First, so its baseline is not raised by what the default run leaves behind for 5 minutes.
describe('mount/unmount cycles in Chromium, the app clearing the QueryClient it passes (control)', () => {
  let f: Figures
  it(`${CONTROL_CYCLES} cycles: no handler, no simulator work, no pending timer, heap within 10%`, async () => {
    f = await run('app-owned cache, cleared', CONTROL_CYCLES, true)
    expect(f.cycles).toBe(CONTROL_CYCLES)
    expect(f.handlers).toBe(0)
    expect(f.simulator).toBe(0)
    expect(timerList(f)).toEqual([])
    expect(heapGrowth(f)).toBeLessThan(0.1)
  }, 120_000)
})

describe('mount/unmount cycles in Chromium (RoamingProvider with its own cache)', () => {
  let f: Figures
  it(`${CYCLES} cycles leave no handler on the connection and no simulator work`, async () => {
    f = await run('default', CYCLES, false)
    expect(f.cycles).toBe(CYCLES)
    expect(f.handlers).toBe(0)
    expect(f.simulator).toBe(0)
  }, 120_000)

  // The provider clears the cache it made when it unmounts: no TanStack gc timer (and no cache) outlives it.
  it('leaves no timer of the kit pending', () => {
    expect(f.cycles).toBe(CYCLES)
    expect(timerList(f)).toEqual([])
  })

  it('ends with the JS heap within 10% of where it started (after warm-up)', () => {
    expect(f.cycles).toBe(CYCLES)
    expect(heapGrowth(f)).toBeLessThan(0.1)
  })
})
