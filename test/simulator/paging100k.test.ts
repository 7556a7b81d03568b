import { describe, expect, it } from 'vitest'
import { createRoamingServer } from '../../src/simulator/createRoamingServer'
import { manualClock } from './helpers'

const N = 100_000
const PAGE = 50

describe('Must show: 100k messages paged in both directions', () => {
  it('every message exactly once, in order, in exactly ceil(100000/50) = 2000 calls each way', { timeout: 120_000 }, async () => {
    const server = createRoamingServer({ clock: manualClock(1_700_000_000_000) })
    const gen = server.generate({ user: 'alice', conversations: 0, bigConversation: { with: 'bob', messages: N } })
    expect(gen).toEqual({ conversations: [{ conversationId: 'bob', chatType: 'singleChat', messages: N }], messages: N })
    const alice = server.connect('alice')

    const walk = async (searchDirection: 'up' | 'down') => {
      server.clearRequests()
      const ids: string[] = []
      const times: number[] = []
      let cursor: string | undefined
      for (;;) {
        const page = await alice.getHistoryMessages({ targetId: 'bob', chatType: 'singleChat', pageSize: PAGE, searchDirection, ...(cursor === undefined ? {} : { cursor }) })
        for (const m of page.messages) {
          ids.push(m.id)
          times.push(m.time as number)
        }
        if (page.isLast) {
          expect(page.cursor).toBeUndefined()
          break
        }
        expect(page.messages).toHaveLength(PAGE)
        expect(typeof page.cursor).toBe('string')
        cursor = page.cursor
        if (ids.length > N) break
      }
      return { ids, times, calls: server.requests.filter((r) => r.method === 'getHistoryMessages').length }
    }

    const up = await walk('up')
    expect(up.calls).toBe(Math.ceil(N / PAGE))
    expect(up.calls).toBe(2000)
    expect(up.ids).toHaveLength(N)
    expect(new Set(up.ids).size).toBe(N)
    for (let i = 1; i < N; i++) if (!((up.times[i] as number) < (up.times[i - 1] as number))) expect.fail(`up: not strictly descending at ${i}`)

    const down = await walk('down')
    expect(down.calls).toBe(2000)
    expect(down.ids).toHaveLength(N)
    expect(new Set(down.ids).size).toBe(N)
    for (let i = 1; i < N; i++) if (!((down.times[i] as number) > (down.times[i - 1] as number))) expect.fail(`down: not strictly ascending at ${i}`)

    // The same messages both ways, in exactly reversed order.
    expect(down.ids).toEqual([...up.ids].reverse())
    expect(server.requests.every((r) => r.outcome === 'ok')).toBe(true)
  })
})
