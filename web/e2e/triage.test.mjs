// 研判: member1 (第一巡察组 at 市财政局) opens a letter naming 王胜弘 — the roster has 王胜宏 —
// about 公款吃喝, sent twice. The panel shows the roster match with its evidence (同音异字),
// the scope, 廉洁纪律 with its articles, and the other copy as a repeat; adopting the
// suggestions and saving records a versioned decision that survives a reload; a colleague's
// newer decision is not overwritten (stale); the repeat is split and linked again by number.
// A letter retold in other words with the same facts is linked, and the facts are shown.
// A name with markup stays text. Another group and the unit liaison get nothing.
// Every triage answer the UI receives is checked against docs/openapi.yaml.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, assignmentAt, login, recordDialogs, screenshot, setup } from './helpers.mjs'
import { checkResponse } from './openapi.mjs'

const EVIL = '<img src=x onerror=alert(1)>'
const TEXT =
  '（测试数据）反映市财政局局长王胜弘多次用公款吃喝，在酒店宴请私人朋友，' +
  '费用以会议费名义报销，去年以来涉及金额较大，请巡察组核实。'
const COPY =
  '（测试数据）再次反映市财政局局长王胜宏多次用公款吃喝，在酒店宴请私人朋友，' +
  '费用以会议费名义报销，去年以来涉及金额较大，请巡察组认真核实。'

let env
let member
let first
let copy
let dialogs = []

const TRIAGE = '/reports/{id}/triage'
const isTriage = (id, method) => (r) =>
  new URL(r.url()).pathname === `/api/v1/reports/${id}/triage` && r.request().method() === method

async function register(page, assignmentId, name, content) {
  const res = await api(page, 'POST', '/reports', {
    assignment_id: assignmentId,
    channel: 'letter',
    received_at: '2026-01-06T09:30',
    anonymous: true,
    persons: [
      { name, unit: '市财政局', post: '局长' },
      { name: EVIL, unit: '', post: '' },
    ],
    content,
    happened: '',
    place: '',
    received_by: '',
    sealed: false,
  })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

/** Opens the report page; answers the checked triage the panel received. */
async function open(page, id) {
  const answer = page.waitForResponse(isTriage(id, 'GET'))
  await page.goto(`/intake/reports/${id}`)
  const body = await checkResponse(await answer, TRIAGE)
  await page.locator('.triage-card .el-loading-mask').first().waitFor({ state: 'detached' })
  return body
}

const panel = () => member.locator('.triage-card')

before(async () => {
  env = await setup()
  member = await env.newPage()
  dialogs = recordDialogs(member)
  await login(member, 'member1')
  const finance = await assignmentAt(member, '市财政局')
  first = await register(member, finance.id, '王胜弘', TEXT)
  copy = await register(member, finance.id, '王胜宏', COPY)
})
after(async () => {
  await env?.stop()
})

test('the panel shows the roster match, scope, disciplines and the repeat', async () => {
  const t = await open(member, first.id)
  // What the server found, as a user depends on it.
  const person = t.persons.find((p) => p.leader.name === '王胜宏')
  assert.ok(person, JSON.stringify(t.persons))
  assert.equal(person.evidence.kind, 'same_pinyin')
  assert.equal(person.evidence.text, '王胜弘')
  assert.equal(t.scope.kind, 'in_scope')
  const integrity = t.disciplines.find((d) => d.discipline === 'integrity')
  assert.ok(integrity, JSON.stringify(t.disciplines))
  assert.ok(integrity.evidence_cues.includes('公款吃喝'), JSON.stringify(integrity))
  assert.deepEqual(
    t.repeats.map((r) => r.number),
    [copy.number],
  )
  assert.equal(t.decision, null)

  // What the page shows of it.
  const p = panel()
  await p.locator('.pending-tag', { hasText: '待研判' }).waitFor()
  const row = p.locator('.triage-persons tbody tr').first()
  await row.getByText('王胜宏（党组书记、局长）').waitFor()
  await row.locator('.evidence-kind', { hasText: '同音异字' }).waitFor()
  await row.locator('.evidence-text', { hasText: '“王胜弘”' }).waitFor()
  await row.getByText('举报人所列被反映人').waitFor()
  await p.locator('.scope-kind', { hasText: '属于巡察受理范围' }).waitFor()
  const block = p.locator('.discipline[data-discipline=integrity]')
  await block.locator('.discipline-name', { hasText: '廉洁纪律' }).waitFor()
  await block.locator('.cue-strong', { hasText: '公款吃喝' }).waitFor()
  for (const a of integrity.articles) {
    const li = block.locator('.article', { hasText: `第${a.number}条` })
    await li.getByText(a.description).waitFor()
    assert.equal(await li.locator('.unverified').count(), a.verified ? 0 : 1, `第${a.number}条`)
  }
  const repeat = p.locator('.triage-repeats tbody tr').first()
  await repeat.locator('.repeat-number', { hasText: copy.number }).waitFor()
  await repeat.getByText('自动识别').waitFor()

  // The name with markup is text; no element, no script.
  await p.locator('.unmatched-name', { hasText: EVIL }).waitFor()
  assert.equal(await member.locator('.triage-card img').count(), 0)
  assert.deepEqual(dialogs, [])
  await p.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(member, '55-triage')
})

test('adopting the suggestions and saving records the decision', async () => {
  const p = panel()
  // Each suggestion is taken or dropped with one click; the form starts from the suggestions.
  const take = p.locator('.discipline[data-discipline=integrity] .take-discipline')
  await take.getByText('已采纳').waitFor()
  await take.click()
  await take.getByText('采纳', { exact: true }).waitFor()
  const unticked = await p
    .locator('.decision-disciplines .el-checkbox.is-checked')
    .allTextContents()
  assert.ok(!unticked.includes('廉洁纪律'), unticked.join())
  await p.locator('.adopt').click()
  await take.getByText('已采纳').waitFor()
  // The form now holds the suggestions: the scope, 廉洁纪律 and 王胜宏.
  assert.equal(
    await p.locator('.decision-scope .el-radio.is-checked').textContent(),
    '属于巡察受理范围',
  )
  const ticked = await p.locator('.decision-disciplines .el-checkbox.is-checked').allTextContents()
  assert.ok(ticked.includes('廉洁纪律'), ticked.join())
  await p
    .locator('.decision-leaders .el-select__selected-item', { hasText: '王胜宏' })
    .first()
    .waitFor()
  await p.locator('textarea[name=triage-note]').fill('（测试）拟作为问题线索进一步了解。')

  const answer = member.waitForResponse(isTriage(first.id, 'PUT'))
  await p.locator('.save-triage').click()
  const res = await answer
  assert.equal(res.status(), 200)
  const saved = await checkResponse(res, TRIAGE)
  assert.equal(saved.decision.version, 1)
  assert.equal(saved.decision.scope, 'in_scope')
  assert.ok(saved.decision.disciplines.includes('integrity'))
  assert.equal(saved.decision.leaders.length, 1)
  assert.equal(saved.decision.note, '（测试）拟作为问题线索进一步了解。')
  await member.locator('.el-message--success', { hasText: '研判结论已保存' }).waitFor()
  await p.locator('.decided-tag', { hasText: '已研判' }).waitFor()
  // Nothing changed since: saving again is not offered.
  assert.equal(await p.locator('.save-triage').isDisabled(), true)

  // A reload shows the decision, not the suggestions.
  await open(member, first.id)
  await panel().locator('.decided-by', { hasText: '（第 1 版）' }).waitFor()
  assert.equal(
    await panel().locator('textarea[name=triage-note]').inputValue(),
    '（测试）拟作为问题线索进一步了解。',
  )
})

test('a colleague’s newer decision is not overwritten', async () => {
  // Someone else decides meanwhile (version 1 → 2).
  const other = await api(member, 'PUT', `/reports/${first.id}/triage`, {
    version: 1,
    scope: 'transfer',
    disciplines: [],
    articles: [],
    leaders: [],
    note: '（测试）属个人诉求，转有关部门。',
  })
  assert.equal(other.status, 200, JSON.stringify(other.body))

  const p = panel()
  await p.locator('textarea[name=triage-note]').fill('（测试）我的意见。')
  const answer = member.waitForResponse(isTriage(first.id, 'PUT'))
  const reread = member.waitForResponse(isTriage(first.id, 'GET'))
  await p.locator('.save-triage').click()
  const res = await answer
  assert.equal(res.status(), 409)
  await checkResponse(await reread, TRIAGE)
  await member.locator('.el-message--error', { hasText: '已被他人更新' }).waitFor()
  // The form now shows the colleague's decision, to be checked before saving again.
  await p.locator('.decided-by', { hasText: '（第 2 版）' }).waitFor()
  assert.equal(
    await p.locator('textarea[name=triage-note]').inputValue(),
    '（测试）属个人诉求，转有关部门。',
  )
  assert.equal(await p.locator('.decision-scope .el-radio.is-checked').textContent(), '建议转办')
})

test('a repeat is split, then linked again by its number', async () => {
  const p = panel()
  await p.locator('.triage-repeats .split-repeat').first().click()
  const box = member.locator('.el-message-box')
  await box.getByText(copy.number).waitFor()
  const split = member.waitForResponse((r) =>
    new URL(r.url()).pathname.endsWith(`/repeats/${copy.id}/split`),
  )
  const reread = member.waitForResponse(isTriage(first.id, 'GET'))
  await box.locator('.el-button--primary').click()
  assert.equal((await split).status(), 204)
  const after = await checkResponse(await reread, TRIAGE)
  assert.deepEqual(after.repeats, [])
  await p.locator('.repeats-none').waitFor()

  // A wrong number is refused in Chinese, with nothing sent.
  await p.locator('.link-number input').fill('123')
  await p.locator('.link-repeat').click()
  await p.getByText('请输入完整的举报编号').waitFor()

  const linked = member.waitForResponse((r) =>
    new URL(r.url()).pathname.endsWith(`/repeats/${copy.id}/link`),
  )
  const again = member.waitForResponse(isTriage(first.id, 'GET'))
  await p.locator('.link-number input').fill(copy.number.toLowerCase())
  await p.locator('.link-repeat').click()
  assert.equal((await linked).status(), 204)
  const back = await checkResponse(await again, TRIAGE)
  assert.deepEqual(
    back.repeats.map((r) => [r.number, r.link_origin]),
    [[copy.number, 'staff']],
  )
  await p.locator('.triage-repeats tbody tr').getByText('人工确认').waitFor()
})

test('a retold letter with the same facts is shown as a repeat with those facts', async () => {
  const finance = await assignmentAt(member, '市财政局')
  const told = await register(
    member,
    finance.id,
    '王胜弘',
    '（测试数据）反映市财政局局长王胜弘2023年5月12日在聚福楼宴请管理服务对象，一顿饭花费8600元，' +
      '费用在专项资金中列支，请巡察组核查。',
  )
  const retold = await register(
    member,
    finance.id,
    '王胜弘',
    '（测试数据）听说财政局的王胜弘局长去年5月12日那天（2023年）跑到聚福楼摆了一桌，请的都是' +
      '找局里办事的老板，8600元的饭钱最后走的是专项资金的账。',
  )
  const t = await open(member, retold.id)
  const found = t.repeats.find((r) => r.number === told.number)
  assert.ok(found, JSON.stringify(t.repeats))
  assert.equal(found.link_basis, 'facts')
  assert.ok(found.shared_facts.includes('聚福楼'), JSON.stringify(found))
  assert.ok(!found.shared_facts.includes('2026'), 'the report numbers are not facts')
  // Only this pair: the letters registered before share no facts with it.
  assert.deepEqual(
    t.repeats.map((r) => r.number),
    [told.number],
  )
  const row = panel().locator('.triage-repeats tbody tr', { hasText: told.number })
  await row.locator('.repeat-basis', { hasText: '措辞不同，事实相同' }).waitFor()
  await row.locator('.repeat-facts', { hasText: '相同事实：聚福楼' }).waitFor()
  await row.locator('.repeat-facts', { hasText: '8600元' }).waitFor()
  await row.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await screenshot(member, '56-triage-repeat-by-facts')
})

test('another group and the unit liaison get no triage', async () => {
  const other = await env.newPage()
  await login(other, 'member2')
  const res = await api(other, 'GET', `/reports/${first.id}/triage`)
  assert.equal(res.status, 404, JSON.stringify(res.body))
  assert.equal(typeof res.body.error.message, 'string')

  const unit = await env.newPage()
  await login(unit, 'unit1')
  const denied = await api(unit, 'GET', `/reports/${first.id}/triage`)
  assert.equal(denied.status, 403, JSON.stringify(denied.body))
  await other.context().close()
  await unit.context().close()
})
