// Checks the real server's JSON answers against docs/openapi.yaml: every
// response body must match the schema the spec documents for its path, method
// and status. No browser: plain fetch with the session cookie and CSRF token.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { assertMatchesSpec, validatorFor } from './openapi.mjs'

const PASSWORD = 'Demo@12345'

let server
let cookie = ''
let csrf = ''

/**
 * Calls the API and validates the answer against the spec. `templ` is the
 * spec's path template; `path` the concrete path (with query). A string body
 * is sent as is (for malformed JSON).
 */
async function call(method, templ, path, body, expectStatus) {
  const headers = { Accept: 'application/json' }
  if (cookie) headers.Cookie = cookie
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(server.url + '/api/v1' + path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  const where = `${method} ${path} (${templ}) → ${res.status}`
  if (expectStatus !== undefined) {
    assert.equal(res.status, expectStatus, `${where}: expected ${expectStatus}; body: ${text}`)
  }
  const json = assertMatchesSpec(
    method,
    templ,
    res.status,
    res.headers.get('content-type'),
    text,
    where,
  )
  return { status: res.status, body: json, res }
}

const ctx = {}

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

test('the validator is not vacuous: refs resolve, nullable only where the spec says', () => {
  const round = validatorFor('GET', '/rounds/{id}', 200)
  assert.equal(round({}), false, 'an empty object is not a Round')
  const term = validatorFor('GET', '/terms', 200)
  const t = { id: 1, version: 1, name: '届', number: 5, start_date: '2021-01-01', demo: true }
  assert.equal(
    term({ items: [{ ...t, end_date: null }], total: 1 }),
    true,
    'Term.end_date is nullable',
  )
  assert.equal(term({ items: [{ ...t, end_date: 5 }], total: 1 }), false, 'end_date is a string')
  assert.equal(term({ items: [{ ...t, end_date: null, version: null }], total: 1 }), false)
  assert.equal(term({ items: [t], total: 1 }), false, 'end_date is required')
  const err = validatorFor('POST', '/groups/{id}/members', 409)
  assert.equal(err({ error: { code: 'bogus', key: 'x', message: 'm' } }), false, 'ErrorCode enum')
  assert.throws(() => validatorFor('GET', '/rounds/{id}', 418), /documents no response/)
})

test('POST /session and GET /me match SessionInfo', async () => {
  const login = await call(
    'POST',
    '/session',
    '/session',
    { username: 'office', password: PASSWORD },
    200,
  )
  const setCookie = login.res.headers.get('set-cookie') ?? ''
  const m = /xuncha_session=([^;]*)/.exec(setCookie)
  assert.ok(m, `no xuncha_session cookie in ${setCookie}`)
  cookie = `xuncha_session=${m[1]}`
  csrf = login.body.csrf_token
  const me = await call('GET', '/me', '/me', undefined, 200)
  assert.equal(me.body.user.username, 'office')
})

test('terms and rounds', async () => {
  const terms = await call('GET', '/terms', '/terms', undefined, 200)
  assert.ok(terms.body.items.length > 0)
  ctx.term = terms.body.items[0]
  const rounds = await call('GET', '/rounds', '/rounds?page=1&page_size=50', undefined, 200)
  ctx.round9 = rounds.body.items.find((r) => r.name.includes('第九轮'))
  assert.ok(ctx.round9, 'demo round 9 exists')
  const id = ctx.round9.id
  await call('GET', '/rounds/{id}', `/rounds/${id}`, undefined, 200)
  await call('GET', '/rounds/{id}/focus', `/rounds/${id}/focus`, undefined, 200)
})

test('groups', async () => {
  const groups = await call('GET', '/groups', `/groups?round_id=${ctx.round9.id}`, undefined, 200)
  ctx.group1 = groups.body.items.find((g) => g.name === '第一巡察组')
  assert.ok(ctx.group1, 'round 9 has 第一巡察组')
  await call('GET', '/groups/{id}', `/groups/${ctx.group1.id}`, undefined, 200)
})

test('units and leaders', async () => {
  const units = await call('GET', '/units', '/units?page=1&page_size=200', undefined, 200)
  assert.ok(units.body.items.length > 0)
  const unit = units.body.items[0]
  await call('GET', '/units/{id}', `/units/${unit.id}`, undefined, 200)
  await call('GET', '/units/{id}/leaders', `/units/${unit.id}/leaders`, undefined, 200)
})

test('inspectors', async () => {
  const list = await call('GET', '/inspectors', '/inspectors?page=1&page_size=200', undefined, 200)
  ctx.zhou = list.body.items.find((i) => i.name === '周文涛')
  assert.ok(ctx.zhou, 'demo inspector 周文涛 exists')
  await call('GET', '/inspectors/{id}', `/inspectors/${ctx.zhou.id}`, undefined, 200)
})

test('assignments and the announcement', async () => {
  const list = await call(
    'GET',
    '/assignments',
    `/assignments?round_id=${ctx.round9.id}`,
    undefined,
    200,
  )
  const a = list.body.items[0]
  assert.ok(a, 'round 9 has an assignment')
  await call('GET', '/assignments/{id}', `/assignments/${a.id}`, undefined, 200)
  await call(
    'GET',
    '/assignments/{id}/announcement',
    `/assignments/${a.id}/announcement`,
    undefined,
    200,
  )
})

test('users', async () => {
  const users = await call('GET', '/users', '/users?page=1&page_size=200', undefined, 200)
  const office = users.body.items.find((u) => u.username === 'office')
  assert.ok(office)
  await call('GET', '/users/{id}', `/users/${office.id}`, undefined, 200)
})

test('POST /rounds: 201, 422 and 400; PUT /rounds/{id}: 200, then 409 with a stale version', async () => {
  const body = {
    term_id: ctx.term.id,
    number: 97,
    name: 'OpenAPI 校验测试轮',
    type: 'special',
    status: 'planning',
    start_date: '2027-03-01',
    end_date: '2027-05-31',
  }
  const created = await call('POST', '/rounds', '/rounds', body, 201)
  const invalid = await call('POST', '/rounds', '/rounds', {}, 422)
  assert.equal(invalid.body.error.code, 'validation')
  assert.ok(Object.keys(invalid.body.error.fields ?? {}).length > 0, 'fields names the bad fields')
  const malformed = await call('POST', '/rounds', '/rounds', '{"name": ', 400)
  assert.equal(malformed.body.error.key, 'malformed_json')

  const path = `/rounds/${created.body.id}`
  const updated = await call(
    'PUT',
    '/rounds/{id}',
    path,
    { ...body, name: 'OpenAPI 校验测试轮（改）', version: created.body.version },
    200,
  )
  assert.equal(updated.body.version, created.body.version + 1)
  const stale = await call(
    'PUT',
    '/rounds/{id}',
    path,
    { ...body, version: created.body.version },
    409,
  )
  assert.equal(stale.body.error.key, 'stale_version')
})

test('GET of a missing id answers the 404 envelope', async () => {
  const res = await call('GET', '/rounds/{id}', '/rounds/987654321', undefined, 404)
  assert.equal(res.body.error.code, 'not_found')
})

test('a recusal refusal answers 409 with conflicts', async () => {
  const res = await call(
    'POST',
    '/groups/{id}/members',
    `/groups/${ctx.group1.id}/members`,
    { inspector_id: ctx.zhou.id, role: 'member' },
    409,
  )
  assert.equal(res.body.error.key, 'recusal')
  assert.ok(res.body.error.conflicts?.length > 0, 'conflicts lists the conflicts')
})

test('operation log and login log', async () => {
  const audit = await call('GET', '/audit', '/audit?page=1&page_size=200', undefined, 200)
  assert.ok(audit.body.items.length > 0)
  const logins = await call('GET', '/logins', '/logins?page=1&page_size=200', undefined, 200)
  assert.ok(logins.body.items.some((l) => l.username === 'office' && l.ok))
})

test('the group mailbox: list, bad state, a missing message', async () => {
  const message = validatorFor('GET', '/mail', 200)
  assert.equal(
    message({ items: [{ id: 1 }], total: 1, page: 1, page_size: 20 }),
    false,
    'an item must be a whole MailMessage',
  )
  const list = await call(
    'GET',
    '/mail',
    '/mail?state=quarantined&page=1&page_size=20',
    undefined,
    200,
  )
  assert.equal(list.body.page, 1)
  const bad = await call('GET', '/mail', '/mail?state=bogus', undefined, 400)
  assert.equal(bad.body.error.key, 'bad_query')
  await call('GET', '/mail/{id}/raw', '/mail/987654321/raw', undefined, 404)
  const missing = await call(
    'POST',
    '/mail/{id}/register',
    '/mail/987654321/register',
    {
      assignment_id: 1,
      content: '（测试数据）',
      persons: [],
      received_at: '2026-01-05T09:30',
    },
    404,
  )
  assert.equal(missing.body.error.code, 'not_found')
  const invalid = await call('POST', '/mail/{id}/register', '/mail/987654321/register', {}, 422)
  assert.ok(invalid.body.error.fields.assignment_id, 'assignment_id is required')
})

/** Whether the server has a route (an unknown one answers 404 key `no_route`). */
async function routeExists(path) {
  const res = await fetch(server.url + '/api/v1' + path, { headers: { Cookie: cookie } })
  if (res.status !== 404) return true
  const body = await res.json().catch(() => null)
  return body?.error?.key !== 'no_route'
}

test("the groups' IMAP accounts: list, field errors, poll and delete", async (t) => {
  if (!(await routeExists('/mail-accounts'))) {
    t.skip('this server has no /mail-accounts routes yet')
    return
  }
  const group = ctx.group1.id
  await call('GET', '/mail-accounts', '/mail-accounts', undefined, 200)
  const invalid = await call(
    'PUT',
    '/mail-accounts/{id}',
    `/mail-accounts/${group}`,
    { url: 'imap://plain.example.org/INBOX', username: '' },
    422,
  )
  assert.ok(invalid.body.error.fields.url, 'url must start with imaps://')
  assert.ok(invalid.body.error.fields.username, 'username is required')
  assert.ok(invalid.body.error.fields.password, 'a new account needs its password')
  const saved = await call(
    'PUT',
    '/mail-accounts/{id}',
    `/mail-accounts/${group}`,
    // Port 1 on localhost: nothing listens, the poll fails at once.
    {
      url: 'imaps://127.0.0.1:1/INBOX',
      username: 'xuncha-test',
      password: 'secret',
      enabled: false,
    },
    200,
  )
  assert.equal(saved.body.group_id, group)
  assert.ok(!('password' in saved.body), 'the password is never returned')
  const polled = await call(
    'POST',
    '/mail-accounts/{id}/poll',
    `/mail-accounts/${group}/poll`,
    undefined,
    200,
  )
  assert.notEqual(polled.body.error, '', 'nothing listens on port 1')
  const listed = await call('GET', '/mail-accounts', '/mail-accounts', undefined, 200)
  assert.ok(listed.body.items.some((a) => a.group_id === group && a.last_error !== ''))
  await call('DELETE', '/mail-accounts/{id}', `/mail-accounts/${group}`, undefined, 204)
  await call('DELETE', '/mail-accounts/{id}', `/mail-accounts/${group}`, undefined, 404)
})
