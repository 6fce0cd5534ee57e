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
  // A leadership account then lands on its home, 统计概览; the rounds are a menu entry away.
  await fresh.waitForURL((u) => u.pathname === '/overview')
  await fresh.locator('[data-menu=rounds]').click()
  await fresh.waitForURL('**/rounds')
  await fresh.locator('.rounds-table').getByText('五届市委第八轮巡察').waitFor()
  // Leadership reads but does not plan.
  assert.equal(await fresh.getByRole('button', { name: '新建轮次' }).count(), 0)
})

test('a clue recipient’s account names its organ; the list shows it', async () => {
  const page = await env.newPage()
  await login(page, 'office')
  await page.goto('/users')
  const org = rowsOf(page, 'users-table').filter({ hasText: 'clue_org' })
  await org.locator('.user-organ', { hasText: '组织部' }).waitFor()
  await page.getByRole('button', { name: '新建账号' }).click()
  const dialog = page.locator('.user-form')
  await dialog.locator('input[name=new_username]').fill('jw2')
  await dialog.locator('input[name=display_name]').fill('测试纪委接收人')
  assert.equal(await dialog.locator('.organ-select').count(), 0, 'only for a clue recipient')
  await choose(page, dialog.locator('.role-select'), '问题线索接收人')
  await dialog.getByText('问题线索接收人只能看到移交本机关的问题线索').waitFor()
  await dialog.locator('input[name=initial_password]').fill('Initial@2026x')
  // The organ is required: nothing is sent without it.
  let posted = 0
  const count = (r) => {
    if (r.url().endsWith('/api/v1/users') && r.method() === 'POST') posted += 1
  }
  page.on('request', count)
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('请选择接收机关').waitFor()
  assert.equal(posted, 0)
  page.off('request', count)
  await choose(page, dialog.locator('.organ-select'), '纪委监委')
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await created
  assert.equal(res.status(), 201, await res.text())
  const user = await res.json()
  assert.equal(user.role, 'clue_recipient')
  assert.equal(user.organ, 'discipline_commission')
  const row = rowsOf(page, 'users-table').filter({ hasText: 'jw2' })
  await row.locator('.user-organ', { hasText: '纪委监委' }).waitFor()

  // Disabling it sends the account as it is, its organ included.
  const put = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/users/${user.id}`) && r.request().method() === 'PUT',
  )
  await row.getByRole('button', { name: '停用' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  const changed = await put
  assert.equal(changed.status(), 200, await changed.text())
  const saved = await changed.json()
  assert.deepEqual([saved.disabled, saved.organ], [true, 'discipline_commission'])
  await row.getByText('已停用').waitFor()
})
