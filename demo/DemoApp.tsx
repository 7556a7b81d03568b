import { useState, type FormEvent } from 'react'
import { RoamingProvider, type SdkConnection } from '../src'
import { createRoamingServer } from '../src/testing'
import { connectAgora } from './connectAgora'
import { TwoPaneApp } from './TwoPaneApp'

type Backend = { id: number; kind: 'simulator' | 'agora'; connection: SdkConnection & { close(): void } }

let backends = 0

function simulator(): Backend {
  const server = createRoamingServer({ seed: 1, latency: [20, 250], conversationLimit: 500 })
  server.generate({ user: 'alice', conversations: 120, bigConversation: { with: 'bob', messages: 5_000 } })
  return { id: ++backends, kind: 'simulator', connection: server.connect('alice') }
}

/**
 * The demo: the two-pane app on the embedded simulator by default, and a form that swaps in a real `agora-chat`
 * connection (app key, user id, token).
 */
export function DemoApp() {
  const [backend, setBackend] = useState<Backend>(simulator)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError(null)
    try {
      const connection = await connectAgora({
        appKey: String(form.get('appKey') ?? '').trim(), userId: String(form.get('userId') ?? '').trim(), token: String(form.get('token') ?? '').trim(),
      })
      backend.connection.close()
      setBackend({ id: ++backends, kind: 'agora', connection })
    } catch (e) {
      setError(e instanceof Error ? e.message : JSON.stringify(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <header style={{ display: 'flex', gap: 16, alignItems: 'center', padding: '8px 12px', borderBottom: '1px solid #d5dae0' }}>
        <strong>roamkit</strong>
        <span>{backend.kind === 'simulator' ? 'Embedded simulator (alice)' : 'Agora Chat'}</span>
        <form onSubmit={(e) => void submit(e)} style={{ display: 'flex', gap: 8, marginLeft: 'auto' }} aria-label="Connect to Agora Chat">
          <label>App key <input name="appKey" required placeholder="org#app or App ID" /></label>
          <label>User id <input name="userId" required autoComplete="username" /></label>
          <label>Token <input name="token" required type="password" autoComplete="current-password" /></label>
          <button type="submit" disabled={busy}>{busy ? 'Connecting…' : 'Connect to Agora Chat'}</button>
          {backend.kind === 'agora' && <button type="button" onClick={() => { backend.connection.close(); setBackend(simulator()) }}>Back to simulator</button>}
        </form>
      </header>
      {error && <p role="alert" style={{ margin: 8, color: '#c62828' }}>{error}</p>}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        {/* A new provider per backend: caches and stores never mix two users' data. */}
        <RoamingProvider key={backend.id} connection={backend.connection}>
          <TwoPaneApp label="Chat" />
        </RoamingProvider>
      </div>
    </main>
  )
}
