/**
 * `roamkit/testing`: the embedded roaming simulator, for demos and for tests of apps built on roamkit.
 * @module
 */
export { RoamingTestProvider } from './provider/RoamingTestProvider'
export type { RoamingTestProviderProps } from './provider/RoamingTestProvider'
export { createRoamingServer } from './simulator/createRoamingServer'
export type { RoamingServer, RoamingServerSettings, RequestRecord } from './simulator/createRoamingServer'
export { SimulatedConnection } from './simulator/SimulatedConnection'
export { ErrorEvent } from './simulator/ErrorEvent'
export type { ForcedLogout, RestFailure } from './simulator/ErrorEvent'
export { systemClock } from './simulator/options'
export type { Latency, RoamingServerOptions, SimulatorBehaviour, SimulatorClock, SimulatorKnobs } from './simulator/options'
export type { SendMessageInput } from './simulator/storeMessage'
export type { GenerateOptions, GenerateResult } from './simulator/generateRoamingData'
