import { describe, expect, it } from 'vitest'
import { chinaToday, formatTimestamp } from './format'

describe('formatTimestamp', () => {
  it('shows a UTC timestamp in China time (UTC+8)', () => {
    expect(formatTimestamp('2026-11-27T04:05:06Z')).toBe('2026-11-27 12:05:06')
    expect(formatTimestamp('2026-11-27T04:05:06Z', { seconds: false })).toBe('2026-11-27 12:05')
  })
  it('rolls over to the next day in China', () => {
    expect(formatTimestamp('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00')
    expect(formatTimestamp('2026-12-31T15:59:59.900Z')).toBe('2026-12-31 23:59:59')
  })
  it('honours an explicit offset', () => {
    expect(formatTimestamp('2026-03-01T08:30:00+08:00')).toBe('2026-03-01 08:30:00')
  })
  it('shows a time without a zone as written (China time already)', () => {
    expect(formatTimestamp('2026-11-27 09:05:06')).toBe('2026-11-27 09:05:06')
    expect(formatTimestamp('2026-11-27 09:05:06', { seconds: false })).toBe('2026-11-27 09:05')
    expect(formatTimestamp('2026-11-27 09:05')).toBe('2026-11-27 09:05:00')
  })
  it('passes unparsable text through and empties null', () => {
    expect(formatTimestamp('not a time')).toBe('not a time')
    expect(formatTimestamp(null)).toBe('')
    expect(formatTimestamp(undefined)).toBe('')
    expect(formatTimestamp('')).toBe('')
  })
})

describe('chinaToday', () => {
  it('is the date in China, not in UTC', () => {
    expect(chinaToday(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27')
    expect(chinaToday(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28')
  })
})
