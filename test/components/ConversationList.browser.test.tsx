import { StrictMode } from 'react'
import { expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ConversationList } from '../../src/components/ConversationList'
import { createRoamingServer, RoamingTestProvider, type RoamingServer, type SimulatedConnection } from '../../src/testing'

/** The list in a 320 px column of a real browser: react-virtuoso measures real rows (no mock sizes). */
async function renderList(server: RoamingServer, device?: SimulatedConnection, conversations = 30) {
  const screen = await render(
    <StrictMode>
      <div style={{ height: 320, width: 360, display: 'flex' }}>
        <RoamingTestProvider server={server} {...(device ? { device } : {})} generate={{ conversations, groupShare: 0 }} virtuoso={null}>
          <ConversationList />
        </RoamingTestProvider>
      </div>
    </StrictMode>,
  )
  const locator = screen.getByRole('listbox', { name: 'Conversations' })
  await expect.element(locator).toBeInTheDocument()
  const listbox = locator.element() as HTMLElement
  await expect.poll(() => listbox.querySelectorAll('[role="option"]').length).toBeGreaterThan(3)
  return { screen, listbox }
}

const focused = (listbox: HTMLElement) => {
  const id = listbox.getAttribute('aria-activedescendant')
  return id ? document.getElementById(id) : null
}
/** Whether the element lies entirely inside the scroller's visible box. */
const fullyVisible = (el: Element, scroller: Element) => {
  const r = el.getBoundingClientRect()
  const v = scroller.getBoundingClientRect()
  return r.top >= v.top - 1 && r.bottom <= v.bottom + 1
}
const gets = (server: RoamingServer) => server.requests.filter((r) => r.method === 'getServerConversations').length

test('End focuses the last loaded row and scrolls it into view; ArrowDown scrolls row by row', async () => {
  const server = createRoamingServer({ seed: 1 })
  const { listbox } = await renderList(server)
  const visibleRows = Math.floor(listbox.clientHeight / 64)
  expect(visibleRows).toBeLessThan(20)
  listbox.focus()
  await userEvent.keyboard('{End}')
  await expect.poll(() => focused(listbox)?.getAttribute('aria-posinset')).toBe('20')
  await expect.poll(() => fullyVisible(focused(listbox)!, listbox)).toBe(true)
  expect(listbox).toHaveFocus()
  expect(focused(listbox)).toHaveAttribute('data-focused', 'true')

  await userEvent.keyboard('{Home}')
  await expect.poll(() => focused(listbox)?.getAttribute('aria-posinset')).toBe('1')
  await expect.poll(() => listbox.scrollTop).toBe(0)
  for (let i = 0; i < visibleRows + 3; i++) await userEvent.keyboard('{ArrowDown}')
  await expect.poll(() => focused(listbox)?.getAttribute('aria-posinset')).toBe(String(visibleRows + 4))
  await expect.poll(() => fullyVisible(focused(listbox)!, listbox)).toBe(true)
  expect(listbox.scrollTop).toBeGreaterThan(0)
  await userEvent.keyboard('{Enter}')
  expect(focused(listbox)).toHaveAttribute('aria-selected', 'true')
})

test('scrolling to the end loads the next page', async () => {
  const server = createRoamingServer({ seed: 1, latency: 50 })
  const { listbox } = await renderList(server)
  expect(gets(server)).toBe(1)
  expect(listbox.querySelector('[role="option"]')).toHaveAttribute('aria-setsize', '-1')
  listbox.scrollTop = listbox.scrollHeight
  await expect.poll(() => gets(server)).toBe(2)
  await expect.poll(() => listbox.querySelector('[role="option"]')?.getAttribute('aria-setsize')).toBe('30')
  listbox.scrollTop = listbox.scrollHeight
  await expect.poll(() => [...listbox.querySelectorAll('[role="option"]')].some((o) => o.getAttribute('aria-posinset') === '30')).toBe(true)
  // 30 conversations, two pages: nothing more to ask.
  expect(gets(server)).toBe(2)
})

test('renders the rows in view in its first commit of rows, with no one-row probe before them (a frame sooner)', async () => {
  const counts: number[] = []
  const observer = new MutationObserver(() => {
    const n = document.querySelectorAll('[role="listbox"] [role="option"]').length
    if (n > 0 && counts.at(-1) !== n) counts.push(n)
  })
  observer.observe(document.body, { childList: true, subtree: true })
  try {
    await renderList(createRoamingServer({ seed: 1 }))
  } finally {
    observer.disconnect()
  }
  // 320 px of 64 px rows, plus the overscan: far more than one, from the first rows on.
  expect(counts[0]).toBeGreaterThan(3)
})

const names = (listbox: HTMLElement) => [...listbox.querySelectorAll('.rk-conversation-row-name')].map((n) => n.textContent!)
const rowNamed = (listbox: HTMLElement, name: string) =>
  [...listbox.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.querySelector('.rk-conversation-row-name')?.textContent === name)
/** The first row entirely inside the listbox: its name and its top. */
function firstInView(listbox: HTMLElement): { name: string; top: number } {
  const row = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => fullyVisible(o, listbox))!
  return { name: row.querySelector('.rk-conversation-row-name')!.textContent!, top: row.getBoundingClientRect().top }
}
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
const posOf = (listbox: HTMLElement, name: string) => Number(rowNamed(listbox, name)?.getAttribute('aria-posinset'))
/** Watches the first row in view, every frame until `stop`, which resolves the most it moved (px; Infinity if it went). */
function watchFirstInView(listbox: HTMLElement): { before: { name: string; top: number }; stop: () => Promise<number> } {
  const before = firstInView(listbox)
  let max = 0
  let watching = true
  const watch = (async () => {
    while (watching) {
      await frame()
      const row = rowNamed(listbox, before.name)
      max = Math.max(max, row ? Math.abs(row.getBoundingClientRect().top - before.top) : Infinity)
    }
  })()
  return { before, stop: async () => { watching = false; await watch; return max } }
}

test('scrolled down, the rows in view stay still when conversations arrive, move to the top or go above them; at the top a new one shows', async () => {
  const server = createRoamingServer({ seed: 1 })
  const { listbox } = await renderList(server)
  const top = names(listbox).slice(0, 3)
  listbox.scrollTop = 6 * 64 + 20
  await expect.poll(() => names(listbox).includes(top[0]!)).toBe(false)
  await new Promise((r) => setTimeout(r, 200))
  const below = names(listbox).at(-1)!
  // A conversation that did not exist comes to the top; one below the view gets a message and moves there; another
  // device deletes one above the view. Each moves the rows in view down or up by one position.
  const steps: [string, () => unknown, number][] = [
    ['a new conversation', () => server.sendMessage({ from: 'zed', to: 'alice', text: 'hello' }), +1],
    ['one moved to the top', () => server.sendMessage({ from: below, to: 'alice', text: 'up you go' }), +1],
    ['one deleted above', () => server.connect('alice').deleteConversation({ channel: top[1]!, chatType: 'singleChat', deleteRoam: false }), -1],
  ]
  const moves: string[] = []
  for (const [what, act, shift] of steps) {
    const { before, stop } = watchFirstInView(listbox)
    const position = posOf(listbox, before.name)
    await act()
    await expect.poll(() => posOf(listbox, before.name)).toBe(position + shift)
    for (let f = 0; f < 10; f++) await frame()
    const max = await stop()
    moves.push(`${what} ${max} px`)
    expect(max, what).toBeLessThan(0.5)
  }
  console.info(`largest move of the first row in view, per change: ${moves.join(', ')}`)
  // At the top, what comes to the top shows.
  listbox.scrollTop = 0
  await expect.poll(() => listbox.scrollTop).toBe(0)
  await new Promise((r) => setTimeout(r, 200))
  server.sendMessage({ from: 'yan', to: 'alice', text: 'hi there' })
  await expect.poll(() => names(listbox)[0]).toBe('yan')
  expect(fullyVisible(rowNamed(listbox, 'yan')!, listbox)).toBe(true)
})

test('the offline notice lies over the rows: it shows, no row moves as it comes and goes, and clicks go through it', async () => {
  const server = createRoamingServer({ seed: 1 })
  const device = server.connect('alice')
  const { listbox } = await renderList(server, device)
  const row = listbox.querySelectorAll<HTMLElement>('[role="option"]')[1]!
  const top = row.getBoundingClientRect().top
  const notice = document.querySelector<HTMLElement>('.rk-conversation-list-notice')!
  server.dropConnection(device)
  await expect.poll(() => notice.textContent).toBe('Connection lost. Reconnecting…')
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  const box = notice.getBoundingClientRect()
  expect(box.height).toBeGreaterThan(10)
  expect(row.getBoundingClientRect().top).toBe(top)
  // A click on it goes to the row under it.
  expect(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('[role="option"]')).not.toBeNull()
  server.restoreConnection(device)
  await expect.poll(() => notice.textContent).toBe('')
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  expect(row.getBoundingClientRect().top).toBe(top)
})

test('a reconnection reads the list again only down to a page below the rows in view, and no row in view moves', async () => {
  const server = createRoamingServer({ seed: 1 })
  const device = server.connect('alice')
  const { listbox } = await renderList(server, device, 90)
  // Every page loaded (5 of 20), then back to rows 25–30 (the second page).
  while (listbox.querySelector('[role="option"]')?.getAttribute('aria-setsize') !== '90') {
    listbox.scrollTop = listbox.scrollHeight
    await frame()
  }
  expect(gets(server)).toBe(5)
  listbox.scrollTop = 25 * 64
  await expect.poll(() => posOf(listbox, firstInView(listbox).name)).toBeGreaterThanOrEqual(25)
  await new Promise((r) => setTimeout(r, 200))
  const { stop } = watchFirstInView(listbox)
  const reads = gets(server)
  server.dropConnection(device)
  server.restoreConnection(device)
  await expect.poll(() => gets(server) - reads).toBe(3)
  for (let f = 0; f < 20; f++) await frame()
  const max = await stop()
  console.info(`reconnection with rows 25+ in view (5 pages loaded): ${gets(server) - reads} list reads; largest move of the row in view ${max} px`)
  expect(gets(server) - reads).toBe(3)
  expect(max).toBeLessThan(0.5)
  // Scrolling on down loads the pages after again.
  listbox.scrollTop = listbox.scrollHeight
  await expect.poll(() => gets(server) - reads).toBeGreaterThan(3)
})
