// Starts a real Xuncha server for one test file: a fresh data directory with
// the demo data, port 0, and the built web/dist. Synchronises on the
// "listening on http://127.0.0.1:PORT" line the server prints.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const DIST = resolve(here, '..', 'dist')

/** `serveArgs`: extra options for `xuncha serve`, e.g. ['--public-pow', '12']. */
export async function startServer(serveArgs = []) {
  const bin = process.env.XUNCHA_BIN
  if (!bin) {
    throw new Error(
      'XUNCHA_BIN is not set: point it at the server binary, e.g. ' +
        'XUNCHA_BIN=/work/main/build/asan/xuncha npm run e2e',
    )
  }
  if (!existsSync(bin)) throw new Error(`XUNCHA_BIN=${bin} does not exist`)
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run "npm run build" first`)
  }

  const dir = mkdtempSync(join(tmpdir(), 'xuncha-e2e-'))
  try {
    execFileSync(bin, ['init', '--data', dir, '--demo'], { stdio: 'pipe' })
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`"${bin} init --data ${dir} --demo" failed:\n${e.stderr ?? e}`)
  }

  const args = ['serve', '--data', dir, '--listen', '127.0.0.1:0', '--web', DIST, ...serveArgs]
  const child = spawn(bin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d) => {
    stderr += d
    if (process.env.XUNCHA_E2E_VERBOSE) process.stderr.write(d)
  })
  const exited = new Promise((res) => {
    child.once('exit', (code, signal) => res({ code, signal }))
    child.once('error', (e) => {
      stderr += String(e)
      res({ code: null, signal: null })
    })
  })

  const url = await new Promise((res, rej) => {
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      if (process.env.XUNCHA_E2E_VERBOSE) process.stderr.write(`[server] ${line}\n`)
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)
      if (m) res(m[1])
    })
    exited.then(({ code, signal }) =>
      rej(new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${stderr}`)),
    )
  })

  return {
    url,
    dir,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      // A server that does not stop (e.g. stuck on a lock) must not hold up the whole run.
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
      const { code, signal } = await exited
      clearTimeout(kill)
      rmSync(dir, { recursive: true, force: true })
      return { code, signal }
    },
  }
}
