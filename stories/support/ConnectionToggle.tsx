import { useState } from 'react'
import { useRoamingStore } from '../../src'
import type { RoamingServer, SimulatedConnection } from '../../src/testing'

/** Props of `ConnectionToggle`. */
export interface ConnectionToggleProps {
  /** The simulated server. */
  server: RoamingServer
  /** The device whose connection drops. */
  device: SimulatedConnection
  /** The button's text while connected, and while dropped. */
  labels?: readonly [drop: string, reconnect: string]
  /** Also a button that logs the device out and in again (the SDK stops: nothing reconnects by itself). */
  withLogout?: boolean
  /** Logged out, also a button that logs this other user in on the same device. */
  otherUser?: string
  /**
   * Also a button that logs the same user in on a new device: past the server's device limit (`maxDevices`), the
   * server signs this one out.
   */
  withElsewhere?: boolean
}

/**
 * Drops and restores a device's connection, as a sleeping laptop or a lost network would; or logs it out and in; or
 * signs the same user in elsewhere.
 */
export function ConnectionToggle({ server, device, labels = ['Drop the connection', 'Reconnect'], withLogout = false, otherUser, withElsewhere = false }: ConnectionToggleProps) {
  const [dropped, setDropped] = useState(false)
  // Logged out by the toolbar or by the server (a sign-out, a login elsewhere past the device limit, a token expiry).
  const out = useRoamingStore((s) => s.stopReason !== null)
  const toggle = () => {
    if (dropped) server.restoreConnection(device)
    else server.dropConnection(device)
    setDropped(!dropped)
  }
  const login = (user = device.user) => {
    if (!out) return device.close()
    setDropped(false)
    void device.open({ user, accessToken: 'story' })
  }
  return (
    <div style={{ display: 'flex', gap: 8, margin: '0 0 8px' }}>
      {!out && <button type="button" onClick={toggle}>{dropped ? labels[1] : labels[0]}</button>}
      {withLogout && !dropped && <button type="button" onClick={() => login()}>{out ? 'Log in again' : 'Log out'}</button>}
      {withElsewhere && !out && !dropped && <button type="button" onClick={() => server.connect(device.user)}>Sign in on another device</button>}
      {otherUser && out && <button type="button" onClick={() => login(otherUser)}>{`Log in as ${otherUser}`}</button>}
    </div>
  )
}
