// 附件 for the staff: a leader registers a letter with the scan of its page
// (multipart POST /reports), then adds files to an existing report (添加附件)
// after the browser has refused too many files.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, login, rowsOf, screenshot, setup } from './helpers.mjs'

// A 2x2 PNG with a tEXt chunk, standing in for a scanned page.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAHnRFWHRDb21tZW50AEdQUyAzMS4yMzA0TiAxMjEuNDczN0UXGckgAAAAEUlEQVR4nGP4z8DwnwGMgRQAH+4D/dJQfRoAAAAASUVORK5CYII=',
  'base64',
)
const scan = (n) => ({ name: `来信第${n}页.png`, mimeType: 'image/png', buffer: PNG })
const text = (name, body) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body, 'utf8') })

let env
let leader
before(async () => {
  env = await setup()
  leader = await env.newPage()
  await login(leader, 'leader1')
})
after(async () => {
  await env?.stop()
})

const isPost = (re) => (r) => re.test(new URL(r.url()).pathname) && r.request().method() === 'POST'

test('a letter is registered with the scan of its page', async () => {
  await leader.goto('/intake')
  await leader.getByRole('button', { name: '登记来信' }).click()
  const dialog = leader.locator('.register-dialog')
  await dialog.getByText('请上传信件每一页的扫描件').waitFor()
  await choose(leader, dialog.locator('.assignment-select'), '市财政局')
  await dialog.locator('input[name="persons.0.name"]').fill('周某')
  await dialog
    .locator('textarea[name=content]')
    .fill('来信反映周某在政府采购中指定供应商。（测试数据，原信扫描件见附件）')
  await dialog.locator('input[type=file]').setInputFiles([scan(1)])
  await dialog.locator('.file-row', { hasText: '来信第1页.png' }).getByText('116 B').waitFor()

  const created = leader.waitForResponse(isPost(/^\/api\/v1\/reports$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await created
  assert.match(res.request().headers()['content-type'] ?? '', /^multipart\/form-data; boundary=/)
  assert.equal(res.status(), 201, await res.text())
  const report = await res.json()
  assert.equal(report.channel, 'letter')
  assert.equal(report.files.length, 1)
  assert.equal(report.files[0].filename, '来信第1页.png')
  assert.equal(report.files[0].stripped, true)
  await dialog.waitFor({ state: 'hidden' })
  if (report.query_code) {
    const codeBox = leader.locator('.query-code-dialog')
    await codeBox.getByRole('button', { name: '我已记下' }).click()
    await codeBox.waitFor({ state: 'hidden' })
  }

  await rowsOf(leader, 'reports-table')
    .filter({ hasText: report.number })
    .getByRole('link', { name: report.number })
    .click()
  await leader.waitForURL(`**/intake/reports/${report.id}`)
  const row = rowsOf(leader, 'files-table').filter({ hasText: '来信第1页.png' })
  await row.getByText('已去除元数据').waitFor()
})

test('添加附件 on an existing report, after the browser refuses 11 files', async () => {
  await leader.goto('/intake')
  await rowsOf(leader, 'reports-table').first().waitFor()
  const listed = leader.waitForResponse((r) => r.url().includes('channel=call'))
  await choose(leader, leader.locator('.channel-filter'), '来电')
  await listed
  const firstRow = rowsOf(leader, 'reports-table').first()
  // The letter registered above was on top; wait for the filtered rows.
  await firstRow.getByText('来电', { exact: true }).waitFor()
  const link = firstRow.locator('.report-link')
  const number = (await link.innerText()).trim()
  const opened = leader.waitForResponse(
    (r) => /\/api\/v1\/reports\/\d+$/.test(new URL(r.url()).pathname) && r.ok(),
  )
  await link.click()
  const before = await (await opened).json()
  assert.equal(before.number, number)
  const card = leader.locator('.files-card')
  const already = before.files.length
  if (already === 0) await card.getByText('暂无附件').waitFor()

  await card.getByRole('button', { name: '添加附件' }).click()
  const dialog = leader.locator('.add-files-dialog')
  await dialog.getByText(`添加附件：${number}`).waitFor()
  // Nothing chosen.
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('请选择要添加的文件').waitFor()

  // Eleven files: refused in the browser, nothing sent.
  let posted = 0
  const count = (r) => {
    if (/\/files$/.test(new URL(r.url()).pathname) && r.method() === 'POST') posted++
  }
  leader.on('request', count)
  const input = dialog.locator('input[type=file]')
  await input.setInputFiles(
    Array.from({ length: 11 - already }, (_, i) => text(`第${i + 1}份.txt`, `材料${i + 1}\n`)),
  )
  await dialog.locator('.files-item .el-form-item__error', { hasText: '10个附件' }).waitFor()
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.locator('.files-item .el-form-item__error', { hasText: '10个附件' }).waitFor()
  leader.off('request', count)
  assert.equal(posted, 0)

  // Start again with two files.
  await dialog.getByRole('button', { name: '取消' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await card.getByRole('button', { name: '添加附件' }).click()
  await dialog.locator('.file-row').first().waitFor({ state: 'detached' })
  await input.setInputFiles([
    scan(1),
    text('通话记录.txt', '来电时间：上午9时；来电人要求回电。（测试数据）\n'),
  ])
  await dialog.locator('.file-row').nth(1).waitFor()
  await screenshot(leader, '39-add-files')
  const added = leader.waitForResponse(isPost(/^\/api\/v1\/reports\/\d+\/files$/))
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await added
  assert.match(res.request().headers()['content-type'] ?? '', /^multipart\/form-data; boundary=/)
  assert.equal(res.status(), 201, await res.text())
  const after = await res.json()
  assert.equal(after.files.length, already + 2)
  await dialog.waitFor({ state: 'hidden' })

  // The page shows the answer, no reload needed.
  const rows = rowsOf(leader, 'files-table')
  await rows.filter({ hasText: '通话记录.txt' }).getByText('文本').waitFor()
  await rows.filter({ hasText: '来信第1页.png' }).getByText('已去除元数据').waitFor()
  assert.equal(await rows.count(), already + 2)
  await card.getByText(`共 ${already + 2} 个`).waitFor()
})
