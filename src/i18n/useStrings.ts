import { useMemo } from 'react'
import { useRoamingContext } from '../provider/RoamingContext'
import { translator, type Strings, type Translate } from './strings'

/** The translator of a component's dictionary in the provider's locale; `caller` names the component and its strings in the locale object. */
export function useStrings<K extends string>(strings: Strings<K>, caller: string): Translate<K> {
  const { strings: locale } = useRoamingContext(caller)
  const own = locale[caller]
  return useMemo(() => translator(strings, own), [strings, own])
}
