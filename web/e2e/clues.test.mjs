// 问题线索: member1 (第一巡察组 at 市财政局) opens the list from the menu and writes a clue
// through the form (the required fields and the persons rule are checked first), opens it and
// edits it; a colleague's save meanwhile makes his next save stale (his text kept). leader1
// hands it over to 纪委监委, after which member1's open form can save nothing
// (clue_not_editable). The 纪委监委 recipient (clue) lists it, signs for it — first on a version
// changed meanwhile (stale, the page reads it again) — and reports the disposal through the
// dialog; the 组织部 recipient (clue_org) neither lists nor opens it. The office reads it
// without buttons; member2 (第二巡察组) gets 未找到; unit1 and the leading group have no menu
// and the API answers them 403. 检索 finds it by a two-character word as 问题线索. Every clues
// and search answer the UI receives is checked against docs/openapi.yaml.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, choose, login, recordDialogs, rowsOf, screenshot, setup } from './helpers.mjs'
import { checkResponse } from './openapi.mjs'

const TITLE = '（测试数据）反映局长王胜宏收受工程承包方所送礼品'
const FACTS =
  '（测试数据）个别谈话中有干部反映，2025年办公楼维修工程结算前后，承包方负责人' +
  '两次到王胜宏办公室送去高档鱼竿两套、茶叶若干，价值约2万元。'
const SOURCE = '（测试数据）个别谈话2人次'
const MORE_SOURCE = '；调阅维修工程结算资料'
const OTHERS = '（测试数据）承包方负责人周某'
const NOTE = '（测试数据）已对王胜宏进行谈话函询，要求其就所反映问题作出书面说明。'
/** A two-character word only this clue holds. */
const WORD = '鱼竿'
const RECEIVABLE = ['handed_over', 'received', 'disposed']

let env
let member
let dialogs = []
/** The checks of every clues and search answer the pages received (see watchAnswers). */
const checked = []
/** The clue written through the form, as last read. */
let created

const TEMPLATES = [
  [/^\/api\/v1\/clues$/, '/clues'],
  [/^\/api\/v1\/clues\/\d+$/, '/clues/{id}'],
  [/^\/api\/v1\/clues\/\d+\/transitions$/, '/clues/{id}/transitions'],
  [/^\/api\/v1\/search$/, '/search'],
]

/** Checks each clues or search answer the page receives against the spec. */
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

/** Closes a page's context once the answers it received have been read and checked. */
async function closePage(page) {
  await Promise.allSettled(checked)
  await page.context().close()
}

const isApi = (method, path) => (r) =>
  r.request().method() === method && new URL(r.url()).pathname === `/api/v1${path}`

/** Waits until no toast and no prompt is left on the page (before a screenshot). */
async function settled(page) {
  await page.locator('.el-message-box').waitFor({ state: 'detached' })
  await page.waitForFunction(() => !globalThis.document.querySelector('.el-message'))
}

/** Opens a clue's page; answers the response of its GET. */
async function openClue(page, id) {
  const answer = page.waitForResponse(isApi('GET', `/clues/${id}`))
  await page.goto(`/clues/${id}`)
  const res = await answer
  await page.locator('.clue-page > .el-loading-mask').waitFor({ state: 'detached' })
  return res
}

/** Clicks a move's button, accepts the prompt; answers the response of the POST. */
async function move(page, to, prompt) {
  await page.locator(`.move-${to}`).click()
  const box = page.locator('.clue-move-box')
  await box.getByText(prompt).waitFor()
  const answer = page.waitForResponse(isApi('POST', `/clues/${created.id}/transitions`))
  await box.locator('.el-button--primary').click()
  return answer
}

/** The labels of a page's move buttons (编辑 and 返回 aside). */
const moveLabels = async (page) =>
  (await page.locator('.clue-buttons [class*=move-]').allTextContents()).map((s) => s.trim())

before(async () => {
  env = await setup()
  member = await pageFor('member1')
  dialogs = recordDialogs(member)
})
after(async () => {
  await env?.stop()
})

test('the menu leads to 问题线索: the group’s own clues, newest first', async () => {
  const answer = member.waitForResponse(isApi('GET', '/clues'))
  await member.locator('[data-menu=clues]').getByText('问题线索').click()
  await member.waitForURL('**/clues')
  const body = await checkResponse(await answer, '/clues')
  // The demo holds two clues of 第一巡察组: one handed over to 纪委监委, one draft for 组织部.
  assert.equal(body.total, 2, JSON.stringify(body))
  assert.ok(body.items.every((c) => c.group_name === '第一巡察组' && c.demo))
  const rows = rowsOf(member, 'clues-table')
  await rows.nth(1).waitFor()
  assert.equal(await rows.count(), 2)
  await rows.first().locator('.demo-tag', { hasText: '示例数据' }).waitFor()
  const states = await member.locator('.clues-table .state-tag').allTextContents()
  assert.deepEqual(states.map((s) => s.trim()).sort(), ['已移交', '草稿'].sort())
  const organs = await member.locator('.clues-table .organ-name').allTextContents()
  assert.deepEqual(organs.map((s) => s.trim()).sort(), ['纪委监委', '组织部'].sort())
  await member.locator('.clues-table').getByText('张伟（').first().waitFor()
  await member.locator('.create-clue').waitFor()
})

test('member1 writes a clue: the form’s errors before any POST, then it heads the list', async () => {
  await member.locator('.create-clue').click()
  const form = member.locator('.clue-form')
  await form.getByText('新建线索').waitFor()

  // Nothing is sent before the required fields and a person are given.
  let posted = 0
  const countPosts = (r) => {
    if (isApi('POST', '/clues')(r)) posted += 1
  }
  member.on('request', countPosts)
  await form.locator('.save').click()
  await form.getByText('请选择移交机关').waitFor()
  await form.getByText('请填写线索概述').waitFor()
  await form.getByText('请填写线索内容').waitFor()
  const persons = form.getByText('请从名册中选择涉及的领导干部，或填写其他涉及人员')
  await persons.waitFor()
  // Other persons alone satisfy the persons rule; cleared again, it is back.
  const others = form.locator('input[name=clue_other_persons]')
  await others.fill(OTHERS)
  await persons.waitFor({ state: 'detached' })
  await others.fill('')
  await persons.waitFor()
  assert.equal(posted, 0)
  member.off('request', countPosts)

  await choose(member, form.locator('.assignment-select'), '第一巡察组 → 市财政局')
  await choose(member, form.locator('.organ-select'), '纪委监委')
  await form.locator('.clue-disciplines').getByText('廉洁纪律').click()
  await form.locator('input[name=clue_title]').fill(TITLE)
  await choose(member, form.locator('.leaders-select'), '王胜宏（党组书记、局长）')
  await form.locator('.el-dialog__title').click() // closes the leaders dropdown
  await form.locator('.leaders-select .el-select__selected-item', { hasText: '王胜宏' }).waitFor()
  await member.locator('.el-popper.clue-leaders-popper').waitFor({ state: 'hidden' })
  await persons.waitFor({ state: 'detached' })
  await others.fill(OTHERS)
  await form.locator('textarea[name=clue_description]').fill(FACTS)
  await form.locator('textarea[name=clue_evidence]').fill(SOURCE)
  await form.locator('.el-dialog__title').click() // leaves the last field: its check runs
  await form.locator('.el-form-item__error').first().waitFor({ state: 'detached' })
  await screenshot(member, '62-clue-form')

  const answer = member.waitForResponse(isApi('POST', '/clues'))
  const reread = member.waitForResponse(isApi('GET', '/clues'))
  await form.locator('.save').click()
  const res = await answer
  assert.equal(res.status(), 201)
  created = await checkResponse(res, '/clues')
  assert.equal(created.state, 'draft')
  assert.equal(created.title, TITLE)
  assert.equal(created.organ, 'discipline_commission')
  assert.equal(created.unit_name, '市财政局')
  assert.deepEqual(created.disciplines, ['integrity'])
  assert.deepEqual(
    created.leaders.map((l) => l.name),
    ['王胜宏'],
  )
  assert.equal(created.other_persons, OTHERS)
  assert.equal(created.editable, true)
  assert.deepEqual(created.allowed_transitions, [], 'a member makes no moves')
  await member.locator('.el-message--success', { hasText: '已创建' }).waitFor()
  await form.waitFor({ state: 'hidden' })

  const list = await checkResponse(await reread, '/clues')
  assert.equal(list.total, 3)
  assert.equal(list.items[0].id, created.id, 'newest first')
  const first = rowsOf(member, 'clues-table').first()
  await first.locator('.clue-link', { hasText: TITLE }).waitFor()
  await first.getByText('草稿').waitFor()
  await first.getByText('纪委监委').waitFor()
  await first.getByText('王胜宏（党组书记、局长）、' + OTHERS).waitFor()
  assert.equal(await first.locator('.demo-tag').count(), 0)
  await settled(member)
  await screenshot(member, '61-clues-list')
})

test('member1 opens it: every field, 编辑 but no moves; an edit is saved', async () => {
  const answer = member.waitForResponse(isApi('GET', `/clues/${created.id}`))
  await rowsOf(member, 'clues-table').first().locator('.clue-link').click()
  await member.waitForURL(`**/clues/${created.id}`)
  assert.equal((await answer).status(), 200)
  const page = member.locator('.clue-page')
  await page.locator('.clue-title-text', { hasText: TITLE }).waitFor()
  await page.locator('.clue-state', { hasText: '草稿' }).waitFor()
  await page.locator('.clue-fields').getByText('五届市委第九轮巡察').waitFor()
  await page.locator('.assignment-link', { hasText: '第一巡察组 → 市财政局' }).waitFor()
  await page.locator('.clue-organ', { hasText: '纪委监委' }).waitFor()
  await page.locator('.discipline-tag', { hasText: '廉洁纪律' }).waitFor()
  await page.locator('.clue-leaders').getByText('王胜宏（党组书记、局长）').waitFor()
  await page.locator('.clue-other-persons', { hasText: OTHERS }).waitFor()
  await page.locator('.clue-description', { hasText: FACTS }).waitFor()
  await page.locator('.clue-evidence', { hasText: SOURCE }).waitFor()
  await page.locator('.clue-history .step-created').getByText('李明华').waitFor()
  await page.locator('.not-handed-over', { hasText: '尚未移交' }).waitFor()
  assert.deepEqual(await moveLabels(member), [])

  await page.locator('.edit-clue').click()
  const form = member.locator('.clue-form')
  await form.getByText('编辑线索').waitFor()
  // Where it was established is shown, not chosen again; the form holds the clue.
  await form.locator('.assignment-fixed', { hasText: '第一巡察组 → 市财政局' }).waitFor()
  assert.equal(await form.locator('input[name=clue_title]').inputValue(), TITLE)
  assert.equal(await form.locator('input[name=clue_other_persons]').inputValue(), OTHERS)
  const source = form.locator('textarea[name=clue_evidence]')
  assert.equal(await source.inputValue(), SOURCE)
  await source.fill(SOURCE + MORE_SOURCE)
  const saved = member.waitForResponse(isApi('PUT', `/clues/${created.id}`))
  await form.locator('.save').click()
  const res = await saved
  assert.equal(res.status(), 200)
  const body = await checkResponse(res, '/clues/{id}')
  assert.equal(body.version, created.version + 1)
  assert.equal(body.evidence, SOURCE + MORE_SOURCE)
  assert.deepEqual(
    body.leaders.map((l) => l.name),
    ['王胜宏'],
    'the leaders are kept',
  )
  assert.equal(body.organ, 'discipline_commission')
  await member.locator('.el-message--success', { hasText: '已保存' }).waitFor()
  await page.locator('.clue-evidence', { hasText: MORE_SOURCE }).waitFor()
  await page.locator('.updated', { hasText: '李明华' }).waitFor()
  created = body
})

test('a colleague saves meanwhile: member1’s save is stale, keeps his text, rereads', async () => {
  const leader = await pageFor('leader1') // the leader is a member of the group too
  const at = `/clues/${created.id}`
  await member.locator('.edit-clue').click()
  const form = member.locator('.clue-form')
  await form.getByText('编辑线索').waitFor()

  const r = await api(leader, 'PUT', at, {
    version: created.version,
    organ: created.organ,
    disciplines: created.disciplines,
    title: created.title,
    description: created.description,
    evidence: created.evidence + '；组长补充',
    leaders: created.leaders.map((l) => l.id),
    other_persons: created.other_persons,
  })
  assert.equal(r.status, 200, JSON.stringify(r.body))

  const title = form.locator('input[name=clue_title]')
  await title.fill(TITLE + '（成员修改）')
  const put = member.waitForResponse(isApi('PUT', at))
  const reread = member.waitForResponse(isApi('GET', at))
  await form.locator('.save').click()
  const refused = await put
  assert.equal(refused.status(), 409)
  assert.equal((await checkResponse(refused, '/clues/{id}')).error.key, 'stale_version')
  await member.locator('.el-message--error', { hasText: '数据已被他人修改' }).waitFor()
  await form.locator('.stale-alert').waitFor()
  assert.equal(await title.inputValue(), TITLE + '（成员修改）')
  assert.equal((await checkResponse(await reread, '/clues/{id}')).version, r.body.version)
  await member.locator('.clue-evidence', { hasText: '组长补充' }).waitFor()
  await form.getByRole('button', { name: '取消' }).click()
  await form.waitFor({ state: 'hidden' })
  created = r.body
  await closePage(leader)
})

test('leader1 hands it over to 纪委监委; member1’s open form then saves nothing', async () => {
  // member1 starts an edit before the leader hands it over.
  await member.locator('.edit-clue').click()
  const form = member.locator('.clue-form')
  await form.getByText('编辑线索').waitFor()

  const leader = await pageFor('leader1')
  await openClue(leader, created.id)
  const page = leader.locator('.clue-page')
  await page.locator('.edit-clue').waitFor()
  assert.deepEqual((await moveLabels(leader)).sort(), ['移交', '撤销'].sort())
  const res = await move(leader, 'handed_over', '纪委监委即可看到并签收该线索')
  assert.equal(res.status(), 200)
  const body = await checkResponse(res, '/clues/{id}/transitions')
  assert.equal(body.state, 'handed_over')
  assert.ok(body.handed_over_at)
  assert.equal(body.handed_over_by, '陈国栋')
  assert.equal(body.editable, false)
  assert.deepEqual(body.allowed_transitions, ['draft'], 'recall, before it is signed for')
  await leader.locator('.el-message--success', { hasText: '已移交' }).waitFor()
  await page.locator('.clue-state', { hasText: '已移交' }).waitFor()
  await page.locator('.clue-history .step-handed_over', { hasText: '移交纪委监委' }).waitFor()
  await page.locator('.clue-history .step-handed_over').getByText('陈国栋').waitFor()
  assert.deepEqual(await moveLabels(leader), ['撤回'])
  assert.equal(await page.locator('.edit-clue').count(), 0)
  created = body

  // member1's form, opened on the draft, can save nothing now: the server says the clue is no
  // longer a draft, the form closes with that message and the page reads the clue again.
  await form.locator('input[name=clue_title]').fill(TITLE + '（改）')
  const put = member.waitForResponse(isApi('PUT', `/clues/${created.id}`))
  const reread = member.waitForResponse(isApi('GET', `/clues/${created.id}`))
  await form.locator('.save').click()
  const refused = await put
  assert.equal(refused.status(), 409)
  assert.equal((await checkResponse(refused, '/clues/{id}')).error.key, 'clue_not_editable')
  await member.locator('.el-message--error', { hasText: '该线索已不是草稿' }).waitFor()
  await form.waitFor({ state: 'hidden' })
  await reread
  await member.locator('.clue-state', { hasText: '已移交' }).waitFor()
  assert.equal(await member.locator('.edit-clue').count(), 0)
  assert.deepEqual(await moveLabels(member), [], 'a member makes no moves')
  await closePage(leader)
})

test('组织部 (clue_org) neither lists nor opens it', async () => {
  const org = await pageFor('clue_org')
  const answer = org.waitForResponse(isApi('GET', '/clues'))
  await org.locator('[data-menu=clues]').click()
  const list = await checkResponse(await answer, '/clues')
  assert.ok(
    list.items.every((c) => c.organ === 'organisation_department'),
    JSON.stringify(list.items),
  )
  assert.ok(!list.items.some((c) => c.id === created.id))
  // Its demo clue is still a draft: nothing handed over to 组织部 yet.
  assert.equal(list.total, 0)
  await org.locator('.clues-table').getByText('暂无移交本机关的问题线索').waitFor()
  assert.equal(await org.locator('.create-clue').count(), 0)
  assert.equal(await org.locator('.organ-filter').count(), 0)
  assert.equal(await org.locator('.group-filter').count(), 0)
  const res = await openClue(org, created.id)
  assert.equal(res.status(), 404)
  await org.locator('.not-found').getByText('未找到').waitFor()
  await closePage(org)
})

test('纪委监委 signs for it — first on a changed version — and reports the disposal', async () => {
  const rec = await pageFor('clue')
  const menu = await rec.locator('.menu').innerText()
  assert.deepEqual(
    menu
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    ['巡察轮次', '问题线索', '检索'],
  )
  const answer = rec.waitForResponse(isApi('GET', '/clues'))
  await rec.locator('[data-menu=clues]').click()
  const list = await checkResponse(await answer, '/clues')
  assert.equal(list.total, 2, 'the demo clue and this one')
  assert.ok(list.items.every((c) => c.organ === 'discipline_commission'))
  assert.ok(list.items.every((c) => RECEIVABLE.includes(c.state)))
  assert.equal(list.items[0].id, created.id)
  await rowsOf(rec, 'clues-table').first().locator('.clue-link', { hasText: TITLE }).waitFor()
  assert.equal(await rec.locator('.create-clue').count(), 0)
  // Its state filter offers only the states after a handover.
  await rec.locator('.state-filter').click()
  const items = rec.locator('.el-select-dropdown__item:visible')
  await items.getByText('已反馈处置').waitFor()
  const offered = await items.allTextContents()
  assert.deepEqual(
    offered.map((s) => s.trim()),
    ['已移交', '已签收', '已反馈处置'],
  )
  await rec.keyboard.press('Escape')

  await openClue(rec, created.id)
  const page = rec.locator('.clue-page')
  await page.locator('.clue-description', { hasText: FACTS }).waitFor()
  // The recipient may not open the stationing: its name is text, not a link.
  await page.locator('.assignment-text', { hasText: '第一巡察组 → 市财政局' }).waitFor()
  assert.equal(await page.locator('.assignment-link').count(), 0)
  assert.deepEqual(await moveLabels(rec), ['签收'])
  assert.equal(await page.locator('.edit-clue').count(), 0)

  // Meanwhile (another tab) the leader recalls it and hands it over again: same state, newer
  // version. 签收 on the old version is stale; the page reads it again.
  const leader = await pageFor('leader1')
  let v = created.version
  for (const to of ['draft', 'handed_over']) {
    const r = await api(leader, 'POST', `/clues/${created.id}/transitions`, { to, version: v })
    assert.equal(r.status, 200, JSON.stringify(r.body))
    v = r.body.version
  }
  await closePage(leader)
  let reread = rec.waitForResponse(isApi('GET', `/clues/${created.id}`))
  let res = await move(rec, 'received', '确定签收')
  assert.equal(res.status(), 409)
  assert.equal((await checkResponse(res, '/clues/{id}/transitions')).error.key, 'stale_version')
  await rec.locator('.el-message--error', { hasText: '该线索已被他人修改，已重新读取' }).waitFor()
  created = await checkResponse(await reread, '/clues/{id}')
  assert.equal(created.version, v)

  res = await move(rec, 'received', '确定签收')
  assert.equal(res.status(), 200)
  let body = await checkResponse(res, '/clues/{id}/transitions')
  assert.equal(body.state, 'received')
  assert.equal(body.received_by, '市纪委监委·何静')
  assert.deepEqual(body.allowed_transitions, ['disposed'])
  created = body
  await rec.locator('.el-message--success', { hasText: '已签收' }).waitFor()
  await page.locator('.clue-state', { hasText: '已签收' }).waitFor()
  await page.locator('.clue-history .step-received').getByText('市纪委监委·何静').waitFor()
  assert.deepEqual(await moveLabels(rec), ['反馈处置情况'])

  // The disposal: nothing is sent before a disposal is chosen.
  await page.locator('.move-disposed').click()
  const dialog = rec.locator('.disposal-dialog')
  await dialog.getByText('反馈处置情况：' + TITLE).waitFor()
  let posted = 0
  const countPosts = (r) => {
    if (isApi('POST', `/clues/${created.id}/transitions`)(r)) posted += 1
  }
  rec.on('request', countPosts)
  await dialog.locator('.save').click()
  await dialog.getByText('请选择处置方式').waitFor()
  assert.equal(posted, 0)
  rec.off('request', countPosts)
  await choose(rec, dialog.locator('.disposal-select'), '谈话函询')
  await dialog.locator('textarea[name=disposal_note]').fill(NOTE)
  await dialog.getByText('请选择处置方式').waitFor({ state: 'detached' })
  await rec.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'detached' })
  await settled(rec)
  await screenshot(rec, '64-clue-disposal')
  const disposed = rec.waitForResponse(isApi('POST', `/clues/${created.id}/transitions`))
  await dialog.locator('.save').click()
  res = await disposed
  assert.equal(res.status(), 200)
  body = await checkResponse(res, '/clues/{id}/transitions')
  assert.equal(body.state, 'disposed')
  assert.equal(body.disposal, 'talk_inquiry')
  assert.equal(body.disposal_note, NOTE)
  assert.ok(body.disposed_at)
  assert.deepEqual(body.allowed_transitions, [])
  created = body
  await rec.locator('.el-message--success', { hasText: '处置情况已反馈' }).waitFor()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('.clue-state', { hasText: '已反馈处置' }).waitFor()
  const step = page.locator('.clue-history .step-disposed')
  await step.locator('.clue-disposal', { hasText: '谈话函询' }).waitFor()
  await step.locator('.clue-disposal-note', { hasText: NOTE }).waitFor()
  assert.deepEqual(await moveLabels(rec), [])
  await settled(rec)
  await screenshot(rec, '63-clue-detail')
  await closePage(rec)
})

test('the office reads it with its history, exports the filtered hand-over list, changes nothing', async () => {
  const office = await pageFor('office')
  const listed = office.waitForResponse(isApi('GET', '/clues'))
  await office.locator('[data-menu=clues]').click()
  const list = await checkResponse(await listed, '/clues')
  assert.equal(list.total, 3, 'every group’s clues, drafts included')
  assert.equal(await office.locator('.create-clue').count(), 0)
  // The organ filter asks the server for one organ's clues.
  const filtered = office.waitForResponse(isApi('GET', '/clues'))
  await choose(office, office.locator('.organ-filter'), '组织部')
  const f = await filtered
  assert.equal(new URL(f.url()).searchParams.get('organ'), 'organisation_department')
  const only = await checkResponse(f, '/clues')
  assert.equal(only.total, 1)
  assert.equal(only.items[0].state, 'draft')

  // 导出移交清单 sends the filters set and answers a workbook.
  const exported = office.waitForResponse(isApi('GET', '/clues.xlsx'))
  await office.locator('.export-clues').click()
  const x = await exported
  assert.equal(x.status(), 200)
  assert.match(x.headers()['content-type'], /spreadsheetml/)
  assert.equal((await x.body()).subarray(0, 2).toString(), 'PK', 'a zip container')
  assert.equal(new URL(x.url()).searchParams.get('organ'), 'organisation_department')
  assert.equal(await office.locator('.el-message--error').count(), 0)

  const res = await openClue(office, created.id)
  const detail = await checkResponse(res, '/clues/{id}')
  assert.equal(detail.editable, false)
  assert.deepEqual(detail.allowed_transitions, [])
  await office.locator('.clue-history .step-disposed', { hasText: '谈话函询' }).waitFor()
  assert.equal(await office.locator('.clue-buttons .el-button').count(), 1, 'only 返回')
  await closePage(office)
})

test('member2 (第二巡察组) gets 未找到 for its URL, and does not list it', async () => {
  const other = await pageFor('member2')
  const res = await openClue(other, created.id)
  assert.equal(res.status(), 404)
  await other.locator('.not-found').getByText('未找到').waitFor()
  assert.equal(await other.locator('.clue-title-text').count(), 0)
  const answer = other.waitForResponse(isApi('GET', '/clues'))
  await other.goto('/clues')
  const list = await checkResponse(await answer, '/clues')
  assert.equal(list.total, 0)
  await other.locator('.create-clue').waitFor()
  await closePage(other)
})

for (const who of ['unit1', 'leadership']) {
  test(`${who} has no 问题线索: no menu, 未找到, the API answers 403`, async () => {
    const page = await pageFor(who)
    await page.locator('.menu').getByText('巡察轮次').waitFor()
    assert.equal(await page.locator('[data-menu=clues]').count(), 0)
    for (const path of ['/clues', `/clues/${created.id}`]) {
      const r = await api(page, 'GET', path)
      assert.equal(r.status, 403, `${path}: ${JSON.stringify(r.body)}`)
    }
    const r = await api(page, 'POST', `/clues/${created.id}/transitions`, {
      to: 'draft',
      version: created.version,
    })
    assert.equal(r.status, 403, JSON.stringify(r.body))
    await page.goto(`/clues/${created.id}`)
    await page.getByText('未找到').first().waitFor()
    await page.goto('/clues')
    await page.getByText('未找到').first().waitFor()
    await closePage(page)
  })
}

test('检索 finds it by a two-character word as 问题线索, each in its scope', async () => {
  // The recipient finds clues only: no kind switch, no channel, no group or unit.
  const rec = await pageFor('clue')
  await rec.locator('[data-menu=search]').click()
  await rec.waitForURL('**/search')
  await rec.locator('.search-idle').getByText('移交本机关的问题线索').waitFor()
  assert.equal(await rec.locator('.kind-filter').count(), 0)
  assert.equal(await rec.locator('.channel-filter').count(), 0)
  assert.equal(await rec.locator('.group-filter').count(), 0)
  const input = rec.locator('.search-input input')
  await input.fill(WORD)
  let answer = rec.waitForResponse(isApi('GET', '/search'))
  await input.press('Enter')
  let res = await answer
  assert.equal(new URL(res.url()).searchParams.get('kind'), 'clue')
  let body = await checkResponse(res, '/search')
  assert.equal(body.total, 1, JSON.stringify(body))
  assert.equal(body.items[0].kind, 'clue')
  assert.equal(body.items[0].id, created.id)
  const hit = rec.locator('.search-results .search-hit').first()
  await hit.locator('.kind-tag', { hasText: '问题线索' }).waitFor()
  await hit.locator('.state-tag', { hasText: '已反馈处置' }).waitFor()
  await hit.getByText('第一巡察组 · 市财政局').waitFor()
  await hit.locator('.organ', { hasText: '纪委监委' }).waitFor()
  const marks = await hit.locator('mark').allTextContents()
  assert.ok(marks.length > 0 && marks.every((m) => m === WORD), marks.join())
  const opened = rec.waitForResponse(isApi('GET', `/clues/${created.id}`))
  await hit.locator('.clue-link', { hasText: TITLE }).click()
  await rec.waitForURL(`**/clues/${created.id}`)
  assert.equal((await opened).status(), 200)
  await closePage(rec)

  // 组织部 finds nothing by it.
  const org = await pageFor('clue_org')
  answer = org.waitForResponse(isApi('GET', '/search'))
  await org.goto(`/search?q=${encodeURIComponent(WORD)}`)
  assert.equal((await checkResponse(await answer, '/search')).total, 0)
  await org.locator('.search-none').getByText('未找到符合条件的问题线索').waitFor()
  await closePage(org)

  // member1 switches the kind to 问题线索: the clue states, no channel.
  await member.locator('[data-menu=search]').click()
  await member.waitForURL('**/search')
  const box = member.locator('.search-input input')
  await box.fill(WORD)
  answer = member.waitForResponse(isApi('GET', '/search'))
  await box.press('Enter')
  body = await checkResponse(await answer, '/search')
  assert.ok(body.items.some((h) => h.kind === 'clue' && h.id === created.id))
  answer = member.waitForResponse(isApi('GET', '/search'))
  await member.locator('.kind-filter').getByText('问题线索').click()
  res = await answer
  assert.equal(new URL(res.url()).searchParams.get('kind'), 'clue')
  body = await checkResponse(res, '/search')
  assert.equal(body.total, 1)
  assert.equal(await member.locator('.channel-filter').count(), 0, 'clues have no channel')
  answer = member.waitForResponse(isApi('GET', '/search'))
  await choose(member, member.locator('.state-filter'), '已反馈处置')
  res = await answer
  assert.equal(new URL(res.url()).searchParams.get('state'), 'disposed')
  assert.equal((await checkResponse(res, '/search')).total, 1)
  await member.locator('.search-hit .kind-tag', { hasText: '问题线索' }).waitFor()
  await member.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'detached' })
  await settled(member)
  await screenshot(member, '65-search-clue')
  assert.deepEqual(dialogs, [])
})

test('every clues and search answer the UI received matches docs/openapi.yaml', async () => {
  const seen = await Promise.all(checked)
  for (const p of [
    'GET /api/v1/clues → 200',
    'POST /api/v1/clues → 201',
    'PUT /api/v1/clues/',
    'GET /api/v1/search → 200',
  ]) {
    assert.ok(
      seen.some((s) => s.startsWith(p)),
      `${p} not seen in:\n${seen.join('\n')}`,
    )
  }
  assert.ok(seen.some((s) => s.includes('/transitions → 200')))
  assert.ok(seen.some((s) => s.includes('/transitions → 409')))
})
