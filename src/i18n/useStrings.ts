import { useMemo } from 'react'
import { useRoamingContext } from '../provider/RoamingContext'
import { translator, type Strings, type Translate } from './strings'

/** The translator of a component's dictionary in the provider's locale. */
export function useStrings<K extends string>(strings: Strings<K>, caller: string): Translate<K> {
  const { locale } = useRoamingContext(caller)
  return useMemo(() => translator(strings, locale), [strings, locale])
}
