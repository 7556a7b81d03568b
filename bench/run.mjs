#!/usr/bin/env node
/**
 * `npm run bench`: builds the bench pages (bench/vite.config.ts), serves them on 127.0.0.1, drives Debian's Chromium
 * with playwright-core, prints a markdown table (roamkit vs bare react-virtuoso, medians of BENCH_RUNS runs) and
 * writes bench/results/latest.json. Never part of `npm test`.
 *
 *   npm run bench                        # everything, 3 runs
 *   BENCH_RUNS=1 npm run bench -- --only=thread,size
 *   BENCH_RUNS=1 npm run bench -- --only=thread --sizes=10000,100000
 *   npm run bench -- --profile=threadLoaded:kit:100000   # CPU profile of one run: top functions by self time
 *   npm run bench -- --profile=threadLoaded:kit:100000 --phase=scroll   # the same, of the scroll only
 *   npm run bench -- --only=list --no-trace   # no CDP tracing during the scrolls (no main-thread CPU per frame)
 */
import { createServer } from 'node:http'
import { readFile, mkdir, writeFile, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import os from 'node:os'
import { build } from 'vite'
import { chromium } from 'playwright-core'
import { bundleSizes } from './size.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? true] }))
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? args.runs ?? 3))
const ONLY = args.only ? String(args.only).split(',') : ['thread', 'list', 'requests', 'size']
const PROFILE = typeof args.profile === 'string' ? args.profile : null
const PHASE = typeof args.phase === 'string' ? args.phase : null
// Main-thread CPU per frame of the scrolls (CDP tracing during the scroll only); off with --profile or --no-trace.
const TRACE = !PROFILE && !args['no-trace']
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 8 * 60_000)
const RUN_TIMEOUT_MS = 120_000
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
const log = (...m) => console.error(`[bench ${elapsed()}]`, ...m)

// ─── build ───────────────────────────────────────────────────────────────────
async function buildPages() {
  if (PROFILE) process.env.BENCH_PROFILE = '1'
  const configFile = path.join(here, 'vite.config.ts')
  const modes = ONLY.includes('requests') && !PROFILE ? ['production', 'development'] : ['production']
  for (const mode of modes) await build({ configFile, mode, logLevel: 'warn' })
}

// ─── static server on a free port ───────────────────────────────────────────
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' }
async function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x')
      let file = path.join(root, decodeURIComponent(url.pathname))
      if (!file.startsWith(root)) throw new Error('outside')
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(await readFile(file))
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${server.address().port}` }
}

// ─── browser ─────────────────────────────────────────────────────────────────
async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'],
  })
}

/** One scenario run in a fresh context and page; resolves to the JSON the page returns. */
async function runInPage(browser, origin, build, fn, fnArgs, { profile = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  const cdp = await context.newCDPSession(page)
  await page.exposeFunction('benchHeap', async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  })
  if (TRACE) await exposeTrace(page, cdp, errors)
  try {
    await page.goto(`${origin}/${build}/index.html`)
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 20_000 })
    const phases = {}
    // Pages mark phases with console.profile(name)/profileEnd(name) (e.g. 'scroll'); --phase= profiles only that one.
    if (profile) cdp.on('Profiler.consoleProfileFinished', (e) => { phases[e.title] = e.profile })
    if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start') }
    let timeout
    const timer = new Promise((_, reject) => { timeout = setTimeout(() => reject(new Error(`run timed out after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS) })
    const result = await Promise.race([page.evaluate(([name, a]) => window.bench[name](...a), [fn, fnArgs]), timer]).finally(() => clearTimeout(timeout))
    if (profile) {
      const whole = (await cdp.send('Profiler.stop')).profile
      return { result, profile: PHASE ? phases[PHASE] : whole, errors }
    }
    return { result, errors }
  } finally {
    await context.close().catch(() => {})
  }
}

// ─── main-thread CPU per frame (trace of the scroll) ─────────────────────────
// Only the `toplevel` category (every task of every thread, with its thread time `tdur`) and `blink.user_timing` (the
// page's frame marks): few events, so little overhead on the scroll being measured.
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing']
const FRAME_MARK = 'bench:scroll-frame'

/** `window.benchTraceStart/Stop` for scrollWhole (bench/pages/lib.ts): tracing from start to stop, analysed at stop. */
async function exposeTrace(page, cdp, errors) {
  let events = null
  cdp.on('Tracing.dataCollected', (d) => { if (events) for (const e of d.value) events.push(e) })
  await page.exposeFunction('benchTraceStart', async () => {
    try {
      events = []
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' })
      return true
    } catch (e) {
      events = null
      errors.push(`cpu trace: ${e.message.split('\n')[0]}`)
      return false
    }
  })
  await page.exposeFunction('benchTraceStop', async (frames) => {
    try {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
      await cdp.send('Tracing.end')
      await done
      const cpu = cpuPerFrame(events)
      if (cpu.frames !== frames) throw new Error(`${cpu.frames} frames in the trace, ${frames} in the page`)
      return { median: cpu.median, mean: cpu.mean }
    } catch (e) {
      errors.push(`cpu trace: ${e.message.split('\n')[0]}`)
      return null
    } finally {
      events = null
    }
  })
}

/**
 * Main-thread CPU time per frame, from trace events: the page marks each rAF callback of the scroll; the renderer
 * main thread is the marks' thread; a frame is every top-level task (by nesting) from the task holding one mark to
 * the task holding the next (the frame's own task: scroll event, rAF, style, layout, ResizeObserver, paint; then the
 * tasks after it: the next scroll step, React's scheduler, timers), summed by thread time (`tdur`, CPU, not wall).
 */
function cpuPerFrame(events) {
  const marks = events.filter((e) => e.name === FRAME_MARK).sort((a, b) => a.ts - b.ts)
  if (marks.length < 2) throw new Error(`${marks.length} frame marks in the trace`)
  const { pid, tid } = marks[0]
  const xs = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const tasks = []
  let end = -Infinity
  for (const e of xs) if (e.ts >= end) { tasks.push(e); end = e.ts + e.dur }
  // A frame starts with the task that holds its mark (or at the mark, should no task hold it).
  const starts = marks.map((m) => tasks.find((t) => t.ts <= m.ts && m.ts <= t.ts + t.dur)?.ts ?? m.ts)
  const perFrame = starts.slice(1).map(() => 0)
  let i = 0
  for (const t of tasks) {
    if (t.ts < starts[0]) continue
    while (i < perFrame.length && t.ts >= starts[i + 1]) i++
    if (i >= perFrame.length) break
    perFrame[i] += t.tdur / 1000
  }
  const r = (x) => Math.round(x * 10) / 10
  return { frames: perFrame.length, median: r(median(perFrame)), mean: r(perFrame.reduce((a, b) => a + b, 0) / perFrame.length) }
}

// ─── statistics ──────────────────────────────────────────────────────────────
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
/** Median of every numeric leaf; booleans become the share of runs where they held; spread per leaf. */
function aggregate(runs) {
  const out = {}
  const spread = {}
  const walk = (values, into, prefix) => {
    const first = values[0]
    if (typeof first === 'number') {
      const m = median(values)
      into.value = m
      const range = Math.max(...values) - Math.min(...values)
      spread[prefix] = { median: m, min: Math.min(...values), max: Math.max(...values), rel: m === 0 ? (range === 0 ? 0 : Infinity) : range / Math.abs(m) }
      return
    }
    if (typeof first === 'boolean') { into.value = values.filter(Boolean).length / values.length; return }
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      const obj = {}
      for (const key of Object.keys(first)) {
        const child = {}
        walk(values.map((v) => v?.[key]), child, prefix ? `${prefix}.${key}` : key)
        obj[key] = child.value
      }
      into.value = obj
      return
    }
    into.value = first
  }
  const holder = {}
  walk(runs, holder, '')
  Object.assign(out, holder.value)
  return { median: out, spread }
}

// ─── scenarios ───────────────────────────────────────────────────────────────
const THREAD_SIZES = args.sizes ? String(args.sizes).split(',').map(Number) : [1_000, 10_000, 100_000]
const LIST_SIZES = [1_000, 10_000]
function plan() {
  const jobs = []
  if (ONLY.includes('thread')) {
    jobs.push({ key: 'threadInitial', fn: 'threadInitial', n: 100_000 })
    for (const n of THREAD_SIZES) jobs.push({ key: `threadLoaded:${n}`, fn: 'threadLoaded', n })
  }
  if (ONLY.includes('list')) for (const n of LIST_SIZES) jobs.push({ key: `conversationList:${n}`, fn: 'conversationList', n })
  return jobs
}

async function main() {
  log(`building bench pages (${os.cpus().length} cores)`)
  await buildPages()
  // 1-minute load average at start and end: fps and dropped frames depend on it, main-thread CPU per frame much less.
  const load = () => Math.round(os.loadavg()[0] * 10) / 10
  const results = { date: new Date().toISOString(), runs: RUNS, chromium: null, viewport: '1280x800', load: { start: load(), end: null }, scenarios: {}, requests: null, size: null, warnings: [] }
  if (ONLY.includes('size') && !PROFILE) {
    log('bundle sizes (esbuild)')
    const sizes = await bundleSizes()
    for (const s of Object.values(sizes)) delete s.contributions
    results.size = sizes
  }
  const { server, origin } = await serve(path.join(here, 'dist'))
  const browser = await launch()
  results.chromium = browser.version()
  try {
    if (PROFILE) return await profileOne(browser, origin)
    const jobs = plan()
    const raw = {}
    for (let run = 1; run <= RUNS; run++) {
      for (const job of jobs) {
        for (const impl of ['kit', 'baseline']) {
          if (Date.now() - started > DEADLINE_MS) { results.warnings.push(`deadline reached: skipped ${job.key} ${impl} run ${run}`); continue }
          log(`${job.key} ${impl} run ${run}/${RUNS}`)
          try {
            const { result, errors } = await runInPage(browser, origin, 'prod', job.fn, [impl, job.n])
            if (errors.length) results.warnings.push(`${job.key} ${impl}: page errors: ${errors.slice(0, 3).join(' | ')}`)
            ;((raw[job.key] ??= { kit: [], baseline: [] })[impl]).push(result)
          } catch (e) {
            results.warnings.push(`${job.key} ${impl} run ${run} failed: ${e.message.split('\n')[0]}`)
            log('  failed:', e.message.split('\n')[0])
          }
        }
      }
    }
    for (const [key, byImpl] of Object.entries(raw)) {
      results.scenarios[key] = {}
      for (const [impl, runs] of Object.entries(byImpl)) {
        if (runs.length === 0) continue
        const { median: m, spread } = aggregate(runs)
        results.scenarios[key][impl] = { median: m, runs, spread }
      }
    }
    if (ONLY.includes('requests')) {
      log('request counts under StrictMode (development build)')
      try {
        const { result, errors } = await runInPage(browser, origin, 'dev', 'requestCounts', [])
        results.requests = result
        if (errors.length) results.warnings.push(`requests: page errors: ${errors.slice(0, 3).join(' | ')}`)
      } catch (e) {
        results.warnings.push(`requests failed: ${e.message.split('\n')[0]}`)
      }
    }
  } finally {
    await browser.close()
    server.close()
  }
  results.load.end = load()
  const { table, warnings } = report(results)
  results.warnings.push(...warnings)
  await mkdir(path.join(here, 'results'), { recursive: true })
  await writeFile(path.join(here, 'results', 'latest.json'), JSON.stringify(results, null, 2))
  console.log(table)
  if (results.warnings.length) console.log(`\n**Warnings**\n\n${results.warnings.map((w) => `- ${w}`).join('\n')}`)
  console.log(`\n(${RUNS} run${RUNS > 1 ? 's' : ''} each, medians; Chromium ${results.chromium}; load ${results.load.start} → ${results.load.end}; ${elapsed()}; bench/results/latest.json)`)
}

// ─── report ──────────────────────────────────────────────────────────────────
const MB = 1024 * 1024
const fmt = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? '—' : typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(digits)) : String(x))
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? `${(a / b).toFixed(2)}×` : '—')
const mark = (ok) => (ok === null || ok === undefined ? '' : ok ? '✅' : '❌')

function report(results) {
  const rows = []
  const warnings = []
  const row = (scenario, metric, kit, base, target, ok, { noRatio = false, digits = 1 } = {}) =>
    rows.push(`| ${scenario} | ${metric} | ${fmt(kit, digits)} | ${fmt(base, digits)} | ${noRatio ? '' : ratio(kit, base)} | ${target ?? ''} | ${mark(ok)} |`)
  // Spread warnings: more than 25 % between runs (ignoring differences below one unit: 1 ms, 1 frame, 1 element, 0.1 MB).
  for (const [key, byImpl] of Object.entries(results.scenarios)) {
    for (const [impl, r] of Object.entries(byImpl)) {
      const wide = []
      for (const [leaf, s] of Object.entries(r.spread)) {
        const floor = /heap/i.test(leaf) ? 0.1 * MB : 1
        if (r.runs.length > 1 && s.rel > 0.25 && s.max - s.min > floor && !/heapBefore|heapAfter|landedAfter|loadMs|\.max$|frames$/.test(leaf)) {
          wide.push(`${leaf} ${fmt(/heap/i.test(leaf) ? s.min / MB : s.min)}…${fmt(/heap/i.test(leaf) ? s.max / MB : s.max)}`)
        }
      }
      if (wide.length) warnings.push(`runs spread over 25 % — ${key} ${impl}: ${wide.join('; ')}`)
    }
  }
  const S = results.scenarios
  const K = (key) => S[key]?.kit?.median ?? {}
  const B = (key) => S[key]?.baseline?.median ?? {}
  const frameMs = 1000 / 60

  if (S.threadInitial) {
    const k = K('threadInitial'), b = B('threadInitial')
    row('MessageThread, first page (100k history)', 'mount → newest fully visible (ms)', k.mount?.ms, b.mount?.ms, 'info', null)
    row('MessageThread, first page', 'long tasks during mount (count / ms)', `${fmt(k.mount?.longTasks?.count)} / ${fmt(k.mount?.longTasks?.ms)}`, `${fmt(b.mount?.longTasks?.count)} / ${fmt(b.mount?.longTasks?.ms)}`, 'info', null, { noRatio: true })
    row('MessageThread, first page', 'history calls for the first page', k.initialRequests, b.initialRequests, '1', k.initialRequests === 1, { noRatio: true })
    // At deviceScaleFactor 1 a shift under 1 px is sub-pixel layout rounding, not a visible move.
    row('MessageThread, prepend 50 (top in view)', 'shift of top message when settled (px)', k.prepend?.settledShift, b.prepend?.settledShift, '0 px (< 1, DPR 1)', k.prepend?.settledShift < 1, { noRatio: true })
    // JSON has no Infinity: null is a frame where the top message was not rendered at all.
    const px = (v) => (v === null ? '∞ (not rendered)' : v)
    row('MessageThread, prepend 50 (top in view)', 'largest shift in any painted frame, first 1 s (px)', px(k.prepend?.maxPaintedShift), px(b.prepend?.maxPaintedShift), '0 px (< 1, DPR 1)', k.prepend?.maxPaintedShift !== null && k.prepend?.maxPaintedShift < 1, { noRatio: true })
    row('MessageThread, prepend 50 (top in view)', 'painted frames with a shift ≥ 0.5 px, first 1 s', k.prepend?.shiftedPaintedFrames, b.prepend?.shiftedPaintedFrames, '0', k.prepend?.shiftedPaintedFrames === 0, { noRatio: true })
    row('MessageThread, prepend 50 (top in view)', 'largest shift in rAF, before the frame\'s layout (px, stricter)', px(k.prepend?.maxFrameShift), px(b.prepend?.maxFrameShift), 'info', null, { noRatio: true })
    row('MessageThread, prepend 50 (top in view)', 'rAF frames with a shift ≥ 0.5 px (stricter)', k.prepend?.shiftedFrames, b.prepend?.shiftedFrames, 'info', null, { noRatio: true })
  }
  for (const n of THREAD_SIZES) {
    const key = `threadLoaded:${n}`
    if (!S[key]) continue
    const k = K(key), b = B(key)
    const name = `MessageThread, ${n / 1000}k loaded`
    const at100k = n === 100_000
    row(name, 'load every page via useHistoryMessages (ms; baseline: plain client)', k.loadMs, b.loadMs, 'info', null)
    row(name, `the last older page, ${fmt(n - 50, 0)} loaded: fetchOlder → rendered (ms)`, k.lastPageMs, undefined, 'info', null, { noRatio: true })
    row(name, 'history calls to read all (pageSize 50)', k.historyCalls, Math.ceil(n / 50), `= ${Math.ceil(n / 50)}`, k.historyCalls === Math.ceil(n / 50), { noRatio: true })
    row(name, 'extra history calls when the thread mounts over the cache', k.extraCallsOnMount, 0, '0', k.extraCallsOnMount === 0, { noRatio: true })
    row(name, 'mount → newest fully visible (ms)', k.mount?.ms, b.mount?.ms, at100k ? '≤ 1.2× baseline' : 'info', at100k ? k.mount?.ms <= 1.2 * b.mount?.ms : null)
    row(name, 'long tasks during mount (count / ms)', `${fmt(k.mount?.longTasks?.count)} / ${fmt(k.mount?.longTasks?.ms)}`, `${fmt(b.mount?.longTasks?.count)} / ${fmt(b.mount?.longTasks?.ms)}`, 'info', null, { noRatio: true })
    row(name, 'DOM elements', k.dom, b.dom, '≤ 2× baseline', k.dom <= 2 * b.dom)
    row(name, 'DOM elements in the scroller, most in any frame of the scroll', k.scroll?.domPeak, b.scroll?.domPeak, '≤ 2× baseline', k.scroll?.domPeak <= 2 * b.scroll?.domPeak)
    row(name, 'JS heap growth after GC (MB)', k.heapGrowth / MB, b.heapGrowth / MB, '≤ 3 MB', k.heapGrowth <= 3 * MB, { digits: 2 })
    scrollRows(row, name, k.scroll, b.scroll)
    row(name, 'append at bottom → visible (ms)', k.append?.visibleMs, b.append?.visibleMs, '≤ 50 ms', k.append?.visibleMs <= 50)
    row(name, 'still pinned 1 s after append (share of runs)', k.append?.pinned, b.append?.pinned, 'all', k.append?.pinned === 1, { noRatio: true })
    row(name, 'optimistic delete (2 s latency): click → row gone (ms)', k.delete?.ms, b.delete?.ms, `≤ ${frameMs.toFixed(1)} ms`, k.delete?.ms <= frameMs, { digits: 2 })
    row(name, 'optimistic delete: gone in frame # after the click', k.delete?.frames, b.delete?.frames, '1', k.delete?.frames <= 1, { noRatio: true })
  }
  for (const n of LIST_SIZES) {
    const key = `conversationList:${n}`
    if (!S[key]) continue
    const k = K(key), b = B(key)
    const name = `ConversationList, ${n / 1000}k`
    const at10k = n === 10_000
    row(name, 'first page: mount → first row fully visible (ms)', k.initial?.ms, b.initial?.ms, 'info', null)
    row(name, 'list calls to read all (pageSize 50)', k.listCalls, Math.ceil(n / 50), `= ${Math.ceil(n / 50)}`, k.listCalls === Math.ceil(n / 50), { noRatio: true })
    row(name, 'all loaded: mount → first row fully visible (ms)', k.mount?.ms, b.mount?.ms, at10k ? '≤ 1.2× baseline' : 'info', at10k ? k.mount?.ms <= 1.2 * b.mount?.ms : null)
    row(name, 'long tasks during mount (count / ms)', `${fmt(k.mount?.longTasks?.count)} / ${fmt(k.mount?.longTasks?.ms)}`, `${fmt(b.mount?.longTasks?.count)} / ${fmt(b.mount?.longTasks?.ms)}`, 'info', null, { noRatio: true })
    row(name, 'DOM elements', k.dom, b.dom, '≤ 2× baseline', k.dom <= 2 * b.dom)
    row(name, 'DOM elements in the scroller, most in any frame of the scroll', k.scroll?.domPeak, b.scroll?.domPeak, '≤ 2× baseline', k.scroll?.domPeak <= 2 * b.scroll?.domPeak)
    row(name, 'JS heap growth after GC (MB)', k.heapGrowth / MB, b.heapGrowth / MB, '≤ 3 MB', k.heapGrowth <= 3 * MB, { digits: 2 })
    scrollRows(row, name, k.scroll, b.scroll)
    row(name, 'delete all (2 s latency; baseline: empty the array): call → last row gone (ms)', k.deleteAll?.ms, b.deleteAll?.ms, `≤ ${frameMs.toFixed(1)} ms`, k.deleteAll?.ms <= frameMs, { digits: 2 })
    row(name, 'delete all: gone in frame # after the call', k.deleteAll?.frames, b.deleteAll?.frames, '1', k.deleteAll?.frames <= 1, { noRatio: true })
    row(name, 'delete all: long tasks until the answer is applied and the lists read again (count / longest ms)', `${fmt(k.deleteAll?.settledLongTasks?.count)} / ${fmt(k.deleteAll?.settledLongTasks?.max)}`, undefined, 'info', null, { noRatio: true })
  }
  if (results.requests) {
    for (const r of results.requests) {
      row('Requests (StrictMode, dev build)', `${r.what}: calls`, r.calls, undefined, `= ${r.expected}`, r.calls === r.expected, { noRatio: true })
      row('Requests (StrictMode, dev build)', `${r.what}: duplicate calls`, r.duplicates, undefined, '0', r.duplicates === 0, { noRatio: true })
    }
  }
  if (results.size) {
    const { full, hooks } = results.size
    const kB = (b) => b / 1000
    row('Bundle (esbuild, minified)', 'full import: kit JS gzip (kB)', kB(full.initial.gzip), undefined, '≤ 15 kB', full.initial.gzip <= 15_000, { noRatio: true, digits: 2 })
    row('Bundle', 'full import: kit JS minified (kB)', kB(full.initial.min), undefined, 'info', null, { noRatio: true, digits: 2 })
    row('Bundle', 'hooks-only import: kit JS gzip (kB)', kB(hooks.initial.gzip), undefined, '≤ 6 kB', hooks.initial.gzip <= 6_000, { noRatio: true, digits: 2 })
    row('Bundle', 'hooks-only import: kit JS minified (kB)', kB(hooks.initial.min), undefined, 'info', null, { noRatio: true, digits: 2 })
    row('Bundle', 'hooks-only import carries react-virtuoso', hooks.carriesVirtuoso ? 'yes' : 'no', undefined, 'no', !hooks.carriesVirtuoso, { noRatio: true })
    row('Bundle', 'lazy chunk (persist: idb-keyval) gzip (kB), not counted', kB(full.lazy.gzip), undefined, 'info', null, { noRatio: true, digits: 2 })
    row('Bundle', 'CSS gzip: full / hooks-only (kB), not counted', `${fmt(kB(full.css.gzip), 2)} / ${fmt(kB(hooks.css.gzip), 2)}`, undefined, 'info', null, { noRatio: true })
  }
  const head = '| Scenario | Metric | roamkit | baseline (bare react-virtuoso) | ratio | target | |\n|---|---|---:|---:|---:|---|---|'
  return { table: `${head}\n${rows.join('\n')}`, warnings }
}

function scrollRows(row, name, k = {}, b = {}) {
  row(name, 'scroll whole list in 3 s: fps', k.fps, b.fps, '60 fps', k.fps >= 59)
  row(name, 'scroll: dropped frames (gaps > 25 ms)', k.dropped, b.dropped, '0', k.dropped === 0)
  row(name, 'scroll: main-thread CPU per frame, median of frames (ms, thread time)', k.cpuFrameMs, b.cpuFrameMs, 'info', null)
  row(name, 'scroll: main-thread CPU per frame, mean (ms)', k.cpuFrameMeanMs, b.cpuFrameMeanMs, 'info', null)
  row(name, 'scroll: blank frames (no row under a probe point, as painted)', k.blank, b.blank, '0', k.blank === 0)
  row(name, 'scroll: blank before layout (probe in rAF, stricter)', k.blankBeforeLayout, b.blankBeforeLayout, 'info', null)
  row(name, 'scroll: long tasks (count / ms)', `${fmt(k.longTasks)} / ${fmt(k.longTaskMs)}`, `${fmt(b.longTasks)} / ${fmt(b.longTaskMs)}`, 'info', null, { noRatio: true })
  row(name, 'scroll: long animation frames > 50 ms (LoAF)', k.longFrames, b.longFrames, 'info', null)
  row(name, 'scroll: frames in the run', k.frames, b.frames, 'info', null)
}

// ─── profiling one run ───────────────────────────────────────────────────────
async function profileOne(browser, origin) {
  const [fn, impl, n] = PROFILE.split(':')
  log(`profiling ${fn} ${impl} ${n}`)
  const { result, profile } = await runInPage(browser, origin, 'prod', fn, [impl, Number(n)], { profile: true })
  if (!profile) throw new Error(`no profile of the phase '${PHASE}' (pages mark phases with console.profile)`)
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  const dt = profile.timeDeltas
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id)
    const cf = node.callFrame
    const where = cf.url ? `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}` : cf.functionName || '(program)'
    self.set(where, (self.get(where) ?? 0) + (dt[i] ?? 0) / 1000)
  })
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)
  await mkdir(path.join(here, 'results'), { recursive: true })
  await writeFile(path.join(here, 'results', `profile-${fn}-${impl}-${n}.cpuprofile`), JSON.stringify(profile))
  console.log(JSON.stringify(result, null, 1))
  console.log('\nself time (ms) by function:')
  for (const [where, ms] of top) console.log(`${ms.toFixed(1).padStart(9)}  ${where}`)
}

main().catch((e) => { console.error(e); process.exitCode = 1 })
