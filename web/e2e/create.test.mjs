import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, fillDate, login, rowsOf, screenshot, setup } from './helpers.mjs'

let env
let page
before(async () => {
  env = await setup()
  page = await env.newPage()
  await login(page, 'office')
})
after(async () => {
  await env?.stop()
})

test('the new-round form validates like the server', async () => {
  await page.goto('/rounds')
  await page.getByRole('button', { name: '新建轮次' }).click()
  const dialog = page.locator('.round-form')
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('请填写轮次名称').waitFor()
  await dialog.getByText('请选择巡察类型').waitFor()
  await fillDate(page, dialog.locator('.start-date'), '2027-05-01')
  await fillDate(page, dialog.locator('.end-date'), '2027-04-01')
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('结束日期不能早于开始日期').waitFor()
  await screenshot(page, '12-round-form-validation')
  await dialog.getByRole('button', { name: '取消' }).click()
})

test('the server’s 422 field errors appear on the matching field', async () => {
  await page.goto('/rounds')
  await page.getByRole('button', { name: '新建轮次' }).click()
  const dialog = page.locator('.round-form')
  await dialog
    .locator('.term-select .el-select__selected-item:not(.is-transparent)')
    .first()
    .waitFor()
  // Round 8 of this term exists already.
  await dialog.locator('.number-input input').fill('8')
  await dialog.locator('input[name=name]').fill('重复编号的轮次')
  await dialog.getByText('常规', { exact: true }).click()
  await fillDate(page, dialog.locator('.start-date'), '2027-03-01')
  await fillDate(page, dialog.locator('.end-date'), '2027-06-30')
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/rounds') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await answer
  assert.equal(res.status(), 422)
  const { error } = await res.json()
  assert.ok(error.fields.number, 'the server names the number field')
  await dialog
    .locator('.el-form-item', { has: page.getByText('轮次序号', { exact: true }) })
    .locator('.el-form-item__error', { hasText: error.fields.number })
    .waitFor()
  // The dialog keeps the input.
  assert.equal(await dialog.locator('input[name=name]').inputValue(), '重复编号的轮次')
  await screenshot(page, '12b-round-form-server-errors')
  await dialog.getByRole('button', { name: '取消' }).click()
  await dialog.waitFor({ state: 'hidden' })
})

test('office creates a round, a group in it and an assignment', async () => {
  await page.goto('/rounds')
  await page.getByRole('button', { name: '新建轮次' }).click()
  const dialog = page.locator('.round-form')
  await dialog.locator('.term-select').waitFor()
  // The current term is preselected once the terms have loaded.
  await dialog
    .locator('.term-select .el-select__selected-item:not(.is-transparent)')
    .first()
    .waitFor()
  await dialog.locator('.number-input input').fill('10')
  await dialog.locator('input[name=name]').fill('五届市委第十轮巡察（测试）')
  await dialog.getByText('专项', { exact: true }).click()
  await fillDate(page, dialog.locator('.start-date'), '2027-03-01')
  await fillDate(page, dialog.locator('.end-date'), '2027-06-30')
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/rounds') && r.request().method() === 'POST',
  )
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await created).status(), 201)
  await page.waitForURL(/\/rounds\/\d+$/)
  await page.locator('.round-title').getByText('五届市委第十轮巡察（测试）').waitFor()

  await page.getByRole('button', { name: '新建巡察组' }).click()
  const gdialog = page.locator('.group-form')
  assert.equal(await gdialog.locator('input[name=group_name]').inputValue(), '第一巡察组')
  await gdialog.locator('input[name=duty_phone]').fill('0000-12345678')
  const gcreated = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/groups') && r.request().method() === 'POST',
  )
  await gdialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await gcreated).status(), 201)
  await rowsOf(page, 'groups-table').getByText('第一巡察组').waitFor()

  await page.getByRole('tab', { name: '被巡察单位/进驻安排' }).click()
  await page.getByRole('button', { name: '新增进驻安排' }).click()
  const adialog = page.locator('.assignment-form')
  await choose(page, adialog.locator('.group-select'), '第一巡察组')
  await choose(page, adialog.locator('.unit-select'), '市政府研究室')
  await fillDate(page, adialog.locator('.station-start'), '2027-03-10')
  await fillDate(page, adialog.locator('.station-end'), '2027-05-10')
  await fillDate(page, adialog.locator('.notice-date'), '2027-03-10')
  const acreated = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/assignments') && r.request().method() === 'POST',
  )
  await adialog.getByRole('button', { name: '保存' }).click()
  const ares = await acreated
  assert.equal(ares.status(), 201, await ares.text())
  await rowsOf(page, 'assignments-table').getByText('市政府研究室').waitFor()
  await adialog.waitFor({ state: 'hidden' })
  await screenshot(page, '13-new-round-assignments')

  await page.getByRole('tab', { name: '时间轴' }).click()
  await page.locator('.timeline-chart canvas').waitFor()
  await screenshot(page, '14-new-round-timeline')
})

test('office adds, renames and deletes focus items', async () => {
  await page.getByRole('tab', { name: '巡察重点' }).click()
  await page.getByRole('button', { name: '添加一级重点' }).click()
  const box = page.locator('.focus-prompt')
  await box.locator('input').fill('测试重点甲')
  await box.getByRole('button', { name: '确定' }).click()
  const node = page.locator('.focus-tree .focus-node', { hasText: '测试重点甲' })
  await node.waitFor()
  await node.getByRole('button', { name: '重命名' }).click()
  await box.locator('input').fill('测试重点乙')
  await box.getByRole('button', { name: '确定' }).click()
  const renamed = page.locator('.focus-tree .focus-node', { hasText: '测试重点乙' })
  await renamed.waitFor()
  await renamed.getByRole('button', { name: '删除' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
  await renamed.waitFor({ state: 'detached' })
})
