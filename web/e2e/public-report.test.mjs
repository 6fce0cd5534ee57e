// The public pages on a phone: 网上举报 → receipt with the one-time query code →
// 查询办理情况 with that code, and a message to the group.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, screenshot, setup } from './helpers.mjs'

const REPORTER = '王测试员'
const PHONE_NUMBER = '13812345678'

let env
let page
before(async () => {
  env = await setup()
  page = await env.newPage(PHONE)
})
after(async () => {
  await env?.stop()
})

const isPost = (path) => (r) => r.url().endsWith(path) && r.request().method() === 'POST'

async function openForm() {
  const intake = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/intake'))
  await page.goto('/report')
  assert.equal((await intake).status(), 200)
  await page.getByText('巡察组网上信箱').waitFor()
  // No staff layout, no session probe.
  assert.equal(await page.locator('.el-aside').count(), 0)
  await page.locator('.intake-item.is-open .item-title').first().click()
  await page.locator('.intake-item.is-chosen').waitFor()
}

test('closed items are disabled with the petition office to turn to', async () => {
  await openForm()
  await screenshot(page, '30-public-report-form')
  const closed = page.locator('.intake-item.is-closed')
  if ((await closed.count()) > 0) {
    await closed.first().getByText('本轮巡察受理已截止').waitFor()
    await closed.first().click({ force: true })
    assert.equal(await closed.first().getAttribute('aria-checked'), 'false')
  }
})

test('an empty report shows the field errors, first in the browser, then from the server', async () => {
  await openForm()
  const form = page.locator('.report-form')
  await form.getByRole('button', { name: '提交' }).click()
  await form.locator('.content-item .el-form-item__error', { hasText: '请填写反映内容' }).waitFor()
  await form
    .locator('.persons-item .el-form-item__error', { hasText: '请至少填写一名被反映人' })
    .waitFor()

  // Blanks pass the browser's check; the server answers 422 on the content field.
  await form.locator('input[name="persons.0.name"]').fill('张某某')
  await form.locator('textarea[name=content]').fill('   ')
  const answer = page.waitForResponse(isPost('/api/v1/public/reports'))
  await form.getByRole('button', { name: '提交' }).click()
  const res = await answer
  assert.equal(res.status(), 422)
  const { error } = await res.json()
  assert.ok(error.fields.content, 'the server names the content field')
  await form
    .locator('.content-item .el-form-item__error', { hasText: error.fields.content })
    .waitFor()
  await form.locator('.persons-item .el-form-item__error').waitFor({ state: 'detached' })
  await screenshot(page, '31-public-report-errors')
})

test('a named report gets a receipt, and its code shows the status and takes a message', async () => {
  await openForm()
  const form = page.locator('.report-form')
  await form.locator('input[name="persons.0.name"]').fill('张某某')
  await form.locator('input[name="persons.0.unit"]').fill('市财政局')
  await form.locator('input[name="persons.0.post"]').fill('科长')
  await form.getByRole('button', { name: '添加被反映人' }).click()
  await form.locator('input[name="persons.1.name"]').fill('李某')
  await form
    .locator('textarea[name=content]')
    .fill('张某某在办理项目资金拨付时多次收受服务对象购物卡，李某知情。（测试数据）')
  await form.locator('input[name=happened]').fill('今年上半年')
  await form.locator('input[name=place]').fill('市财政局办公楼')
  await form.locator('.signing').getByText('实名').click()
  await form.getByText('加密保存').waitFor()
  await form.locator('input[name="reporter.name"]').fill(REPORTER)
  await form.locator('input[name="reporter.phone"]').fill(PHONE_NUMBER)

  const answer = page.waitForResponse(isPost('/api/v1/public/reports'))
  await form.getByRole('button', { name: '提交' }).click()
  const res = await answer
  assert.equal(res.status(), 201, await res.text())
  const receipt = await res.json()
  assert.match(receipt.query_code, /^\d{16}$/)

  const card = page.locator('.receipt')
  await card.waitFor()
  assert.equal((await card.locator('.receipt-number').innerText()).trim(), receipt.number)
  const shown = (await card.locator('.receipt-code').innerText()).trim()
  assert.match(shown, /^\d{4} \d{4} \d{4} \d{4}$/)
  assert.equal(shown.replace(/ /g, ''), receipt.query_code)
  await card.getByText('查询码只显示这一次，请抄写或打印保存').waitFor()
  await card.getByRole('button', { name: '打印回执' }).waitFor()
  // The receipt never echoes who the reporter is.
  const text = await page.locator('body').innerText()
  assert.ok(!text.includes(REPORTER), 'the receipt must not show the reporter’s name')
  assert.ok(!text.includes(PHONE_NUMBER), 'the receipt must not show the reporter’s phone')
  await screenshot(page, '32-public-receipt')

  await card.getByRole('link', { name: '查询办理情况' }).click()
  await page.waitForURL('**/report/status')

  // A wrong code.
  const codeInput = page.locator('input[name=query_code]')
  const wrong = receipt.query_code.startsWith('0') ? '1' : '0'
  await codeInput.fill(wrong + receipt.query_code.slice(1))
  const miss = page.waitForResponse(isPost('/api/v1/public/reports/status'))
  await page.getByRole('button', { name: '查询' }).click()
  assert.equal((await miss).status(), 404)
  await page.getByText('查询码不正确').waitFor()

  // The right one, typed with dashes.
  await codeInput.fill(receipt.query_code.match(/.{4}/g).join('-'))
  const hit = page.waitForResponse(isPost('/api/v1/public/reports/status'))
  await page.getByRole('button', { name: '查询' }).click()
  const statusRes = await hit
  assert.equal(statusRes.status(), 200)
  const status = await statusRes.json()
  await page.locator('.status-number', { hasText: receipt.number }).waitFor()
  await page.locator('.status-state', { hasText: '已登记' }).waitFor()
  assert.ok(!(await page.locator('body').innerText()).includes(receipt.query_code))

  if (status.replies_allowed) {
    await page.locator('textarea[name=message]').fill('补充：有关购物卡的发票复印件可以提供。')
    const sent = page.waitForResponse(isPost('/api/v1/public/reports/messages'))
    await page.getByRole('button', { name: '发送' }).click()
    assert.equal((await sent).status(), 201)
    await page
      .locator('.message.from-reporter', { hasText: '补充：有关购物卡的发票复印件可以提供。' })
      .waitFor()
  }
  await screenshot(page, '33-public-status')
})
