// 检索: member1 (round 9, 第一巡察组 at 市财政局) searches from the menu; the URL
// carries the query (back returns to the results); a demo report is found with
// the term marked and opens; one character finds too; another group's report
// (公车, 第二巡察组) finds nothing for him; a bad query shows the server's
// Chinese message; a report whose content holds markup shows it as text in the
// snippet (no element, no alert). The unit liaison finds his unit's measures only (no
// report, no discipline filter); admin is refused.
// Every search answer the UI receives is checked against docs/openapi.yaml.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  PASSWORD,
  api,
  assignmentAt,
  choose,
  login,
  recordDialogs,
  screenshot,
  setup,
} from './helpers.mjs'
import { assertMatchesSpec, checkResponse } from './openapi.mjs'

const EVIL = '<img src=x onerror=alert(1)>'

let env
let member
/** JavaScript dialogs (alert/confirm/prompt) opened by the page: there must be none. */
let dialogs = []

const isSearch = (r) =>
  new URL(r.url()).pathname === '/api/v1/search' && r.request().method() === 'GET'

/** Types `q` into the search box, presses Enter, answers the checked JSON and the response. */
async function searchFor(page, q) {
  const input = page.locator('.search-input input')
  await input.fill(q)
  const answer = page.waitForResponse(isSearch)
  await input.press('Enter')
  const res = await answer
  const body = await checkResponse(res, '/search')
  await page.locator('.search-body .el-loading-mask').first().waitFor({ state: 'detached' })
  return { res, body }
}

const hits = () => member.locator('.search-results .search-hit')

before(async () => {
  env = await setup()
  member = await env.newPage()
  dialogs = recordDialogs(member)
  await login(member, 'member1')

  // A report whose content carries markup, registered by member1 for his group.
  const finance = await assignmentAt(member, '市财政局')
  const created = await api(member, 'POST', '/reports', {
    assignment_id: finance.id,
    channel: 'call',
    received_at: '2026-01-05T09:30',
    anonymous: true,
    persons: [{ name: '（测试）某某', unit: '', post: '' }],
    content: `（测试数据）反映违规报销问题${EVIL}请核实。`,
    happened: '',
    place: '',
    received_by: '',
    sealed: false,
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
})
after(async () => {
  await env?.stop()
})

test('the menu leads to 检索; nothing is searched before a query', async () => {
  const item = member.locator('[data-menu=search]')
  await item.getByText('检索').waitFor()
  await item.click()
  await member.waitForURL('**/search')
  await member.locator('.search-idle').getByText('输入检索词开始检索').waitFor()
  // The help popover explains the syntax in Chinese.
  await member.locator('.search-help-button').click()
  const help = member.locator('.search-help-body')
  await help.getByText('包含其中任意一个').waitFor()
  await help.getByText('公款 OR 吃喝').waitFor()
  // The popover fades in: shoot once the transition is over.
  await member.waitForFunction(() => {
    const el = globalThis.document.querySelector('.el-popper.search-help')
    return (
      el && !/enter|leave/.test(el.className) && globalThis.getComputedStyle(el).opacity === '1'
    )
  })
  await screenshot(member, '51-search-help')
  await member.locator('.search-page h2').click()
  await help.waitFor({ state: 'hidden' })
})

test('宴请 finds the demo web report, marked; the URL holds the query; it opens', async () => {
  const { res, body } = await searchFor(member, '宴请')
  assert.equal(new URL(res.url()).searchParams.get('q'), '宴请')
  assert.equal(body.total, 1, JSON.stringify(body))
  assert.deepEqual(body.terms, ['宴请'])
  const item = body.items[0]
  assert.equal(item.kind, 'report')
  assert.equal(item.channel, 'web')
  assert.equal(item.demo, true)
  await member.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === '宴请')

  await member.locator('.search-total', { hasText: '共 1 条' }).waitFor()
  assert.equal(await hits().count(), 1)
  const hit = hits().first()
  await hit.locator('.report-link', { hasText: item.number }).waitFor()
  assert.deepEqual(await hit.locator('mark').allTextContents(), ['宴请'])
  await hit.getByText('示例数据').waitFor()
  await hit.getByText('网上举报').waitFor()
  await hit.getByText('第一巡察组 · 市财政局').waitFor()
  await screenshot(member, '50-search')

  await hit.locator('.report-link').click()
  await member.waitForURL(`**/intake/reports/${item.id}`)
  await member.locator('.report-content', { hasText: '违规接受管理服务对象宴请' }).waitFor()

  // Back: the URL brings the search back.
  const again = member.waitForResponse(isSearch)
  await member.goBack()
  await checkResponse(await again, '/search')
  await member.waitForURL((u) => u.searchParams.get('q') === '宴请')
  assert.equal(await member.locator('.search-input input').inputValue(), '宴请')
  await hits().first().locator('mark', { hasText: '宴请' }).waitFor()
})

test('one character is enough', async () => {
  const { body } = await searchFor(member, '宴')
  assert.equal(body.total, 1, JSON.stringify(body))
  assert.deepEqual(await hits().first().locator('mark').allTextContents(), ['宴'])
})

test('another group’s report (公车, 第二巡察组) gives nothing', async () => {
  const { body } = await searchFor(member, '公车')
  assert.equal(body.total, 0, JSON.stringify(body))
  assert.deepEqual(body.items, [])
  await member.locator('.search-none').getByText('未找到符合条件的举报件').waitFor()
  assert.equal(await hits().count(), 0)
})

test('OR, sort by date, a channel filter and a link', async () => {
  const { body } = await searchFor(member, '宴请 OR 装修')
  assert.equal(body.total, 2, JSON.stringify(body))
  assert.deepEqual(body.terms, ['宴请', '装修'])

  const sorted = member.waitForResponse(isSearch)
  // Reports and findings both: by time (received or written).
  await member.locator('.sort').getByText('按时间').click()
  const byDate = await checkResponse(await sorted, '/search')
  assert.equal(new URL((await sorted).url()).searchParams.get('sort'), 'date')
  const times = byDate.items.map((i) => i.received_at)
  assert.deepEqual(times, [...times].sort().reverse(), 'newest received first')

  const filtered = member.waitForResponse(isSearch)
  await choose(member, member.locator('.channel-filter'), '来电')
  const byCall = await checkResponse(await filtered, '/search')
  assert.equal(byCall.total, 1)
  assert.equal(byCall.items[0].channel, 'call')
  await member.waitForURL((u) => u.searchParams.get('channel') === 'call')
  await hits().first().locator('mark', { hasText: '装修' }).waitFor()

  // The same search from a link.
  const linked = member.waitForResponse(isSearch)
  await member.goto('/search?q=%E8%A3%85%E4%BF%AE&channel=call&sort=date')
  assert.equal((await checkResponse(await linked, '/search')).total, 1)
  await member.locator('.search-total', { hasText: '共 1 条' }).waitFor()
})

test('a bad query shows the server’s Chinese message', async () => {
  for (const q of ['-公款', '"公款']) {
    const { res, body } = await searchFor(member, q)
    assert.equal(res.status(), 400)
    assert.equal(body.error.key, 'bad_search_query')
    await member
      .locator('.search-error')
      .getByText('检索式有误，请检查引号、括号和 OR/NOT 的用法')
      .waitFor()
    assert.equal(await hits().count(), 0)
  }
  await screenshot(member, '52-search-error')
  // A good query clears the message.
  await searchFor(member, '装修')
  await member.locator('.search-error').waitFor({ state: 'detached' })
})

test('markup in a report is shown as text in the snippet', async () => {
  const { body } = await searchFor(member, '违规报销')
  assert.equal(body.total, 1, JSON.stringify(body))
  assert.ok(
    body.items[0].snippet.some((p) => p.text.includes(EVIL)),
    JSON.stringify(body.items[0].snippet),
  )
  const hit = hits().first()
  await hit.locator('mark', { hasText: '违规报销' }).waitFor()
  await hit.locator('.snippet', { hasText: EVIL }).waitFor()
  assert.equal(await member.locator('.search-results img').count(), 0)
  assert.equal(await hit.locator('.snippet *:not(mark)').count(), 0)
  assert.deepEqual(dialogs, [], 'no alert() may run')
})

test('the unit liaison searches his unit’s measures only: no reports; admin gets 403', async () => {
  const unit = await env.newPage()
  await login(unit, 'unit1')
  // 检索 is in his menu, the kind fixed to 整改措施: no kind switch, no channel.
  await unit.locator('[data-menu=search]').click()
  await unit.waitForURL('**/search')
  await unit.locator('.search-idle').getByText('本单位整改措施').waitFor()
  assert.equal(await unit.locator('.kind-filter').count(), 0)
  assert.equal(await unit.locator('.channel-filter').count(), 0)
  assert.equal(await unit.locator('.discipline-filter').count(), 0, 'measures name no discipline')
  const answer = unit.waitForResponse(isSearch)
  await unit.goto('/search?q=%E5%AE%B4%E8%AF%B7')
  const res = await answer
  assert.equal(new URL(res.url()).searchParams.get('kind'), 'rectification')
  const body = await checkResponse(res, '/search')
  assert.equal(body.total, 0, 'never the reports about his unit')
  await unit.locator('.search-none').getByText('未找到符合条件的整改措施').waitFor()
  // Even asked for every kind, the server finds him no report.
  const all = await api(unit, 'GET', '/search?q=%E5%AE%B4%E8%AF%B7')
  assert.equal(all.status, 200)
  assert.equal(all.body.total, 0)
  await unit.context().close()

  const ctx = await env.browser.newContext({ baseURL: env.server.url })
  const signed = await ctx.request.post('/api/v1/session', {
    data: { username: 'admin', password: PASSWORD },
  })
  assert.equal(signed.status(), 200)
  const refused = await ctx.request.get('/api/v1/search?q=%E5%AE%B4%E8%AF%B7')
  assert.equal(refused.status(), 403)
  assertMatchesSpec('GET', '/search', 403, refused.headers()['content-type'], await refused.text())
  await ctx.close()
})
