import { createContext } from 'react'

/**
 * Whether the thread's scroller is being flung: scrolled faster than anyone reads. Images that come into view
 * during a fling wait until it ends, so a flick through thousands of messages neither decodes nor downloads every
 * image it passes (decoding them was most of the frame time of a fast scroll: bench, 10k loaded, 57–61 dropped
 * frames in 3 s with images, 8–18 with their boxes only).
 */
export interface FlingWatch {
  /** Whether a fling is going on now. */
  fast(): boolean
  /** Calls `listener` when `fast()` changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Watches this scroller (`null`: none, and the fling, if any, ends). */
  attach(scroller: HTMLElement | null): void
}

/** Options of `createFlingWatch`. */
export interface FlingWatchOptions {
  /** Speed above which scrolling is a fling, px per ms. @default 3 (3,000 px/s, a fast flick; reading is far slower) */
  speed?: number
  /** A fling ends this long (ms) after the last fast scroll event. @default 150 */
  settleMs?: number
  /** Scroll events further apart than this (ms) start a new measurement: one programmatic jump is not a fling. @default 100 */
  gapMs?: number
  /**
   * Fast scroll events in a row that make a fling. One is not enough: react-virtuoso itself scrolls by a row's
   * misestimate (up to ~300 px in a frame) when rows above the view are measured, while the reader reads.
   * @default 3
   */
  streak?: number
}

/** A fling watch for one thread; framework-free, so it is tested with plain DOM events. */
export function createFlingWatch({ speed = 3, settleMs = 150, gapMs = 100, streak = 3 }: FlingWatchOptions = {}): FlingWatch {
  const listeners = new Set<() => void>()
  let fast = false
  let scroller: HTMLElement | null = null
  let last: { top: number; at: number } | null = null
  let fastEvents = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const set = (value: boolean) => {
    if (value === fast) return
    fast = value
    for (const listener of [...listeners]) listener()
  }
  const onScroll = () => {
    if (!scroller) return
    const top = scroller.scrollTop
    const at = performance.now()
    const previous = last
    last = { top, at }
    const quick = !!previous && at - previous.at <= gapMs && Math.abs(top - previous.top) / Math.max(1, at - previous.at) > speed
    fastEvents = quick ? fastEvents + 1 : 0
    if (fastEvents < streak) return
    set(true)
    clearTimeout(timer)
    timer = setTimeout(() => set(false), settleMs)
  }
  return {
    fast: () => fast,
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    attach(element) {
      if (element === scroller) return
      scroller?.removeEventListener('scroll', onScroll)
      scroller = element
      last = null
      fastEvents = 0
      scroller?.addEventListener('scroll', onScroll, { passive: true })
      if (!scroller) { clearTimeout(timer); set(false) }
    },
  }
}

/** The thread's fling watch, for image bodies; `null` outside a thread (images always load there). */
export const FlingContext = /* @__PURE__ */ createContext<FlingWatch | null>(null)
