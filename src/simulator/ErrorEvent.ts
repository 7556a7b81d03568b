/**
 * The SDK's `ErrorEvent`: a plain class with own `type`, `message` and `data`, deliberately not an `Error`
 * subclass (that is how the real SDK reports "not logged in"; `shared/spec/agora-sdk.md` §2).
 */
export class ErrorEvent {
  /** The SDK status code. */
  type: number
  /** Human-readable text. */
  message: string
  /** Extra payload, if any. */
  data?: unknown

  constructor(params: { type: number; message: string; data?: unknown }) {
    this.type = params.type
    this.message = params.message
    // The SDK's constructor is `this.type=e.type,this.message=e.message,this.data=e.data`: `data` is always an own
    // field (undefined for "not login"), whatever the build's class-field semantics (§2, §3.9).
    this.data = params.data
  }

  /** Same as the constructor, as the SDK offers it. */
  static create(params: { type: number; message: string; data?: unknown }): ErrorEvent {
    return new ErrorEvent(params)
  }
}

/** The plain-object failure shape of the SDK's REST layer (`{ type, message, data? }`). */
export interface RestFailure {
  type: number
  message: string
  data?: unknown
  errorType?: string
}

/**
 * What every roaming call rejects with when logged out: `ErrorEvent{type:39, message:'not login'}` on a connection
 * created with `appId` (agora-chat), `{type:700, message:'appkey or token error'}` with `appKey` (easemob-websdk).
 */
export const notLoggedIn = (initWith: 'appId' | 'appKey' = 'appId'): ErrorEvent =>
  initWith === 'appKey' ? new ErrorEvent({ type: 700, message: 'appkey or token error' }) : new ErrorEvent({ type: 39, message: 'not login' })

/** HTTP 429/503: `{type:500, message:'Server is busy.'}`. */
// On the real SDK `data` is the raw response body, a string.
export const serverBusy = (): RestFailure => ({ type: 500, message: 'Server is busy.', data: JSON.stringify({ error: 'server_busy', error_description: 'Server is busy.' }) })

/** HTTP 429 "The request has reached the maximum limit": `{type:50}`, the raw JSON body as the message, no data. */
export const maxLimit = (): RestFailure => ({ type: 50, message: JSON.stringify({ error: 'resource_limited', error_description: 'The request has reached the maximum limit' }) })

/** The XHR timeout after 15 s. */
export const requestTimeout = (): RestFailure => ({ type: -1, message: 'Request Timeout', errorType: 'timeout_error' })

/** XHR `onerror` (offline): the SDK's spelling. */
export const requestUnknown = (): RestFailure => ({ type: -2, message: 'Request Unknow Error', errorType: 'onerror' })

/** Any unmapped HTTP 400/404/500: type 17 with the server's `error_description` (`''` for a 500). */
export const ajaxError = (description = ''): RestFailure => ({ type: 17, message: description, data: JSON.stringify({ error: 'bad_request', error_description: description }) })

/**
 * The server's forced logouts, by roamkit's name for each: the code and message of the SDK's `disconnectedReason`
 * (read in the shipped SDK, where the server's notice sets it and its `onDisconnected` passes it).
 */
export const FORCED_LOGOUTS = {
  loggedInElsewhere: { type: 206, message: 'the user is already logged on another device' },
  userRemoved: { type: 207, message: 'user has been removed' },
  passwordChanged: { type: 216, message: 'the user was kicked by changing password' },
  kickedByOtherDevice: { type: 217, message: 'the user was kicked by other device' },
} as const

/** A reason the server signs a device out for (`RoamingServer.signOut`). */
export type ForcedLogout = keyof typeof FORCED_LOGOUTS
