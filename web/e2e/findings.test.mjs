// 问题底稿: member1 (第一巡察组 at 市财政局) opens the list from the menu and writes a finding
// through the form (the required fields are checked first), sees it head the list, opens it
// and edits it; leader1 confirms it, after which member1's open form can save nothing (the
// server answers finding_not_editable, the page reads the finding again); a move on a version changed meanwhile answers stale
// and the page reloads. member2 (第二巡察组) gets 未找到 for its URL. 检索 finds
// it by a two-character word and shows it as 问题底稿, for member1 and for the leading group
// (findings only, read-only). The unit liaison has neither menu nor page. Every findings and
// search answer the UI receives is checked against docs/openapi.yaml.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, choose, login, recordDialogs, rowsOf, screenshot, setup } from './helpers.mjs'
import { checkResponse } from './openapi.mjs'

const TITLE = '（测试数据）向非驾驶岗位人员发放加油卡'
const FACTS =
  '（测试数据）抽查2025年度车辆运行费凭证，该局以公务用车名义购买加油卡12张，' +
  '其中5张由非驾驶岗位人员长期持有使用，累计加油金额约3.6万元。'
const EVIDENCE = '（测试数据）加油卡领用登记表；与财务科负责人谈话记录'
const MORE_EVIDENCE = '；加油明细对账单'
/** A two-character word only this finding holds. */
const WORD = '油卡'

let env
let member
let dialogs = []
/** The checks of every findings and search answer the pages received (see watchAnswers). */
const checked = []
/** The finding written through the form. */
let created

const TEMPLATES = [
  [/^\/api\/v1\/findings$/, '/findings'],
  [/^\/api\/v1\/findings\/\d+$/, '/findings/{id}'],
  [/^\/api\/v1\/findings\/\d+\/transitions$/, '/findings/{id}/transitions'],
  [/^\/api\/v1\/search$/, '/search'],
]

/** Checks each findings or search answer the page receives against the spec. */
function watchAnswers(page) {
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname
    const hit = TEMPLATES.find(([re]) => re.test(path))
    if (!hit) return
    const what = `${res.request().method()} ${path} → ${res.status()}`
    checked.push(checkResponse(res, hit[1]).then(() => what))
  })
}

/** A page logged in as `username`, its answers checked. */
async function pageFor(username) {
  const page = await env.newPage()
  watchAnswers(page)
  await login(page, username)
  return page
}

const isApi = (method, path) => (r) =>
  r.request().method() === method && new URL(r.url()).pathname === `/api/v1${path}`

/** Waits until no toast and no prompt is left on the page (before a screenshot). */
async function settled(page) {
  await page.locator('.el-message-box').waitFor({ state: 'detached' })
  await page.waitForFunction(() => !globalThis.document.querySelector('.el-message'))
}

/** Opens a finding's page; answers the response of its GET. */
async function openFinding(page, id) {
  const answer = page.waitForResponse(isApi('GET', `/findings/${id}`))
  await page.goto(`/findings/${id}`)
  const res = await answer
  await page.locator('.finding-page > .el-loading-mask').waitFor({ state: 'detached' })
  return res
}

/** Clicks a leader's move, accepts the prompt; answers the response of the POST. */
async function move(page, to, prompt) {
  await page.locator(`.move-${to}`).click()
  const box = page.locator('.finding-transition-box')
  await box.getByText(prompt).waitFor()
  const answer = page.waitForResponse(isApi('POST', `/findings/${created.id}/transitions`))
  await box.locator('.el-button--primary').click()
  return answer
}

before(async () => {
  env = await setup()
  member = await pageFor('member1')
  dialogs = recordDialogs(member)
})
after(async () => {
  await env?.stop()
})

test('the menu leads to 问题底稿: the group’s own findings, newest first', async () => {
  const answer = member.waitForResponse(isApi('GET', '/findings'))
  await member.locator('[data-menu=findings]').getByText('问题底稿').click()
  await member.waitForURL('**/findings')
  const body = await checkResponse(await answer, '/findings')
  // The demo holds two findings of 第一巡察组 (one confirmed) and one of 第二巡察组.
  assert.equal(body.total, 2, JSON.stringify(body))
  assert.ok(body.items.every((f) => f.group_name === '第一巡察组' && f.demo))
  const rows = rowsOf(member, 'findings-table')
  await rows.nth(1).waitFor()
  assert.equal(await rows.count(), 2)
  await rows.first().locator('.demo-tag', { hasText: '示例数据' }).waitFor()
  const states = await member.locator('.findings-table .state-tag').allTextContents()
  assert.deepEqual(states.sort(), ['已确认', '底稿'].sort())
  await member.locator('.findings-table').getByText('市财政局').first().waitFor()
  assert.equal(await member.locator('.findings-table').getByText('市交通运输局').count(), 0)
})

test('member1 writes a finding through the form; it heads the list', async () => {
  await member.locator('.create-finding').click()
  const form = member.locator('.finding-form')
  await form.getByText('新建问题').waitFor()

  // Nothing is sent before the required fields are filled in.
  let posted = 0
  const countPosts = (r) => {
    if (isApi('POST', '/findings')(r)) posted += 1
  }
  member.on('request', countPosts)
  await form.locator('.save').click()
  await form.getByText('请填写问题概述').waitFor()
  await form.getByText('请填写问题事实').waitFor()
  assert.equal(posted, 0)
  member.off('request', countPosts)

  // The current stationing; its round's focus checklist and its unit's roster (the options
  // appear once they are read).
  await choose(member, form.locator('.assignment-select'), '第一巡察组 → 市财政局')
  await choose(member, form.locator('.focus-select'), '党风廉政建设和反腐败斗争情况')
  await form.locator('.finding-disciplines').getByText('廉洁纪律').click()
  await form.locator('input[name=finding_title]').fill(TITLE)
  await form.locator('textarea[name=finding_description]').fill(FACTS)
  await form.locator('textarea[name=finding_evidence]').fill(EVIDENCE)
  await choose(member, form.locator('.leaders-select'), '王胜宏（党组书记、局长）')
  await form.locator('.el-dialog__title').click() // closes the leaders dropdown
  await form.locator('.leaders-select .el-select__selected-item', { hasText: '王胜宏' }).waitFor()
  await member.locator('.el-popper.leaders-select-popper').waitFor({ state: 'hidden' })
  await screenshot(member, '59-finding-form')

  const answer = member.waitForResponse(isApi('POST', '/findings'))
  const reread = member.waitForResponse(isApi('GET', '/findings'))
  await form.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 201)
  created = await checkResponse(res, '/findings')
  assert.equal(created.state, 'draft')
  assert.equal(created.title, TITLE)
  assert.equal(created.unit_name, '市财政局')
  assert.equal(created.focus_title, '党风廉政建设和反腐败斗争情况')
  assert.deepEqual(created.disciplines, ['integrity'])
  assert.deepEqual(
    created.leaders.map((l) => l.name),
    ['王胜宏'],
  )
  assert.equal(created.editable, true)
  assert.deepEqual(created.allowed_transitions, [], 'a member makes no moves')
  await member.locator('.el-message--success', { hasText: '已创建' }).waitFor()
  await form.waitFor({ state: 'hidden' })

  const list = await checkResponse(await reread, '/findings')
  assert.equal(list.total, 3)
  assert.equal(list.items[0].id, created.id, 'newest first')
  const first = rowsOf(member, 'findings-table').first()
  await first.locator('.finding-link', { hasText: TITLE }).waitFor()
  await first.getByText('廉洁纪律').waitFor()
  await first.getByText('底稿').waitFor()
  await first.getByText('党风廉政建设和反腐败斗争情况').waitFor()
  assert.equal(await first.locator('.demo-tag').count(), 0)
  await settled(member)
  await screenshot(member, '57-findings-list')
})

test('member1 opens it: every field, 编辑 but no leader’s moves; an edit is saved', async () => {
  const answer = member.waitForResponse(isApi('GET', `/findings/${created.id}`))
  await rowsOf(member, 'findings-table').first().locator('.finding-link').click()
  await member.waitForURL(`**/findings/${created.id}`)
  assert.equal((await answer).status(), 200)
  const page = member.locator('.finding-page')
  await page.locator('.finding-title-text', { hasText: TITLE }).waitFor()
  await page.locator('.finding-state', { hasText: '底稿' }).waitFor()
  await page.locator('.finding-fields').getByText('五届市委第九轮巡察').waitFor()
  await page.locator('.assignment-link', { hasText: '第一巡察组 → 市财政局' }).waitFor()
  await page.locator('.focus-title', { hasText: '党风廉政建设和反腐败斗争情况' }).waitFor()
  await page.locator('.discipline-tag', { hasText: '廉洁纪律' }).waitFor()
  await page.locator('.finding-leaders').getByText('王胜宏（党组书记、局长）').waitFor()
  await page.locator('.finding-description', { hasText: FACTS }).waitFor()
  await page.locator('.finding-evidence', { hasText: EVIDENCE }).waitFor()
  await page.locator('.edit-finding').waitFor()
  for (const to of ['confirmed', 'withdrawn', 'draft']) {
    assert.equal(await page.locator(`.move-${to}`).count(), 0, to)
  }

  await page.locator('.edit-finding').click()
  const form = member.locator('.finding-form')
  await form.getByText('编辑问题').waitFor()
  // Where it was found is shown, not chosen again; the form holds the finding.
  await form.locator('.assignment-fixed', { hasText: '第一巡察组 → 市财政局' }).waitFor()
  assert.equal(await form.locator('input[name=finding_title]').inputValue(), TITLE)
  const evidence = form.locator('textarea[name=finding_evidence]')
  assert.equal(await evidence.inputValue(), EVIDENCE)
  await evidence.fill(EVIDENCE + MORE_EVIDENCE)
  const saved = member.waitForResponse(isApi('PUT', `/findings/${created.id}`))
  await form.locator('.save').click()
  const res = await saved
  assert.equal(res.status(), 200)
  const body = await checkResponse(res, '/findings/{id}')
  assert.equal(body.version, created.version + 1)
  assert.equal(body.evidence, EVIDENCE + MORE_EVIDENCE)
  assert.deepEqual(
    body.leaders.map((l) => l.name),
    ['王胜宏'],
    'the leaders are kept',
  )
  await member.locator('.el-message--success', { hasText: '已保存' }).waitFor()
  await page.locator('.finding-evidence', { hasText: MORE_EVIDENCE }).waitFor()
  await page.locator('.updated', { hasText: '李明华' }).waitFor()
})

test('leader1 confirms it; member1’s open form then saves nothing and the page reloads', async () => {
  // member1 starts an edit before the leader confirms.
  await member.locator('.edit-finding').click()
  const form = member.locator('.finding-form')
  await form.getByText('编辑问题').waitFor()

  const leader = await pageFor('leader1')
  await openFinding(leader, created.id)
  const page = leader.locator('.finding-page')
  await page.locator('.move-confirmed', { hasText: '确认' }).waitFor()
  await page.locator('.move-withdrawn', { hasText: '撤销' }).waitFor()
  const res = await move(leader, 'confirmed', '作为巡察发现的问题纳入巡察报告')
  assert.equal(res.status(), 200)
  const body = await checkResponse(res, '/findings/{id}/transitions')
  assert.equal(body.state, 'confirmed')
  assert.deepEqual(body.allowed_transitions, ['draft'])
  assert.equal(body.editable, false)
  await leader.locator('.el-message--success', { hasText: '已确认' }).waitFor()
  await page.locator('.finding-state', { hasText: '已确认' }).waitFor()
  await page.locator('.move-draft', { hasText: '退回底稿' }).waitFor()
  assert.equal(await page.locator('.edit-finding').count(), 0)
  assert.equal(await page.locator('.move-confirmed').count(), 0)
  await settled(leader)
  await screenshot(leader, '58-finding-detail')
  created = body

  // member1's form, opened on the draft, can save nothing now: the server says the finding is no
  // longer a draft (not merely that it changed), the form closes with that message and the page
  // reads the finding again (confirmed: no 编辑).
  const title = form.locator('input[name=finding_title]')
  await title.fill(TITLE + '（改）')
  const put = member.waitForResponse(isApi('PUT', `/findings/${created.id}`))
  const reread = member.waitForResponse(isApi('GET', `/findings/${created.id}`))
  await form.locator('.save').click()
  const refused = await put
  assert.equal(refused.status(), 409)
  assert.equal((await checkResponse(refused, '/findings/{id}')).error.key, 'finding_not_editable')
  await member.locator('.el-message--error', { hasText: '该问题已不是底稿' }).waitFor()
  await form.waitFor({ state: 'hidden' })
  await reread
  await member.locator('.finding-state', { hasText: '已确认' }).waitFor()
  assert.equal(await member.locator('.edit-finding').count(), 0)
  await member.locator('.finding-title-text', { hasText: TITLE }).waitFor()
  await leader.context().close()
})

test('a move on a version changed meanwhile answers stale; the page reads it again', async () => {
  const leader = await pageFor('leader1')
  await openFinding(leader, created.id)
  await leader.locator('.move-draft').waitFor()
  // Meanwhile (another tab): reopened and confirmed again, same state, newer version.
  let v = created.version
  for (const to of ['draft', 'confirmed']) {
    const r = await api(leader, 'POST', `/findings/${created.id}/transitions`, { to, version: v })
    assert.equal(r.status, 200, JSON.stringify(r.body))
    v = r.body.version
  }
  const reread = leader.waitForResponse(isApi('GET', `/findings/${created.id}`))
  const res = await move(leader, 'draft', '退回底稿后，本组成员可以继续修改')
  assert.equal(res.status(), 409)
  assert.equal((await checkResponse(res, '/findings/{id}/transitions')).error.key, 'stale_version')
  await leader
    .locator('.el-message--error', { hasText: '该问题已被他人修改，已重新读取' })
    .waitFor()
  assert.equal((await checkResponse(await reread, '/findings/{id}')).version, v)
  await leader.locator('.finding-state', { hasText: '已确认' }).waitFor()
  created = { ...created, version: v }
  await leader.context().close()
})

test('two members edit one draft: the later save is stale, keeps its text, rereads', async () => {
  const leader = await pageFor('leader1') // the leader is a member of the group too
  const at = `/findings/${created.id}`
  let r = await api(leader, 'POST', `${at}/transitions`, { to: 'draft', version: created.version })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  await openFinding(member, created.id)
  await member.locator('.edit-finding').click()
  const form = member.locator('.finding-form')
  await form.getByText('编辑问题').waitFor()

  // Meanwhile the leader saves the draft (another tab).
  const cur = r.body
  r = await api(leader, 'PUT', at, {
    version: cur.version,
    focus_item_id: cur.focus_item_id,
    disciplines: cur.disciplines,
    title: cur.title,
    description: cur.description,
    evidence: cur.evidence + '；组长补充',
    leaders: cur.leaders.map((l) => l.id),
  })
  assert.equal(r.status, 200, JSON.stringify(r.body))

  // member1's save is refused as stale: his text stays in the form, the page reads it again.
  const title = form.locator('input[name=finding_title]')
  await title.fill(TITLE + '（成员修改）')
  const put = member.waitForResponse(isApi('PUT', at))
  const reread = member.waitForResponse(isApi('GET', at))
  await form.locator('.save').click()
  const refused = await put
  assert.equal(refused.status(), 409)
  assert.equal((await checkResponse(refused, '/findings/{id}')).error.key, 'stale_version')
  await member.locator('.el-message--error', { hasText: '数据已被他人修改' }).waitFor()
  await form.locator('.stale-alert').waitFor()
  assert.equal(await title.inputValue(), TITLE + '（成员修改）')
  assert.equal((await checkResponse(await reread, '/findings/{id}')).version, r.body.version)
  await form.getByRole('button', { name: '取消' }).click()
  await form.waitFor({ state: 'hidden' })

  // Confirmed again, as the searches below expect.
  r = await api(leader, 'POST', `${at}/transitions`, { to: 'confirmed', version: r.body.version })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  created = { ...created, version: r.body.version }
  await leader.context().close()
})

test('member2 (第二巡察组) gets 未找到 for its URL, and does not list it', async () => {
  const other = await pageFor('member2')
  const res = await openFinding(other, created.id)
  assert.equal(res.status(), 404)
  await other.locator('.not-found').getByText('未找到').waitFor()
  assert.equal(await other.locator('.finding-title-text').count(), 0)

  const answer = other.waitForResponse(isApi('GET', '/findings'))
  await other.goto('/findings')
  const list = await checkResponse(await answer, '/findings')
  assert.equal(list.total, 1)
  assert.equal(list.items[0].group_name, '第二巡察组')
  assert.equal(await other.locator('.create-finding').count(), 1)
  await other.context().close()
})

test('检索 finds it by a two-character word and shows it as 问题底稿', async () => {
  await member.locator('[data-menu=search]').click()
  await member.waitForURL('**/search')
  const input = member.locator('.search-input input')
  await input.fill(WORD)
  const answer = member.waitForResponse(isApi('GET', '/search'))
  await input.press('Enter')
  const body = await checkResponse(await answer, '/search')
  assert.equal(body.total, 1, JSON.stringify(body))
  assert.equal(body.items[0].kind, 'finding')
  assert.equal(body.items[0].id, created.id)
  const hit = member.locator('.search-results .search-hit').first()
  await hit.locator('.kind-tag', { hasText: '问题底稿' }).waitFor()
  await hit.locator('.state-tag', { hasText: '已确认' }).waitFor()
  await hit.getByText('第一巡察组 · 市财政局').waitFor()
  const marks = await hit.locator('mark').allTextContents()
  assert.ok(marks.length > 0 && marks.every((m) => m === WORD), marks.join())
  await settled(member)
  await screenshot(member, '60-search-finding')

  // Only reports: none; only findings: it again, with the findings' states to filter by.
  const reports = member.waitForResponse(isApi('GET', '/search'))
  await member.locator('.kind-filter').getByText('信访举报').click()
  const r = await reports
  assert.equal(new URL(r.url()).searchParams.get('kind'), 'report')
  assert.equal((await checkResponse(r, '/search')).total, 0)
  await member.locator('.search-none').getByText('未找到符合条件的举报件').waitFor()
  const findings = member.waitForResponse(isApi('GET', '/search'))
  await member.locator('.kind-filter').getByText('问题底稿').click()
  assert.equal((await checkResponse(await findings, '/search')).total, 1)
  assert.equal(await member.locator('.channel-filter').count(), 0, 'findings have no channel')
  const confirmed = member.waitForResponse(isApi('GET', '/search'))
  await choose(member, member.locator('.state-filter'), '已确认')
  const c = await confirmed
  assert.equal(new URL(c.url()).searchParams.get('state'), 'confirmed')
  assert.equal((await checkResponse(c, '/search')).total, 1)
  await member.waitForURL((u) => u.searchParams.get('kind') === 'finding')

  // By discipline: it names 廉洁纪律, not 政治纪律.
  const political = member.waitForResponse(isApi('GET', '/search'))
  await choose(member, member.locator('.discipline-filter'), '政治纪律')
  const p = await political
  assert.equal(new URL(p.url()).searchParams.get('discipline'), 'political')
  assert.equal((await checkResponse(p, '/search')).total, 0)
  await member.locator('.search-none').waitFor()
  const integrity = member.waitForResponse(isApi('GET', '/search'))
  await choose(member, member.locator('.discipline-filter'), '廉洁纪律')
  const i = await integrity
  assert.equal(new URL(i.url()).searchParams.get('discipline'), 'integrity')
  const byDiscipline = await checkResponse(i, '/search')
  assert.equal(byDiscipline.total, 1)
  assert.deepEqual(byDiscipline.items[0].disciplines, ['integrity'])
  await member.waitForURL((u) => u.searchParams.get('discipline') === 'integrity')

  const opened = member.waitForResponse(isApi('GET', `/findings/${created.id}`))
  await member.locator('.search-hit .finding-link', { hasText: TITLE }).click()
  await member.waitForURL(`**/findings/${created.id}`)
  assert.equal((await opened).status(), 200)
  await member.locator('.finding-description', { hasText: FACTS }).waitFor()
  assert.deepEqual(dialogs, [])
})

test('导出问题清单 fetches the group’s findings as a workbook with the filters set', async () => {
  const listed = member.waitForResponse(isApi('GET', '/findings'))
  await member.goto('/findings')
  await listed
  const answer = member.waitForResponse(isApi('GET', '/findings.xlsx'))
  await member.locator('.export-findings').click()
  const res = await answer
  assert.equal(res.status(), 200)
  assert.match(res.headers()['content-type'], /spreadsheetml/)
  assert.equal((await res.body()).subarray(0, 2).toString(), 'PK', 'a zip container')
  assert.equal(new URL(res.url()).searchParams.get('state'), null, 'no filter set, none sent')
  assert.equal(await member.locator('.el-message--error').count(), 0)
})

test('the focus filter waits for a round; a point of 四个落实 selects its sub-items too', async () => {
  const listed = member.waitForResponse(isApi('GET', '/findings'))
  await member.goto('/findings')
  await listed
  const focus = member.locator('.focus-filter')
  await focus.locator('.el-select__wrapper.is-disabled').waitFor()
  await focus.getByText('巡察重点（先选轮次）').waitFor()

  const byRound = member.waitForResponse(isApi('GET', '/findings'))
  await choose(member, member.locator('.round-filter'), '五届市委第九轮巡察')
  assert.equal((await checkResponse(await byRound, '/findings')).total, 3)

  // The point 落实全面从严治党: the demo finding filed under it and ours, filed under its
  // sub-item 党风廉政建设和反腐败斗争情况.
  const byPoint = member.waitForResponse(isApi('GET', '/findings'))
  await choose(member, focus, '落实全面从严治党战略部署情况')
  const point = await byPoint
  const pointId = new URL(point.url()).searchParams.get('focus_item_id')
  assert.match(pointId ?? '', /^\d+$/)
  const underPoint = await checkResponse(point, '/findings')
  assert.equal(underPoint.total, 2, JSON.stringify(underPoint))
  assert.ok(underPoint.items.some((f) => f.id === created.id))
  await rowsOf(member, 'findings-table').nth(1).waitFor()

  const bySub = member.waitForResponse(isApi('GET', '/findings'))
  await choose(member, focus, '党风廉政建设和反腐败斗争情况')
  const underSub = await checkResponse(await bySub, '/findings')
  assert.deepEqual(
    underSub.items.map((f) => f.id),
    [created.id],
  )

  // The export takes the same filter.
  const exported = member.waitForResponse(isApi('GET', '/findings.xlsx'))
  await member.locator('.export-findings').click()
  const x = await exported
  assert.equal(x.status(), 200)
  assert.equal(new URL(x.url()).searchParams.get('focus_item_id'), String(created.focus_item_id))

  // Without a round the focus item goes too (it belongs to that round's checklist).
  const cleared = member.waitForResponse(isApi('GET', '/findings'))
  await member.locator('.round-filter').hover()
  await member.locator('.round-filter .el-select__clear').click()
  const all = await cleared
  assert.equal(new URL(all.url()).searchParams.get('focus_item_id'), null)
  assert.equal((await checkResponse(all, '/findings')).total, 3)
  await focus.locator('.el-select__wrapper.is-disabled').waitFor()
})

test('the leading group searches findings (and measures) and reads them without changing them', async () => {
  const head = await pageFor('leadership')
  await head.locator('[data-menu=findings]').waitFor()
  await head.locator('[data-menu=search]').click()
  await head.waitForURL('**/search')
  await head.locator('.search-idle').getByText('各巡察组问题底稿').waitFor()
  // Findings and rectification measures: no reports, clues or channel.
  const kinds = await head.locator('.kind-filter .el-radio-button').allTextContents()
  assert.deepEqual(
    kinds.map((s) => s.trim()),
    ['全部', '问题底稿', '整改措施'],
  )
  assert.equal(await head.locator('.channel-filter').count(), 0)
  const input = head.locator('.search-input input')
  await input.fill(WORD)
  const answer = head.waitForResponse(isApi('GET', '/search'))
  await input.press('Enter')
  const res = await answer
  assert.equal(new URL(res.url()).searchParams.get('kind'), null)
  const body = await checkResponse(res, '/search')
  assert.equal(body.total, 1, JSON.stringify(body))
  await head.locator('.search-hit .kind-tag', { hasText: '问题底稿' }).waitFor()

  const opened = head.waitForResponse(isApi('GET', `/findings/${created.id}`))
  await head.locator('.search-hit .finding-link').click()
  const detail = await checkResponse(await opened, '/findings/{id}')
  assert.equal(detail.editable, false)
  assert.deepEqual(detail.allowed_transitions, [])
  await head.locator('.finding-description', { hasText: FACTS }).waitFor()
  assert.equal(await head.locator('.edit-finding').count(), 0)
  assert.equal(await head.locator('.finding-buttons .el-button').count(), 1, 'only 返回')

  // Every group's findings, and no 新建问题.
  const listed = head.waitForResponse(isApi('GET', '/findings'))
  await head.locator('[data-menu=findings]').click()
  assert.equal((await checkResponse(await listed, '/findings')).total, 4)
  await rowsOf(head, 'findings-table').nth(3).waitFor()
  assert.equal(await head.locator('.create-finding').count(), 0)
  await head.context().close()
})

test('the unit liaison has no 问题底稿: no menu, 未找到', async () => {
  const unit = await pageFor('unit1')
  await unit.locator('.menu').getByText('巡察轮次').waitFor()
  assert.equal(await unit.locator('[data-menu=findings]').count(), 0)
  await unit.goto(`/findings/${created.id}`)
  await unit.getByText('未找到').first().waitFor()
  await unit.goto('/findings')
  await unit.getByText('未找到').first().waitFor()
  await unit.context().close()
})

test('every findings and search answer the UI received matches docs/openapi.yaml', async () => {
  const seen = await Promise.all(checked)
  for (const p of ['GET /api/v1/findings →', 'POST /api/v1/findings →', 'PUT /api/v1/findings/']) {
    assert.ok(
      seen.some((s) => s.startsWith(p)),
      `${p} not seen in:\n${seen.join('\n')}`,
    )
  }
  assert.ok(seen.some((s) => s.includes('/transitions → 200')))
  assert.ok(seen.some((s) => s.startsWith('GET /api/v1/search → 200')))
})
