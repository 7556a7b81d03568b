/** The bench page: bench/run.mjs calls `window.bench.<scenario>(...)` and reads the JSON it resolves to. */
import { conversationList } from './list'
import { requestCounts } from './requests'
import { threadInitial, threadLoaded } from './thread'

const bench = { threadInitial, threadLoaded, conversationList, requestCounts }
declare global { interface Window { bench: typeof bench; benchReady: boolean } }
window.bench = bench
/** Experiments only (`BENCH_CSS='.rk-thread-row{contain:content}'`): extra CSS after the kit's, to test a style change. */
declare const __BENCH_CSS__: string
if (__BENCH_CSS__) document.head.append(Object.assign(document.createElement('style'), { textContent: __BENCH_CSS__ }))
window.benchReady = true
