import { describe, expect, it } from 'vitest'
import { formatQueryCode, normalizeQueryCode, stripQueryCode } from './queryCode'

describe('normalizeQueryCode', () => {
  it('accepts 16 digits as typed, with spaces or dashes', () => {
    expect(normalizeQueryCode('1234567890123456')).toBe('1234567890123456')
    expect(normalizeQueryCode('1234 5678 9012 3456')).toBe('1234567890123456')
    expect(normalizeQueryCode(' 1234-5678-9012-3456 ')).toBe('1234567890123456')
    expect(normalizeQueryCode('1234－5678　9012—3456')).toBe('1234567890123456')
  })

  it('turns full-width digits into ASCII', () => {
    expect(normalizeQueryCode('１２３４５６７８９０１２３４５６')).toBe('1234567890123456')
  })

  it('refuses other lengths and other characters', () => {
    expect(normalizeQueryCode('')).toBeNull()
    expect(normalizeQueryCode('123456789012345')).toBeNull()
    expect(normalizeQueryCode('12345678901234567')).toBeNull()
    expect(normalizeQueryCode('1234x67890123456')).toBeNull()
    expect(normalizeQueryCode('1234.5678.9012.3456')).toBeNull()
  })
})

describe('formatQueryCode', () => {
  it('groups a code 4-4-4-4', () => {
    expect(formatQueryCode('1234567890123456')).toBe('1234 5678 9012 3456')
    expect(formatQueryCode('1234567890123456', '-')).toBe('1234-5678-9012-3456')
  })

  it('groups a partial code as far as it goes', () => {
    expect(formatQueryCode('123456')).toBe('1234 56')
    expect(formatQueryCode('')).toBe('')
  })

  it('regroups an already grouped code', () => {
    expect(formatQueryCode('1234-5678 9012 3456')).toBe('1234 5678 9012 3456')
  })
})

describe('stripQueryCode', () => {
  it('removes only separators', () => {
    expect(stripQueryCode('12 34-ab')).toBe('1234ab')
  })
})
