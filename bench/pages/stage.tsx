/** What every benchmark page mounts into, and the history loader the thread and request pages share. */
import { useEffect, useRef } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { useHistoryMessages } from '../../src/index'
import { PAGE, PEER } from './data'

/** The page's mount point. */
export const stage = () => document.getElementById('stage') as HTMLElement

/** Empties the stage (styled as `kind`) and gives a fresh React root on a full-height flex host. */
export function freshRoot(kind: 'list' | 'thread'): { root: Root; host: HTMLElement } {
  const s = stage()
  s.className = kind
  s.replaceChildren()
  const host = document.createElement('div')
  host.style.cssText = 'height:100%;display:flex;flex-direction:column;min-height:0'
  s.append(host)
  return { root: createRoot(host), host }
}

/** What `HistoryLoader` reports: the messages read, and how long each older page took from request to render. */
export interface HistoryLoad { count: number; pageMs: number[] }

/**
 * Loads every page of the big conversation through `useHistoryMessages` (pageSize 50), then reports the count
 * and, per older page, the time from `fetchOlder()` to the render that shows it (the cost of a page at the size
 * already loaded).
 */
export function HistoryLoader({ onDone }: { onDone: (load: HistoryLoad) => void }) {
  const h = useHistoryMessages({ conversationId: PEER, chatType: 'singleChat', pageSize: PAGE })
  const done = useRef(false)
  const asked = useRef<{ at: number; count: number } | null>(null)
  const pageMs = useRef<number[]>([])
  useEffect(() => {
    if (h.status !== 'success' || done.current) return
    if (asked.current && h.messages.length > asked.current.count) {
      pageMs.current.push(performance.now() - asked.current.at)
      asked.current = null
    }
    if (asked.current) return
    if (h.hasOlder) {
      asked.current = { at: performance.now(), count: h.messages.length }
      h.fetchOlder()
    } else {
      done.current = true
      onDone({ count: h.messages.length, pageMs: pageMs.current })
    }
  })
  return null
}
