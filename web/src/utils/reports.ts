// Pure helpers shared by the public report form and the staff's intake pages.
import type { FieldErrors } from '@/api/http'
import type { Channel, Deadline, ReportState, ReportedPerson } from '@/api/types'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const CHANNEL_TAG: Record<Channel, TagType> = {
  web: 'primary',
  call: 'success',
  letter: 'warning',
  box: 'info',
  visit: 'danger',
  email: 'primary',
}

export const REPORT_STATE_TAG: Record<ReportState, TagType> = {
  registered: 'info',
  accepted: 'primary',
  transferred: 'warning',
  filed: 'info',
  closed: 'success',
}

/** A deadline within this many working days is shown orange. */
export const DUE_SOON_DAYS = 3

export type DueLevel = 'overdue' | 'soon' | 'ok'

export function dueLevel(d: Deadline | null | undefined): DueLevel | null {
  if (!d) return null
  if (d.overdue) return 'overdue'
  return d.working_days_left <= DUE_SOON_DAYS ? 'soon' : 'ok'
}

export const emptyPerson = (): ReportedPerson => ({ name: '', unit: '', post: '' })

/** The rows to send: trimmed, without the rows left entirely blank. */
export function cleanPersons(rows: ReportedPerson[]): ReportedPerson[] {
  return rows
    .map((p) => ({ name: p.name.trim(), unit: p.unit.trim(), post: p.post.trim() }))
    .filter((p) => p.name || p.unit || p.post)
}

/** Whether the rows say whom the report is about: a name or a post (as the server checks). */
export function namesSomeone(rows: ReportedPerson[]): boolean {
  return rows.some((p) => p.name.trim() !== '' || p.post.trim() !== '')
}

/**
 * The server names person fields by their index among the rows it received
 * ("persons.0.name"); cleanPersons drops blank rows, so map each sent index back
 * to the index of the row on screen.
 */
export function personFieldErrors(
  rows: ReportedPerson[],
  fields: FieldErrors,
): Record<number, Partial<Record<keyof ReportedPerson, string>>> {
  const shown: number[] = []
  rows.forEach((p, i) => {
    if (p.name.trim() || p.unit.trim() || p.post.trim()) shown.push(i)
  })
  const out: Record<number, Partial<Record<keyof ReportedPerson, string>>> = {}
  for (const [k, msg] of Object.entries(fields)) {
    const m = /^persons\.(\d+)\.(name|unit|post)$/.exec(k)
    if (!m) continue
    const row = shown[Number(m[1])] ?? Number(m[1])
    ;(out[row] ??= {})[m[2] as keyof ReportedPerson] = msg
  }
  return out
}

/** Now in China time (UTC+8, no daylight saving) as YYYY-MM-DDTHH:MM. */
export function chinaNow(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16)
}

/** Phone numbers as the server accepts them: digits, spaces and - + ( ). */
export const isPhone = (s: string): boolean => /^[0-9\-+() ]+$/.test(s)

/** An 18-character resident ID number: 17 digits and a digit or X. */
export const isIdNumber = (s: string): boolean => /^\d{17}[\dXx]$/.test(s)

/** An e-mail address, loosely: something@something, no spaces. */
export const isEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)

/** 被反映人 in one line: 姓名（单位 职务）、… */
export function personsText(rows: ReportedPerson[]): string {
  return rows
    .map((p) => {
      const extra = [p.unit, p.post].filter(Boolean).join(' ')
      return extra ? `${p.name}（${extra}）` : p.name
    })
    .join('、')
}
