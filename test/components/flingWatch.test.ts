import { createFlingWatch } from '../../src/components/MessageThread/flingWatch'

/** A scroller whose scrollTop the test sets (jsdom has no layout), and a clock the test moves. */
function setup() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  const scroller = document.createElement('div')
  let top = 0
  Object.defineProperty(scroller, 'scrollTop', { get: () => top, set: (v: number) => { top = v } })
  const watch = createFlingWatch()
  const changes: boolean[] = []
  watch.subscribe(() => changes.push(watch.fast()))
  watch.attach(scroller)
  /** One scroll event `dy` px after `dt` ms. */
  const scroll = (dy: number, dt: number) => {
    vi.advanceTimersByTime(dt)
    top += dy
    scroller.dispatchEvent(new Event('scroll'))
  }
  return { scroller, watch, changes, scroll }
}

afterEach(() => { vi.useRealTimers() })

describe('createFlingWatch', () => {
  it('reading speed (2 px/ms) is never a fling', () => {
    const { watch, changes, scroll } = setup()
    for (let i = 0; i < 30; i++) scroll(-32, 16)
    expect(watch.fast()).toBe(false)
    expect(changes).toEqual([])
  })

  it('a fast scroll (over 3 px/ms) is a fling from its third fast event, until 150 ms after the last', () => {
    const { watch, changes, scroll } = setup()
    for (let i = 0; i < 3; i++) scroll(-3000, 16)
    expect(watch.fast()).toBe(false)
    scroll(-3000, 16)
    expect(watch.fast()).toBe(true)
    for (let i = 0; i < 10; i++) scroll(-3000, 16)
    expect(watch.fast()).toBe(true)
    vi.advanceTimersByTime(149)
    expect(watch.fast()).toBe(true)
    vi.advanceTimersByTime(1)
    expect(watch.fast()).toBe(false)
    expect(changes).toEqual([true, false])
  })

  it('react-virtuoso correcting by a misestimated row now and then while the reader reads is not a fling', () => {
    const { changes, scroll } = setup()
    for (let i = 0; i < 60; i++) scroll(i % 5 === 0 ? 300 : -20, 16)
    for (let i = 0; i < 20; i++) scroll(i % 2 === 0 ? 300 : -20, 16)
    expect(changes).toEqual([])
  })

  it('one jump after a pause (scrollToIndex, jump to latest) is not a fling', () => {
    const { watch, changes, scroll } = setup()
    scroll(-50_000, 500)
    scroll(-80_000, 400)
    expect(watch.fast()).toBe(false)
    expect(changes).toEqual([])
  })

  it('detaching ends a fling and stops listening; attached again, it measures afresh', () => {
    const { scroller, watch, changes, scroll } = setup()
    for (let i = 0; i < 4; i++) scroll(-3000, 16)
    expect(watch.fast()).toBe(true)
    watch.attach(null)
    expect(watch.fast()).toBe(false)
    scroll(-3000, 16)
    scroll(-3000, 16)
    expect(watch.fast()).toBe(false)
    expect(changes).toEqual([true, false])
    // Attached again, it measures afresh.
    watch.attach(scroller)
    for (let i = 0; i < 3; i++) scroll(-3000, 16)
    expect(watch.fast()).toBe(false)
    scroll(-3000, 16)
    expect(watch.fast()).toBe(true)
  })
})
