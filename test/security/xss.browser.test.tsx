/**
 * XSS: every payload of ./payloads.ts, in every place a chat peer (or the app's own data) can put a string, rendered
 * by `ConversationList` and `MessageThread` in Chromium. Nothing may run (tripwire `window.__xss`, cross-frame
 * `postMessage`, and `securitypolicyviolation` under a strict CSP), and the components' DOM may hold no script, no
 * event-handler attribute, no script-capable URL and no unsafe link. Issue 6, part 4.
 */
import { StrictMode } from 'react'
import { render } from 'vitest-browser-react'
import { ConversationList, MessageThread, type Conversation } from '../../src'
import { RoamingTestProvider, createRoamingServer, type RoamingServer } from '../../src/testing'
import { ID_PAYLOADS, PAYLOADS } from './payloads'

declare global {
  // eslint-disable-next-line no-var
  var __xss: unknown[]
}

const GROUP = 'xss-room'
/** Where payloads go. Each is exercised with every payload (ids: with every payload that is a valid id). */
const PLACEMENTS = [
  'message text (txt)', 'custom event name', 'customExts (keys and values)', 'ext (keys, values, nested)',
  'file name', 'file URL', 'image URL and thumbnail', 'thread display name (getDisplayName)', 'sender user id',
  'conversation id', 'conversation display name (getDisplayName)', 'conversation preview (text and file name)',
  'conversation avatar URL (getAvatarUrl)',
] as const

const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The simulated server with every placement; returns the ids of the thread's messages. */
function seed(server: RoamingServer) {
  const senders = PAYLOADS.map((_, i) => `n${i}`)
  server.createGroup(GROUP, ['alice', ...senders, ...ID_PAYLOADS])
  const inGroup = { to: GROUP, chatType: 'groupChat' as const }
  const ids: string[] = []
  const send = (input: Parameters<RoamingServer['sendMessage']>[0]) => ids.push(server.sendMessage(input).id)
  PAYLOADS.forEach((p, i) => {
    const from = `n${i}`
    const ext = { [p]: p, html: p, nested: { list: [p], [p]: { p } } }
    send({ ...inGroup, from, text: p, ext })
    send({ ...inGroup, from, type: 'custom', customEvent: p, customExts: { k: p, [p]: p, deep: { p } }, ext })
    send({ ...inGroup, from, type: 'file', filename: p, url: p, fileSize: 1234, ext })
    // A safe download URL, so the payload file name lands in the link's `download` and aria-label.
    send({ ...inGroup, from, type: 'file', filename: p, url: `https://files.example.invalid/${i}`, ext })
    send({ ...inGroup, from, type: 'img', url: p, thumb: p, width: 40, height: 30, ext })
    // A safe full-size URL and a payload thumbnail (data:image/svg+xml payloads render here, script-inert).
    send({ ...inGroup, from, type: 'img', url: `https://img.example.invalid/${i}.png`, thumb: p, width: 40, height: 30, ext })
  })
  ID_PAYLOADS.forEach((id, j) => send({ ...inGroup, from: id, text: `from id ${j}` }))
  // The list: a conversation per id payload (named by its id), and one per payload named by getDisplayName.
  ID_PAYLOADS.forEach((id, j) => server.sendMessage({ from: id, to: 'alice', text: PAYLOADS[j % PAYLOADS.length] }))
  PAYLOADS.forEach((p, i) => server.sendMessage({ from: `c${i}`, to: 'alice', type: 'file', filename: p, url: p }))
  return ids
}

const threadNames = new Map(PAYLOADS.map((p, i) => [`n${i}`, p]))
const listNames = new Map(PAYLOADS.map((p, i) => [`c${i}`, p]))
const threadName = (userId: string) => threadNames.get(userId) ?? userId
const listName = (c: Conversation) => listNames.get(c.conversationId) ?? c.conversationId
const avatarUrl = (c: Conversation) => {
  const i = Number(c.conversationId.slice(1))
  return c.conversationId.startsWith('c') && PAYLOADS[i] !== undefined ? PAYLOADS[i] : undefined
}

// --- DOM policy -----------------------------------------------------------------------------------------------

/** Elements a payload could only have produced by being parsed as HTML (the components render none of them). */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'style', 'form', 'math', 'noscript', 'marquee', 'video', 'audio', 'source', 'body', 'table', 'textarea', 'xmp', 'template',
  'animate', 'set', 'foreignobject', 'x', 'details', 'br'])
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background',
  'lowsrc', 'dynsrc', 'codebase', 'cite', 'ping', 'srcset', 'content'])
// An <img> never runs script (SVG as an image is script-inert), so MessageThread's safeImageSrc lets image data:
// URLs through to <img src>, and only there.
const IMAGE_DATA = /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i
/** What a browser makes of a URL attribute before looking at its scheme: blanks and controls dropped, lower case. */
const schemeOf = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u00a0\u2028\u2029\u202a-\u202e\ufeff]/g, '').toLowerCase()

function violationsOf(el: Element): string[] {
  const out: string[] = []
  const tag = el.localName.toLowerCase()
  const where = () => `<${tag}${el.id ? `#${el.id}` : ''} class="${el.getAttribute('class') ?? ''}">`
  if (FORBIDDEN_TAGS.has(tag)) out.push(`forbidden element ${where()}`)
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase()
    const value = attr.value
    if (name.startsWith('on')) out.push(`event handler attribute ${name}="${value}" on ${where()}`)
    if (name === 'srcdoc') out.push(`srcdoc on ${where()}`)
    if (name === 'style' && /expression\s*\(|javascript:|vbscript:|url\s*\(|@import|behavior\s*:/i.test(value)) out.push(`unsafe style "${value}" on ${where()}`)
    if (URL_ATTRIBUTES.has(name)) {
      const s = schemeOf(value)
      const imageData = tag === 'img' && name === 'src' && IMAGE_DATA.test(value)
      if (/^(javascript|vbscript|livescript|mocha):/.test(s) || (s.startsWith('data:') && !imageData)) {
        out.push(`unsafe ${name}="${value.slice(0, 80)}" on ${where()}`)
      }
    }
  }
  if (tag === 'a') {
    const href = el.getAttribute('href')
    let protocol = ''
    try { protocol = href ? new URL(href).protocol : '' } catch { /* not a URL */ }
    if (!['http:', 'https:', 'mailto:'].includes(protocol)) out.push(`<a> with href "${href}"`)
    const rel = (el.getAttribute('rel') ?? '').split(/\s+/)
    if (!rel.includes('noopener') || !rel.includes('noreferrer')) out.push(`<a href="${href}"> with rel "${el.getAttribute('rel')}"`)
    if ((protocol === 'http:' || protocol === 'https:') && el.getAttribute('target') !== '_blank') out.push(`<a href="${href}"> without target=_blank`)
  }
  return out
}

/** Every element under `root` (and `root`), checked. */
function walk(root: Element): { elements: number; violations: string[] } {
  const all = [root, ...Array.from(root.querySelectorAll('*'))]
  return { elements: all.length, violations: all.flatMap(violationsOf) }
}

/**
 * Checks every element that is ever added under `root` and every attribute ever set, as it happens: virtualized
 * rows come and go, and a row that scrolled away must have been clean too.
 */
function watch(root: Element) {
  const violations = new Set<string>()
  let checked = 0
  const check = (el: Element) => { checked++; violationsOf(el).forEach((v) => violations.add(v)) }
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      // The root itself (the test page's <body>) belongs to the runner; everything under it is checked.
      if (r.type === 'attributes' && r.target instanceof Element && r.target !== root) check(r.target)
      for (const node of Array.from(r.addedNodes)) {
        if (node instanceof Element) { check(node); node.querySelectorAll('*').forEach(check) }
      }
    }
  })
  observer.observe(root, { subtree: true, childList: true, attributes: true })
  return { violations, get checked() { return checked }, stop: () => { observer.takeRecords(); observer.disconnect() } }
}

// --- tripwires --------------------------------------------------------------------------------------------------

function tripwires() {
  globalThis.__xss = []
  const messages: unknown[] = []
  const csp: string[] = []
  const unloads: string[] = []
  const onMessage = (e: MessageEvent) => { if (typeof e.data === 'string' && e.data.startsWith('xss-')) messages.push(e.data) }
  const onCsp = (e: SecurityPolicyViolationEvent) => csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
  const onUnload = (e: Event) => unloads.push(e.type)
  window.addEventListener('message', onMessage)
  document.addEventListener('securitypolicyviolation', onCsp)
  window.addEventListener('beforeunload', onUnload)
  window.addEventListener('pagehide', onUnload)
  return {
    messages, csp, unloads,
    fired: () => [...globalThis.__xss, ...messages],
    stop() {
      window.removeEventListener('message', onMessage)
      document.removeEventListener('securitypolicyviolation', onCsp)
      window.removeEventListener('beforeunload', onUnload)
      window.removeEventListener('pagehide', onUnload)
    },
  }
}

/**
 * Clicks go through React and any handler, then stop here (bubble phase, last): safe link targets open nothing
 * (no tab, no mail client, no network), and anything else is left to the browser so a javascript: URL would run
 * and trip the wire.
 */
function guardClicks() {
  const clicked: string[] = []
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest?.('a')
    if (!a) return
    const href = a.getAttribute('href') ?? ''
    clicked.push(href)
    if (/^(https?|mailto):/i.test(href)) e.preventDefault()
  }
  window.addEventListener('click', onClick)
  return { clicked, stop: () => window.removeEventListener('click', onClick) }
}

/** Links and anything whose own text looks like one: clicked, hovered, focused and blurred. */
const LINKISH = /(javascript|vbscript|data|https?|mailto)\s*:|www\.|\]\(|href|src=/i
function poke(root: Element, done: WeakSet<Element>): number {
  let n = 0
  const targets = Array.from(root.querySelectorAll('a, [href], [role="link"], span, p, time, h2'))
    .filter((el) => el.localName === 'a' || el.hasAttribute('href') || el.getAttribute('role') === 'link'
      || Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && LINKISH.test(c.textContent ?? '')))
  for (const el of targets) {
    if (done.has(el)) continue
    done.add(el)
    n++
    for (const type of ['mouseover', 'mouseenter', 'focus', 'blur']) el.dispatchEvent(new Event(type, { bubbles: type === 'mouseover' }))
    ;(el as HTMLElement).click()
  }
  return n
}

// --- the scene --------------------------------------------------------------------------------------------------

async function mountScene(server: RoamingServer) {
  const screen = await render(
    <StrictMode>
      <div style={{ display: 'flex', gap: 8, width: 1100 }}>
        <div style={{ height: 2400, width: 380, display: 'flex' }}>
          <RoamingTestProvider server={server} virtuoso={null} theme="light">
            <ConversationList pageSize={50} getDisplayName={listName} getAvatarUrl={avatarUrl} />
          </RoamingTestProvider>
        </div>
        <div style={{ height: 2400, width: 700, display: 'flex' }}>
          <RoamingTestProvider server={server} virtuoso={null} theme="dark">
            <MessageThread conversationId={GROUP} chatType="groupChat" pageSize={50} getDisplayName={threadName} />
          </RoamingTestProvider>
        </div>
      </div>
    </StrictMode>,
  )
  const root = screen.container
  await vi.waitFor(() => expect(root.querySelectorAll('[role="option"]').length).toBeGreaterThan(10), { timeout: 10_000 })
  await vi.waitFor(() => expect(root.querySelectorAll('article').length).toBeGreaterThan(10), { timeout: 10_000 })
  return { screen, root }
}

/** Scrolls the conversation list to its end, page after page, poking every row; returns the names seen. */
async function scrollList(root: Element, poked: WeakSet<Element>) {
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!
  const seen = new Set<string>()
  let still = 0
  for (let step = 0; step < 400 && still < 6; step++) {
    const before = seen.size
    listbox.querySelectorAll('.rk-conversation-row-name').forEach((n) => seen.add(n.textContent ?? ''))
    poke(listbox, poked)
    const atEnd = listbox.scrollTop + listbox.clientHeight >= listbox.scrollHeight - 2
    listbox.scrollTop += Math.max(200, listbox.clientHeight * 0.7)
    await frames()
    if (atEnd) await sleep(60)
    still = seen.size === before && atEnd ? still + 1 : 0
  }
  return seen
}

/** Scrolls the thread from the latest message up to the first, loading older pages, poking every row. */
async function scrollThread(root: Element, poked: WeakSet<Element>, expected: number) {
  const log = root.querySelector<HTMLElement>('[role="log"]')!
  const seen = new Set<string>()
  let still = 0
  for (let step = 0; step < 600 && seen.size < expected && still < 20; step++) {
    const before = seen.size
    log.querySelectorAll<HTMLElement>('article[data-message-id]').forEach((a) => seen.add(a.dataset.messageId!))
    poke(log, poked)
    log.scrollTop = Math.max(0, log.scrollTop - log.clientHeight * 0.6)
    await frames()
    if (log.scrollTop === 0) await sleep(60)
    still = seen.size === before ? still + 1 : 0
  }
  log.querySelectorAll<HTMLElement>('article[data-message-id]').forEach((a) => seen.add(a.dataset.messageId!))
  return seen
}

/** Opens the parts that repeat names elsewhere: the list's toolbar and delete dialog, a message's actions bar. */
async function openNamedParts(root: Element, poked: WeakSet<Element>) {
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!
  listbox.scrollTop = 0
  await frames()
  const row = Array.from(listbox.querySelectorAll<HTMLElement>('[role="option"]'))
    .find((r) => /[<>:]/.test(r.querySelector('.rk-conversation-row-name')?.textContent ?? ''))!
  expect(row).toBeDefined()
  row.click()
  await vi.waitFor(() => expect(root.querySelector('[role="toolbar"]')).not.toBeNull())
  const del = Array.from(root.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')).find((b) => b.dataset.variant === 'danger')!
  del.click()
  await vi.waitFor(() => expect(root.querySelector('dialog')).not.toBeNull())
  poke(root.querySelector('dialog')!, poked)
  root.querySelector<HTMLButtonElement>('dialog button[data-autofocus]')!.click()
  await vi.waitFor(() => expect(root.querySelector('dialog')).toBeNull())
  const trigger = root.querySelector<HTMLButtonElement>('article:not(.rk-message--own) .rk-message-actions-trigger')!
  trigger.click()
  await vi.waitFor(() => expect(trigger.getAttribute('aria-expanded')).toBe('true'))
  trigger.click()
}

async function runScene(label: string) {
  const server = createRoamingServer({ seed: 6, conversationLimit: 1000 })
  const threadIds = seed(server)
  const wires = tripwires()
  const clicks = guardClicks()
  const url = location.href
  const observer = watch(document.body)
  const poked = new WeakSet<Element>()
  try {
    const { root, screen } = await mountScene(server)
    // Live traffic: an arrival announced with a payload name, a new preview in the list.
    server.sendMessage({ from: 'n3', to: GROUP, chatType: 'groupChat', text: PAYLOADS[3]! })
    server.sendMessage({ from: ID_PAYLOADS[0]!, to: 'alice', text: PAYLOADS[5]! })
    await sleep(100)
    await openNamedParts(root, poked)
    const names = await scrollList(root, poked)
    const seenMessages = await scrollThread(root, poked, threadIds.length + 1)
    await sleep(300)
    await frames()
    const final = walk(root)
    const allViolations = [...observer.violations, ...final.violations]
    console.log(`xss: ${PAYLOADS.length} payloads × ${PLACEMENTS.length} placements [${label}; ${ID_PAYLOADS.length} payloads valid as ids]; `
      + `${seenMessages.size} thread rows and ${names.size} conversation rows rendered, ${observer.checked} elements checked, `
      + `${clicks.clicked.length} link clicks, fired ${wires.fired().length}, CSP violations ${wires.csp.length}`)
    expect(allViolations.slice(0, 20)).toEqual([])
    expect(wires.fired()).toEqual([])
    expect(wires.csp).toEqual([])
    expect(wires.unloads).toEqual([])
    expect(location.href).toBe(url)
    // Every thread message and every conversation rendered at some point.
    for (const id of threadIds) expect(seenMessages.has(id), `message ${id} rendered`).toBe(true)
    for (const p of [...listNames.values(), ...ID_PAYLOADS]) expect(names.has(p), `conversation named ${JSON.stringify(p)}`).toBe(true)
    // The payloads are on screen as text: escaped, not dropped.
    expect(root.textContent).toContain('<script>__xss.push(')
    expect(clicks.clicked.length).toBeGreaterThan(PAYLOADS.length)
    await screen.unmount()
  } finally {
    observer.stop()
    clicks.stop()
    wires.stop()
  }
}

describe('XSS payloads in ConversationList and MessageThread (Chromium)', () => {
  it(`renders ${PAYLOADS.length} payloads in ${PLACEMENTS.length} placements inertly, with only safe links`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50)
    // Positive control: the tripwire sees a payload that does run.
    globalThis.__xss = []
    const probe = document.createElement('div')
    probe.innerHTML = '<img src="x:probe" onerror="__xss.push(\'probe\')">'
    await vi.waitFor(() => expect(globalThis.__xss).toEqual(['probe']))
    expect(walk(probe).violations.length).toBeGreaterThan(0)
    await runScene('no CSP')
  }, 120_000)

  // Last in the file: a CSP cannot be lifted from a document once set.
  it('causes no violation of a strict script policy (no inline script, handler or javascript: URL)', async () => {
    const meta = document.createElement('meta')
    meta.httpEquiv = 'Content-Security-Policy'
    meta.content = "script-src 'self' 'unsafe-eval' blob:; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'none'"
    document.head.append(meta)
    // Positive control: an inline handler is now blocked and reported.
    const wires = tripwires()
    const probe = document.createElement('div')
    probe.innerHTML = '<img src="x:probe" onerror="__xss.push(\'probe\')">'
    document.body.append(probe)
    await vi.waitFor(() => expect(wires.csp.length).toBeGreaterThan(0))
    expect(globalThis.__xss).toEqual([])
    probe.remove()
    wires.stop()
    await runScene('strict CSP')
  }, 120_000)
})
