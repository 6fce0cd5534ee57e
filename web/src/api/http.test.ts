import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, configureHttp, filesForm, http, parseError, request } from './http'

describe('parseError', () => {
  it('reads the error envelope with fields and extra keys', () => {
    const e = parseError(409, {
      error: {
        code: 'failed_precondition',
        key: 'recusal',
        message: '该人员存在应当回避的情形，不能指派',
        conflicts: [{ unit_id: 8, unit_name: '市财政局', reason: '曾在该单位工作' }],
      },
    })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('failed_precondition')
    expect(e.key).toBe('recusal')
    expect(e.message).toBe('该人员存在应当回避的情形，不能指派')
    expect(Array.isArray(e.details.conflicts)).toBe(true)
  })

  it('maps 422 fields onto field names', () => {
    const e = parseError(422, {
      error: {
        code: 'validation',
        key: 'validation',
        message: '填写有误',
        fields: { end_date: '不能早于开始日期' },
      },
    })
    expect(e.fields).toEqual({ end_date: '不能早于开始日期' })
  })

  it('falls back to a Chinese message for bodies without one', () => {
    expect(parseError(500, 'oops').message).toBe('服务器内部错误，请稍后再试')
    expect(parseError(502, undefined).code).toBe('unavailable')
    const english = parseError(404, { error: { code: 'not_found', message: 'no route' } })
    expect(english.message).toBe('未找到该记录，或不在您的数据范围内')
  })

  it('flags a stale version', () => {
    expect(
      parseError(409, { error: { code: 'aborted', message: '数据已被他人修改' } }).isStale,
    ).toBe(true)
    expect(parseError(409, { error: { code: 'already_exists', message: '已存在' } }).isStale).toBe(
      false,
    )
  })
})

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends the CSRF token on writes only and redirects on 401', async () => {
    const seen: { method: string; headers: Record<string, string> }[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push({ method: String(init.method), headers: init.headers as Record<string, string> })
      return new Response(
        JSON.stringify({ error: { code: 'unauthenticated', message: '请先登录' } }),
        {
          status: 401,
        },
      )
    })
    const onUnauthenticated = vi.fn()
    configureHttp({ csrfToken: () => 'tok', onUnauthenticated, onMustChangePassword: () => {} })
    await expect(request('GET', '/rounds')).rejects.toBeInstanceOf(ApiError)
    await expect(request('PUT', '/rounds/1', { body: {} })).rejects.toBeInstanceOf(ApiError)
    expect(seen[0]?.headers['X-CSRF-Token']).toBeUndefined()
    expect(seen[1]?.headers['X-CSRF-Token']).toBe('tok')
    expect(onUnauthenticated).toHaveBeenCalledTimes(2)
  })

  it('sends a multipart body without setting its Content-Type, with the CSRF token', async () => {
    const seen: { headers: Record<string, string>; body: unknown }[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push({ headers: init.headers as Record<string, string>, body: init.body })
      return new Response(JSON.stringify({ id: 1 }), { status: 201 })
    })
    configureHttp({
      csrfToken: () => 'tok',
      onUnauthenticated: () => {},
      onMustChangePassword: () => {},
    })
    const photo = new File(['png'], '现场.png', { type: 'image/png' })
    const note = new File(['说明'], 'note.txt', { type: 'text/plain' })
    const form = filesForm([photo, note], { name: 'report', value: { content: '内容' } })
    await expect(http.postForm('/reports', form)).resolves.toEqual({ id: 1 })
    expect(seen[0]?.headers['Content-Type']).toBeUndefined()
    expect(seen[0]?.headers['X-CSRF-Token']).toBe('tok')
    expect(seen[0]?.body).toBe(form)
    expect(form.get('report')).toBe('{"content":"内容"}')
    const files = form.getAll('files') as File[]
    expect(files.map((x) => x.name)).toEqual(['现场.png', 'note.txt'])
    expect(filesForm([note]).get('report')).toBeNull()
  })

  it('answers the bytes of a download, and the error envelope of a failed one', async () => {
    const bytes = new Uint8Array([0x3c, 0xff, 0x0a])
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('/1/raw')
        ? new Response(bytes, { status: 200, headers: { 'Content-Type': 'message/rfc822' } })
        : new Response(
            JSON.stringify({
              error: {
                code: 'failed_precondition',
                key: 'mail_not_quarantined',
                message: '该邮件已经登记，不在待处理邮件中',
              },
            }),
            { status: 409 },
          ),
    )
    const got = await http.getBytes('/mail/1/raw')
    expect(new Uint8Array(got)).toEqual(bytes)
    await expect(http.getBytes('/mail/2/raw')).rejects.toMatchObject({
      key: 'mail_not_quarantined',
      message: '该邮件已经登记，不在待处理邮件中',
    })
  })

  it('turns a network failure into a readable error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(request('GET', '/me')).rejects.toMatchObject({
      message: '网络错误，无法连接服务器',
    })
  })
})

describe('buildUrl', () => {
  it('drops empty query values', () => {
    expect(buildUrl('/rounds', { status: '', page: 2, q: undefined })).toBe('/api/v1/rounds?page=2')
  })
})
