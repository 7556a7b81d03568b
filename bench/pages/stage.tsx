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

/** Loads every page of the big conversation through `useHistoryMessages` (pageSize 50), then reports the count. */
export function HistoryLoader({ onDone }: { onDone: (count: number) => void }) {
  const h = useHistoryMessages({ conversationId: PEER, chatType: 'singleChat', pageSize: PAGE })
  const done = useRef(false)
  useEffect(() => {
    if (h.status !== 'success' || done.current) return
    if (h.hasOlder) h.fetchOlder()
    else { done.current = true; onDone(h.messages.length) }
  })
  return null
}
