/** The bench page: bench/run.mjs calls `window.bench.<scenario>(...)` and reads the JSON it resolves to. */
import { conversationList } from './list'
import { requestCounts } from './requests'
import { threadInitial, threadLoaded } from './thread'

const bench = { threadInitial, threadLoaded, conversationList, requestCounts }
declare global { interface Window { bench: typeof bench; benchReady: boolean } }
window.bench = bench
window.benchReady = true
