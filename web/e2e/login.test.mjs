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

test('login page renders', async () => {
  const page = await env.newPage()
  await page.goto('/login')
  await page.getByRole('button', { name: '登录' }).waitFor()
  await screenshot(page, '01-login')
})

test('good password opens the rounds list with rounds 8 and 9', async () => {
  const page = await env.newPage()
  const res = await login(page, 'office')
  assert.equal(res.status(), 200)
  await page.waitForURL('**/rounds')
  const table = page.locator('.rounds-table')
  await table.getByText('五届市委第八轮巡察').waitFor()
  await table.getByText('五届市委第九轮巡察').waitFor()
  await page.getByText('演示环境：所有人员、举报与问题均为虚构示例数据').waitFor()
  await table.locator('.demo-tag').first().waitFor()
  await screenshot(page, '02-rounds-list')
})

test('bad password shows the server message', async () => {
  const page = await env.newPage()
  const res = await login(page, 'office', 'not-the-password')
  assert.equal(res.status(), 401)
  const { error } = await res.json()
  assert.match(error.message, /[\u4e00-\u9fff]/, 'the server message is Chinese')
  await page.locator('.login-error').getByText(error.message).waitFor()
  assert.ok(page.url().includes('/login'))
  await screenshot(page, '03-login-bad-password')
})

test('a protected URL without a session goes to the login page', async () => {
  const page = await env.newPage()
  await page.goto('/rounds')
  await page.waitForURL(
    (u) => u.pathname === '/login' && u.searchParams.get('redirect') === '/rounds',
  )
})
