import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, choose, fillDate, login, rowsOf, screenshot, setup } from './helpers.mjs'

let env
let page
let round
let assignment
before(async () => {
  env = await setup()
  page = await env.newPage()
  await login(page, 'office')
  // Setup through the API: an inspector who once worked at a unit that a
  // group of the current round inspects.
  const rounds = await api(page, 'GET', '/rounds?q=' + encodeURIComponent('第九轮'))
  round = rounds.body.items.find((r) => r.name.includes('第九轮'))
  assert.ok(round, 'demo round 9 exists')
  const list = await api(page, 'GET', `/assignments?round_id=${round.id}`)
  assignment = list.body.items[0]
  assert.ok(assignment, 'round 9 has an assignment')
  const created = await api(page, 'POST', '/inspectors', {
    name: '回避测试干部',
    employer: '市委办公室',
    post: '二级调研员',
    phone: '',
    history: [
      {
        org_name: assignment.unit_name,
        unit_id: assignment.unit_id,
        from: '2019-01-01',
        to: null,
      },
    ],
    relations: [],
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
})
after(async () => {
  await env?.stop()
})

test('adding an inspector who worked at the unit is refused with the reason; office may override', async () => {
  await page.goto(`/rounds/${round.id}`)
  const row = rowsOf(page, 'groups-table').filter({ hasText: assignment.group_name })
  await row.getByRole('button', { name: '添加成员' }).click()
  const dialog = page.locator('.add-member-dialog')
  await dialog.locator('.inspector-select').click()
  await dialog.locator('.inspector-select input').fill('回避测试')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '回避测试干部' }).click()

  const refused = page.waitForResponse(
    (r) => r.url().includes('/members') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '确定' }).click()
  const res = await refused
  assert.equal(res.status(), 409, res.request().postData() + ' -> ' + (await res.text()))
  const { error } = await res.json()
  assert.equal(error.key, 'recusal')
  await dialog.locator('.recusal-table').getByText(assignment.unit_name).waitFor()
  await screenshot(page, '15-recusal-refused')

  await dialog.getByRole('button', { name: '说明理由并强制指派' }).click()
  await dialog.getByRole('button', { name: '确认强制指派' }).click()
  await dialog.getByText('请填写强制指派理由').waitFor()
  await dialog
    .locator('.override-reason textarea')
    .fill('该同志已离开该单位多年，且熟悉相关业务，经研究同意指派。')
  const accepted = page.waitForResponse(
    (r) => r.url().includes('/members') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '确认强制指派' }).click()
  const ok = await accepted
  assert.equal(ok.status(), 201)
  assert.equal(JSON.parse(ok.request().postData()).override_reason.length > 0, true)
  await dialog.waitFor({ state: 'hidden' })
  await row.getByText('回避测试干部').waitFor()
})

test('assigning a group to a unit one of its members worked at is refused; office may override', async () => {
  // An inspector who worked at a unit that round 9 does not inspect yet.
  const units = await api(page, 'GET', '/units?page_size=200')
  const assigned = new Set(
    (await api(page, 'GET', `/assignments?round_id=${round.id}`)).body.items.map((a) => a.unit_id),
  )
  const unit = units.body.items.find((u) => !assigned.has(u.id))
  assert.ok(unit, 'a unit free in round 9')
  const inspector = await api(page, 'POST', '/inspectors', {
    name: '单位回避干部',
    employer: '市委办公室',
    post: '科员',
    phone: '',
    history: [{ org_name: unit.name, unit_id: unit.id, from: '2020-01-01', to: null }],
    relations: [],
  })
  assert.equal(inspector.status, 201)
  const member = await api(page, 'POST', `/groups/${assignment.group_id}/members`, {
    inspector_id: inspector.body.id,
    role: 'member',
  })
  assert.equal(member.status, 201, JSON.stringify(member.body))

  await page.goto(`/rounds/${round.id}`)
  await page.getByRole('tab', { name: '被巡察单位/进驻安排' }).click()
  await page.getByRole('button', { name: '新增进驻安排' }).click()
  const dialog = page.locator('.assignment-form')
  await choose(page, dialog.locator('.group-select'), assignment.group_name)
  await choose(page, dialog.locator('.unit-select'), unit.name)
  await fillDate(page, dialog.locator('.station-start'), '2027-02-01')
  await fillDate(page, dialog.locator('.station-end'), '2027-03-31')
  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/assignments') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await refused).status(), 409)
  await dialog
    .locator('.recusal-table')
    .getByText(/单位回避干部/)
    .waitFor()
  await screenshot(page, '15b-assignment-recusal')

  await dialog.getByRole('button', { name: '说明理由并强制指派' }).click()
  await dialog.locator('.override-reason textarea').fill('经领导小组研究同意，由该组进驻。')
  const accepted = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/assignments') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await accepted).status(), 201)
  await rowsOf(page, 'assignments-table').getByText(unit.name).waitFor()
})
