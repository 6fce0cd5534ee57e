// The single HTTP wrapper of the app. Every call to /api/v1 goes through
// request(): it sends the session cookie, adds X-CSRF-Token on writes, and
// turns the server's error envelope
//   {"error": {"code", "key", "message", "fields", ...}}
// into a typed ApiError whose message is always readable Chinese.
import zhCN from '@/locales/zh-CN'

export const API_BASE = '/api/v1'

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'aborted'
  | 'already_exists'
  | 'failed_precondition'
  | 'payload_too_large'
  | 'validation'
  | 'resource_exhausted'
  | 'internal'
  | 'unavailable'
  | 'unknown'

export type FieldErrors = Record<string, string>

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'aborted',
  413: 'payload_too_large',
  422: 'validation',
  429: 'resource_exhausted',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(STATUS_CODES),
  'already_exists',
  'failed_precondition',
])

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s)

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly key: string
  readonly fields: FieldErrors
  /** The whole error object (and any top-level extras), for keys such as `conflicts`. */
  readonly details: Readonly<Record<string, unknown>>

  constructor(init: {
    status: number
    code: ErrorCode
    key?: string
    message?: string
    fields?: FieldErrors
    details?: Record<string, unknown>
  }) {
    const fallback = zhCN.errors[init.code] ?? zhCN.errors.unknown
    const msg = init.message && hasChinese(init.message) ? init.message : fallback
    super(msg)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.key = init.key ?? ''
    this.fields = init.fields ?? {}
    this.details = init.details ?? {}
  }

  get isStale(): boolean {
    return this.status === 409 && this.code === 'aborted'
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function toFieldErrors(v: unknown): FieldErrors {
  const out: FieldErrors = {}
  if (!isRecord(v)) return out
  for (const [k, m] of Object.entries(v)) {
    if (typeof m === 'string') out[k] = m
    else if (Array.isArray(m)) out[k] = m.filter((x) => typeof x === 'string').join('；')
  }
  return out
}

/** Builds an ApiError from a status and a parsed (or unparsable) body. */
export function parseError(status: number, body: unknown): ApiError {
  const statusCode: ErrorCode = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'unknown')
  if (!isRecord(body) || !isRecord(body.error)) {
    return new ApiError({ status, code: statusCode })
  }
  const err = body.error
  const rawCode = typeof err.code === 'string' ? err.code : ''
  const code: ErrorCode = KNOWN_CODES.has(rawCode) ? (rawCode as ErrorCode) : statusCode
  const { error: _ignored, ...topLevel } = body
  void _ignored
  return new ApiError({
    status,
    code,
    key: typeof err.key === 'string' ? err.key : '',
    message: typeof err.message === 'string' ? err.message : '',
    fields: toFieldErrors(err.fields),
    details: { ...topLevel, ...err },
  })
}

export interface HttpHooks {
  /** The CSRF token of the current session ('' when logged out). */
  csrfToken: () => string
  /** Called on a 401 from any endpoint except login and GET /me. */
  onUnauthenticated: () => void
  /** Called on 409 key must_change_password. */
  onMustChangePassword: () => void
}

let hooks: HttpHooks = {
  csrfToken: () => '',
  onUnauthenticated: () => {},
  onMustChangePassword: () => {},
}

export function configureHttp(h: HttpHooks): void {
  hooks = h
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  /** JSON body. */
  body?: unknown
  /** A raw body (file upload); sent as-is with `contentType`. */
  raw?: Blob
  contentType?: string
  /** A multipart/form-data body; the browser sets the Content-Type with its boundary. */
  form?: FormData
  /** Skip the global 401 redirect (login page, session probe). */
  silent401?: boolean
  /** Answer the body's bytes (an ArrayBuffer) instead of parsed JSON; errors are still the JSON envelope. */
  binary?: boolean
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export function buildUrl(path: string, query?: Query): string {
  const url = API_BASE + path
  if (!query) return url
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    qs.set(k, String(v))
  }
  const s = qs.toString()
  return s ? `${url}?${s}` : url
}

export async function request<T>(
  method: Method,
  path: string,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: opts.binary ? '*/*' : 'application/json' }
  let body: BodyInit | undefined
  if (opts.form !== undefined) {
    body = opts.form
  } else if (opts.raw !== undefined) {
    body = opts.raw
    headers['Content-Type'] = opts.contentType ?? 'application/octet-stream'
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body)
    headers['Content-Type'] = 'application/json'
  }
  if (method !== 'GET') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }

  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError({ status: 0, code: 'unavailable', message: zhCN.errors.network })
  }

  if (opts.binary && res.ok) return (await res.arrayBuffer()) as T
  const text = await res.text()
  let parsed: unknown = undefined
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
  }

  if (!res.ok) {
    const err = parseError(res.status, parsed)
    if (err.status === 401 && !opts.silent401) hooks.onUnauthenticated()
    if (err.status === 409 && err.key === 'must_change_password') hooks.onMustChangePassword()
    throw err
  }
  if (res.status === 204 || !text) return undefined as T
  if (parsed === undefined) {
    throw new ApiError({ status: res.status, code: 'internal', message: zhCN.errors.badResponse })
  }
  return parsed as T
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) =>
    request<T>('GET', path, { ...opts, query }),
  /** GET the raw bytes of a download (e.g. a quarantined e-mail); errors as for JSON calls. */
  getBytes: (path: string, opts: RequestOptions = {}) =>
    request<ArrayBuffer>('GET', path, { ...opts, binary: true }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  del: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
  /** POST multipart/form-data (file uploads). */
  postForm: <T>(path: string, form: FormData, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, form }),
}

/**
 * A multipart body for uploads: each file in a part named `files` and, when
 * given, a JSON object in a part named `json.name` (e.g. the report).
 */
export function filesForm(
  files: readonly File[],
  json?: { name: string; value: unknown },
): FormData {
  const form = new FormData()
  if (json) form.append(json.name, JSON.stringify(json.value))
  for (const f of files) form.append('files', f, f.name)
  return form
}

/** Lists answer either a page envelope or, for small collections, `{items}`. */
export function itemsOf<T>(r: { items: T[] } | T[]): T[] {
  return Array.isArray(r) ? r : r.items
}
