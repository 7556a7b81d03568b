import { useEffect } from 'react'
import type { RoamingServer } from '../../src/testing'

/** Servers of the mounted stories by name, so play functions can drive them (send, fail). */
export const servers = new Map<string, RoamingServer>()

/** Puts a story's server into `servers` under `name` once mounted. Renders nothing. */
export function Expose({ name, server }: { name: string; server: RoamingServer }) {
  useEffect(() => { servers.set(name, server) }, [name, server])
  return null
}
