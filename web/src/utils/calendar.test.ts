import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '@/api/types'
import {
  byDate,
  countKinds,
  daysOfYear,
  isWorkingDay,
  monthWeeks,
  redundantListing,
  weekdayKey,
  weekdayOf,
  yearOptions,
} from './calendar'

const days: CalendarDay[] = [
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-09-20', kind: 'makeup', name: '国庆节调休上班' },
  { date: '2025-10-11', kind: 'makeup', name: '国庆节调休上班' },
  { date: '2020-01-24', kind: 'holiday', name: '春节' },
]

describe('weekdays', () => {
  it('counts from Sunday, whatever the time zone', () => {
    expect(weekdayOf('2026-01-01')).toBe(4)
    expect(weekdayKey('2026-01-01')).toBe('thu')
    expect(weekdayKey('2026-09-20')).toBe('sun')
    expect(weekdayKey('2024-02-29')).toBe('thu')
  })
})

describe('isWorkingDay', () => {
  const listed = byDate(days)
  it('follows the listing, else Monday to Friday', () => {
    expect(isWorkingDay('2026-10-01', listed)).toBe(false) // a listed Thursday off
    expect(isWorkingDay('2026-09-20', listed)).toBe(true) // a listed Sunday worked
    expect(isWorkingDay('2026-09-21', listed)).toBe(true) // a plain Monday
    expect(isWorkingDay('2026-09-19', listed)).toBe(false) // a plain Saturday
  })
})

describe('years', () => {
  it('lists one year by date and counts its kinds', () => {
    const y = daysOfYear(days, 2026)
    expect(y.map((d) => d.date)).toEqual(['2026-01-01', '2026-09-20', '2026-10-01'])
    expect(countKinds(y)).toEqual({ holiday: 2, makeup: 1 })
    expect(daysOfYear(days, 2023)).toEqual([])
  })
  it('offers the listed years, this year and the next, newest first', () => {
    expect(yearOptions(days, 2026)).toEqual([2027, 2026, 2025, 2020])
    expect(yearOptions([], 2030)).toEqual([2031, 2030])
  })
})

describe('redundantListing', () => {
  it('names a holiday on a weekend and a make-up day on a weekday', () => {
    expect(redundantListing('2026-10-03', 'holiday')).toBe(true) // Saturday
    expect(redundantListing('2026-10-01', 'holiday')).toBe(false)
    expect(redundantListing('2026-09-20', 'makeup')).toBe(false) // Sunday
    expect(redundantListing('2026-09-21', 'makeup')).toBe(true)
  })
})

describe('monthWeeks', () => {
  it('lays a month out Monday first with blanks around it', () => {
    const weeks = monthWeeks(2026, 2, byDate(days)) // 2026-02-01 is a Sunday
    expect(weeks).toHaveLength(5)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    expect(weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(weeks[0]![6]).toMatchObject({ date: '2026-02-01', day: 1, weekend: true })
    expect(weeks[4]![5]).toMatchObject({ date: '2026-02-28' })
    expect(weeks[4]![6]).toBeNull()
  })
  it('marks listed days and working days', () => {
    const weeks = monthWeeks(2026, 10, byDate(days)) // Thursday 1 October
    const first = weeks[0]![3]!
    expect(first.date).toBe('2026-10-01')
    expect(first.listed?.name).toBe('国庆节')
    expect(first.working).toBe(false)
    const flat = weeks.flat().filter((c) => c !== null)
    expect(flat).toHaveLength(31)
  })
  it('handles leap years', () => {
    const cells = monthWeeks(2024, 2, new Map())
      .flat()
      .filter((c) => c !== null)
    expect(cells).toHaveLength(29)
  })
})
