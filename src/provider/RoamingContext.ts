import { createContext, useContext } from 'react'
import type { RoamingKit } from '../query/RoamingKit'

/**
 * A UI language given as an object, such as `zhCN`: only the locales an app imports end up in its bundle.
 * Any language can be added this way; a missing string falls back to English.
 */
export interface RoamingLocaleDefinition {
  /** BCP 47 tag that dates, times and numbers are formatted in (through `Intl`), e.g. `'zh-CN'`. */
  code: string
  /**
   * Strings per component (`ConversationList`, `MessageThread`, and `OfflineNotice`, the connection notice both show),
   * by key; `{name}` marks a parameter.
   */
  strings: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>
}

/**
 * UI language: `'en'` (built in), or a locale object such as `zhCN` (`import { zhCN } from 'roamkit/zh-CN'`).
 * The string `'zh-CN'` is not accepted: Chinese ships as the `zhCN` object, so apps in English do not download it.
 */
export type RoamingLocale = 'en' | RoamingLocaleDefinition

/** Color scheme of roamkit's components: fixed, or following the user's system preference. */
export type RoamingTheme = 'light' | 'dark' | 'system'

/** What `RoamingProvider` gives its subtree. */
export interface RoamingContextValue {
  /** Client, store, query cache and live log of this provider. */
  kit: RoamingKit
  /** BCP 47 tag of the UI language, for `Intl` (`'en'`, or the locale object's `code`). */
  locale: string
  /** The locale object's strings per component; empty for English. */
  strings: RoamingLocaleDefinition['strings']
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
