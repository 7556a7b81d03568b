import type { QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { VirtuosoMockContext } from 'react-virtuoso'
import { createRoamingServer, type RoamingServer } from '../simulator/createRoamingServer'
import type { GenerateOptions } from '../simulator/generateRoamingData'
import type { RoamingServerOptions } from '../simulator/options'
import type { SimulatedConnection } from '../simulator/SimulatedConnection'
import type { RoamingLocale, RoamingTheme } from './RoamingContext'
import { RoamingProvider } from './RoamingProvider'

/** Props of `RoamingTestProvider`. */
export interface RoamingTestProviderProps {
  /** A server to use (to drive it from the test); by default one is made from `serverOptions`. */
  server?: RoamingServer
  /** Options of the server made when `server` is not given. */
  serverOptions?: RoamingServerOptions
  /** Data to generate for `userId` on a server made here. */
  generate?: Omit<GenerateOptions, 'user'>
  /** The logged-in user. @default 'alice' */
  userId?: string
  /**
   * The device to use, of `server` (`server.connect(userId)`), for a test that drives it: drops its connection,
   * counts its requests. By default one is connected here (under StrictMode on React 18 twice, so
   * `server.devices()` also lists one nothing uses).
   */
  device?: SimulatedConnection
  /**
   * Virtuoso's measurements in environments without layout (jsdom); `null` in a real browser. For exact row counts
   * give `MessageThread` the same `estimatedRowHeight` as `itemHeight`. @default { viewportHeight: 600, itemHeight: 60 }
   */
  virtuoso?: { viewportHeight: number; itemHeight: number } | null
  /** UI language. @default 'en' */
  locale?: RoamingLocale
  /** Color scheme. @default 'light' */
  theme?: RoamingTheme
  /** Send conversation read acks (see `RoamingProvider`). @default true */
  readAcks?: boolean
  /** A query cache of the test's own. @default a fresh one */
  queryClient?: QueryClient
  /** What to render. */
  children?: ReactNode
}

/**
 * Everything roamkit needs in a test of your app: a simulated roaming server, a device of the user on it, a
 * provider, and react-virtuoso's own test context so lists render rows in jsdom. Nothing is mocked.
 */
export function RoamingTestProvider(props: RoamingTestProviderProps) {
  const { virtuoso = { viewportHeight: 600, itemHeight: 60 }, locale = 'en', theme = 'light', readAcks = true, children } = props
  const [setup] = useState(() => {
    const server = props.server ?? createRoamingServer(props.serverOptions)
    if (props.generate) server.generate({ ...props.generate, user: props.userId ?? 'alice' })
    return { device: props.device ?? server.connect(props.userId ?? 'alice') }
  })
  const tree = (
    // Without a cache of the test's own, the provider makes one and clears it when it unmounts.
    <RoamingProvider connection={setup.device} {...(props.queryClient ? { queryClient: props.queryClient } : {})} locale={locale} theme={theme} readAcks={readAcks}>{children}</RoamingProvider>
  )
  return virtuoso ? <VirtuosoMockContext.Provider value={virtuoso}>{tree}</VirtuosoMockContext.Provider> : tree
}
