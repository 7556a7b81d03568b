import type { SimulatorBehaviour, SimulatorClock } from './options'
import type { RoamingState } from './RoamingState'

/** A connected device, as the server core sees it. */
export interface Device {
  /** The server-side user id (already case-normalised). */
  readonly serverUser: string
  /** The device's resource; multi-device events skip the originating resource. */
  readonly clientResource: string
  /** Runs the SDK's dispatch of a handler callback on this device. */
  dispatch(name: string, payload: unknown): void
}

/**
 * What a simulated connection needs from its server: the shared state, the transport that applies latency,
 * faults and throttling, and ordered pushes to devices.
 */
export interface ServerCore {
  readonly state: RoamingState
  readonly behaviour: SimulatorBehaviour
  readonly clock: SimulatorClock
  readonly appKey: string
  /** The server's reading of a user or target id (lowercased unless `mixedCaseLogin` is `emptyList`). */
  normalizeId(id: string): string
  /**
   * Sends one request: logs it, applies the network state, rate limit and failure injection, runs `compute` (the
   * server's effect, at request time) and answers after the latency. `compute` may throw a REST failure object.
   */
  request<T>(device: Device, method: string, params: unknown, compute: () => T): Promise<T>
  /**
   * Delivers `fn` to `device` after the latency, in order with earlier pushes to the same device; to a dropped
   * device (see `RoamingServer.dropConnection`), once its connection is restored.
   */
  push(device: Device, fn: () => void): void
  /**
   * Connected devices of a user; with `offline`, also those whose connection dropped or that logged out as that user,
   * which get chat messages at their return (the server keeps a device's offline messages) but miss multi-device
   * events.
   */
  devicesOf(serverUser: string, offline?: boolean): readonly Device[]
  /** Whether the device's connection dropped (`RoamingServer.dropConnection`) and is not restored yet. */
  isDropped(device: Device): boolean
  /**
   * A device logged in (its user already set): it is connected, hears `onConnected`, then, if it logged out or
   * dropped as the same user, what waited for it, in the SDK's offline sync.
   */
  logIn(device: Device): void
  /** A device logged out: chat messages for its user wait for its next login as that user. */
  logOut(device: Device): void
}
