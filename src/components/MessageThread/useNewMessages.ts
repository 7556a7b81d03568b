import { useCallback, useEffect, useRef, useState } from 'react'
import type { RoamingMessage } from '../../client/types'

/** Options of `useNewMessages`. */
export interface UseNewMessagesOptions {
  /** Conversation key and view: arrivals are counted within one view only. */
  view: string
  /** The view's messages, ascending. */
  messages: readonly RoamingMessage[]
  /** Whether the view holds the latest message (only then do messages arrive at its end). */
  isLatest: boolean
  /** The current user's id: their own messages are not announced. */
  me: string
}

/** What `useNewMessages` returns. */
export interface UseNewMessagesResult {
  /** Whether the reader is at the bottom (from react-virtuoso's `atBottomStateChange`). */
  atBottom: boolean
  /** Pass to `atBottomStateChange`; reaching the bottom marks everything seen. */
  setAtBottom: (atBottom: boolean) => void
  /**
   * Pass to `followOutput`: follows new rows when react-virtuoso's own at-bottom flag says so, and arrivals it
   * follows are not counted as unseen. `atBottomStateChange` can report a moment later than this flag (under load,
   * after a row grew), which showed a "new message" pill over a view that had followed the message.
   */
  followOutput: (isAtBottom: boolean) => 'auto' | false
  /** Messages that arrived while the reader was scrolled up. */
  unseen: number
  /** The last arrival from others, for the live region (`seq` changes with each arrival). */
  arrival: { seq: number; from: string; count: number } | null
}

/**
 * Tells live arrivals apart from pages: a message arrived when the view held the latest message before and after,
 * and it is newer than anything the view has shown. Older pages, newer pages after a jump and rolled-back
 * deletions are not arrivals. Runs in an effect: render stays pure.
 */
export function useNewMessages({ view, messages, isLatest, me }: UseNewMessagesOptions): UseNewMessagesResult {
  const [atBottom, setAtBottomState] = useState(true)
  const [unseen, setUnseen] = useState(0)
  const [arrival, setArrival] = useState<UseNewMessagesResult['arrival']>(null)
  const atBottomRef = useRef(true)
  const seen = useRef<{ view: string; isLatest: boolean; newest: number } | null>(null)
  useEffect(() => {
    const previous = seen.current
    const newest = Math.max(previous?.view === view ? previous.newest : 0, messages.at(-1)?.time ?? 0)
    seen.current = { view, isLatest, newest }
    if (!previous || previous.view !== view || !previous.isLatest || !isLatest) return
    // Ascending: arrivals are at the end, so scan back only over them (not over every loaded message).
    let arrived = 0
    let others = 0
    let last: RoamingMessage | undefined
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i] as RoamingMessage
      if (m.time <= previous.newest) break
      arrived++
      if (m.from !== me) {
        others++
        last ??= m
      }
    }
    if (arrived === 0) return
    if (last) {
      const from = last.from
      setArrival((a) => ({ seq: (a?.seq ?? 0) + 1, from, count: others }))
    }
    if (!atBottomRef.current) setUnseen((n) => n + arrived)
  }, [view, messages, isLatest, me])
  const setAtBottom = useCallback((value: boolean) => {
    atBottomRef.current = value
    setAtBottomState(value)
    if (value) setUnseen(0)
  }, [])
  // Called by react-virtuoso while it takes in new data (in its layout effect), before the effect above runs.
  const followOutput = useCallback((isAtBottom: boolean) => {
    atBottomRef.current = isAtBottom
    return isAtBottom ? 'auto' as const : false as const
  }, [])
  return { atBottom, setAtBottom, followOutput, unseen, arrival }
}
