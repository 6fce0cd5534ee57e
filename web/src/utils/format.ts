import { t } from '@/locales'

/** The server's time zone: timestamps arrive in UTC and are shown in China time. */
export const CHINA_TZ = 'Asia/Shanghai'

const CHINA_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

interface ChinaParts {
  date: string // YYYY-MM-DD
  minute: string // HH:MM
  second: string // HH:MM:SS
}

function chinaParts(d: Date): ChinaParts {
  const p: Record<string, string> = {}
  for (const x of CHINA_PARTS.formatToParts(d)) p[x.type] = x.value
  const date = `${p.year}-${p.month}-${p.day}`
  const minute = `${p.hour}:${p.minute}`
  return { date, minute, second: `${minute}:${p.second}` }
}

/** `YYYY-MM-DD HH:MM[:SS]` without a zone: a time already in China time. */
const CHINA_LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/

/**
 * A server timestamp (ISO-8601, UTC) in China time, whatever the browser's
 * time zone: `YYYY-MM-DD HH:MM:SS`, or `YYYY-MM-DD HH:MM` without seconds.
 * A time without a zone is China time already (the browser would read it as
 * its own): shown as written. Unparsable text is returned as is; null and ''
 * give ''.
 */
export function formatTimestamp(
  ts: string | null | undefined,
  opts: { seconds?: boolean } = {},
): string {
  if (!ts) return ''
  const local = CHINA_LOCAL.exec(ts)
  if (local) {
    const [, date, minute, sec] = local
    return `${date} ${minute}${opts.seconds === false ? '' : (sec ?? ':00')}`
  }
  const d = new Date(ts)
  if (Number.isNaN(d.getTime())) return ts
  const p = chinaParts(d)
  return `${p.date} ${opts.seconds === false ? p.minute : p.second}`
}

/** Today's date in China (YYYY-MM-DD). */
export function chinaToday(now: Date = new Date()): string {
  return chinaParts(now).date
}

export function period(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return ''
  return `${from ?? ''} ${t('common.to')} ${to ?? ''}`
}

export function todayISO(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
