// Shared browser helpers: one chromium per test file, pages at 1366x768.
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import { startServer } from './server.mjs'

export const PASSWORD = 'Demo@12345'
export const VIEWPORT = { width: 1366, height: 768 }
/** A phone, for the public pages: viewport, touch and the mobile meta viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
export const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots')

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Starts a server and a browser; returns them with a stop() for `after`. */
export async function setup(serveArgs = []) {
  const server = await startServer(serveArgs)
  let browser
  try {
    browser = await launchBrowser()
  } catch (e) {
    await server.stop()
    throw e
  }
  return {
    server,
    browser,
    /** A page in a fresh context (own cookies); `options` override the context's (see PHONE). */
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: VIEWPORT,
        locale: 'zh-CN',
        ...options,
      })
      const page = await context.newPage()
      page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`))
      return page
    },
    async stop() {
      await browser.close().catch(() => {})
      await server.stop()
    },
  }
}

/** Logs in through the UI and waits for the first page after login. */
export async function login(page, username, password = PASSWORD) {
  await page.goto('/login')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST',
  )
  await page.click('button[type=submit]')
  const res = await answer
  if (res.ok()) await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  return res
}

/** Calls the API with the page's session (cookie and CSRF token). */
export async function api(page, method, path, body) {
  const me = await page.request.get('/api/v1/me')
  const { csrf_token } = await me.json()
  const res = await page.request.fetch('/api/v1' + path, {
    method,
    headers: { 'X-CSRF-Token': csrf_token, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status(), body: text ? JSON.parse(text) : null }
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  // Let fonts settle: wait for document.fonts, never a fixed delay.
  await page.evaluate(() => globalThis.document.fonts.ready)
  await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' })
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** Picks an option of an Element Plus select (the dropdown is teleported to body). */
export async function choose(page, selectLocator, optionText) {
  await selectLocator.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}

/** Types a date into an Element Plus date picker and commits it. */
export async function fillDate(page, pickerLocator, date) {
  const input = pickerLocator.locator('input')
  await input.click()
  await input.fill(date)
  await input.press('Enter')
}

export const rowsOf = (page, tableClass) =>
  page.locator(`.${tableClass} .el-table__body-wrapper tbody tr`)

/** Collects the messages of JavaScript dialogs (alert/confirm/prompt) the page opens: a page
 * that shows markup as text opens none. Answers the array it fills. */
export function recordDialogs(page) {
  const seen = []
  page.on('dialog', (d) => {
    seen.push(d.message())
    void d.dismiss()
  })
  return seen
}

/** The page user's assignment at the unit named `unitName` (asserts there is one). */
export async function assignmentAt(page, unitName) {
  const mine = await api(page, 'GET', '/assignments')
  assert.equal(mine.status, 200, JSON.stringify(mine.body))
  const found = mine.body.items.find((a) => a.unit_name === unitName)
  assert.ok(found, `no assignment at ${unitName}`)
  return found
}
