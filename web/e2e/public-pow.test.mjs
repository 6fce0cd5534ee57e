// The public form when the server asks for proof of work (serve --public-pow): the phone solves
// the challenge in the page before it submits, the receipt comes as usual, and a request that
// skips the work is refused.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, setup } from './helpers.mjs'

let env
let page
before(async () => {
  env = await setup(['--public-pow', '12'])
  page = await env.newPage(PHONE)
})
after(async () => {
  await env?.stop()
})

const isPost = (path) => (r) => r.url().endsWith(path) && r.request().method() === 'POST'

test('the form pays the proof of work and gets its receipt', async () => {
  const intake = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/intake'))
  await page.goto('/report')
  const body = await (await intake).json()
  assert.equal(body.pow_bits, 12)
  await page.locator('.intake-item.is-open .item-title').first().click()
  await page.locator('.intake-item.is-chosen').waitFor()
  const form = page.locator('.report-form')
  await form.locator('input[name="persons.0.name"]').fill('张某某')
  await form.locator('textarea[name=content]').fill('张某某违规收受购物卡。（测试数据）')

  const challenge = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/pow'))
  const answer = page.waitForResponse(isPost('/api/v1/public/reports'))
  await form.getByRole('button', { name: '提交' }).click()
  assert.equal((await challenge).status(), 200)
  const res = await answer
  assert.equal(res.status(), 201, await res.text())
  const sent = JSON.parse(res.request().postData())
  assert.match(sent.pow_challenge, /^v1\./)
  await page.locator('.receipt').waitFor()

  // Without the work: refused with a clear message, nothing stored.
  const direct = await page.request.post('/api/v1/public/reports', {
    data: { ...sent, pow_challenge: undefined, pow_solution: undefined },
  })
  assert.equal(direct.status(), 400)
  assert.equal((await direct.json()).error.key, 'pow_invalid')
  // The same solved challenge does not buy a second report.
  const replay = await page.request.post('/api/v1/public/reports', { data: sent })
  assert.equal(replay.status(), 400)
})
