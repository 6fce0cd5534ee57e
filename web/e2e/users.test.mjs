import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, login, rowsOf, screenshot, setup } from './helpers.mjs'

let env
before(async () => {
  env = await setup()
})
after(async () => {
  await env?.stop()
})

test('admin sees only accounts and the login log', async () => {
  const page = await env.newPage()
  await login(page, 'admin')
  await page.waitForURL('**/users')
  const menu = await page.locator('.menu').innerText()
  assert.deepEqual(
    menu
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    ['账号管理', '登录日志'],
  )
  await rowsOf(page, 'users-table').first().waitFor()
  await screenshot(page, '18-users')
  await page.goto('/logins')
  await rowsOf(page, 'logins-table').first().waitFor()
  await screenshot(page, '19-logins')
})

test('a new account must change its password at first login', async () => {
  const page = await env.newPage()
  await login(page, 'office')
  await page.goto('/users')
  await page.getByRole('button', { name: '新建账号' }).click()
  const dialog = page.locator('.user-form')
  await dialog.getByText('新账号首次登录时须修改密码').waitFor()
  await dialog.locator('input[name=new_username]').fill('viewer9')
  await dialog.locator('input[name=display_name]').fill('测试领导')
  await choose(page, dialog.locator('.role-select'), '领导小组')
  await dialog.locator('input[name=initial_password]').fill('Initial@2026x')
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await created
  assert.equal(res.status(), 201, await res.text())
  assert.equal((await res.json()).must_change_password, true)
  await rowsOf(page, 'users-table').filter({ hasText: 'viewer9' }).getByText('待修改密码').waitFor()

  const fresh = await env.newPage()
  await login(fresh, 'viewer9', 'Initial@2026x')
  await fresh.waitForURL('**/password')
  await fresh.getByText('请先修改密码').waitFor()
  await screenshot(fresh, '20-must-change-password')
  // Any other page leads back here until the password is changed.
  await fresh.goto('/rounds')
  await fresh.waitForURL('**/password')
  await fresh.locator('input[name=old_password]').fill('Initial@2026x')
  await fresh.locator('input[name=new_password]').fill('Changed@2026xy')
  await fresh.locator('input[name=confirm]').fill('Changed@2026xy')
  await fresh.getByRole('button', { name: '保存' }).click()
  await fresh.waitForURL('**/rounds')
  await fresh.locator('.rounds-table').getByText('五届市委第八轮巡察').waitFor()
  // Leadership reads but does not plan.
  assert.equal(await fresh.getByRole('button', { name: '新建轮次' }).count(), 0)
})
