// 受理台: a group leader registers a call, accepts it and asks to see the
// caller's identity; the custodian approves; the leader then sees the caller.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { login, rowsOf, screenshot, setup } from './helpers.mjs'

const CALLER = '赵来电'
const CALLBACK = '13900001111'

let env
let leader
let number = ''
let reportUrl = ''
before(async () => {
  env = await setup()
  leader = await env.newPage()
  await login(leader, 'leader1')
})
after(async () => {
  await env?.stop()
})

const isPost = (re) => (r) => re.test(new URL(r.url()).pathname) && r.request().method() === 'POST'

test('a leader registers a call; the inbox shows the caller masked', async () => {
  await leader.locator('[data-menu=intake]').click()
  await leader.waitForURL('**/intake')
  await leader.getByRole('button', { name: '登记来电' }).click()
  const dialog = leader.locator('.register-dialog')
  await dialog.locator('.assignment-select').click()
  await leader.locator('.el-select-dropdown__item:visible').first().click()
  await dialog.locator('.signing').getByText('实名').click()
  await dialog.locator('input[name="reporter.name"]').fill(CALLER)
  await dialog.locator('input[name="reporter.phone"]').fill(CALLBACK)
  await dialog.locator('input[name="persons.0.name"]').fill('钱某')
  await dialog.locator('input[name="persons.0.post"]').fill('副局长')
  await dialog
    .locator('textarea[name=content]')
    .fill('来电反映钱某违规使用公车接送家属。（测试数据）')
  const created = leader.waitForResponse(isPost(/^\/api\/v1\/reports$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await created
  assert.equal(res.status(), 201, await res.text())
  const report = await res.json()
  number = report.number
  assert.equal(report.channel, 'call')
  await dialog.waitFor({ state: 'hidden' })
  // The query code for the caller, shown once.
  if (report.query_code) {
    const codeBox = leader.locator('.query-code-dialog')
    await codeBox.getByText(report.query_code.match(/.{4}/g).join(' ')).waitFor()
    await codeBox.getByRole('button', { name: '我已记下' }).click()
    await codeBox.waitFor({ state: 'hidden' })
  }

  const row = rowsOf(leader, 'reports-table').filter({ hasText: number })
  await row.waitFor()
  await row.getByText('来电', { exact: true }).waitFor()
  await row.getByText('已登记').waitFor()
  const text = await leader.locator('.reports-table').innerText()
  assert.ok(!text.includes(CALLER), 'the inbox must not show the caller’s name')
  assert.ok(!text.includes(CALLBACK), 'the inbox must not show the callback number')
  await screenshot(leader, '34-intake-inbox')

  await row.getByRole('link', { name: number }).click()
  await leader.waitForURL(/\/intake\/reports\/\d+$/)
  reportUrl = new URL(leader.url()).pathname
  await leader.getByText('实名举报（身份已加密）').waitFor()
  assert.ok(!(await leader.locator('.page').innerText()).includes(CALLER))
})

test('the leader accepts the report', async () => {
  await leader.locator('.report-state', { hasText: '已登记' }).waitFor()
  await leader.locator('.move-accepted').click()
  const dialog = leader.locator('.transition-dialog')
  await dialog
    .locator('textarea[name=reason]')
    .fill('属于受理范围，反映对象为被巡察单位领导班子成员。')
  const moved = leader.waitForResponse(isPost(/\/transitions$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await moved).status(), 200)
  await leader.locator('.report-state', { hasText: '已受理' }).waitFor()
  await leader.locator('.events').getByText('已登记 → 已受理').waitFor()
})

test('the leader asks to see the caller’s identity', async () => {
  await leader.locator('.request-reveal').click()
  const dialog = leader.locator('.reveal-request-dialog')
  await dialog.locator('textarea[name=reason]').fill('需要回电核实具体时间和车辆信息。')
  const asked = leader.waitForResponse(isPost(/\/reveal-requests$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await asked).status(), 201)
  await leader.locator('.reveal-pending').waitFor()
  await dialog.waitFor({ state: 'hidden' })
  assert.equal(await leader.locator('.show-identity').count(), 0)
  await leader.locator('.report-title').scrollIntoViewIfNeeded()
  await screenshot(leader, '35-intake-report')
})

test('the custodian approves; the leader then sees the caller', async () => {
  const head = await env.newPage()
  await login(head, 'office_head')
  await head.locator('[data-menu=revealRequests]').click()
  await head.waitForURL('**/reveal-requests')
  const row = rowsOf(head, 'reveal-table').filter({ hasText: number })
  await row.waitFor()
  await screenshot(head, '36-reveal-requests')
  await row.locator('.approve').click()
  const box = head.locator('.reveal-decision')
  await box.locator('textarea').fill('同意，仅限回电核实。')
  const decided = head.waitForResponse(isPost(/\/decision$/))
  await box.getByRole('button', { name: '批准' }).click()
  assert.equal((await decided).status(), 200)
  await head.context().close()

  await leader.goto(reportUrl)
  await leader.locator('.reveal-approved').waitFor()
  const shown = leader.waitForResponse(
    (r) => r.url().endsWith('/identity') && r.request().method() === 'GET',
  )
  await leader.locator('.show-identity').click()
  assert.equal((await shown).status(), 200)
  await leader.locator('.identity').getByText(CALLER).waitFor()
  await leader.locator('.identity').getByText(CALLBACK).waitFor()
  await leader.getByText('本次查看已记入操作日志').waitFor()
})

test('an office account that is not the custodian only reads the requests', async () => {
  const office = await env.newPage()
  await login(office, 'office')
  await office.goto('/reveal-requests')
  await office.getByText('只有身份保管人可以审批').waitFor()
  assert.equal(await office.locator('.reveal-table .approve').count(), 0)
  await office.context().close()
})
