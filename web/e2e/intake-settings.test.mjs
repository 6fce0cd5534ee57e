// 受理设置 (office): a holiday added to and removed from the working-day
// calendar; the acceptance rule's working days changed (and a stale save);
// the 信访 department; a round's 答复举报人 switch reaching the public intake
// list; and the 受理台 table fitting a 1366-wide screen.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, fillDate, login, rowsOf, screenshot, setup } from './helpers.mjs'

/** 元旦 of next year: the notice the office adds each winter (a Friday). */
const DAY = '2027-01-01'
const ROUND9 = '五届市委第九轮巡察'

let env
let office
before(async () => {
  env = await setup()
  office = await env.newPage()
  await login(office, 'office')
})
after(async () => {
  await env?.stop()
})

const answer = (method, re) => (r) =>
  r.request().method() === method && re.test(new URL(r.url()).pathname)

test('the office adds a holiday, sees it listed and in the grid, and deletes it', async () => {
  await office.locator('[data-menu=intakeSettings]').click()
  await office.waitForURL('**/settings/intake')
  await office.getByText('预置数据依据国务院办公厅').waitFor()
  // The current year's seed is listed (the demo data covers 2024–2026).
  await rowsOf(office, 'calendar-table').first().waitFor()
  await screenshot(office, '37-intake-settings-calendar')

  await office.locator('.add-day').click()
  const dialog = office.locator('.calendar-day-form')
  await fillDate(office, dialog.locator('.day-date'), DAY)
  await dialog.getByText('星期五').waitFor()
  await dialog.locator('.day-kind').getByText('放假').click()
  await dialog.locator('input[name=name]').fill('元旦')
  const put = office.waitForResponse(answer('PUT', new RegExp(`/api/v1/calendar/${DAY}$`)))
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await put
  assert.equal(res.status(), 200, await res.text())
  assert.deepEqual(await res.json(), { date: DAY, kind: 'holiday', name: '元旦' })
  await dialog.waitFor({ state: 'hidden' })

  // The page switches to the saved day's year.
  await office.locator('.year-select').getByText('2027年').waitFor()
  const row = rowsOf(office, 'calendar-table').filter({ hasText: DAY })
  await row.waitFor()
  await row.getByText('星期五').waitFor()
  await row.getByText('放假').waitFor()
  await row.getByText('元旦').waitFor()
  assert.match(
    (await office.locator(`.calendar-grid [data-date="${DAY}"]`).getAttribute('class')) ?? '',
    /\bholiday\b/,
  )
  await office.getByText('2027年：放假 1 天，调休上班 0 天').waitFor()

  await row.locator('.delete-day').click()
  const box = office.locator('.confirm-delete-day')
  await box.getByText(`确定从日历中删除 ${DAY}（元旦）吗？`).waitFor()
  const del = office.waitForResponse(answer('DELETE', new RegExp(`/api/v1/calendar/${DAY}$`)))
  await box.getByRole('button', { name: '删除' }).click()
  assert.equal((await del).status(), 204)
  await row.waitFor({ state: 'detached' })
  await office.getByText('2027年尚未录入节假日安排').waitFor()
  const listed = await api(office, 'GET', '/calendar')
  assert.ok(!listed.body.items.some((d) => d.date === DAY), 'the day must be unlisted')
})

test('the office changes the acceptance rule; a stale save keeps the input', async () => {
  await office.getByRole('tab', { name: '告知期限规则' }).click()
  const row = rowsOf(office, 'rules-table').filter({ hasText: '受理告知' }).first()
  await row.getByText('15 个工作日').waitFor()
  await row.locator('.edit-rule').click()
  const dialog = office.locator('.deadline-rule-form')
  const days = dialog.locator('.working-days input')
  await days.fill('20')
  await days.press('Tab')
  const put = office.waitForResponse(answer('PUT', /^\/api\/v1\/deadline-rules\/\d+$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await put
  assert.equal(res.status(), 200, await res.text())
  const rule = await res.json()
  assert.equal(rule.kind, 'acceptance_notice')
  assert.equal(rule.working_days, 20)
  await dialog.waitFor({ state: 'hidden' })
  await row.getByText('20 个工作日').waitFor()
  await screenshot(office, '38-intake-settings-rules')
  const rules = await api(office, 'GET', '/deadline-rules')
  assert.equal(rules.body.items.find((r) => r.id === rule.id).working_days, 20)

  // Someone else saves the rule while the dialog is open: 409, input kept.
  await row.locator('.edit-rule').click()
  await days.fill('25')
  await days.press('Tab')
  const other = await api(office, 'PUT', `/deadline-rules/${rule.id}`, {
    kind: rule.kind,
    working_days: 21,
    effective_from: rule.effective_from,
    effective_to: rule.effective_to,
    note: rule.note,
    version: rule.version,
  })
  assert.equal(other.status, 200)
  const stale = office.waitForResponse(answer('PUT', /^\/api\/v1\/deadline-rules\/\d+$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await stale).status(), 409)
  await dialog.locator('.stale-alert').getByText('数据已被他人修改，请刷新后重试').waitFor()
  assert.equal(await days.inputValue(), '25')
  await dialog.getByRole('button', { name: '取消' }).click()
  await dialog.waitFor({ state: 'hidden' })
})

test('the office sets the 信访 department shown on the public form', async () => {
  await office.getByRole('tab', { name: '信访部门' }).click()
  const form = office.locator('.petition-office-form')
  assert.equal(await form.locator('input[name=name]').inputValue(), '市信访局')
  await form.locator('input[name=address]').fill('市行政中心东楼一层')
  await form.locator('input[name=phone]').fill('0000-12345678')
  await form
    .locator('.preview')
    .getByText('市信访局反映：市行政中心东楼一层 0000-12345678')
    .waitFor()
  const put = office.waitForResponse(answer('PUT', /^\/api\/v1\/settings\/petition-office$/))
  await form.locator('.save-petition-office').click()
  assert.equal((await put).status(), 200)
  const intake = await office.request.get('/api/v1/public/intake')
  assert.deepEqual((await intake.json()).petition_office, {
    name: '市信访局',
    address: '市行政中心东楼一层',
    phone: '0000-12345678',
  })
})

test('turning off 答复举报人 on round 9 stops replies for its intake items', async () => {
  await office.locator('[data-menu=rounds]').click()
  await office.waitForURL('**/rounds')
  await office.locator('.rounds-table').getByRole('link', { name: ROUND9 }).click()
  await office.waitForURL(/\/rounds\/\d+$/)
  await office.locator('.reporter-replies-value', { hasText: '是' }).waitFor()
  await office.locator('.edit-round').click()
  const dialog = office.locator('.round-form')
  const toggle = dialog.locator('.reporter-replies')
  await dialog.getByText('关闭后，本轮巡察受理的举报不通过系统答复').waitFor()
  assert.match((await toggle.getAttribute('class')) ?? '', /is-checked/)
  await office.locator('.dialog-fade-enter-active').waitFor({ state: 'detached' })
  await screenshot(office, '39-round-reporter-replies')
  await toggle.click()
  assert.doesNotMatch((await toggle.getAttribute('class')) ?? '', /is-checked/)
  const put = office.waitForResponse(answer('PUT', /^\/api\/v1\/rounds\/\d+$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await put
  assert.equal(res.status(), 200, await res.text())
  assert.equal(res.request().postDataJSON().reporter_replies, false)
  assert.equal((await res.json()).reporter_replies, false)
  await dialog.waitFor({ state: 'hidden' })
  await office.locator('.reporter-replies-value', { hasText: '否' }).waitFor()

  const intake = await (await office.request.get('/api/v1/public/intake')).json()
  const mine = intake.items.filter((i) => i.round_name === ROUND9)
  assert.ok(mine.length > 0, 'round 9 must be taking reports in the demo data')
  for (const i of mine) assert.equal(i.replies_allowed, false, i.unit_name)
})

test('the 受理台 table fits a 1366-wide screen with the sidebar', async () => {
  await office.locator('[data-menu=intake]').click()
  await office.waitForURL('**/intake')
  await rowsOf(office, 'reports-table').first().waitFor()
  const fit = await office.evaluate(() => {
    const table = globalThis.document.querySelector('.reports-table')
    const wrap = table.querySelector('.el-table__body-wrapper .el-scrollbar__wrap')
    const due = [...table.querySelectorAll('.el-table__header th')].find(
      (th) => th.textContent.trim() === '期限',
    )
    return {
      scroll: wrap.scrollWidth,
      client: wrap.clientWidth,
      dueRight: due.getBoundingClientRect().right,
      viewport: globalThis.innerWidth,
    }
  })
  assert.ok(fit.scroll <= fit.client, `table scrolls: ${fit.scroll} > ${fit.client}`)
  assert.ok(fit.dueRight <= fit.viewport, `期限 ends at ${fit.dueRight}`)
  await screenshot(office, '40-intake-inbox-office')
})
