/**
 * SDK status codes roamkit reasons about (`statusCode` of the SDK; `shared/spec/agora-sdk.md` §3.9), for tests and
 * docs. roamkit's own code writes the numbers with the name in a comment, so bundles do not carry this table.
 */
export const SdkCode = {
  REQUEST_TIMEOUT: -1,
  REQUEST_UNKNOWN: -2,
  REQUEST_PARAMETER_ERROR: -3,
  REQUEST_ABORT: -4,
  AJAX_ERROR: 17,
  /** No token in the login context. */
  TOKEN_NOT_ASSIGNED: 28,
  /** Not logged in, on a connection created with `appId` (agora-chat). */
  NOT_LOGGED_IN: 39,
  MAX_LIMIT: 50,
  SERVER_BUSY: 500,
  /** `onDisconnected`: this user logged in on another device, which took this one's place (the device limit). */
  USER_LOGIN_ANOTHER_DEVICE: 206,
  /** `onDisconnected`: the user was removed from the server. */
  USER_REMOVED: 207,
  /** `onDisconnected`: the user's password was changed. */
  USER_KICKED_BY_CHANGE_PASSWORD: 216,
  /** `onDisconnected`: another device of the user signed this one out. */
  USER_KICKED_BY_OTHER_DEVICE: 217,
  MESSAGE_CURRENT_LIMITING: 509,
  WEBSOCKET_DISCONNECTED: 510,
  /** Not logged in, on a connection created with `appKey` (easemob-websdk): "appkey or token error". */
  REST_PARAMS_STATUS: 700,
  SDK_RUNTIME_ERROR: 999,
} as const

// Transient answers: a timeout, a network error, and the two throttling answers. A retry may succeed.
// REQUEST_TIMEOUT, REQUEST_UNKNOWN, MAX_LIMIT, SERVER_BUSY, MESSAGE_CURRENT_LIMITING, WEBSOCKET_DISCONNECTED.
const RETRYABLE: ReadonlySet<number> = new Set([-1, -2, 50, 500, 509, 510])

/** Options of a `RoamingError`. */
export interface RoamingErrorOptions {
  /** The SDK's numeric code (`type` of its error). */
  code: number
  /** The client method that failed, e.g. `getHistory`. */
  operation: string
  /** The original thrown value. */
  cause?: unknown
}

/**
 * The one error type every `RoamingClient` method rejects with, whatever shape the SDK used (a plain `Error`, its
 * `ErrorEvent`, or a plain `{ type, message }` object).
 */
export class RoamingError extends Error {
  /** The SDK's numeric code: e.g. 39 not logged in, 500 server busy, 50 rate limited, -1 timeout. */
  declare readonly code: number
  /** Whether retrying the same call may succeed (timeouts, network errors, throttling). */
  declare readonly retryable: boolean
  /** The client method that failed. */
  declare readonly operation: string

  constructor(message: string, options: RoamingErrorOptions) {
    super(message, { cause: options.cause })
    this.name = 'RoamingError'
    this.code = options.code
    this.operation = options.operation
    this.retryable = RETRYABLE.has(options.code)
  }
}

/**
 * Bad input, caught before anything is sent. Names the argument, the value given and what is allowed.
 */
export class RoamingArgumentError extends RoamingError {
  /** Path of the argument, e.g. `pageSize` or `messageIds[3]`. */
  declare readonly argument: string
  /** The value that was given. */
  declare readonly value: unknown
  /** What is allowed, in words, e.g. `an integer in [1, 50]`. */
  declare readonly allowed: string

  constructor(operation: string, argument: string, value: unknown, allowed: string) {
    super(`${operation}: invalid ${argument} ${describe(value)}; expected ${allowed}`, {
      code: -3, // REQUEST_PARAMETER_ERROR
      operation,
    })
    this.name = 'RoamingArgumentError'
    this.argument = argument
    this.value = value
    this.allowed = allowed
  }
}

/**
 * A removal by ids where some calls succeeded and others failed: nothing is retried silently, and the caller
 * learns exactly which ids are gone and which are still on the server.
 */
export class RemovePartialError extends RoamingError {
  /** Ids the server removed. */
  declare readonly removedIds: string[]
  /** Ids whose call failed: still on the server. */
  declare readonly failedIds: string[]

  constructor(operation: string, removedIds: string[], failedIds: string[], first: RoamingError) {
    super(`${operation}: ${failedIds.length} of ${removedIds.length + failedIds.length} messages were not removed (${first.message})`, {
      code: first.code,
      operation,
      cause: first,
    })
    this.name = 'RemovePartialError'
    this.removedIds = removedIds
    this.failedIds = failedIds
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  if (Array.isArray(value)) return `array(${value.length})`
  return typeof value
}

/**
 * Maps anything the SDK threw or rejected with to a `RoamingError`:
 * - a plain `Error` is the SDK's own parameter validation (code -3), or a runtime failure (999);
 * - an `ErrorEvent` (not an `Error` subclass) or a plain `{ type, message }` object carries the code in `type`.
 */
export function toRoamingError(error: unknown, operation: string): RoamingError {
  if (error instanceof RoamingError) return error
  if (error instanceof Error) {
    // The SDK's own validation says so; anything else (a TypeError on a malformed answer) is a runtime failure.
    const code = /Invalid parameter|field is required/.test(error.message) ? -3 : 999 // REQUEST_PARAMETER_ERROR, SDK_RUNTIME_ERROR
    return new RoamingError(`${operation}: ${error.message}`, { code, operation, cause: error })
  }
  if (typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'number') {
    const { type, message } = error as { type: number; message?: unknown }
    const text = typeof message === 'string' && message !== '' ? describeServerText(message) : `SDK error ${type}`
    return new RoamingError(`${operation}: ${text}`, { code: type, operation, cause: error })
  }
  return new RoamingError(`${operation}: unexpected failure ${describe(error)}`, { code: 999 /* SDK_RUNTIME_ERROR */, operation, cause: error })
}

/** For code 50 the SDK puts the raw JSON body in `message`: show its `error_description` instead. */
function describeServerText(message: string): string {
  if (!message.startsWith('{')) return message
  try {
    const parsed = JSON.parse(message) as { error_description?: unknown }
    return typeof parsed.error_description === 'string' && parsed.error_description !== '' ? parsed.error_description : message
  } catch {
    return message
  }
}
