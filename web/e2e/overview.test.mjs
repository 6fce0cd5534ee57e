// 统计概览: the office opens it first in its menu and lands on the newest round past planning
// (written into the URL); its figures agree with what the lists answer — the round's
// non-withdrawn findings and clues, by discipline, focus point, organ and stationing — and the
// stationing rows add up to the totals; the page shows them, the round's 示例数据 tag, the
// charts and the table. Choosing another round changes the URL and the figures; back and a link
// work. The leading group lands on it after login and counts the whole round without the
// sealed (越级) reports; member1 counts only his group's stationings (本组数据) and gets 未找到
// for a round he has no group in. Unit liaisons, clue recipients and admins have no menu
// entry, the URL shows 未找到 and the API answers 403. Every overview answer is checked against
// docs/openapi.yaml. Nothing here is a hard-coded total: each is derived from other answers.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, choose, login, rowsOf, screenshot, setup } from './helpers.mjs'
import { assertMatchesSpec, checkResponse, spec } from './openapi.mjs'

const ROUND9 = '五届市委第九轮巡察'
const FIGURES = [
  'reports',
  'sealed_reports',
  'findings',
  'findings_confirmed',
  'clues',
  'clues_handed_over',
  'problems',
  'problems_closed',
  'measures',
  'measures_accepted',
  'measures_overdue',
]
const enumOf = (name) => spec.components.schemas[name].enum

let env
let office
/** The office's rounds (newest first), round 9 and the round the page opens by itself. */
let rounds
let round9
let firstId
/** A round the office makes in planning: no group, nothing counted. */
let fresh
/** The office's and the custodian's (office_head) overviews of round 9. */
let officeView
let custodianView
/** The checks of every overview answer the pages received (see watchAnswers). */
const checked = []

const OVERVIEW = /^\/api\/v1\/rounds\/(\d+)\/overview$/

/** Checks each overview answer the page receives against the spec. */
function watchAnswers(page) {
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname
    if (!OVERVIEW.test(path)) return
    const what = `${res.request().method()} ${path} → ${res.status()}`
    checked.push(checkResponse(res, '/rounds/{id}/overview').then(() => what))
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

const isOverview = (id) => (r) =>
  r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/v1/rounds/${id}/overview`

/** The API with the page's session, the answer checked against the spec. */
async function apiChecked(page, method, path, templ) {
  const r = await api(page, method, path)
  assertMatchesSpec(
    method,
    templ,
    r.status,
    'application/json',
    r.body === null ? '' : JSON.stringify(r.body),
  )
  return r
}

/** The overview of a round as `page`'s user reads it through the API. */
async function overviewOf(page, id) {
  const r = await apiChecked(page, 'GET', `/rounds/${id}/overview`, '/rounds/{id}/overview')
  assert.equal(r.status, 200, JSON.stringify(r.body))
  return r.body
}

/** Every item of a list the page's user reads (one page of 200 is enough for the demo). */
async function all(page, path) {
  const r = await api(page, 'GET', `${path}${path.includes('?') ? '&' : '?'}page_size=200`)
  assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`)
  assert.ok(r.body.total <= 200, `${path}: more than one page`)
  return r.body.items
}

const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0)
const exactly = (n) => new RegExp(`^\\s*${n}\\s*$`)

/** Waits until the page shows `view`: its round, and each figure card's number. */
async function showsFigures(page, view) {
  await page.locator('.round-line .round-name', { hasText: view.round_name }).waitFor()
  const t = view.totals
  const cards = {
    reports: t.reports,
    findings: t.findings,
    clues: t.clues,
    problems: t.problems,
    overdue: t.measures_overdue,
  }
  for (const [key, n] of Object.entries(cards)) {
    await page.locator(`[data-figure=${key}] .figure-number`, { hasText: exactly(n) }).waitFor()
  }
  // 逾期整改措施 is red once anything is overdue.
  const danger = await page.locator('[data-figure=overdue]').getAttribute('class')
  assert.equal(danger.includes('danger'), t.measures_overdue > 0)
  // 越级密封 shows only when the user's count holds a sealed report.
  const sealed = page.locator('[data-figure=reports] .figure-sub')
  if (t.sealed_reports > 0) {
    await sealed.getByText(`越级密封 ${t.sealed_reports} 件`).waitFor()
  } else {
    assert.equal((await sealed.innerText()).trim(), '')
  }
}

/** The tallies add up, in the documented order, and the stationing rows to the totals. */
function assertConsistent(view) {
  const t = view.totals
  assert.deepEqual(
    view.reports_by_channel.map((x) => x.key),
    enumOf('Channel'),
  )
  assert.deepEqual(
    view.reports_by_state.map((x) => x.key),
    enumOf('ReportState'),
  )
  assert.deepEqual(
    view.clues_by_organ.map((x) => x.key),
    enumOf('Organ'),
  )
  assert.equal(view.findings_by_discipline.length, 6)
  assert.equal(
    sum(view.reports_by_channel, (x) => x.count),
    t.reports,
  )
  assert.equal(
    sum(view.reports_by_state, (x) => x.count),
    t.reports,
  )
  assert.equal(
    sum(view.clues_by_organ, (x) => x.count),
    t.clues,
  )
  assert.equal(
    sum(view.findings_by_focus, (x) => x.count),
    t.findings,
  )
  for (const k of FIGURES) {
    assert.equal(
      sum(view.units, (u) => u[k]),
      t[k],
      `units' ${k} add up to the total`,
    )
  }
  assert.ok(t.findings_confirmed <= t.findings && t.clues_handed_over <= t.clues)
  assert.ok(t.sealed_reports <= t.reports && t.problems_closed <= t.problems)
}

/** The reports count what the user's own list of the round holds: the sealed (越级) ones only
 * for whom the 受理台 shows them (the custodian, the group's leader), never for the others. */
async function assertReportsAsListed(page, view) {
  const listed = await all(page, `/reports?round_id=${view.round_id}`)
  assert.equal(view.totals.reports, listed.length, 'reports as the user lists them')
  assert.equal(view.totals.sealed_reports, listed.filter((r) => r.sealed).length, 'sealed')
  for (const c of view.reports_by_channel) {
    assert.equal(c.count, listed.filter((r) => r.channel === c.key).length, c.key)
  }
}

/** The rows come by group number, then stationing start (as documented). */
async function assertUnitOrder(page, view) {
  const groups = (await api(page, 'GET', `/groups?round_id=${view.round_id}`)).body.items
  const number = new Map(groups.map((g) => [g.id, g.number]))
  const keys = view.units.map((u) => [number.get(u.group_id), u.station_start])
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
  assert.deepEqual(keys, sorted, 'units by group number, then stationing start')
}

before(async () => {
  env = await setup()
  office = await pageFor('office')
  rounds = (await api(office, 'GET', '/rounds?page_size=100')).body.items
  round9 = rounds.find((r) => r.name === ROUND9)
  assert.ok(round9, 'the demo holds round 9')
  // The page opens the newest round past planning (the list is newest first).
  firstId = (rounds.find((r) => r.status !== 'planning') ?? rounds[0]).id
  // A new round with nothing in it, and no group: newest, but in planning, it is not the one
  // the page opens by itself.
  const made = await api(office, 'POST', '/rounds', {
    term_id: round9.term_id,
    number: 98,
    name: '（测试）统计概览空白轮',
    type: 'special',
    status: 'planning',
    start_date: '2027-03-01',
    end_date: '2027-05-31',
  })
  assert.equal(made.status, 201, JSON.stringify(made.body))
  fresh = made.body
})
after(async () => {
  await env?.stop()
})

test('the office: 统计概览 first in the menu; it opens a round and writes it into the URL', async () => {
  const items = office.locator('.menu .el-menu-item')
  await items.first().waitFor()
  assert.equal(await items.first().getAttribute('data-menu'), 'overview')
  assert.equal((await items.first().innerText()).trim(), '统计概览')
  const answer = office.waitForResponse(isOverview(firstId))
  await items.first().click()
  await office.waitForURL(
    (u) => u.pathname === '/overview' && u.searchParams.get('round_id') === String(firstId),
  )
  const view = await checkResponse(await answer, '/rounds/{id}/overview')
  assert.equal(view.round_id, firstId)
  assert.equal(view.scope, 'all')
  await showsFigures(office, view)
})

test('the office’s round 9 agrees with the findings and clues it lists; the page shows it', async () => {
  const answer = office.waitForResponse(isOverview(round9.id))
  await office.goto(`/overview?round_id=${round9.id}`)
  officeView = await checkResponse(await answer, '/rounds/{id}/overview')
  const v = officeView
  assert.equal(v.round_name, ROUND9)
  assert.equal(v.round_status, round9.status)
  assert.equal(v.demo, true)
  assert.equal(v.scope, 'all')
  assertConsistent(v)
  await assertReportsAsListed(office, v)

  // Findings: the round's, not withdrawn; by state, stationing, discipline and focus point.
  const findings = (await all(office, `/findings?round_id=${round9.id}`)).filter(
    (f) => f.state !== 'withdrawn',
  )
  assert.ok(findings.length > 0, 'the demo round has findings')
  assert.equal(v.totals.findings, findings.length)
  assert.equal(v.totals.findings_confirmed, findings.filter((f) => f.state === 'confirmed').length)
  for (const d of v.findings_by_discipline) {
    assert.equal(d.count, findings.filter((f) => f.disciplines.includes(d.key)).length, d.key)
  }
  const focus = (await api(office, 'GET', `/rounds/${round9.id}/focus`)).body.items
  const byId = new Map(focus.map((x) => [x.id, x]))
  const pointOf = (id) => {
    let x = byId.get(id)
    while (x && x.parent_id !== null) x = byId.get(x.parent_id)
    return x ? x.id : null
  }
  // Every top-level point in the checklist's order (the list is ordered), then those under none.
  assert.deepEqual(
    v.findings_by_focus.filter((x) => x.focus_item_id !== null).map((x) => x.focus_item_id),
    focus.filter((x) => x.parent_id === null).map((x) => x.id),
  )
  for (const row of v.findings_by_focus) {
    const under = findings.filter(
      (f) => (f.focus_item_id === null ? null : pointOf(f.focus_item_id)) === row.focus_item_id,
    )
    assert.equal(row.count, under.length, `focus ${row.title}`)
  }

  // Clues: the round's, not withdrawn; handed over (or further), by organ.
  const clues = (await all(office, `/clues?round_id=${round9.id}`)).filter(
    (c) => c.state !== 'withdrawn',
  )
  assert.ok(clues.length > 0, 'the demo round has clues')
  assert.equal(v.totals.clues, clues.length)
  assert.equal(
    v.totals.clues_handed_over,
    clues.filter((c) => ['handed_over', 'received', 'disposed'].includes(c.state)).length,
  )
  for (const o of v.clues_by_organ) {
    assert.equal(o.count, clues.filter((c) => c.organ === o.key).length, o.key)
  }

  // One row per stationing of the round, each counting its own findings and clues.
  const stationings = (await api(office, 'GET', `/assignments?round_id=${round9.id}`)).body.items
  assert.deepEqual(
    v.units.map((u) => u.assignment_id).sort((a, b) => a - b),
    stationings.map((a) => a.id).sort((a, b) => a - b),
  )
  for (const u of v.units) {
    const mine = (xs) => xs.filter((x) => x.assignment_id === u.assignment_id).length
    assert.equal(u.findings, mine(findings), `${u.unit_name}: findings`)
    assert.equal(u.clues, mine(clues), `${u.unit_name}: clues`)
  }

  // The page: the round, 示例数据, the figures, the charts and one table row per stationing.
  await showsFigures(office, v)
  await office.locator('.round-line .demo-tag', { hasText: '示例数据' }).waitFor()
  await office.locator('.round-line .round-status').waitFor()
  await office
    .locator('[data-figure=findings] .figure-sub')
    .getByText(`已确认 ${v.totals.findings_confirmed} 个`)
    .waitFor()
  await office
    .locator('[data-figure=clues] .figure-sub')
    .getByText(`已移交 ${v.totals.clues_handed_over} 条`)
    .waitFor()
  assert.equal(await office.locator('.scope-note').count(), 0)
  for (const which of ['discipline', 'focus', 'organ']) {
    await office.locator(`.chart-${which} canvas`).first().waitFor()
  }
  const focusChart = office.locator('.chart-focus [role=img]')
  for (const row of v.findings_by_focus.filter((x) => x.title)) {
    assert.ok((await focusChart.getAttribute('aria-label')).includes(row.title), row.title)
  }
  if (v.totals.reports > 0) await office.locator('.chart-channel canvas').first().waitFor()
  const rows = rowsOf(office, 'units-table')
  await rows.first().waitFor()
  assert.equal(await rows.count(), v.units.length)
  for (const u of v.units) {
    await office.locator('.units-table .unit-link', { hasText: u.unit_name }).first().waitFor()
  }
  const footer = office.locator('.units-table .el-table__footer')
  await footer.getByText('合计').waitFor()
  await footer.getByText(`${v.totals.findings}（${v.totals.findings_confirmed}）`).waitFor()
  await screenshot(office, '71-overview')
})

test('choosing another round changes the URL and the figures; back and a link work', async () => {
  const other = rounds.find((r) => r.id !== round9.id)
  assert.ok(other, 'the demo holds a second round')
  const expected = await overviewOf(office, other.id)
  assertConsistent(expected)

  const answer = office.waitForResponse(isOverview(other.id))
  await choose(office, office.locator('.round-select'), other.name)
  await office.waitForURL((u) => u.searchParams.get('round_id') === String(other.id))
  const view = await checkResponse(await answer, '/rounds/{id}/overview')
  assert.equal(view.round_name, other.name)
  await showsFigures(office, view)
  if (view.totals.reports + view.totals.findings + view.totals.clues + view.totals.measures === 0) {
    await office.locator('.nothing-yet').getByText('本轮尚无统计数据').waitFor()
  }

  // Back: round 9 again, read again.
  const again = office.waitForResponse(isOverview(round9.id))
  await office.goBack()
  await office.waitForURL((u) => u.searchParams.get('round_id') === String(round9.id))
  await checkResponse(await again, '/rounds/{id}/overview')
  await showsFigures(office, officeView)
  assert.equal(await office.locator('.nothing-yet').count(), 0)

  // A link to the other round opens it directly.
  const linked = office.waitForResponse(isOverview(other.id))
  await office.goto(`/overview?round_id=${other.id}`)
  await checkResponse(await linked, '/rounds/{id}/overview')
  await showsFigures(office, view)
})

test('the stationing rows come by group number, then stationing start', async () => {
  for (const r of rounds) await assertUnitOrder(office, await overviewOf(office, r.id))
})

test('the custodian counts the sealed reports he lists; the card says 越级密封', async () => {
  const head = await pageFor('office_head')
  custodianView = await overviewOf(head, round9.id)
  assertConsistent(custodianView)
  await assertReportsAsListed(head, custodianView)
  assert.ok(custodianView.totals.sealed_reports > 0, 'the demo round holds a sealed letter')
  const shown = head.waitForResponse(isOverview(round9.id))
  await head.goto(`/overview?round_id=${round9.id}`)
  await checkResponse(await shown, '/rounds/{id}/overview')
  await showsFigures(head, custodianView)
  await closePage(head)
})

test('the leading group lands on 统计概览: the whole round, no sealed reports', async () => {
  // Listen before logging in: the page reads the overview as soon as it lands.
  const head = await env.newPage()
  watchAnswers(head)
  const answer = head.waitForResponse(isOverview(firstId))
  await login(head, 'leadership')
  await head.waitForURL(
    (u) => u.pathname === '/overview' && u.searchParams.get('round_id') === String(firstId),
  )
  await checkResponse(await answer, '/rounds/{id}/overview')
  assert.equal(
    await head.locator('.menu .el-menu-item').first().getAttribute('data-menu'),
    'overview',
  )

  const v = await overviewOf(head, round9.id)
  assert.equal(v.scope, 'all')
  assert.equal(v.totals.sealed_reports, 0)
  assert.ok(v.units.every((u) => u.sealed_reports === 0))
  assertConsistent(v)
  // The same round as the custodian counts it, the sealed reports left out.
  assert.equal(v.totals.reports, custodianView.totals.reports - custodianView.totals.sealed_reports)
  for (const k of FIGURES.filter((k) => !k.includes('reports'))) {
    assert.equal(v.totals[k], officeView.totals[k], k)
  }
  assert.equal(v.units.length, officeView.units.length)

  const shown = head.waitForResponse(isOverview(round9.id))
  await head.goto(`/overview?round_id=${round9.id}`)
  await checkResponse(await shown, '/rounds/{id}/overview')
  await showsFigures(head, v)
  assert.equal(await head.locator('.scope-note').count(), 0)
  await closePage(head)
})

test('member1 counts only 第一巡察组’s stationings (本组数据); another round is 未找到', async () => {
  const member = await pageFor('member1')
  await member.waitForURL('**/rounds') // his home is unchanged
  const first = member.locator('.menu .el-menu-item').first()
  await first.waitFor()
  assert.equal(await first.getAttribute('data-menu'), 'overview')
  // His own rounds; the page opens the newest past planning, as for the office.
  const own = (await api(member, 'GET', '/rounds?page_size=100')).body.items
  assert.ok(own.some((r) => r.id === round9.id))
  const start = (own.find((r) => r.status !== 'planning') ?? own[0]).id
  const opened = member.waitForResponse(isOverview(start))
  await first.click()
  await member.waitForURL((u) => u.searchParams.get('round_id') === String(start))
  let v = await checkResponse(await opened, '/rounds/{id}/overview')
  if (start !== round9.id) {
    const answer = member.waitForResponse(isOverview(round9.id))
    await member.goto(`/overview?round_id=${round9.id}`)
    v = await checkResponse(await answer, '/rounds/{id}/overview')
  }
  assert.equal(v.scope, 'own_groups')
  assert.equal(v.totals.sealed_reports, 0)
  assert.ok(v.units.length > 0)
  assert.ok(
    v.units.every((u) => u.group_name === '第一巡察组' && u.sealed_reports === 0),
    JSON.stringify(v.units.map((u) => u.group_name)),
  )
  assertConsistent(v)
  // His own findings and clues of the round, as his lists give them.
  const findings = (await all(member, `/findings?round_id=${round9.id}`)).filter(
    (f) => f.state !== 'withdrawn',
  )
  assert.equal(v.totals.findings, findings.length)
  const clues = (await all(member, `/clues?round_id=${round9.id}`)).filter(
    (c) => c.state !== 'withdrawn',
  )
  assert.equal(v.totals.clues, clues.length)
  assert.ok(v.totals.findings <= officeView.totals.findings)
  await assertReportsAsListed(member, v)

  await showsFigures(member, v)
  await member.locator('.scope-note').getByText('本组数据').waitFor()
  const rows = rowsOf(member, 'units-table')
  await rows.first().waitFor()
  assert.equal(await rows.count(), v.units.length)
  assert.equal(await member.locator('.units-table').getByText('第二巡察组').count(), 0)

  // A round he has no group in (the new one): 404 from the API, 未找到 on the page, the
  // select still there to choose another.
  assert.ok(!own.some((r) => r.id === fresh.id))
  const r = await apiChecked(member, 'GET', `/rounds/${fresh.id}/overview`, '/rounds/{id}/overview')
  assert.equal(r.status, 404, JSON.stringify(r.body))
  const refused = member.waitForResponse(isOverview(fresh.id))
  await member.goto(`/overview?round_id=${fresh.id}`)
  assert.equal((await refused).status(), 404)
  await member.locator('.overview-page .not-found').getByText('未找到').waitFor()
  assert.equal(await member.locator('.figures').count(), 0)
  await member.locator('.round-select').waitFor()
  await closePage(member)
})

test('a round with nothing yet reads well: what will be counted, empty charts and table', async () => {
  const answer = office.waitForResponse(isOverview(fresh.id))
  await office.goto(`/overview?round_id=${fresh.id}`)
  const v = await checkResponse(await answer, '/rounds/{id}/overview')
  assert.equal(v.round_status, 'planning')
  assert.equal(v.demo, false)
  assert.deepEqual(v.units, [])
  assertConsistent(v)
  await showsFigures(office, v)
  await office.locator('.nothing-yet').getByText('本轮尚无统计数据').waitFor()
  assert.equal(await office.locator('.round-line .demo-tag').count(), 0)
  await office.locator('.chart-channel').getByText('暂无信访举报').waitFor()
  await office.locator('.chart-discipline').getByText('暂无问题底稿').waitFor()
  await office.locator('.chart-organ').getByText('暂无问题线索').waitFor()
  await office.locator('.units-table').getByText('本轮尚无进驻安排').waitFor()
  assert.equal(await office.locator('.overview-page canvas').count(), 0)
})

for (const who of ['unit1', 'clue', 'admin']) {
  test(`${who} has no 统计概览: no menu, 未找到, the API answers 403`, async () => {
    const page = await pageFor(who)
    await page.locator('.menu .el-menu-item').first().waitFor()
    assert.equal(await page.locator('[data-menu=overview]').count(), 0)
    assert.ok(!(await page.locator('.menu').innerText()).includes('统计概览'))
    const r = await apiChecked(
      page,
      'GET',
      `/rounds/${round9.id}/overview`,
      '/rounds/{id}/overview',
    )
    assert.equal(r.status, 403, JSON.stringify(r.body))
    let asked = 0
    page.on('request', (q) => {
      if (OVERVIEW.test(new URL(q.url()).pathname)) asked += 1
    })
    await page.goto(`/overview?round_id=${round9.id}`)
    await page.locator('.not-found').getByText('未找到').waitFor()
    assert.equal(asked, 0, 'the refused page asks nothing')
    assert.equal(new URL(page.url()).pathname, '/overview')
    await closePage(page)
  })
}

test('every overview answer matched the spec', async () => {
  const seen = await Promise.all(checked)
  assert.ok(seen.length >= 8, seen.join('\n'))
})
