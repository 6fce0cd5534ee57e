// 待处理邮件: `xuncha mail import` (the real CLI, on the running server's data
// directory) registers a GBK e-mail by itself and puts a non-mail in
// quarantine. leader1 reads the quarantined bytes as text (the script in them
// never runs), downloads them, registers the message by hand and opens the
// report; both e-mail reports are in the inbox as 电子信箱. member2 (another
// group) sees nothing. Every mail answer the UI receives is checked against
// docs/openapi.yaml.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PASSWORD, choose, login, rowsOf, screenshot, setup } from './helpers.mjs'
import { assertMatchesSpec, checkResponse } from './openapi.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const GBK_EML = resolve(here, '..', '..', 'tests', 'data', 'eml', 'gbk_qp.eml')
const NOT_MAIL = '<script>alert(1)</script>\n'
const GBK_SUBJECT = '主题：反映市某局某科长违规收受礼金问题'

let env
let maildir
let leader
let groupId = 0
let assignmentId = 0
let otherAssignmentId = 0
let mailId = 0
let report = null
/** JavaScript dialogs (alert/confirm/prompt) opened by any page: there must be none. */
const dialogs = []

/** Calls the API as `username` in its own request context, checking the answer against the spec. */
async function apiAs(username) {
  const ctx = await env.browser.newContext({ baseURL: env.server.url })
  const login = await ctx.request.post('/api/v1/session', {
    data: { username, password: PASSWORD },
  })
  assert.equal(login.status(), 200, await login.text())
  const { csrf_token: csrf } = await login.json()
  return {
    async call(method, templ, path, body, expectStatus) {
      const res = await ctx.request.fetch('/api/v1' + path, {
        method,
        headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        data: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      const where = `${method} ${path} (${templ}) → ${res.status()}`
      if (expectStatus !== undefined) assert.equal(res.status(), expectStatus, `${where}: ${text}`)
      const json = assertMatchesSpec(
        method,
        templ,
        res.status(),
        res.headers()['content-type'],
        text,
        where,
      )
      return { status: res.status(), body: json, text }
    },
    close: () => ctx.close(),
  }
}

const isMailList = (r) =>
  new URL(r.url()).pathname === '/api/v1/mail' && r.request().method() === 'GET'

before(async () => {
  env = await setup()
  // Round 9's group at 市财政局, as the office sees it.
  const office = await apiAs('office')
  const rounds = await office.call('GET', '/rounds', '/rounds?page=1&page_size=50', undefined, 200)
  const round9 = rounds.body.items.find((r) => r.name.includes('第九轮'))
  assert.ok(round9, 'demo round 9 exists')
  const list = await office.call('GET', '/assignments', `/assignments?round_id=${round9.id}`)
  const finance = list.body.items.find((a) => a.unit_name === '市财政局')
  assert.ok(finance, 'round 9 has a group at 市财政局')
  groupId = finance.group_id
  assignmentId = finance.id
  otherAssignmentId = list.body.items.find((a) => a.group_id !== groupId).id
  await office.close()

  // A Maildir-like directory: bytes that are no e-mail, and a real GBK message.
  maildir = mkdtempSync(join(tmpdir(), 'xuncha-maildir-'))
  writeFileSync(join(maildir, 'not-a-mail.eml'), NOT_MAIL)
  copyFileSync(GBK_EML, join(maildir, 'gbk_qp.eml'))
  const out = execFileSync(
    process.env.XUNCHA_BIN,
    ['mail', 'import', '--data', env.server.dir, '--group', String(groupId), '--maildir', maildir],
    { encoding: 'utf8' },
  )
  assert.match(out, /1 件登记 imported/, out)
  assert.match(out, /1 件隔离 quarantined/, out)

  leader = await env.newPage()
  leader.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await login(leader, 'leader1')
})
after(async () => {
  await env?.stop()
  if (maildir) rmSync(maildir, { recursive: true, force: true })
})

test('the quarantined message is listed with its reason', async () => {
  await leader.goto('/intake')
  const tab = leader.locator('.intake-tabs').getByText('待处理邮件')
  await tab.waitFor()
  const listed = leader.waitForResponse(isMailList)
  await tab.click()
  await leader.waitForURL('**/intake/mail')
  const res = await listed
  assert.equal(new URL(res.url()).searchParams.get('state'), 'quarantined')
  const page = await checkResponse(res, '/mail')
  assert.equal(page.total, 1, JSON.stringify(page))
  const mail = page.items[0]
  mailId = mail.id
  assert.equal(mail.state, 'quarantined')
  assert.equal(mail.reason, 'bad_mime')
  assert.equal(mail.source, 'maildir')
  assert.equal(mail.group_id, groupId)
  assert.equal(mail.report_id, null)

  const row = rowsOf(leader, 'mail-table').filter({ hasText: '邮件格式无法解析' })
  await row.waitFor()
  await row.getByText('邮箱导入').waitFor()
  await row.getByText('第一巡察组').waitFor()
  await row.getByText('26 B').waitFor()
  await row.getByText('待处理', { exact: true }).waitFor()
  assert.equal(await rowsOf(leader, 'mail-table').count(), 1)
  // The count on the tab.
  await leader.locator('.intake-tabs .pending-badge', { hasText: '1' }).waitFor()

  await leader.setViewportSize({ width: 1280, height: 800 })
  await screenshot(leader, '41-mail-quarantine')
  await leader.setViewportSize({ width: 1366, height: 768 })
})

test('查看原文 shows the bytes as text; 下载 .eml saves them', async () => {
  const row = rowsOf(leader, 'mail-table').filter({ hasText: '邮件格式无法解析' })
  const read = leader.waitForResponse(
    (r) => new URL(r.url()).pathname === `/api/v1/mail/${mailId}/raw`,
  )
  await row.getByRole('button', { name: '查看原文' }).click()
  const res = await read
  assert.equal(res.status(), 200)
  await checkResponse(res, '/mail/{id}/raw')
  assert.equal(res.headers()['content-type'], 'message/rfc822')
  assert.equal(res.headers()['x-content-type-options'], 'nosniff')
  assert.match(res.headers()['content-disposition'], /^attachment; filename="mail-\d+\.eml"$/)

  const dialog = leader.locator('.mail-raw-dialog')
  const pre = dialog.locator('pre.raw-text')
  await pre.getByText('<script>alert(1)</script>').waitFor()
  assert.equal(await pre.textContent(), NOT_MAIL)
  // Text, not markup: no element was made of the message.
  assert.equal(await dialog.locator('script').count(), 0)
  assert.equal(await pre.evaluate((el) => el.children.length), 0)
  await dialog.getByText('本次查看已记入操作日志').waitFor()

  const downloading = leader.waitForEvent('download')
  await dialog.getByRole('button', { name: '下载 .eml' }).click()
  const download = await downloading
  assert.equal(download.suggestedFilename(), `mail-${mailId}.eml`)
  assert.equal(readFileSync(await download.path(), 'utf8'), NOT_MAIL)

  await dialog.getByRole('button', { name: '关闭', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  assert.deepEqual(dialogs, [], 'no alert() may run')
})

test('a unit of another of the leader’s groups is refused (422 not_in_group)', async () => {
  const api = await apiAs('leader1')
  const mine = await api.call('GET', '/assignments', '/assignments', undefined, 200)
  const other = mine.body.items.find((a) => a.group_id !== groupId)
  assert.ok(other, 'leader1 also leads a group of round 8')
  const res = await api.call(
    'POST',
    '/mail/{id}/register',
    `/mail/${mailId}/register`,
    {
      assignment_id: other.id,
      content: '（测试数据）',
      persons: [],
      received_at: '2026-01-05T09:30',
    },
    422,
  )
  assert.equal(res.body.error.fields.assignment_id, '所选单位不属于收到该邮件的巡察组')
  await api.close()
})

test('人工登记: only the mail group’s units; the report number and its link', async () => {
  const row = rowsOf(leader, 'mail-table').filter({ hasText: '邮件格式无法解析' })
  await row.getByRole('button', { name: '人工登记' }).click()
  const dialog = leader.locator('.register-dialog.register-email')
  await dialog.getByText(`人工登记邮件 #${mailId}`).waitFor()
  await dialog.getByText('仅巡察办主任可以调阅').waitFor()
  // No uploads: the server keeps the original.
  assert.equal(await dialog.locator('input[type=file]').count(), 0)
  // Received when fetched (China time), not now.
  const fetchedAt = await dialog.locator('.received-at input').inputValue()
  assert.match(fetchedAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)

  await dialog.locator('.assignment-select').click()
  const options = leader.locator('.el-select-dropdown__item:visible')
  await options.first().waitFor()
  assert.deepEqual(
    (await options.allInnerTexts()).map((x) => x.split(' → ')[1]?.split('（')[0]),
    ['市财政局'],
    'only the units of the group that received the mail',
  )
  await options.filter({ hasText: '市财政局' }).click()
  await dialog.locator('input[name="persons.0.post"]').fill('某科科长')
  await dialog
    .locator('textarea[name=content]')
    .fill(
      '来邮件反映某科科长在项目验收中收受礼金。原邮件格式无法解析，内容据原文转录。（测试数据）',
    )

  const registered = leader.waitForResponse(
    (r) =>
      new URL(r.url()).pathname === `/api/v1/mail/${mailId}/register` &&
      r.request().method() === 'POST',
  )
  const relisted = leader.waitForResponse(isMailList)
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await registered
  assert.equal(res.status(), 201, await res.text())
  report = await checkResponse(res, '/mail/{id}/register')
  assert.equal(report.channel, 'email')
  assert.equal(report.assignment_id, assignmentId)
  // The original names the sender: not a file every handler can open.
  assert.ok(!report.files.some((f) => f.mime === 'message/rfc822'), JSON.stringify(report.files))
  await checkResponse(await relisted, '/mail')
  await dialog.waitFor({ state: 'hidden' })
  if (report.query_code) {
    const codeBox = leader.locator('.query-code-dialog')
    await codeBox.getByRole('button', { name: '我已记下' }).click()
    await codeBox.waitFor({ state: 'hidden' })
  }

  const done = leader.locator('.mail-registered')
  await done.getByText(`邮件 #${mailId} 已登记为 ${report.number}`).waitFor()
  // Nothing waits any more.
  await leader.locator('.mail-table').getByText('暂无待处理邮件').waitFor()
  await leader.locator('.intake-tabs .pending-badge').waitFor({ state: 'detached' })

  // 已登记: the message with its report number.
  const registeredList = leader.waitForResponse(
    (r) => isMailList(r) && new URL(r.url()).searchParams.get('state') === 'registered',
  )
  await choose(leader, leader.locator('.mail-state-filter'), '已登记')
  const page = await checkResponse(await registeredList, '/mail')
  assert.equal(page.items[0].report_number, report.number)
  assert.ok(page.items[0].handled_at, 'handled_at is set')
  const link = rowsOf(leader, 'mail-table').getByRole('link', { name: report.number })
  await link.waitFor()

  await done.getByRole('link', { name: '查看举报件' }).click()
  await leader.waitForURL(`**/intake/reports/${report.id}`)
  await leader.locator('.report-content').getByText('收受礼金').waitFor()
  // Not for the group leader; the custodian downloads it (logged).
  assert.equal(await leader.locator('.download-original').count(), 0)
  const leaderApi = await apiAs('leader1')
  const refused = await leaderApi.call(
    'GET',
    '/reports/{id}/original',
    `/reports/${report.id}/original`,
    undefined,
    409,
  )
  assert.equal(refused.body.error.key, 'key_unavailable')
  await leaderApi.close()
  const custodian = await env.newPage()
  await login(custodian, 'office_head')
  await custodian.goto(`/intake/reports/${report.id}`)
  const save = custodian.locator('.download-original')
  await save.waitFor()
  const downloading = custodian.waitForEvent('download')
  await save.click()
  const download = await downloading
  assert.equal(download.suggestedFilename(), `${report.number}.eml`)
  assert.equal(readFileSync(await download.path(), 'utf8'), NOT_MAIL)
  await custodian.close()
})

test('both e-mail reports are in the inbox as 电子信箱', async () => {
  await leader.goto('/intake')
  await rowsOf(leader, 'reports-table').first().waitFor()
  const listed = leader.waitForResponse((r) => r.url().includes('channel=email'))
  await choose(leader, leader.locator('.channel-filter'), '电子信箱')
  await listed
  const gbk = rowsOf(leader, 'reports-table').filter({ hasText: GBK_SUBJECT })
  await gbk.getByText('电子信箱', { exact: true }).waitFor()
  const byHand = rowsOf(leader, 'reports-table').filter({ hasText: report.number })
  await byHand.getByText('电子信箱', { exact: true }).waitFor()
  const excerpt = await gbk.locator('.excerpt').innerText()
  assert.ok(excerpt.startsWith(GBK_SUBJECT), excerpt)
})

test('the API refuses what the UI does not offer', async () => {
  const api = await apiAs('leader1')
  const bad = await api.call('GET', '/mail', '/mail?state=bogus', undefined, 400)
  assert.equal(bad.body.error.key, 'bad_query')
  const gone = await api.call('GET', '/mail/{id}/raw', `/mail/${mailId}/raw`, undefined, 409)
  assert.equal(gone.body.error.key, 'mail_not_quarantined')
  const body = {
    assignment_id: assignmentId,
    content: '（测试数据）',
    persons: [],
    received_at: '2026-01-05T09:30',
  }
  const again = await api.call('POST', '/mail/{id}/register', `/mail/${mailId}/register`, body, 409)
  assert.equal(again.body.error.key, 'mail_not_quarantined')
  const imported = await api.call('GET', '/mail', '/mail?state=imported', undefined, 200)
  assert.equal(imported.body.items.length, 1)
  assert.ok(imported.body.items[0].report_number, 'the GBK message became a report')
  await api.close()

  const office = await apiAs('office')
  const all = await office.call('GET', '/mail', `/mail?group_id=${groupId}`, undefined, 200)
  assert.equal(all.body.total, 2)
  await office.close()

  const unit = await apiAs('unit1')
  await unit.call('GET', '/mail', '/mail', undefined, 403)
  await unit.close()

  // member2 is in another group: the message is not there for him.
  const member2 = await apiAs('member2')
  await member2.call('GET', '/mail/{id}/raw', `/mail/${mailId}/raw`, undefined, 404)
  const wrong = await member2.call(
    'POST',
    '/mail/{id}/register',
    `/mail/${mailId}/register`,
    { ...body, assignment_id: otherAssignmentId },
    404,
  )
  assert.equal(wrong.body.error.code, 'not_found')
  await member2.close()
})

test('member2 (another group) finds no mail', async () => {
  const page = await env.newPage()
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await login(page, 'member2')
  const listed = page.waitForResponse(isMailList)
  await page.goto('/intake/mail')
  const first = await checkResponse(await listed, '/mail')
  assert.equal(first.total, 0)
  await page.locator('.mail-table').getByText('暂无待处理邮件').waitFor()
  // Not even what was registered or imported.
  const all = page.waitForResponse(
    (r) => isMailList(r) && !new URL(r.url()).searchParams.has('state'),
  )
  await page.locator('.mail-state-filter .el-select__wrapper').hover()
  await page.locator('.mail-state-filter .el-select__clear').click()
  assert.equal((await checkResponse(await all, '/mail')).total, 0)
  await page.locator('.mail-table').getByText('暂无邮件').waitFor()
  // A member does not set up mailboxes.
  assert.equal(await page.locator('.intake-tabs').getByText('邮箱设置').count(), 0)
  assert.deepEqual(dialogs, [])
})

test('邮箱设置: leader1 sets up his group’s IMAP account, polls it, edits and removes it', async () => {
  await leader.goto('/intake')
  const listed = leader.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/mail-accounts' && r.request().method() === 'GET',
  )
  await leader.locator('.intake-tabs').getByText('邮箱设置').click()
  await leader.waitForURL('**/intake/mailboxes')
  const accounts = await checkResponse(await listed, '/mail-accounts')
  assert.deepEqual(accounts.items, [])
  const row = rowsOf(leader, 'mailboxes-table').filter({ hasText: '五届市委第九轮巡察' })
  await row.getByText('未设置').waitFor()

  // Front-end checks first: nothing is sent.
  await row.getByRole('button', { name: '设置' }).click()
  const dialog = leader.locator('.mail-account-form')
  await dialog.getByText('设置电子信箱：五届市委第九轮巡察 · 第一巡察组').waitFor()
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('请填写收件服务器').waitFor()
  await dialog.getByText('请填写密码').waitFor()
  await dialog.locator('input[name=url]').fill('imap://mail.example.org/INBOX')
  await dialog.getByRole('button', { name: '保存' }).click()
  await dialog.getByText('请填写以 imaps:// 开头的地址').waitFor()

  // Port 1 on this machine: nothing listens, so the poll fails at once.
  await dialog.locator('input[name=url]').fill('imaps://127.0.0.1:1/INBOX')
  await dialog.locator('input[name=mail-username]').fill('xuncha-group1')
  const password = dialog.locator('input[name=mail-password]')
  assert.equal(await password.getAttribute('type'), 'password')
  await password.fill('示例密码-123')
  const isPut = (r) =>
    /^\/api\/v1\/mail-accounts\/\d+$/.test(new URL(r.url()).pathname) &&
    r.request().method() === 'PUT'
  const created = leader.waitForResponse(isPut)
  await dialog.getByRole('button', { name: '保存' }).click()
  const res = await created
  assert.equal(res.status(), 200, await res.text())
  const account = await checkResponse(res, '/mail-accounts/{id}')
  assert.equal(account.group_id, groupId)
  assert.equal(account.enabled, true)
  assert.deepEqual(res.request().postDataJSON(), {
    url: 'imaps://127.0.0.1:1/INBOX',
    username: 'xuncha-group1',
    ca_file: '',
    enabled: true,
    password: '示例密码-123',
  })
  await dialog.waitFor({ state: 'hidden' })
  await row.getByText('imaps://127.0.0.1:1/INBOX').waitFor()
  await row.getByText('尚未收取').waitFor()
  assert.ok(!(await leader.locator('.page').innerText()).includes('示例密码-123'))

  // 立即收取: the failure is shown, and kept as the last error.
  const polled = leader.waitForResponse((r) =>
    /\/mail-accounts\/\d+\/poll$/.test(new URL(r.url()).pathname),
  )
  const reloaded = leader.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/mail-accounts' && r.request().method() === 'GET',
  )
  await row.getByRole('button', { name: '立即收取' }).click()
  const result = await checkResponse(await polled, '/mail-accounts/{id}/poll')
  assert.notEqual(result.error, '')
  await leader.locator('.el-message--error', { hasText: `收取失败：${result.error}` }).waitFor()
  await checkResponse(await reloaded, '/mail-accounts')
  await row.locator('.last-error', { hasText: result.error }).waitFor()
  await screenshot(leader, '42-mailboxes')

  // Editing keeps the password when the field is left empty.
  await row.getByRole('button', { name: '编辑' }).click()
  await dialog.getByText('编辑电子信箱').waitFor()
  assert.equal(await password.inputValue(), '')
  assert.equal(await password.getAttribute('placeholder'), '不修改请留空')
  // Another account (user name or server) needs the password again: the stored one never
  // follows a change of account.
  const username = await dialog.locator('input[name=mail-username]').inputValue()
  await dialog.locator('input[name=mail-username]').fill('xuncha-group1-b')
  const refused = leader.waitForResponse(isPut)
  await dialog.getByRole('button', { name: '保存' }).click()
  assert.equal((await refused).status(), 422)
  await dialog.locator('input[name=mail-username]').fill(username)
  const edited = leader.waitForResponse(isPut)
  await dialog.getByRole('button', { name: '保存' }).click()
  const editRes = await edited
  await checkResponse(editRes, '/mail-accounts/{id}')
  assert.ok(!('password' in editRes.request().postDataJSON()), 'no password sent')
  await dialog.waitFor({ state: 'hidden' })

  // The switch turns polling off.
  const toggled = leader.waitForResponse(isPut)
  await row.locator('.account-enabled').click()
  const toggleRes = await toggled
  assert.equal((await checkResponse(toggleRes, '/mail-accounts/{id}')).enabled, false)
  await leader.getByText('已停用自动收取').waitFor()

  // 删除 after confirmation.
  await row.getByRole('button', { name: '删除' }).click()
  const box = leader.locator('.el-message-box')
  await box.getByText('确定删除').waitFor()
  const deleted = leader.waitForResponse((r) => r.request().method() === 'DELETE')
  await box.getByRole('button', { name: '删除' }).click()
  const delRes = await deleted
  assert.equal(delRes.status(), 204)
  await checkResponse(delRes, '/mail-accounts/{id}')
  await row.getByText('未设置').waitFor()
  assert.deepEqual(dialogs, [])
})

test('member2 has no 邮箱设置 (the server answers 403)', async () => {
  const member2 = await apiAs('member2')
  await member2.call('GET', '/mail-accounts', '/mail-accounts', undefined, 403)
  await member2.call(
    'PUT',
    '/mail-accounts/{id}',
    `/mail-accounts/${groupId}`,
    { url: 'imaps://127.0.0.1:1/INBOX', username: 'x', password: 'y' },
    403,
  )
  await member2.close()
  const page = await env.newPage()
  await login(page, 'member2')
  await page.goto('/intake/mailboxes')
  await page.getByText('未找到').first().waitFor()
})
