// The working-day calendar as the 受理设置 page shows it: listed days
// (放假 / 调休上班) by year, weekdays, and a compact month grid. Dates are
// YYYY-MM-DD calendar days; no time zone is involved.
import type { CalendarDay, DayKind, ISODate } from '@/api/types'

/** Locale keys of the weekdays, Sunday first (as Date.getUTCDay counts). */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number]

/** The grid's column order: Monday first, as Chinese calendars print. */
export const GRID_WEEKDAYS: readonly WeekdayKey[] = [...WEEKDAY_KEYS.slice(1), 'sun']

const pad = (n: number) => String(n).padStart(2, '0')

export const isoDate = (year: number, month: number, day: number): ISODate =>
  `${year}-${pad(month)}-${pad(day)}`

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: ISODate): number {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

export const weekdayKey = (date: ISODate): WeekdayKey => WEEKDAY_KEYS[weekdayOf(date)]

export function isWeekend(date: ISODate): boolean {
  const w = weekdayOf(date)
  return w === 0 || w === 6
}

export const byDate = (days: CalendarDay[]): Map<ISODate, CalendarDay> =>
  new Map(days.map((d) => [d.date, d]))

/** A listed holiday is off, a listed make-up day is worked, otherwise Monday to Friday. */
export function isWorkingDay(date: ISODate, listed: Map<ISODate, CalendarDay>): boolean {
  const d = listed.get(date)
  if (d) return d.kind === 'makeup'
  return !isWeekend(date)
}

/** The listed days of one year, by date. */
export function daysOfYear(days: CalendarDay[], year: number): CalendarDay[] {
  const prefix = `${year}-`
  return days.filter((d) => d.date.startsWith(prefix)).sort((a, b) => a.date.localeCompare(b.date))
}

export function countKinds(days: CalendarDay[]): Record<DayKind, number> {
  const out: Record<DayKind, number> = { holiday: 0, makeup: 0 }
  for (const d of days) out[d.kind] += 1
  return out
}

/**
 * The years to offer: every year with listed days, plus the current year and
 * the next one (whose notice the office adds in the winter), newest first.
 */
export function yearOptions(days: CalendarDay[], current: number): number[] {
  const years = new Set<number>([current, current + 1])
  for (const d of days) {
    const y = Number(d.date.slice(0, 4))
    if (Number.isInteger(y) && y > 0) years.add(y)
  }
  return [...years].sort((a, b) => b - a)
}

/**
 * The listing a day would get: a holiday on a weekend, or a make-up workday
 * on a weekday, changes nothing; this names that case for a hint.
 */
export function redundantListing(date: ISODate, kind: DayKind): boolean {
  return kind === 'holiday' ? isWeekend(date) : !isWeekend(date)
}

export interface MonthCell {
  date: ISODate
  day: number
  weekend: boolean
  /** The listing of the day, if any. */
  listed: CalendarDay | null
  working: boolean
}

/** The weeks of a month (1..12), Monday first; cells outside the month are null. */
export function monthWeeks(
  year: number,
  month: number,
  listed: Map<ISODate, CalendarDay>,
): (MonthCell | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const lead = (weekdayOf(isoDate(year, month, 1)) + 6) % 7
  const cells: (MonthCell | null)[] = Array.from({ length: lead }, () => null)
  for (let day = 1; day <= days; day++) {
    const date = isoDate(year, month, day)
    cells.push({
      date,
      day,
      weekend: isWeekend(date),
      listed: listed.get(date) ?? null,
      working: isWorkingDay(date, listed),
    })
  }
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (MonthCell | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}
