import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, login, screenshot, setup } from './helpers.mjs'

let env
before(async () => {
  env = await setup()
})
after(async () => {
  await env?.stop()
})

test('member1 opening a unit of another group sees 未找到', async () => {
  const office = await env.newPage()
  await login(office, 'office')
  const all = await api(office, 'GET', '/units?page_size=200')

  const member = await env.newPage()
  await login(member, 'member1')
  const mine = await api(member, 'GET', '/units?page_size=200')
  const visible = new Set(mine.body.items.map((u) => u.id))
  const other = all.body.items.find((u) => !visible.has(u.id))
  assert.ok(other, 'some unit is outside member1’s scope')

  const answered = member.waitForResponse((r) => r.url().endsWith(`/api/v1/units/${other.id}`))
  await member.goto(`/units/${other.id}`)
  assert.equal((await answered).status(), 404)
  await member.getByText('未找到').first().waitFor()
  assert.ok(!(await member.getByText(other.name).isVisible()))
  await screenshot(member, '16-member-out-of-scope')

  // A page the role may not use at all renders the same 未找到 page.
  await member.goto('/users')
  await member.getByText('未找到').first().waitFor()

  // The sidebar offers member1 only what a group role may use.
  const menu = await member.locator('.menu').innerText()
  assert.ok(menu.includes('巡察轮次') && menu.includes('巡察组') && menu.includes('被巡察单位'))
  assert.ok(!menu.includes('账号管理') && !menu.includes('操作日志'))
})
