import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { login, screenshot, setup } from './helpers.mjs'

let env
before(async () => {
  env = await setup()
})
after(async () => {
  await env?.stop()
})

test('saving a round edited meanwhile by someone else shows the 409 message and keeps the input', async () => {
  const first = await env.newPage()
  await login(first, 'office')
  await first.locator('.rounds-table').getByRole('link', { name: '五届市委第八轮巡察' }).click()
  await first.waitForURL(/\/rounds\/\d+$/)
  const second = await first.context().newPage()
  await second.goto(first.url())

  for (const p of [first, second]) {
    await p.getByRole('button', { name: '编辑' }).first().click()
    await p.locator('.round-form input[name=name]').waitFor()
  }
  await first.locator('.round-form input[name=name]').fill('五届市委第八轮巡察（甲修改）')
  const saved = first.waitForResponse((r) => r.request().method() === 'PUT')
  await first.locator('.round-form').getByRole('button', { name: '保存' }).click()
  assert.equal((await saved).status(), 200)

  await second.locator('.round-form input[name=name]').fill('五届市委第八轮巡察（乙修改）')
  const stale = second.waitForResponse((r) => r.request().method() === 'PUT')
  await second.locator('.round-form').getByRole('button', { name: '保存' }).click()
  const res = await stale
  assert.equal(res.status(), 409)
  assert.equal((await res.json()).error.code, 'aborted')
  await second
    .locator('.round-form .stale-alert')
    .getByText('数据已被他人修改，请刷新后重试')
    .waitFor()
  assert.equal(
    await second.locator('.round-form input[name=name]').inputValue(),
    '五届市委第八轮巡察（乙修改）',
  )
  await screenshot(second, '17-stale-update')
})
