// A server of its own, so the lockout does not leak into other tests.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, login, screenshot, setup } from './helpers.mjs'

let env
before(async () => {
  env = await setup()
})
after(async () => {
  await env?.stop()
})

test('five bad passwords lock the account; the sixth attempt shows the lockout message', async () => {
  const page = await env.newPage()
  for (let i = 1; i <= 5; i++) {
    const res = await login(page, 'member2', `wrong-password-${i}`)
    assert.equal(res.status(), 401, `attempt ${i} is refused as a bad password`)
    const { error } = await res.json()
    await page.locator('.login-error').getByText(error.message).waitFor()
  }
  // Even the right password is refused while locked.
  const res = await login(page, 'member2', PASSWORD)
  assert.equal(res.status(), 429)
  const { error } = await res.json()
  assert.equal(error.code, 'resource_exhausted')
  await page.locator('.login-error').getByText(error.message).waitFor()
  assert.ok(page.url().includes('/login'))
  await screenshot(page, '04-login-locked')
})
