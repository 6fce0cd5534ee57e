// 附件 on the public form (phone): the browser's limits, a type the server
// refuses shown next to that file, then a report with a photo and a text file
// → receipt; the group leader sees both files, the photo stripped of its
// metadata, and opens the text in a new tab.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, choose, login, rowsOf, screenshot, setup } from './helpers.mjs'

// A 2x2 PNG with a tEXt chunk ("Comment: GPS 31.2304N 121.4737E") the server must drop.
const PNG_B64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAHnRFWHRDb21tZW50AEdQUyAzMS4yMzA0TiAxMjEuNDczN0UXGckgAAAAEUlEQVR4nGP4z8DwnwGMgRQAH+4D/dJQfRoAAAAASUVORK5CYII='
const PNG = Buffer.from(PNG_B64, 'base64')
const TEXT = '补充材料：2025年3月项目资金拨付明细见附表。（测试数据）\n'
const photo = { name: '现场照片.png', mimeType: 'image/png', buffer: PNG }
const note = { name: '补充说明.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT, 'utf8') }
// A zip archive (not a Word or Excel file) by its bytes, whatever its name says.
const archive = {
  name: '发票.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]),
}

let env
let page
let receipt
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
  // Group 1 at 市财政局: leader1's group.
  await page
    .locator('.intake-item.is-open', { hasText: '市财政局' })
    .first()
    .locator('.item-title')
    .click()
  await page.locator('.intake-item.is-chosen').waitFor()
}

test('the form checks the limits in the browser, then shows the server’s refusal by the file', async () => {
  await openForm()
  const form = page.locator('.report-form')
  const block = form.locator('.attachments-block')
  await block.getByText('照片、PDF、文字材料、录音等，最多10个，单个不超过10MB').waitFor()
  await block.getByText('照片等附件上传前会自动去除拍摄地点等隐藏信息').waitFor()
  const input = block.locator('input[type=file]')
  const rows = block.locator('.file-row')

  // Over 10 MB: marked in the browser, nothing is sent.
  let posted = 0
  const count = (r) => {
    if (r.url().endsWith('/api/v1/public/reports') && r.method() === 'POST') posted++
  }
  page.on('request', count)
  await input.setInputFiles([
    photo,
    { name: '录像.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) },
  ])
  await rows.nth(1).locator('.file-error', { hasText: '单个文件不能超过10MB' }).waitFor()
  await rows.nth(0).getByText('116 B').waitFor()
  await form.locator('input[name="persons.0.name"]').fill('张某某')
  await form.locator('textarea[name=content]').fill('张某某违规发放补贴。（测试数据）')
  await form.getByRole('button', { name: '提交' }).click()
  await form.locator('.files-item .el-form-item__error', { hasText: '请移除标红的附件' }).waitFor()
  await screenshot(page, '37-public-attachments-limits')
  page.off('request', count)
  assert.equal(posted, 0, 'nothing is sent while a file is over the limit')
  await rows.nth(1).getByRole('button', { name: /移除/ }).click()
  await rows.nth(1).waitFor({ state: 'detached' })
  await form.locator('.files-item .el-form-item__error').waitFor({ state: 'detached' })

  // An archive named .pdf: the server decides by content and names file 1.
  await input.setInputFiles([archive])
  await rows.nth(1).getByText('发票.pdf').waitFor()
  const answer = page.waitForResponse(isPost('/api/v1/public/reports'))
  await form.getByRole('button', { name: '提交' }).click()
  const res = await answer
  assert.match(res.request().headers()['content-type'] ?? '', /^multipart\/form-data; boundary=/)
  assert.equal(res.status(), 400, await res.text())
  const { error } = await res.json()
  assert.equal(error.key, 'file_type_not_allowed')
  assert.ok(error.fields['files.1'], JSON.stringify(error))
  await rows.nth(1).locator('.file-error', { hasText: error.fields['files.1'] }).waitFor()
  assert.equal(await rows.nth(0).locator('.file-error').count(), 0)
  await rows.nth(1).getByRole('button', { name: /移除/ }).click()
  await rows.nth(1).waitFor({ state: 'detached' })
})

test('a report with a photo and a text file gets a receipt', async () => {
  const form = page.locator('.report-form')
  const block = form.locator('.attachments-block')
  await block.locator('input[type=file]').setInputFiles([note])
  await block.locator('.file-row').nth(1).getByText('补充说明.txt').waitFor()
  await block.getByText('已选 2 个文件').waitFor()
  const answer = page.waitForResponse(isPost('/api/v1/public/reports'))
  await form.getByRole('button', { name: '提交' }).click()
  const res = await answer
  assert.match(res.request().headers()['content-type'] ?? '', /^multipart\/form-data; boundary=/)
  assert.equal(res.status(), 201, await res.text())
  receipt = await res.json()
  await page.locator('.receipt .receipt-number', { hasText: receipt.number }).waitFor()

  // The next report starts without files and goes as JSON again.
  await page.locator('.receipt').getByRole('button', { name: '再写一封' }).click()
  await page.locator('.report-form .attachments-block').waitFor()
  assert.equal(await page.locator('.attachments-block .file-row').count(), 0)
})

test('the leader sees both files, the photo stripped, and opens the text', async () => {
  assert.ok(receipt, 'the report was submitted')
  const leader = await env.newPage()
  await login(leader, 'leader1')
  await leader.goto('/intake')
  await rowsOf(leader, 'reports-table').first().waitFor()
  const listed = leader.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/reports' && r.url().includes('channel=web'),
  )
  await choose(leader, leader.locator('.channel-filter'), '网上举报')
  assert.equal((await listed).status(), 200)
  // Newest first: the report just sent is on top.
  const first = rowsOf(leader, 'reports-table').first()
  await first.getByRole('link', { name: receipt.number }).waitFor()
  const opened = leader.waitForResponse(
    (r) => /\/api\/v1\/reports\/\d+$/.test(new URL(r.url()).pathname) && r.ok(),
  )
  await first.getByRole('link', { name: receipt.number }).click()
  const report = await (await opened).json()
  assert.equal(report.files.length, 2)
  assert.equal(report.files_readable, true)

  const card = leader.locator('.files-card')
  const rows = rowsOf(leader, 'files-table')
  await rows.nth(1).waitFor()
  const pngRow = rows.filter({ hasText: '现场照片.png' })
  const txtRow = rows.filter({ hasText: '补充说明.txt' })
  await pngRow.getByText('已去除元数据').waitFor()
  await pngRow.getByText('图片').waitFor()
  await txtRow.getByText('文本').waitFor()
  assert.equal(await txtRow.getByText('已去除元数据').count(), 0)
  await card.getByText('共 2 个').waitFor()
  await card.locator('.files-table').scrollIntoViewIfNeeded()
  await screenshot(leader, '38-report-attachments')

  // The stored photo has lost its text chunk.
  const png = report.files.find((f) => f.filename === '现场照片.png')
  const raw = await leader.request.get(`/api/v1/reports/${report.id}/files/${png.id}`)
  assert.equal(raw.status(), 200)
  const bytes = await raw.body()
  assert.ok(bytes.subarray(0, 8).equals(PNG.subarray(0, 8)), 'still a PNG')
  assert.ok(!bytes.includes('GPS'), 'the GPS comment is gone')
  assert.equal(png.size, bytes.length)

  // 查看 opens the file inline in a new tab, with the session cookie.
  const txt = report.files.find((f) => f !== png)
  const fileUrl = `/api/v1/reports/${report.id}/files/${txt.id}`
  const direct = await leader.request.get(fileUrl)
  assert.equal(await direct.text(), TEXT, 'the stored text is what was sent')
  const response = leader
    .context()
    .waitForEvent('response', (r) => new URL(r.url()).pathname === fileUrl)
  const [tab] = await Promise.all([
    leader.context().waitForEvent('page'),
    txtRow.getByRole('link', { name: '查看' }).click(),
  ])
  const served = await response
  assert.equal(served.status(), 200)
  const headers = served.headers()
  assert.match(headers['content-type'], /^text\/plain/)
  assert.match(headers['content-disposition'], /^inline/)
  assert.equal(headers['x-content-type-options'], 'nosniff')
  await tab.waitForLoadState()
  const shown = (await tab.locator('body').innerText()).trim()
  await tab.close()
  await leader.context().close()
  // What the reader sees: UTF-8 Chinese text needs `charset=utf-8` on the Content-Type.
  assert.equal(
    shown,
    TEXT.trim(),
    `the tab shows the text (Content-Type: ${headers['content-type']})`,
  )
  // The file is shown under a sandboxing policy, never run as the app.
  assert.match(headers['content-security-policy'], /sandbox/, 'a sandboxing CSP')
})
