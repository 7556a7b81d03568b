/** Measuring helpers shared by every bench page (no React). */

export const FRAME_MS = 1000 / 60

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
/** A task after the current frame's rendering (MessageChannel, not clamped like setTimeout). */
export const afterPaint = () => new Promise<void>((resolve) => {
  const ch = new MessageChannel()
  ch.port1.onmessage = () => resolve()
  requestAnimationFrame(() => ch.port2.postMessage(null))
})

/** Waits, frame by frame, until `check` holds; returns performance.now() of that frame (or throws after `timeoutMs`). */
/**
 * Runs `probe` once per frame after that frame's layout, i.e. on what the frame paints: the callback of a
 * ResizeObserver created anew in each frame's rAF (a new observer reports its first observation in that frame).
 * Observers are notified in creation order, so every observer of the lists has run first, even one a list
 * created after mount (react-virtuoso creates a new one when `skipAnimationFrameInResizeObserver` changes), and
 * so have the rAF callbacks the list registered for that frame (react-virtuoso corrects scroll offsets there),
 * which a probe in an earlier-registered rAF would not see. Returns a stop function.
 */
export function eachPaintedFrame(probe: (time: number) => void): () => void {
  const marker = document.createElement('div')
  marker.style.cssText = 'position:fixed;left:0;bottom:0;height:1px;width:1px;pointer-events:none;visibility:hidden'
  document.body.append(marker)
  let stopped = false
  let ro: ResizeObserver | null = null
  const tick = (t: number) => {
    if (stopped) return
    ro?.disconnect()
    ro = new ResizeObserver(() => { if (!stopped) probe(t) })
    ro.observe(marker)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return () => { stopped = true; ro?.disconnect(); marker.remove() }
}

interface LongFrame extends PerformanceEntry {
  blockingDuration: number
  renderStart: number
  styleAndLayoutStart: number
  scripts: { invoker: string; duration: number; forcedStyleAndLayoutDuration: number }[]
}

/**
 * Long animation frames (Chromium's `long-animation-frame` entries, over 50 ms) until `stop()`: how many, and the
 * three longest with where their time went (scripts by invoker, their forced layout, and the frame's own
 * style and layout), to tell the list's own work from the kit's.
 */
export function longFrames() {
  const entries: LongFrame[] = []
  const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as LongFrame[])))
  try { observer.observe({ type: 'long-animation-frame', buffered: false }) } catch { /* no LoAF: count stays 0 */ }
  return {
    stop() {
      observer.disconnect()
      const samples = [...entries].sort((a, b) => b.duration - a.duration).slice(0, 3).map((f) => {
        const end = f.startTime + f.duration
        const scripts = f.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)} ms (layout ${Math.round(x.forcedStyleAndLayoutDuration)})`)
        return `${Math.round(f.duration)} ms: ${scripts.join(', ') || 'no script'}; style+layout ${Math.round(end - (f.styleAndLayoutStart || end))} ms`
      })
      return { count: entries.length, samples }
    },
  }
}

export async function waitFrame(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<number> {
  const start = performance.now()
  for (;;) {
    const t = await nextFrame()
    if (check()) return t
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
  }
}

/** Waits (polling every 0 ms task, i.e. not frame-bound) until `check` holds. */
export async function waitTask(check: () => boolean, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(5)
  }
}

/** Long tasks (PerformanceObserver 'longtask') between `start()` and `stop()`. */
export function longTasks() {
  const entries: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => { entries.push(...list.getEntries()) })
  observer.observe({ type: 'longtask', buffered: false })
  const t0 = performance.now()
  return {
    /** Count and total duration of long tasks that started in the window. */
    stop() {
      entries.push(...observer.takeRecords())
      observer.disconnect()
      const mine = entries.filter((e) => e.startTime >= t0 - 1)
      return { count: mine.length, ms: round(mine.reduce((s, e) => s + e.duration, 0)), max: round(Math.max(0, ...mine.map((e) => e.duration))) }
    },
  }
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits

declare global {
  interface Window {
    /** Exposed by bench/run.mjs: full GC over CDP, then `Runtime.getHeapUsage().usedSize`. */
    benchHeap?: () => Promise<number>
    /** Exposed by bench/run.mjs (not with `--profile` or `--no-trace`): starts CDP tracing of the renderer. */
    benchTraceStart?: () => Promise<boolean>
    /** Ends that trace; main-thread CPU ms per frame between the scroll's frame marks, null if not `frames` frames. */
    benchTraceStop?: (frames: number) => Promise<{ median: number; mean: number } | null>
    gc?: () => void
  }
}

/** JS heap in bytes after a full GC (CDP when driven by run.mjs, else window.gc + performance.memory). */
export async function heapAfterGc(): Promise<number> {
  await sleep(50)
  if (window.benchHeap) {
    await window.benchHeap()
    return window.benchHeap()
  }
  window.gc?.(); window.gc?.()
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN
}

export const elementCount = (root: Element) => root.getElementsByTagName('*').length

/** Whether `el` lies entirely inside `scroller`'s visible box. */
export function fullyVisible(el: Element | null | undefined, scroller: Element): boolean {
  if (!el) return false
  const r = el.getBoundingClientRect()
  const v = scroller.getBoundingClientRect()
  return r.height > 0 && r.top >= v.top - 1 && r.bottom <= v.bottom + 1
}

/** Whether the scroller is scrolled to its end. */
export const atEnd = (scroller: Element) => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 2

/**
 * react-virtuoso's item wrappers carry `data-index`: a probe point (centre line, at 25 %, 50 % and 75 % of the
 * height) over none of them shows no row. Returns null, or what is under the first blank point.
 */
export function blankAt(scroller: Element): string | null {
  const v = scroller.getBoundingClientRect()
  const x = v.left + v.width / 2
  for (const f of [0.25, 0.5, 0.75]) {
    const el = document.elementFromPoint(x, v.top + v.height * f)
    if (!el || !scroller.contains(el) || !el.closest('[data-index]')) {
      const rows = [...scroller.querySelectorAll('[data-index]')].map((r) => r.getBoundingClientRect())
      const cover = rows.length ? `${rows.length} rows at ${Math.round(rows[0]!.top - v.top)}…${Math.round(rows.at(-1)!.bottom - v.top)} px` : 'no rows'
      return `${f * 100}% of ${Math.round(v.height)} px (${cover}): ${el ? `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}${scroller.contains(el) ? '' : ' (outside the scroller)'}` : 'nothing'}`
    }
  }
  return null
}

export interface ScrollResult {
  frames: number
  ms: number
  fps: number
  /** Frames missed: for each gap between frames over 1.5 × 16.7 ms, the frames that fit in it. */
  dropped: number
  /** Frames whose probe points showed no row when the frame was laid out for paint (after ResizeObserver work). */
  blank: number
  /** The same probe in requestAnimationFrame, before layout and ResizeObserver corrections (stricter). */
  blankBeforeLayout: number
  /** Long animation frames (over 50 ms, Chromium's LoAF API) and the three longest, with their scripts. */
  longFrames: number
  longFrameSamples: string[]
  /** Most elements inside the scroller in any painted frame (mid-list both overscans are filled, unlike at mount). */
  domPeak: number
  longTasks: number
  longTaskMs: number
  /** Whether the run reached the other end of the list. */
  reachedEnd: boolean
  /** What the probes found at the first blank frames. */
  blankSamples: string[]
  /**
   * Main-thread CPU time (thread time, not wall time) per frame of the scroll, from a Chromium trace: the median
   * over the frames, and the mean (all of it / frames). Steadier under machine load than fps and dropped frames;
   * null when the page runs without bench/run.mjs's tracing (`--profile`, `--no-trace`) or the trace missed frames.
   */
  cpuFrameMs: number | null
  cpuFrameMeanMs: number | null
}

/** Frame boundaries for bench/run.mjs's trace analysis (a `blink.user_timing` mark in the scroll's rAF callback). */
const FRAME_MARK = 'bench:scroll-frame'

/**
 * Scrolls the whole list in `durationMs`, one programmatic step per frame, from the current end to the other
 * (`down`: top → bottom; `up`: bottom → top).
 *
 * Each step is set in a task right after a frame was painted, so the scroll event reaches the list at the start of
 * the next frame, before its requestAnimationFrame callbacks. Blank frames are probed twice per frame: in rAF
 * (after the scroll event, before layout) and in a ResizeObserver callback of an element resized in that rAF; that
 * callback runs after layout and after the list's own ResizeObserver callbacks of the frame (observers are notified
 * in creation order), i.e. what the frame paints, up to further ResizeObserver rounds.
 */
export async function scrollWhole(scroller: HTMLElement, direction: 'up' | 'down', durationMs = 3000): Promise<ScrollResult> {
  // Main-thread CPU per frame: bench/run.mjs traces the renderer from here to benchTraceStop (not without it),
  // started before the observers below so that starting it does not count as a long task or frame.
  const tracing = window.benchTraceStart ? await window.benchTraceStart() : false
  const lt = longTasks()
  const frames = longFrames()
  const times: number[] = []
  let blank = 0
  let blankBeforeLayout = 0
  let domPeak = 0
  const blankSamples: string[] = []
  let start = -1
  let done = false
  let probeNext = false
  const marker = document.createElement('div')
  marker.style.cssText = 'position:fixed;left:0;bottom:0;height:1px;width:1px;pointer-events:none;visibility:hidden'
  document.body.append(marker)
  const ro = new ResizeObserver(() => {
    if (!probeNext) return
    probeNext = false
    domPeak = Math.max(domPeak, elementCount(scroller))
    const hole = blankAt(scroller)
    if (hole) { blank++; if (blankSamples.length < 3) blankSamples.push(`frame ${times.length}: ${hole}`) }
  })
  ro.observe(marker)
  await nextFrame()
  console.profile('scroll')
  await new Promise<void>((resolve) => {
    const step = (fraction: number) => {
      const max = scroller.scrollHeight - scroller.clientHeight
      scroller.scrollTop = Math.round(direction === 'down' ? max * fraction : max * (1 - fraction))
    }
    const frame = (t: number) => {
      if (tracing) performance.mark(FRAME_MARK)
      if (start < 0) start = t
      else {
        times.push(t)
        if (blankAt(scroller)) blankBeforeLayout++
        marker.style.width = marker.style.width === '1px' ? '2px' : '1px'
        probeNext = true
      }
      if (done) return resolve()
      const fraction = Math.min(1, (t - start + FRAME_MS) / durationMs)
      if (fraction >= 1) done = true
      const ch = new MessageChannel()
      ch.port1.onmessage = () => { step(fraction); requestAnimationFrame(frame) }
      ch.port2.postMessage(null)
    }
    requestAnimationFrame(frame)
  })
  await nextFrame()
  console.profileEnd('scroll')
  ro.disconnect()
  marker.remove()
  // Variable heights: the last steps may land short of the end while rows get measured.
  for (let i = 0; i < 30 && !(direction === 'down' ? atEnd(scroller) : scroller.scrollTop <= 1); i++) {
    scroller.scrollTop = direction === 'down' ? scroller.scrollHeight : 0
    await nextFrame()
  }
  const reachedEnd = direction === 'down' ? atEnd(scroller) : scroller.scrollTop <= 1
  const tasks = lt.stop()
  const slow = frames.stop()
  const cpu = tracing && window.benchTraceStop ? await window.benchTraceStop(times.length) : null
  if (tracing) performance.clearMarks(FRAME_MARK)
  let dropped = 0
  let prev = start
  for (const t of times) {
    const gap = t - prev
    if (gap > 1.5 * FRAME_MS) dropped += Math.max(1, Math.round(gap / FRAME_MS) - 1)
    prev = t
  }
  const ms = (times.at(-1) ?? start) - start
  return {
    frames: times.length, ms: round(ms), fps: round((times.length / ms) * 1000), dropped, blank, blankBeforeLayout, domPeak,
    longTasks: tasks.count, longTaskMs: tasks.ms, reachedEnd, blankSamples, longFrames: slow.count, longFrameSamples: slow.samples,
    cpuFrameMs: cpu?.median ?? null, cpuFrameMeanMs: cpu?.mean ?? null,
  }
}

/** Index of the topmost row whose box reaches below the scroller's top edge, and its offset from that edge. */
export function topVisible(scroller: Element, idOf: (el: Element) => string | null): { id: string; offset: number } | null {
  const v = scroller.getBoundingClientRect()
  const rows = [...scroller.querySelectorAll('[data-index]')]
  let best: { id: string; offset: number } | null = null
  for (const row of rows) {
    const r = row.getBoundingClientRect()
    if (r.bottom <= v.top + 1 || r.height === 0) continue
    const id = idOf(row)
    if (id && (!best || r.top - v.top < best.offset)) best = { id, offset: r.top - v.top }
  }
  return best
}
