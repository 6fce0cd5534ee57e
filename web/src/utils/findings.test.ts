import { describe, expect, it } from 'vitest'
import type { Assignment, FocusItem } from '@/api/types'
import { focusOptions, leaderLabel, oneLine, orderedDisciplines, sortAssignments } from './findings'

const item = (id: number, parent_id: number | null, position: number): FocusItem => ({
  id,
  version: 1,
  parent_id,
  position,
  title: `item ${id}`,
})

describe('focusOptions', () => {
  it('lists the checklist depth first, in position order, with depths', () => {
    const items = [item(3, null, 2), item(1, null, 0), item(4, 1, 2), item(2, 1, 1), item(5, 4, 0)]
    expect(focusOptions(items).map((o) => [o.id, o.depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 1],
      [5, 2],
      [3, 0],
    ])
  })

  it('is empty for an empty checklist', () => {
    expect(focusOptions([])).toEqual([])
  })
})

describe('labels', () => {
  it('names a leader with the post in brackets', () => {
    expect(leaderLabel({ name: '王胜宏', post: '局长' })).toBe('王胜宏（局长）')
    expect(leaderLabel({ name: '王胜宏', post: '' })).toBe('王胜宏')
  })

  it('orders disciplines as the regulation does', () => {
    expect(orderedDisciplines(['work', 'political', 'integrity'])).toEqual([
      'political',
      'integrity',
      'work',
    ])
  })

  it('makes a title one line', () => {
    expect(oneLine('  违规发放\r\n  加油卡 \n')).toBe('违规发放 加油卡')
  })
})

describe('sortAssignments', () => {
  const a = (id: number, station_start: string, station_end: string) =>
    ({ id, station_start, station_end }) as Assignment
  it('puts the current stationing first, then the most recent', () => {
    const list = [
      a(1, '2020-05-29', '2020-07-24'),
      a(2, '2026-11-19', '2027-01-08'),
      a(3, '2021-01-01', '2021-02-01'),
    ]
    expect(sortAssignments(list, '2026-12-01').map((x) => x.id)).toEqual([2, 3, 1])
  })
})
