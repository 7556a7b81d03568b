/** A component's dictionary: its English UI strings by key; `{name}` marks a parameter. Each component keeps its own. */
export type Strings<K extends string> = Readonly<Record<K, string>>

/** Fills `{name}` parameters of a string. */
export function format(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all)) : text
}

/** A translator over one dictionary and locale. */
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string

/** Makes a translator over the English dictionary and a locale's strings for it; English fills any gap, so a missing string never shows a key. */
export function translator<K extends string>(en: Strings<K>, strings?: Readonly<Record<string, string>>): Translate<K> {
  return (key, params) => format(strings?.[key] ?? en[key], params)
}
