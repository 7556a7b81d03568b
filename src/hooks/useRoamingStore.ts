import { useStore } from 'zustand'
import type { RoamingClient } from '../client/types'
import { useRoamingContext } from '../provider/RoamingContext'
import type { RoamingStoreState } from '../store/createRoamingStore'

/** Selects from the provider's UI store (active conversation, selection, tombstones…). */
export function useRoamingStore<T>(selector: (state: RoamingStoreState) => T): T {
  return useStore(useRoamingContext('useRoamingStore').kit.store, selector)
}

/** The provider's `RoamingClient`, for calls the hooks do not cover. */
export function useRoamingClient(): RoamingClient {
  return useRoamingContext('useRoamingClient').kit.client
}
