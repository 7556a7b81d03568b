/**
 * The fake network of the contract tests. Imports no SDK, so a test can install it before the SDK module loads.
 */

// ---------------------------------------------------------------------------------------------------------------
// The network: a fake XMLHttpRequest
// ---------------------------------------------------------------------------------------------------------------

/** One request the SDK sent. */
export interface SentRequest {
  method: string
  url: string
  /** Path without the query. */
  path: string
  /** Query parameters (the SDK's GET cache-buster `_v` included). */
  query: Record<string, string>
  /** The raw query string (to see the SDK's exact spelling, e.g. `&&resource=`). */
  search: string
  headers: Record<string, string>
  /** The body as sent (a JSON string, or null). */
  body: string | null
  /** `JSON.parse(body)` when it is JSON. */
  json: any
  /** `xhr.timeout` the SDK set. */
  timeout: number
}

/** What the fake server answers: an HTTP reply, or a transport failure. */
export type Reply =
  | { status: number; body?: unknown }
  | 'timeout' // the XHR's own timeout fires after `xhr.timeout` ms (fake timers advance it)
  | 'abort' // the request is aborted (navigation, a closing tab…)
  | 'error' // network error (`onerror`)
  | 'hang' // never answered

export type Responder = (request: SentRequest) => Reply

export function json(body: unknown, status = 200): Reply {
  return { status, body }
}

/** The REST error body of the Agora/Easemob server. */
export function restError(status: number, error: string, description: string, errorCode?: number): Reply {
  return { status, body: { error, error_description: description, ...(errorCode !== undefined ? { error_code: errorCode } : {}), timestamp: 1_700_000_000_000, duration: 0, exception: 'x' } }
}

/**
 * Installs a fake `XMLHttpRequest` on `globalThis` and `window`. It behaves as the XHR standard says for the
 * members the SDK uses: `open`, `setRequestHeader`, `send`, `abort`, `timeout`, `readyState`, `status`,
 * `response`, `responseText`, `responseURL`, and the `onreadystatechange`/`ontimeout`/`onerror`/`onabort`
 * handlers (state DONE and `readystatechange` first, then the `timeout`/`error`/`abort` event).
 */
export function installNetwork(responder: Responder) {
  const requests: SentRequest[] = []
  let current = responder
  const original = { global: globalThis.XMLHttpRequest, window: typeof window !== 'undefined' ? window.XMLHttpRequest : undefined }

  class FakeXMLHttpRequest {
    static readonly UNSENT = 0
    static readonly OPENED = 1
    static readonly DONE = 4
    readyState = 0
    status = 0
    statusText = ''
    response: unknown = ''
    responseText = ''
    responseURL = ''
    responseType = ''
    timeout = 0
    withCredentials = false
    upload = { addEventListener() {} }
    onreadystatechange: ((e: unknown) => void) | null = null
    ontimeout: ((e: unknown) => void) | null = null
    onerror: ((e: unknown) => void) | null = null
    onabort: ((e: unknown) => void) | null = null
    onload: ((e: unknown) => void) | null = null
    private method = ''
    private url = ''
    private headers: Record<string, string> = {}
    private done = false

    open(method: string, url: string) {
      this.method = method
      this.url = url
      this.readyState = 1
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value
    }
    overrideMimeType() {}
    addEventListener() {}
    removeEventListener() {}
    getAllResponseHeaders() { return '' }
    getResponseHeader() { return null }

    send(body: unknown = null) {
      const u = new URL(this.url)
      const query: Record<string, string> = {}
      u.searchParams.forEach((v, k) => { if (k !== '') query[k] = v })
      const text = typeof body === 'string' ? body : null
      let parsed: unknown
      try { parsed = text === null ? undefined : JSON.parse(text) } catch { parsed = undefined }
      const request: SentRequest = {
        method: this.method, url: this.url, path: u.pathname, query, search: u.search, headers: { ...this.headers },
        body: text, json: parsed, timeout: this.timeout,
      }
      requests.push(request)
      const reply = current(request)
      // A server answer arrives asynchronously (never inside send()).
      if (reply === 'hang') return
      if (reply === 'timeout') {
        setTimeout(() => this.fail('timeout'), this.timeout)
        return
      }
      queueMicrotask(() => {
        if (this.done) return
        if (reply === 'abort') return this.abort()
        if (reply === 'error') return this.fail('error')
        const bodyText = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
        this.done = true
        this.status = reply.status
        this.responseText = bodyText
        this.response = bodyText
        this.responseURL = this.url
        this.readyState = 4
        this.onreadystatechange?.({ type: 'readystatechange' })
        this.onload?.({ type: 'load' })
      })
    }

    abort() {
      if (this.done) return
      this.fail('abort')
      this.readyState = 0 // the standard resets to UNSENT after the abort event, without a readystatechange
    }

    private fail(kind: 'timeout' | 'error' | 'abort') {
      if (this.done) return
      this.done = true
      this.status = 0
      this.readyState = 4
      this.onreadystatechange?.({ type: 'readystatechange' })
      if (kind === 'timeout') this.ontimeout?.({ type: 'timeout' })
      if (kind === 'error') this.onerror?.({ type: 'error' })
      if (kind === 'abort') this.onabort?.({ type: 'abort' })
    }
  }

  ;(globalThis as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXMLHttpRequest
  if (typeof window !== 'undefined') (window as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXMLHttpRequest

  return {
    requests,
    /** Replaces the responder for the following requests. */
    respond(next: Responder) { current = next },
    restore() {
      ;(globalThis as { XMLHttpRequest: unknown }).XMLHttpRequest = original.global
      if (typeof window !== 'undefined') (window as { XMLHttpRequest: unknown }).XMLHttpRequest = original.window
    },
  }
}

