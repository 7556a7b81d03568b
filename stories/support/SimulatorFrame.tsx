import { useEffect, useState, type ReactNode } from 'react'
import { RoamingProvider, type RoamingLocale } from '../../src'
import type { RoamingTheme } from '../../src/provider/RoamingContext'
import { createRoamingServer, type RoamingServer, type SimulatedConnection } from '../../src/testing'

/** What a story's content gets from the frame. */
export interface SimulatorContext {
  /** The simulated server: send messages, change knobs. */
  server: RoamingServer
  /** The device the provider uses. */
  device: SimulatedConnection
}

/** Props of the frame every story renders in. */
export interface SimulatorFrameProps {
  /** A server to join (e.g. two frames as two devices of one user); its data is left as it is. */
  server?: RoamingServer
  /** Seed of the data and of every random choice. */
  seed?: number
  /** Answer delay, ms (fixed or a range). */
  latency?: number | readonly [number, number]
  /** Share of requests that fail, in [0, 1]. */
  failureRate?: number
  /** Requests per second before the server answers "busy" (0: no limit). */
  rateLimit?: number
  /** Conversations to generate for alice. */
  conversations?: number
  /** Messages of alice's conversation with bob (0: none). */
  messages?: number
  /** UI language. */
  locale?: RoamingLocale
  /** Color scheme. */
  theme?: RoamingTheme
  /** Extra setup of the server before the device connects. */
  prepare?: (server: RoamingServer) => void
  /** Height of the frame, px. */
  height?: number
  /** The story's content. */
  children: ReactNode | ((ctx: SimulatorContext) => ReactNode)
}

/**
 * A simulated roaming server with generated data, one device of `alice`, and a `RoamingProvider` over it. Knobs
 * (latency, failures, rate limit) change live; data options apply when the story is mounted.
 */
export function SimulatorFrame({
  server: shared, seed = 1, latency = 0, failureRate = 0, rateLimit = 0, conversations = 30, messages = 0,
  locale = 'en', theme = 'light', prepare, height = 560, children,
}: SimulatorFrameProps) {
  const knobs = { latency, failureRate, rateLimit: rateLimit > 0 ? { maxPerSecond: rateLimit, answer: 'busy' as const } : null }
  const [ctx] = useState<SimulatorContext>(() => {
    if (shared) return { server: shared, device: shared.connect('alice') }
    // Knobs from the start: children fetch in their effects, which run before this component's own.
    const server = createRoamingServer({ seed, conversationLimit: Math.max(100, conversations + 1), ...knobs })
    server.generate({ user: 'alice', conversations, ...(messages > 0 ? { bigConversation: { with: 'bob', messages } } : {}) })
    prepare?.(server)
    return { server, device: server.connect('alice') }
  })
  useEffect(() => {
    if (shared) return
    ctx.server.configure({ latency, failureRate, rateLimit: rateLimit > 0 ? { maxPerSecond: rateLimit, answer: 'busy' as const } : null })
  }, [ctx, shared, latency, failureRate, rateLimit])
  return (
    <div style={{ height, display: 'flex' }}>
      <RoamingProvider connection={ctx.device} locale={locale} theme={theme}>
        {typeof children === 'function' ? children(ctx) : children}
      </RoamingProvider>
    </div>
  )
}
