// Visits the remaining main pages at 1366x768 for a human look.
import { after, before, test } from 'node:test'
import { login, rowsOf, screenshot, setup } from './helpers.mjs'

let env
before(async () => {
  env = await setup()
})
after(async () => {
  await env?.stop()
})

test('office pages', async () => {
  const page = await env.newPage()
  await login(page, 'office')
  await page.goto('/groups')
  await rowsOf(page, 'groups-table').first().waitFor()
  await screenshot(page, '21-groups')
  await page.goto('/units')
  await rowsOf(page, 'units-table').first().waitFor()
  await screenshot(page, '22-units')
  await page.goto('/inspectors')
  await rowsOf(page, 'inspectors-table').first().waitFor()
  await screenshot(page, '23-inspectors')
  await rowsOf(page, 'inspectors-table').first().getByRole('link').click()
  await page.locator('.inspector-form input[name=inspector_name]').waitFor()
  await page.locator('.history-table').waitFor()
  await screenshot(page, '24-inspector-detail')
  await page.goto('/audit')
  await rowsOf(page, 'audit-table').first().waitFor()
  await screenshot(page, '25-audit')
  await page.goto('/rounds')
  await page.locator('.rounds-table').getByRole('link', { name: '五届市委第九轮巡察' }).click()
  await page.getByRole('tab', { name: '时间轴' }).click()
  await page.locator('.timeline-chart canvas').waitFor()
  await screenshot(page, '26-round9-timeline')
})

test('group leader and unit liaison pages', async () => {
  const leader = await env.newPage()
  await login(leader, 'leader1')
  await leader.locator('.rounds-table').getByText('五届市委第九轮巡察').waitFor()
  await screenshot(leader, '27-leader-rounds')
  await leader.goto('/groups')
  await rowsOf(leader, 'groups-table').first().getByRole('link').first().click()
  await leader.locator('.members-table').waitFor()
  await screenshot(leader, '28-leader-group')

  const unit = await env.newPage()
  await login(unit, 'unit1')
  await unit.locator('.menu').getByText('本单位').click()
  await unit.locator('.leaders-table').waitFor()
  await screenshot(unit, '29-unit-liaison')
})
