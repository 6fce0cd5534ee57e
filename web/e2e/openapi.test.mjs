// Checks the real server's JSON answers against docs/openapi.yaml: every
// response body must match the schema the spec documents for its path, method
// and status. No browser: plain fetch with the session cookie and CSRF token.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import { parse } from 'yaml'
import { startServer } from './server.mjs'

const PASSWORD = 'Demo@12345'
const SPEC_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'openapi.yaml',
)
const spec = parse(readFileSync(SPEC_PATH, 'utf8'))
const SPEC_ID = 'openapi.json'

// OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a 'null' type (or an
// anyOf with {type: 'null'} when the schema has no plain type). Everything
// else (required, additionalProperties, enum, ...) is kept as written.
function convert(node) {
  if (Array.isArray(node)) return node.map(convert)
  if (node === null || typeof node !== 'object') return node
  const out = {}
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples') continue
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) {
      out[k] = SPEC_ID + v
      continue
    }
    out[k] = convert(v)
  }
  if (out.nullable === true) {
    delete out.nullable
    if (typeof out.type === 'string' && !out.enum) {
      out.type = [out.type, 'null']
    } else {
      return { anyOf: [{ type: 'null' }, out] }
    }
  } else if (out.nullable === false) {
    delete out.nullable
  }
  return out
}

// Only properties map keys named "nullable"/"example" would be mangled by the
// walk above; make sure the spec has none, so the conversion is exact.
for (const [name, s] of Object.entries(spec.components.schemas)) {
  for (const prop of Object.keys(s.properties ?? {})) {
    assert.ok(!['nullable', 'example', 'examples'].includes(prop), `${name}.${prop}`)
  }
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
ajv.addSchema({ $id: SPEC_ID, components: { schemas: convert(spec.components.schemas) } })

function deref(obj) {
  while (obj && obj.$ref) {
    const parts = obj.$ref.replace(/^#\//, '').split('/')
    obj = parts.reduce((o, p) => o?.[p.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
  }
  return obj
}

const validators = new Map()

/**
 * The validator for what the spec documents for `method templ status`, or
 * throws naming what is missing. Lookup: the exact status, then `4XX`/`5XX`,
 * then `default` for 5xx only (every `default` here is ServerError, 500/503),
 * so an undocumented 4xx is a failure, not a silent pass.
 */
function validatorFor(method, templ, status) {
  const key = `${method} ${templ} ${status}`
  if (validators.has(key)) return validators.get(key)
  const where = `${method} ${templ} → ${status}`
  const op = spec.paths[templ]?.[method.toLowerCase()]
  if (!op) throw new Error(`spec has no operation ${method} ${templ}`)
  const responses = op.responses ?? {}
  let res = responses[String(status)] ?? responses[`${String(status)[0]}XX`]
  if (!res && status >= 500) res = responses.default
  if (!res) throw new Error(`spec documents no response for ${where}`)
  res = deref(res)
  const schema = res.content?.['application/json']?.schema
  const v = schema ? ajv.compile(convert(schema)) : null
  validators.set(key, v)
  return v
}

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
  const v = validatorFor(method, templ, res.status)
  if (v === null) {
    assert.equal(text, '', `${where}: the spec documents no body, but the server sent ${text}`)
    return { status: res.status, body: null, res }
  }
  const type = res.headers.get('content-type') ?? ''
  assert.match(type, /^application\/json/, `${where}: content-type ${type}`)
  let json
  try {
    json = JSON.parse(text)
  } catch (e) {
    assert.fail(`${where}: body is not JSON (${e.message}): ${text}`)
  }
  if (!v(json)) {
    assert.fail(
      `${where} does not match the spec:\n` +
        ajv.errorsText(v.errors, { separator: '\n', dataVar: 'body' }) +
        `\nbody: ${text.slice(0, 2000)}`,
    )
  }
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
