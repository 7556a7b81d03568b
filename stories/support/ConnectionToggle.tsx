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
  /** Also a menu by which the server signs this device out, for each reason it has (and the token's expiry). */
  withSignOut?: boolean
}

/** What the server may do to a connected device, as the menu lists it. */
const SIGN_OUTS = [
  ['loggedInElsewhere', 'Signed in on another device (206)'],
  ['userRemoved', 'Account removed (207)'],
  ['passwordChanged', 'Password changed (216)'],
  ['kickedByOtherDevice', 'Signed out by another device (217)'],
  ['tokenExpired', 'Token expired'],
] as const

/**
 * Drops and restores a device's connection, as a sleeping laptop or a lost network would; or logs it out and in; or
 * signs the same user in elsewhere.
 */
export function ConnectionToggle({ server, device, labels = ['Drop the connection', 'Reconnect'], withLogout = false, otherUser, withElsewhere = false, withSignOut = false }: ConnectionToggleProps) {
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
      {withSignOut && !out && (
        <select
          aria-label="The server signs this device out"
          value=""
          onChange={(e) => {
            const reason = e.target.value as (typeof SIGN_OUTS)[number][0]
            if (reason === 'tokenExpired') server.expireToken(device)
            else if (reason && !dropped) server.signOut(device, reason)
          }}
        >
          <option value="">Sign out from the server…</option>
          {SIGN_OUTS.map(([reason, label]) => <option key={reason} value={reason} disabled={dropped && reason !== 'tokenExpired'}>{label}</option>)}
        </select>
      )}
      {otherUser && out && <button type="button" onClick={() => login(otherUser)}>{`Log in as ${otherUser}`}</button>}
    </div>
  )
}
