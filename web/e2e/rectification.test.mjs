// 整改台账: the office puts round 9 into rectification through the rounds UI; its one confirmed
// finding (第一巡察组 at 市财政局) becomes the unit's problem list. unit1 (the 市财政局 liaison)
// finds 整改台账 and 检索 in his menu, sees exactly that problem — not the drafts, never the
// evidence — and answers it with a 限期整改 measure through the form (its errors first), edits
// it (a save on a changed version is stale and keeps his text) and reports it done (完成情况
// required). The office returns it with reasons; unit1 reads them and reports it done again
// from a second tab, after which his open form saves nothing (measure_not_editable). The office
// accepts it: the problem is 已销号. The leading group and member1 read without buttons; member2
// (第二巡察组) has an empty ledger and 未找到; the clue recipient and admin have no menu and the
// API answers them 403. 检索 finds the measure by a two-character word for unit1 (kind fixed
// to 整改措施) and not for member2. A measure past its deadline shows 逾期; once the office
// ends the round, an open form gets round_not_in_rectification and the ledger is read-only.
// Every rectification, round and search answer the UI receives is checked against
// docs/openapi.yaml.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  api,
  choose,
  fillDate,
  login,
  recordDialogs,
  rowsOf,
  screenshot,
  setup,
} from './helpers.mjs'
import { assertMatchesSpec, checkResponse } from './openapi.mjs'

const ROUND = '五届市委第九轮巡察'
const PROBLEM = '（示例数据）上轮巡察指出的办公用房超标问题整改不到位'
const FACTS = '实地查看发现仍有2间办公室超面积使用'
/** The confirmed finding's evidence: never shown to the unit. */
const EVIDENCE = '实地查看办公楼三层'
/** A draft finding at 市财政局: not on the problem list. */
const DRAFT = '专项资金拨付审批把关不严'
const CONTENT = '（测试数据）腾退超标使用的2间办公室，按标准重新核定各处室办公用房面积。'
const MORE = '同时修订本局办公用房管理办法。'
const DEPARTMENT = '办公室'
const LEADER = '（测试数据）分管副局长李某'
const COMPLETION =
  '（测试数据）2间超标办公室已调整为档案室和会议室，面积核定表已报机关事务管理局备案。'
const COMPLETION_AGAIN = '（测试数据）补充：调整前后的平面图和照片已整理归档，管理办法已印发。'
const RETURN_NOTE = '（测试数据）未附调整后的平面图和照片，请补充佐证材料后再报。'
const LATE = '（测试数据）开展办公用房使用情况全面自查，形成自查报告。'
/** A two-character word only the measure holds. */
const WORD = '腾退'

/** A day relative to today in China time, YYYY-MM-DD. */
const chinaDay = (days) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)
const DEADLINE = chinaDay(60)
const PAST = chinaDay(-3)

let env
let office
let unit
let dialogs = []
/** The checks of every answer the pages received (see watchAnswers), with what was checked. */
const checked = []
let roundId
/** The problem's (finding's) id. */
let problemId
/** The measure written through the form, as last read. */
let measure

const TEMPLATES = [
  [/^\/api\/v1\/rectification\/problems$/, '/rectification/problems'],
  [/^\/api\/v1\/rectification\/problems\/\d+$/, '/rectification/problems/{id}'],
  [/^\/api\/v1\/rectification\/measures$/, '/rectification/measures'],
  [/^\/api\/v1\/rectification\/measures\/\d+$/, '/rectification/measures/{id}'],
  [
    /^\/api\/v1\/rectification\/measures\/\d+\/transitions$/,
    '/rectification/measures/{id}/transitions',
  ],
  [/^\/api\/v1\/rounds\/\d+$/, '/rounds/{id}'],
  [/^\/api\/v1\/search$/, '/search'],
]

/** Checks each answer of the areas above the page receives against the spec. */
function watchAnswers(page) {
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname
    const hit = TEMPLATES.find(([re]) => re.test(path))
    if (!hit) return
    const what = `${res.request().method()} ${path} → ${res.status()}`
    checked.push(
      checkResponse(res, hit[1]).then(
        () => ({ what }),
        (e) => ({ what, error: e.message }),
      ),
    )
  })
}

/** A page logged in as `username`, its answers checked. */
async function pageFor(username) {
  const page = await env.newPage()
  watchAnswers(page)
  await login(page, username)
  return page
}

/** Closes a page's context once the answers it received have been read. */
async function closePage(page) {
  await Promise.all(checked)
  await page.context().close()
}

const isApi = (method, path) => (r) =>
  r.request().method() === method && new URL(r.url()).pathname === `/api/v1${path}`

/** The JSON of an answer (its spec check runs through watchAnswers). */
const json = async (res) => JSON.parse((await res.body()).toString('utf8'))

/** Calls the API with the page's session and checks the answer against the spec. */
async function apiChecked(page, method, path, templ, body) {
  const r = await api(page, method, path, body)
  assertMatchesSpec(
    method,
    templ,
    r.status,
    'application/json',
    r.body === null ? '' : JSON.stringify(r.body),
  )
  return r
}

/** Waits until no toast and no prompt is left on the page (before a screenshot). */
async function settled(page) {
  await page.locator('.el-message-box').waitFor({ state: 'detached' })
  await page.waitForFunction(() => !globalThis.document.querySelector('.el-message'))
}

/** Opens the problem's page; answers the response of its GET. */
async function openProblem(page, id = problemId) {
  const answer = page.waitForResponse(isApi('GET', `/rectification/problems/${id}`))
  await page.goto(`/rectification/problems/${id}`)
  const res = await answer
  await page.locator('.problem-page > .el-loading-mask').waitFor({ state: 'detached' })
  return res
}

/** The measure's block on the problem page. */
const item = (page, id = measure.id) => page.locator(`.measure-item[data-measure-id="${id}"]`)

/** The labels of a measure's buttons (编辑 included). */
const buttonsOf = async (page, id = measure.id) =>
  (await item(page, id).locator('.measure-buttons .el-button').allTextContents()).map((s) =>
    s.trim(),
  )

/** Counts the requests matching `pred` while `fn` runs. */
async function countRequests(page, pred, fn) {
  let n = 0
  const count = (r) => {
    if (pred(r)) n += 1
  }
  page.on('request', count)
  try {
    await fn()
  } finally {
    page.off('request', count)
  }
  return n
}

before(async () => {
  env = await setup()
  office = await pageFor('office')
})
after(async () => {
  await env?.stop()
})

test('the office puts round 9 into rectification through the rounds UI', async () => {
  await office.locator('.rounds-table').getByRole('link', { name: ROUND }).click()
  await office.waitForURL(/\/rounds\/\d+$/)
  roundId = Number(new URL(office.url()).pathname.split('/').pop())
  await office.locator('.edit-round').click()
  const form = office.locator('.round-form')
  await form.locator('input[name=name]').waitFor()
  await choose(office, form.locator('.status-select'), '整改')
  const put = office.waitForResponse(isApi('PUT', `/rounds/${roundId}`))
  await form.getByRole('button', { name: '保存' }).click()
  const res = await put
  assert.equal(res.status(), 200)
  assert.equal((await json(res)).status, 'rectification')
  await form.waitFor({ state: 'hidden' })

  // Its one confirmed finding is now on the problem list, without measures.
  const listed = office.waitForResponse(isApi('GET', '/rectification/problems'))
  await office.locator('[data-menu=rectification]').getByText('整改台账').click()
  await office.waitForURL('**/rectification')
  const list = await json(await listed)
  assert.equal(list.total, 1, JSON.stringify(list))
  assert.equal(list.items[0].title, PROBLEM)
  assert.equal(list.items[0].status, 'no_measures')
  assert.equal(list.items[0].round_status, 'rectification')
  problemId = list.items[0].finding_id
  const row = rowsOf(office, 'problems-table').first()
  await row.locator('.problem-link', { hasText: PROBLEM }).waitFor()
  await row.locator('.demo-tag').waitFor()
  await row.locator('.status-tag', { hasText: '未制定措施' }).waitFor()
  await row.getByText('市财政局').waitFor()
  await row.getByText('落实巡视巡察、审计、主题教育整改情况').waitFor()
})

test('unit1: 整改台账 and 检索 in the menu; exactly its one problem, never the evidence', async () => {
  unit = await pageFor('unit1')
  dialogs = recordDialogs(unit)
  const menu = await unit.locator('.menu').innerText()
  assert.deepEqual(
    menu
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    ['巡察轮次', '本单位', '整改台账', '检索'],
  )
  const listed = unit.waitForResponse(isApi('GET', '/rectification/problems'))
  await unit.locator('[data-menu=rectification]').click()
  const list = await json(await listed)
  assert.equal(list.total, 1)
  assert.equal(list.items[0].finding_id, problemId)
  await rowsOf(unit, 'problems-table').first().locator('.problem-link').waitFor()
  assert.equal(await rowsOf(unit, 'problems-table').count(), 1)
  // The round filter alone: a liaison may not list a round's groups or stationings.
  await unit.locator('.round-filter').waitFor()
  assert.equal(await unit.locator('.group-filter').count(), 0)
  assert.equal(await unit.locator('.unit-filter').count(), 0)
  assert.ok(!(await unit.content()).includes(DRAFT), 'no draft finding is listed')

  const opened = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await rowsOf(unit, 'problems-table').first().locator('.problem-link').click()
  await unit.waitForURL(`**/rectification/problems/${problemId}`)
  const res = await opened
  const text = (await res.body()).toString('utf8')
  assert.ok(!text.includes(EVIDENCE), 'the answer holds no evidence')
  const body = JSON.parse(text)
  assert.equal(body.can_add_measure, true)
  assert.deepEqual(body.measure_list, [])
  const page = unit.locator('.problem-page')
  await page.locator('.problem-title-text', { hasText: PROBLEM }).waitFor()
  await page.locator('.problem-status', { hasText: '未制定措施' }).waitFor()
  await page.locator('.problem-description', { hasText: FACTS }).waitFor()
  await page
    .locator('.problem-focus', { hasText: '落实巡视巡察、审计、主题教育整改情况' })
    .waitFor()
  await page.locator('.discipline-tag', { hasText: '廉洁纪律' }).waitFor()
  await page.locator('.group-unit', { hasText: '第一巡察组 → 市财政局' }).waitFor()
  await page.locator('.round-name', { hasText: ROUND }).waitFor()
  await page.locator('.round-status', { hasText: '整改' }).waitFor()
  await page.locator('.measures-none', { hasText: '尚未制定整改措施' }).waitFor()
  await page.locator('.add-measure').waitFor()
  assert.equal(await page.locator('.finding-link').count(), 0, 'he may not open the finding')
  const html = await unit.content()
  assert.ok(!html.includes(EVIDENCE), 'no evidence anywhere on the page')
  assert.ok(!html.includes(DRAFT))
})

test('unit1 adds a 限期整改 measure: the form’s errors before any POST', async () => {
  await unit.locator('.add-measure').click()
  const form = unit.locator('.measure-form')
  await form.locator('.el-dialog__title', { hasText: '新增整改措施' }).waitFor()
  const posts = await countRequests(unit, isApi('POST', '/rectification/measures'), async () => {
    await form.locator('.save').click()
    await form.getByText('请选择整改类型').waitFor()
    await form.getByText('请填写整改措施').waitFor()
    await form.getByText('请填写责任部门').waitFor()
    // 长期坚持 has no deadline; 限期整改 requires one.
    await form.locator('.kind-ongoing').click()
    assert.equal(await form.locator('.measure-deadline').count(), 0)
    await form.locator('.kind-by_deadline').click()
    await form.locator('.measure-deadline').waitFor()
    await form.locator('.save').click()
    await form.getByText('请选择整改时限').waitFor()
  })
  assert.equal(posts, 0)

  await fillDate(unit, form.locator('.measure-deadline'), DEADLINE)
  await form.locator('.el-dialog__title').click() // closes the date panel
  await form.getByText('请选择整改时限').waitFor({ state: 'detached' })
  await form.locator('textarea[name=measure_content]').fill(CONTENT)
  await form.locator('input[name=measure_department]').fill(DEPARTMENT)
  await form.locator('input[name=measure_leader]').fill(LEADER)
  await form.locator('.el-dialog__title').click() // leaves the last field: its check runs
  await form.locator('.el-form-item__error').first().waitFor({ state: 'detached' })
  await unit.locator('.el-picker__popper:visible').waitFor({ state: 'detached' })
  await screenshot(unit, '67-measure-form')

  const answer = unit.waitForResponse(isApi('POST', '/rectification/measures'))
  const reread = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await form.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 201)
  measure = await json(res)
  assert.equal(measure.finding_id, problemId)
  assert.equal(measure.kind, 'by_deadline')
  assert.equal(measure.deadline, DEADLINE)
  assert.equal(measure.state, 'planned')
  assert.equal(measure.overdue, false)
  assert.equal(measure.content, CONTENT)
  assert.equal(measure.responsible_department, DEPARTMENT)
  assert.equal(measure.responsible_leader, LEADER)
  assert.equal(measure.editable, true)
  assert.deepEqual(measure.allowed_transitions, ['done'])
  await unit.locator('.el-message--success', { hasText: '已创建' }).waitFor()
  await form.waitFor({ state: 'hidden' })
  const problem = await json(await reread)
  assert.equal(problem.status, 'in_progress')
  assert.equal(problem.measures, 1)

  const m = item(unit)
  await m.locator('.measure-content', { hasText: CONTENT }).waitFor()
  await m.locator('.measure-kind-tag', { hasText: '限期整改' }).waitFor()
  await m.locator('.measure-state', { hasText: '整改中' }).waitFor()
  await m.locator('.measure-deadline', { hasText: DEADLINE }).waitFor()
  await m.locator('.measure-department', { hasText: DEPARTMENT }).waitFor()
  await m.locator('.measure-leader', { hasText: LEADER }).waitFor()
  await m.locator('.measure-created', { hasText: '市财政局联络人' }).waitFor()
  assert.equal(await m.locator('.overdue-tag').count(), 0)
  assert.deepEqual(await buttonsOf(unit), ['编辑', '报告完成'])
  await unit.locator('.problem-status', { hasText: '整改中' }).waitFor()
})

test('unit1 edits it; a save on a version changed meanwhile is stale and keeps his text', async () => {
  await item(unit).locator('.edit-measure').click()
  const form = unit.locator('.measure-form')
  await form.locator('.el-dialog__title', { hasText: '编辑整改措施' }).waitFor()
  const content = form.locator('textarea[name=measure_content]')
  assert.equal(await content.inputValue(), CONTENT)
  assert.equal(await form.locator('input[name=measure_department]').inputValue(), DEPARTMENT)
  assert.equal(await form.locator('.measure-deadline input').inputValue(), DEADLINE)
  await content.fill(CONTENT + MORE)
  const saved = unit.waitForResponse(isApi('PUT', `/rectification/measures/${measure.id}`))
  await form.locator('.save').click()
  let res = await saved
  assert.equal(res.status(), 200)
  const body = await json(res)
  assert.equal(body.version, measure.version + 1)
  assert.equal(body.content, CONTENT + MORE)
  assert.equal(body.deadline, DEADLINE, 'the deadline is kept')
  await unit.locator('.el-message--success', { hasText: '已保存' }).waitFor()
  await item(unit).locator('.measure-content', { hasText: MORE }).waitFor()
  measure = body

  // Another tab saves meanwhile: this form's save is stale, the text stays, the page rereads.
  await item(unit).locator('.edit-measure').click()
  await form.locator('.el-dialog__title', { hasText: '编辑整改措施' }).waitFor()
  const other = await api(unit, 'PUT', `/rectification/measures/${measure.id}`, {
    version: measure.version,
    kind: measure.kind,
    deadline: measure.deadline,
    content: measure.content,
    responsible_department: measure.responsible_department,
    responsible_leader: '（测试数据）副局长李某',
  })
  assert.equal(other.status, 200, JSON.stringify(other.body))
  const leader = form.locator('input[name=measure_leader]')
  await leader.fill(LEADER + '（改）')
  const put = unit.waitForResponse(isApi('PUT', `/rectification/measures/${measure.id}`))
  const reread = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await form.locator('.save').click()
  res = await put
  assert.equal(res.status(), 409)
  assert.equal((await json(res)).error.key, 'stale_version')
  await unit.locator('.el-message--error', { hasText: '数据已被他人修改' }).waitFor()
  await form.locator('.stale-alert').waitFor()
  assert.equal(await leader.inputValue(), LEADER + '（改）')
  await reread
  await item(unit).locator('.measure-leader', { hasText: '（测试数据）副局长李某' }).waitFor()
  await form.getByRole('button', { name: '取消' }).click()
  await form.waitFor({ state: 'hidden' })
  measure = other.body
})

test('unit1 reports it done: 完成情况 is required first', async () => {
  await item(unit).locator('.move-done').click()
  const dialog = unit.locator('.measure-move-dialog')
  await dialog.locator('.el-dialog__title', { hasText: '报告完成情况' }).waitFor()
  await dialog.locator('.moved-content', { hasText: CONTENT }).waitFor()
  const path = `/rectification/measures/${measure.id}/transitions`
  const posts = await countRequests(unit, isApi('POST', path), async () => {
    await dialog.locator('.save').click()
    await dialog.getByText('请填写完成情况').waitFor()
  })
  assert.equal(posts, 0)
  await dialog.locator('textarea[name=measure_note]').fill(COMPLETION)
  const answer = unit.waitForResponse(isApi('POST', path))
  await dialog.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 200)
  measure = await json(res)
  assert.equal(measure.state, 'done')
  assert.equal(measure.completion, COMPLETION)
  assert.ok(measure.done_at)
  assert.equal(measure.editable, false)
  assert.deepEqual(measure.allowed_transitions, [], 'the office accepts or returns it')
  await unit.locator('.el-message--success', { hasText: '已报告完成' }).waitFor()
  await dialog.waitFor({ state: 'hidden' })
  const m = item(unit)
  await m.locator('.measure-state', { hasText: '已完成待验收' }).waitFor()
  await m.locator('.measure-completion', { hasText: COMPLETION }).waitFor()
  assert.deepEqual(await buttonsOf(unit), [])
})

test('the office returns it with reasons (required first)', async () => {
  const res = await openProblem(office)
  const body = await json(res)
  assert.equal(body.can_add_measure, false)
  assert.equal(body.done, 1)
  await office.locator('.problem-description', { hasText: FACTS }).waitFor()
  // The office may open the finding behind the problem.
  await office.locator('.finding-link', { hasText: '查看问题底稿' }).waitFor()
  assert.equal(await office.locator('.add-measure').count(), 0)
  assert.deepEqual(await buttonsOf(office), ['验收销号', '退回'])

  await item(office).locator('.move-planned').click()
  const dialog = office.locator('.measure-move-dialog')
  await dialog.locator('.el-dialog__title', { hasText: '退回整改措施' }).waitFor()
  const path = `/rectification/measures/${measure.id}/transitions`
  const posts = await countRequests(office, isApi('POST', path), async () => {
    await dialog.locator('.save').click()
    await dialog.getByText('请填写退回原因').waitFor()
  })
  assert.equal(posts, 0)
  await dialog.locator('textarea[name=measure_note]').fill(RETURN_NOTE)
  await dialog.locator('.el-dialog__title').click() // leaves the field: its check runs
  await dialog.getByText('请填写退回原因').waitFor({ state: 'detached' })
  await settled(office)
  await screenshot(office, '69-measure-return')
  const answer = office.waitForResponse(isApi('POST', path))
  await dialog.locator('.save').click()
  const moved = await answer
  assert.equal(moved.status(), 200)
  measure = await json(moved)
  assert.equal(measure.state, 'planned')
  assert.equal(measure.return_note, RETURN_NOTE)
  assert.deepEqual(measure.allowed_transitions, [])
  await office.locator('.el-message--success', { hasText: '已退回' }).waitFor()
  const m = item(office)
  await m.locator('.measure-state', { hasText: '整改中' }).waitFor()
  await m.locator('.measure-return-note', { hasText: RETURN_NOTE }).waitFor()
  assert.deepEqual(await buttonsOf(office), [])
})

test('unit1 reads the reasons and reports it done again from another tab; his open form then saves nothing', async () => {
  await openProblem(unit)
  const m = item(unit)
  await m.locator('.measure-state', { hasText: '整改中' }).waitFor()
  await m.locator('.measure-return-note', { hasText: RETURN_NOTE }).waitFor()
  await m.locator('.measure-completion', { hasText: COMPLETION }).waitFor()
  assert.deepEqual(await buttonsOf(unit), ['编辑', '报告完成'])
  // He starts an edit in this tab ...
  await m.locator('.edit-measure').click()
  const form = unit.locator('.measure-form')
  await form.locator('.el-dialog__title', { hasText: '编辑整改措施' }).waitFor()

  // ... and reports it done in another.
  const tab = await pageFor('unit1')
  await openProblem(tab)
  await item(tab).locator('.move-done').click()
  const dialog = tab.locator('.measure-move-dialog')
  await dialog.locator('textarea[name=measure_note]').fill(COMPLETION_AGAIN)
  const answer = tab.waitForResponse(
    isApi('POST', `/rectification/measures/${measure.id}/transitions`),
  )
  await dialog.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 200)
  measure = await json(res)
  assert.equal(measure.state, 'done')
  assert.equal(measure.completion, COMPLETION_AGAIN)
  await item(tab).locator('.measure-state', { hasText: '已完成待验收' }).waitFor()
  await closePage(tab)

  await form.locator('textarea[name=measure_content]').fill(CONTENT + '（改）')
  const put = unit.waitForResponse(isApi('PUT', `/rectification/measures/${measure.id}`))
  const reread = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await form.locator('.save').click()
  const refused = await put
  assert.equal(refused.status(), 409)
  assert.equal((await json(refused)).error.key, 'measure_not_editable')
  await unit.locator('.el-message--error', { hasText: '该措施已报告完成，不能再修改' }).waitFor()
  await form.waitFor({ state: 'hidden' })
  await reread
  await m.locator('.measure-state', { hasText: '已完成待验收' }).waitFor()
  await m.locator('.measure-completion', { hasText: COMPLETION_AGAIN }).waitFor()
  assert.deepEqual(await buttonsOf(unit), [])
})

test('the office accepts it: the problem is 已销号', async () => {
  await openProblem(office)
  assert.deepEqual(await buttonsOf(office), ['验收销号', '退回'])
  await item(office).locator('.move-accepted').click()
  const dialog = office.locator('.measure-move-dialog')
  await dialog.locator('.el-dialog__title', { hasText: '验收销号' }).waitFor()
  // The acceptance note is optional.
  const answer = office.waitForResponse(
    isApi('POST', `/rectification/measures/${measure.id}/transitions`),
  )
  const reread = office.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await dialog.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 200)
  measure = await json(res)
  assert.equal(measure.state, 'accepted')
  assert.ok(measure.accepted_at)
  assert.ok(measure.accepted_by)
  assert.deepEqual(measure.allowed_transitions, [])
  const problem = await json(await reread)
  assert.equal(problem.status, 'closed_out')
  assert.equal(problem.accepted, 1)
  await office.locator('.el-message--success', { hasText: '已验收销号' }).waitFor()
  await office.locator('.problem-status', { hasText: '已销号' }).waitFor()
  const m = item(office)
  await m.locator('.measure-state', { hasText: '已销号' }).waitFor()
  await m.locator('.measure-accepted-by', { hasText: measure.accepted_by }).waitFor()
  assert.deepEqual(await buttonsOf(office), [])

  // unit1 sees it closed out, the history of the measure on its card.
  await openProblem(unit)
  await unit.locator('.problem-status', { hasText: '已销号' }).waitFor()
  const u = item(unit)
  await u.locator('.measure-accepted-by', { hasText: measure.accepted_by }).waitFor()
  await u.locator('.measure-return-note', { hasText: RETURN_NOTE }).waitFor()
  assert.deepEqual(await buttonsOf(unit), [])
  await settled(unit)
  await screenshot(unit, '68-problem-detail')

  const listed = office.waitForResponse(isApi('GET', '/rectification/problems'))
  await office.locator('[data-menu=rectification]').click()
  await json(await listed)
  const row = rowsOf(office, 'problems-table').first()
  await row.locator('.status-tag', { hasText: '已销号' }).waitFor()
  await row.locator('.count-accepted', { hasText: '已销号 1' }).waitFor()
  // The status filter asks the server.
  const filtered = office.waitForResponse(isApi('GET', '/rectification/problems'))
  await choose(office, office.locator('.status-filter'), '未制定措施')
  const f = await filtered
  assert.equal(new URL(f.url()).searchParams.get('status'), 'no_measures')
  assert.equal((await json(f)).total, 0)
})

test('the leading group and member1 read it without buttons; nobody else moves it', async () => {
  for (const who of ['leadership', 'member1']) {
    const page = await pageFor(who)
    await page.locator('[data-menu=rectification]').waitFor()
    const listed = page.waitForResponse(isApi('GET', '/rectification/problems'))
    await page.locator('[data-menu=rectification]').click()
    assert.equal((await json(await listed)).total, 1, who)
    const body = await json(await openProblem(page))
    assert.equal(body.can_add_measure, false)
    assert.ok(body.measure_list.every((x) => !x.editable && x.allowed_transitions.length === 0))
    await item(page).locator('.measure-state', { hasText: '已销号' }).waitFor()
    assert.equal(await page.locator('.add-measure').count(), 0)
    assert.equal(await page.locator('.measure-buttons .el-button').count(), 0)
    await page.locator('.finding-link').waitFor()
    // The server refuses their moves and writes.
    const r = await apiChecked(
      page,
      'POST',
      `/rectification/measures/${measure.id}/transitions`,
      '/rectification/measures/{id}/transitions',
      { to: 'planned', version: measure.version, note: '（测试）' },
    )
    assert.equal(r.status, 403, JSON.stringify(r.body))
    assert.equal(r.body.error.key, 'measure_move_forbidden')
    const w = await apiChecked(page, 'POST', '/rectification/measures', '/rectification/measures', {
      finding_id: problemId,
      kind: 'ongoing',
      content: '（测试）',
      responsible_department: DEPARTMENT,
    })
    assert.equal(w.status, 403, JSON.stringify(w.body))
    await closePage(page)
  }
})

test('member2 (第二巡察组) has an empty ledger and gets 未找到 for the problem', async () => {
  const other = await pageFor('member2')
  const listed = other.waitForResponse(isApi('GET', '/rectification/problems'))
  await other.locator('[data-menu=rectification]').click()
  assert.equal((await json(await listed)).total, 0)
  await other.locator('.problems-table').getByText('暂无列入问题清单的问题').waitFor()
  const res = await openProblem(other)
  assert.equal(res.status(), 404)
  await other.locator('.not-found').getByText('未找到').waitFor()
  assert.equal(await other.locator('.problem-title-text').count(), 0)
  await closePage(other)
})

for (const who of ['clue', 'admin']) {
  test(`${who} has no 整改台账: no menu, 未找到, the API answers 403`, async () => {
    const page = await pageFor(who)
    await page.locator('.menu .el-menu-item').first().waitFor()
    assert.equal(await page.locator('[data-menu=rectification]').count(), 0)
    for (const [path, templ] of [
      ['/rectification/problems', '/rectification/problems'],
      [`/rectification/problems/${problemId}`, '/rectification/problems/{id}'],
    ]) {
      const r = await apiChecked(page, 'GET', path, templ)
      assert.equal(r.status, 403, `${path}: ${JSON.stringify(r.body)}`)
    }
    await page.goto('/rectification')
    await page.getByText('未找到').first().waitFor()
    await page.goto(`/rectification/problems/${problemId}`)
    await page.getByText('未找到').first().waitFor()
    await closePage(page)
  })
}

test('检索: unit1 finds the measure by a two-character word as 整改措施; member2 does not', async () => {
  await unit.locator('[data-menu=search]').click()
  await unit.waitForURL('**/search')
  await unit.locator('.search-idle').getByText('本单位整改措施').waitFor()
  // One kind: no kind switch, no channel, the round alone.
  assert.equal(await unit.locator('.kind-filter').count(), 0)
  assert.equal(await unit.locator('.channel-filter').count(), 0)
  assert.equal(await unit.locator('.group-filter').count(), 0)
  const input = unit.locator('.search-input input')
  await input.fill(WORD)
  let answer = unit.waitForResponse(isApi('GET', '/search'))
  await input.press('Enter')
  let res = await answer
  assert.equal(new URL(res.url()).searchParams.get('kind'), 'rectification')
  let body = await json(res)
  assert.equal(body.total, 1, JSON.stringify(body))
  assert.equal(body.items[0].kind, 'rectification')
  assert.equal(body.items[0].id, measure.id)
  const hit = unit.locator('.search-results .search-hit').first()
  await hit.locator('.kind-tag', { hasText: '整改措施' }).waitFor()
  await hit.locator('.measure-link', { hasText: PROBLEM }).waitFor()
  await hit.locator('.state-tag', { hasText: '已销号' }).waitFor()
  assert.equal(body.items[0].measure_kind, 'by_deadline')
  await hit.locator('.measure-kind-tag', { hasText: '限期整改' }).waitFor()
  await hit.locator('.department', { hasText: DEPARTMENT }).waitFor()
  const marks = await hit.locator('mark').allTextContents()
  assert.ok(marks.length > 0 && marks.every((x) => x === WORD), marks.join())
  // The measure states, 已销号 among them (`accepted`, a report's key too).
  await unit.locator('.state-filter').click()
  await unit.locator('.el-select-dropdown__item:visible', { hasText: '已完成待验收' }).waitFor()
  const offered = await unit.locator('.el-select-dropdown__item:visible').allTextContents()
  assert.deepEqual(
    offered.map((s) => s.trim()),
    ['整改中', '已完成待验收', '已销号'],
  )
  answer = unit.waitForResponse(isApi('GET', '/search'))
  await unit.locator('.el-select-dropdown__item:visible', { hasText: '已销号' }).click()
  res = await answer
  assert.equal(new URL(res.url()).searchParams.get('state'), 'accepted')
  assert.equal((await json(res)).total, 1)
  await unit.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'detached' })
  await unit.locator('.search-hit .measure-link').waitFor()
  await settled(unit)
  await screenshot(unit, '70-search-rectification')
  const opened = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await unit.locator('.search-hit .measure-link').click()
  await unit.waitForURL(`**/rectification/problems/${problemId}`)
  assert.equal((await opened).status(), 200)

  // member2 finds nothing by it, in every kind or in 整改措施 alone.
  const other = await pageFor('member2')
  answer = other.waitForResponse(isApi('GET', '/search'))
  await other.goto(`/search?q=${encodeURIComponent(WORD)}`)
  assert.equal((await json(await answer)).total, 0)
  await other.locator('.search-none').waitFor()
  answer = other.waitForResponse(isApi('GET', '/search'))
  await other.locator('.kind-filter').getByText('整改措施').click()
  res = await answer
  assert.equal(new URL(res.url()).searchParams.get('kind'), 'rectification')
  assert.equal((await json(res)).total, 0)
  await other.locator('.search-none').getByText('未找到符合条件的整改措施').waitFor()
  await closePage(other)

  // The office finds it among every kind.
  answer = office.waitForResponse(isApi('GET', '/search'))
  await office.goto(`/search?q=${encodeURIComponent(WORD)}`)
  body = await json(await answer)
  assert.ok(body.items.some((h) => h.kind === 'rectification' && h.id === measure.id))
  await office.locator('.search-hit .kind-rectification').waitFor()
})

test('a measure past its deadline shows 逾期, in red on the problem and in the list', async () => {
  await openProblem(unit)
  await unit.locator('.add-measure').click()
  const form = unit.locator('.measure-form')
  await form.locator('.el-dialog__title', { hasText: '新增整改措施' }).waitFor()
  await form.locator('.kind-by_deadline').click()
  await fillDate(unit, form.locator('.measure-deadline'), PAST)
  await form.locator('.el-dialog__title').click()
  await form.locator('textarea[name=measure_content]').fill(LATE)
  await form.locator('input[name=measure_department]').fill(DEPARTMENT)
  const answer = unit.waitForResponse(isApi('POST', '/rectification/measures'))
  const reread = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await form.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 201)
  const late = await json(res)
  assert.equal(late.deadline, PAST)
  assert.equal(late.overdue, true)
  const problem = await json(await reread)
  assert.equal(problem.overdue, 1)
  assert.equal(problem.status, 'in_progress')
  const m = item(unit, late.id)
  await m.locator('.overdue-tag', { hasText: '逾期' }).waitFor()
  const color = await m
    .locator('.measure-deadline')
    .evaluate((e) => globalThis.getComputedStyle(e).color)
  assert.equal(color, 'rgb(245, 108, 108)', 'the deadline in red')
  await unit.locator('.problem-overdue', { hasText: '逾期' }).waitFor()
  await unit.locator('.problem-status', { hasText: '整改中' }).waitFor()
  // The accepted measure is not overdue.
  assert.equal(await item(unit).locator('.overdue-tag').count(), 0)

  const listed = office.waitForResponse(isApi('GET', '/rectification/problems'))
  await office.goto('/rectification')
  const list = await json(await listed)
  assert.equal(list.items[0].overdue, 1)
  const row = rowsOf(office, 'problems-table').first()
  await row.locator('.overdue-count', { hasText: '1 项' }).waitFor()
  await row.locator('.status-tag', { hasText: '整改中' }).waitFor()
  await row.locator('.count-total', { hasText: '2 项' }).waitFor()
  await settled(office)
  await screenshot(office, '66-rectification-list')
})

test('once the round is closed, an open form gets round_not_in_rectification; the ledger is read-only', async () => {
  const late = (await json(await openProblem(unit))).measure_list.find((x) => x.overdue)
  await item(unit, late.id).locator('.edit-measure').click()
  const form = unit.locator('.measure-form')
  await form.locator('.el-dialog__title', { hasText: '编辑整改措施' }).waitFor()

  // The office ends the round meanwhile (PUT /rounds/{id} with its fields and version).
  const round = await api(office, 'GET', `/rounds/${roundId}`)
  const { term_id, number, name, type, start_date, end_date, version } = round.body
  const closed = await apiChecked(office, 'PUT', `/rounds/${roundId}`, '/rounds/{id}', {
    term_id,
    number,
    name,
    type,
    start_date,
    end_date,
    status: 'closed',
    version,
  })
  assert.equal(closed.status, 200, JSON.stringify(closed.body))

  await form.locator('textarea[name=measure_content]').fill(LATE + '（改）')
  const put = unit.waitForResponse(isApi('PUT', `/rectification/measures/${late.id}`))
  const reread = unit.waitForResponse(isApi('GET', `/rectification/problems/${problemId}`))
  await form.locator('.save').click()
  const refused = await put
  assert.equal(refused.status(), 409)
  assert.equal((await json(refused)).error.key, 'round_not_in_rectification')
  await unit.locator('.el-message--error', { hasText: '该轮巡察不在整改阶段' }).waitFor()
  await form.waitFor({ state: 'hidden' })
  const body = await json(await reread)
  assert.equal(body.round_status, 'closed')
  assert.equal(body.can_add_measure, false)
  await unit.locator('.closed-note', { hasText: '本轮巡察已结束，整改台账只读' }).waitFor()
  assert.equal(await unit.locator('.add-measure').count(), 0)
  assert.equal(await unit.locator('.measure-buttons .el-button').count(), 0)
  // Still listed: a closed round's ledger is kept.
  const listed = unit.waitForResponse(isApi('GET', '/rectification/problems'))
  await unit.locator('[data-menu=rectification]').click()
  assert.equal((await json(await listed)).total, 1)
  assert.deepEqual(dialogs, [])
})

test('every rectification, round and search answer the UI received matches docs/openapi.yaml', async () => {
  const seen = await Promise.all(checked)
  for (const p of [
    'GET /api/v1/rectification/problems → 200',
    'POST /api/v1/rectification/measures → 201',
    'PUT /api/v1/rectification/measures/',
    'GET /api/v1/search → 200',
    'PUT /api/v1/rounds/',
  ]) {
    assert.ok(
      seen.some((s) => s.what.startsWith(p)),
      `${p} not seen in:\n${seen.map((s) => s.what).join('\n')}`,
    )
  }
  assert.ok(seen.some((s) => s.what.includes('/transitions → 200')))
  assert.ok(seen.some((s) => s.what.includes('→ 409')))
  const bad = seen.filter((s) => s.error)
  assert.deepEqual(
    bad.map((s) => s.what),
    [],
    bad.map((s) => s.error.slice(0, 1500)).join('\n\n'),
  )
})
