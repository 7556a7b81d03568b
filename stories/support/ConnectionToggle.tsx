import { useState } from 'react'
import type { RoamingServer, SimulatedConnection } from '../../src/testing'

/** Props of `ConnectionToggle`. */
export interface ConnectionToggleProps {
  /** The simulated server. */
  server: RoamingServer
  /** The device whose connection drops. */
  device: SimulatedConnection
  /** The button's text while connected, and while dropped. */
  labels?: readonly [drop: string, reconnect: string]
}

/** Drops and restores a device's connection, as a sleeping laptop or a lost network would. */
export function ConnectionToggle({ server, device, labels = ['Drop the connection', 'Reconnect'] }: ConnectionToggleProps) {
  const [away, setAway] = useState(false)
  const toggle = () => {
    if (away) server.restoreConnection(device)
    else server.dropConnection(device)
    setAway(!away)
  }
  return (
    <button type="button" onClick={toggle} style={{ alignSelf: 'flex-start', margin: '0 0 8px' }}>
      {away ? labels[1] : labels[0]}
    </button>
  )
}
