import { describe, expect, it } from 'vitest'
import type { OverviewFigures } from '@/api/types'
import {
  countsProblems,
  defaultRoundId,
  isEmptyOverview,
  queryForRound,
  roundIdFromQuery,
  withPart,
} from './overview'

describe('roundIdFromQuery', () => {
  it('reads a positive integer', () => {
    expect(roundIdFromQuery({ round_id: '9' })).toBe(9)
    expect(roundIdFromQuery({ round_id: ['12', '3'] })).toBe(12)
  })

  it('gives null for anything else', () => {
    for (const v of [null, '', '0', '-1', '1.5', 'x', '09', '99999999999999999']) {
      expect(roundIdFromQuery({ round_id: v })).toBeNull()
    }
    expect(roundIdFromQuery({})).toBeNull()
  })
})

describe('queryForRound', () => {
  it('sets the round and keeps the rest', () => {
    expect(queryForRound({ x: 'y', round_id: '1' }, 2)).toEqual({ x: 'y', round_id: '2' })
  })
})

describe('defaultRoundId', () => {
  it('takes the first round past planning, in the list’s order', () => {
    expect(
      defaultRoundId([
        { id: 10, status: 'planning' },
        { id: 9, status: 'stationing' },
        { id: 8, status: 'closed' },
      ]),
    ).toBe(9)
  })

  it('takes the first when every round is in planning, null without rounds', () => {
    expect(
      defaultRoundId([
        { id: 3, status: 'planning' },
        { id: 2, status: 'planning' },
      ]),
    ).toBe(3)
    expect(defaultRoundId([])).toBeNull()
  })
})

const zero: OverviewFigures = {
  reports: 0,
  sealed_reports: 0,
  findings: 0,
  findings_confirmed: 0,
  clues: 0,
  clues_handed_over: 0,
  problems: 0,
  problems_closed: 0,
  measures: 0,
  measures_accepted: 0,
  measures_overdue: 0,
}

describe('isEmptyOverview', () => {
  it('is empty with nothing counted, not with one report or one clue', () => {
    expect(isEmptyOverview(zero)).toBe(true)
    expect(isEmptyOverview({ ...zero, reports: 1 })).toBe(false)
    expect(isEmptyOverview({ ...zero, clues: 1 })).toBe(false)
    expect(isEmptyOverview({ ...zero, measures: 1 })).toBe(false)
  })
})

describe('countsProblems / withPart', () => {
  it('counts problems from rectification on', () => {
    expect(countsProblems('stationing')).toBe(false)
    expect(countsProblems('reporting')).toBe(false)
    expect(countsProblems('rectification')).toBe(true)
    expect(countsProblems('closed')).toBe(true)
  })

  it('writes a count and its part', () => {
    expect(withPart(3, 2)).toBe('3（2）')
  })
})
