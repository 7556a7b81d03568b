import type { RoamingLocale } from '../provider/RoamingContext'

/** A dictionary of UI strings per locale; `{name}` marks a parameter. Each component keeps its own. */
export type Strings<K extends string> = Record<RoamingLocale, Record<K, string>>

/** Fills `{name}` parameters of a string. */
export function format(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all)) : text
}

/** A translator over one dictionary and locale. */
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string

/** Makes a translator; English fills any gap so a missing string never shows a key. */
export function translator<K extends string>(strings: Strings<K>, locale: RoamingLocale): Translate<K> {
  return (key, params) => format(strings[locale][key] ?? strings.en[key], params)
}
