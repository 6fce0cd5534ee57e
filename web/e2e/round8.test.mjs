import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { login, rowsOf, screenshot, setup } from './helpers.mjs'

const UNITS = [
  '市委宣传部',
  '市委统战部',
  '市委直属机关工委',
  '市史志研究中心',
  '市中级人民法院',
  '市应急管理局',
  '市政府研究室',
]

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

test('round 8 shows its 4 groups, 7 units and the demo tag', async () => {
  await page.waitForURL('**/rounds')
  await page.locator('.rounds-table').getByRole('link', { name: '五届市委第八轮巡察' }).click()
  await page.waitForURL(/\/rounds\/\d+$/)
  await page.locator('.round-title').getByText('五届市委第八轮巡察').waitFor()
  await page.locator('.round-title .demo-tag').getByText('示例数据').waitFor()

  const groups = rowsOf(page, 'groups-table')
  await groups.first().waitFor()
  assert.equal(await groups.count(), 4)
  await screenshot(page, '05-round8-groups')

  await page.getByRole('tab', { name: '被巡察单位/进驻安排' }).click()
  const rows = rowsOf(page, 'assignments-table')
  await rows.first().waitFor()
  assert.equal(await rows.count(), 7)
  const text = await page.locator('.assignments-table').innerText()
  for (const unit of UNITS) assert.ok(text.includes(unit), `${unit} is listed`)
  await screenshot(page, '06-round8-assignments')

  await page.getByRole('tab', { name: '巡察重点' }).click()
  await page.locator('.focus-tree .el-tree-node').first().waitFor()
  await screenshot(page, '07-round8-focus')

  await page.getByRole('tab', { name: '时间轴' }).click()
  await page.locator('.timeline-chart canvas').waitFor()
  await screenshot(page, '08-round8-timeline')
})

test('an assignment shows its announcement with a print button', async () => {
  await page.getByRole('tab', { name: '被巡察单位/进驻安排' }).click()
  await rowsOf(page, 'assignments-table').first().getByRole('button', { name: '查看公告' }).click()
  await page.waitForURL(/\/assignments\/\d+$/)
  await page.locator('.announcement h1').waitFor()
  await page.getByRole('button', { name: '打印' }).waitFor()
  const text = await page.locator('.announcement-text').innerText()
  assert.ok(text.length > 20, 'the announcement has text')
  await screenshot(page, '09-announcement')
})

test('group and unit detail pages', async () => {
  await page.locator('.el-descriptions').getByRole('link').first().click()
  await page.waitForURL(/\/groups\/\d+$/)
  await page.locator('.members-table').waitFor()
  await screenshot(page, '10-group-detail')

  await page.goto('/units')
  await page.locator('.units-table').getByRole('link', { name: '市委宣传部' }).click()
  await page.waitForURL(/\/units\/\d+$/)
  await page.locator('.leaders-table').waitFor()
  await page.getByRole('tab', { name: /领导班子/ }).waitFor()
  await page.getByRole('tab', { name: /下一级党组织负责人/ }).waitFor()
  await screenshot(page, '11-unit-detail')
})
