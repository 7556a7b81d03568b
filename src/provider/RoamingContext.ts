import { createContext, useContext } from 'react'
import type { RoamingKit } from '../query/RoamingKit'

/** Locales roamkit ships strings for. */
export type RoamingLocale = 'en' | 'zh-CN'

/** Color scheme of roamkit's components: fixed, or following the user's system preference. */
export type RoamingTheme = 'light' | 'dark' | 'system'

/** What `RoamingProvider` gives its subtree. */
export interface RoamingContextValue {
  /** Client, store, query cache and live log of this provider. */
  kit: RoamingKit
  /** UI language. */
  locale: RoamingLocale
  /** Color scheme, set as `data-rk-theme` on every component root. */
  theme: RoamingTheme
}

/** The context behind `RoamingProvider`; `null` outside one. */
export const RoamingContext = createContext<RoamingContextValue | null>(null)

/** Reads the provider's context; throws an error naming the caller when there is no provider. */
export function useRoamingContext(caller: string): RoamingContextValue {
  const value = useContext(RoamingContext)
  if (!value) throw new Error(`${caller} must be used within <RoamingProvider>`)
  return value
}
