// docs/openapi.yaml as validators: the JSON Schema of every documented answer
// (OpenAPI 3.0 converted for ajv). Used by openapi.test.mjs (plain fetch) and
// by browser tests that check the answers the UI received.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import { parse } from 'yaml'

const SPEC_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'openapi.yaml',
)
export const spec = parse(readFileSync(SPEC_PATH, 'utf8'))
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

export const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
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
export function validatorFor(method, templ, status) {
  const key = `${method} ${templ} ${status}`
  if (validators.has(key)) return validators.get(key)
  const schema = responseFor(method, templ, status).content?.['application/json']?.schema
  const v = schema ? ajv.compile(convert(schema)) : null
  validators.set(key, v)
  return v
}

/** The response object the spec documents for `method templ status` (same lookup as above). */
export function responseFor(method, templ, status) {
  const where = `${method} ${templ} → ${status}`
  const op = spec.paths[templ]?.[method.toLowerCase()]
  if (!op) throw new Error(`spec has no operation ${method} ${templ}`)
  const responses = op.responses ?? {}
  let res = responses[String(status)] ?? responses[`${String(status)[0]}XX`]
  if (!res && status >= 500) res = responses.default
  if (!res) throw new Error(`spec documents no response for ${where}`)
  return deref(res)
}

/**
 * Asserts that an answer matches the spec: a JSON body against the documented
 * schema, another documented type (a download) by its Content-Type, and no body
 * where the spec documents none. `where` names the call in the failure message.
 */
export function assertMatchesSpec(method, templ, status, contentType, text, where = '') {
  const at = where || `${method} ${templ} → ${status}`
  const v = validatorFor(method, templ, status)
  if (v !== null) {
    assert.match(contentType ?? '', /^application\/json/, `${at}: content-type ${contentType}`)
    let json
    try {
      json = JSON.parse(text)
    } catch (e) {
      assert.fail(`${at}: body is not JSON (${e.message}): ${text}`)
    }
    if (!v(json)) {
      assert.fail(
        `${at} does not match the spec:\n` +
          ajv.errorsText(v.errors, { separator: '\n', dataVar: 'body' }) +
          `\nbody: ${text.slice(0, 2000)}`,
      )
    }
    return json
  }
  const types = Object.keys(responseFor(method, templ, status).content ?? {})
  if (types.length === 0) {
    assert.equal(text, '', `${at}: the spec documents no body, but the server sent ${text}`)
  } else {
    const type = (contentType ?? '').split(';')[0].trim()
    assert.ok(types.includes(type), `${at}: content-type ${contentType}, spec: ${types.join(', ')}`)
  }
  return null
}

/** Validates a Playwright response (from the browser) against the spec; answers the JSON body. */
export async function checkResponse(res, templ) {
  const method = res.request().method()
  const status = res.status()
  const body = await res.body()
  return assertMatchesSpec(
    method,
    templ,
    status,
    res.headers()['content-type'],
    // Binary bodies are only checked by type; decoding them is harmless.
    body.toString('utf8'),
    `${method} ${new URL(res.url()).pathname} (${templ}) → ${status}`,
  )
}
