import { describe, expect, it } from 'vitest'
import type { Assignment, Group } from '@/api/types'
import { layoutTimeline } from './timeline'
import { buildFocusTree } from './focus'

const group = (id: number, number: number): Group => ({
  id,
  version: 1,
  round_id: 1,
  number,
  name: `第${number}组`,
  duty_phone: '',
  phone_hours: '',
  mailbox: '',
  postal_address: '',
  suggestion_boxes: [],
  intake_cutoff: null,
  members: [],
  demo: false,
})

const assignment = (id: number, group_id: number, start: string, end: string): Assignment => ({
  id,
  version: 1,
  round_id: 1,
  group_id,
  group_name: '',
  unit_id: id,
  unit_name: `单位${id}`,
  station_start: start,
  station_end: end,
  notice_date: null,
  meeting: { date: null, place: '', attendees: '', leader_remarks: '', pledge: '' },
  warnings: [],
  demo: false,
})

describe('layoutTimeline', () => {
  it('gives overlapping periods of one group separate lanes', () => {
    const l = layoutTimeline(
      [group(2, 2), group(1, 1)],
      [
        assignment(1, 1, '2026-03-01', '2026-04-30'),
        assignment(2, 1, '2026-03-05', '2026-05-05'),
        assignment(3, 1, '2026-05-10', '2026-06-30'),
        assignment(4, 2, '2026-03-01', '2026-04-30'),
      ],
    )
    expect(l.lanes.map((x) => x.label)).toEqual(['第1组', '', '第2组'])
    expect(l.bars.map((b) => b.lane)).toEqual([0, 1, 0, 2])
    expect(l.min).toBe('2026-03-01')
    expect(l.max).toBe('2026-06-30')
  })

  it('keeps a lane for a group without assignments', () => {
    expect(layoutTimeline([group(1, 1)], []).lanes).toHaveLength(1)
  })
})

describe('buildFocusTree', () => {
  it('nests by parent_id and orders by position', () => {
    const tree = buildFocusTree([
      { id: 3, version: 1, parent_id: 1, position: 2, title: 'b' },
      { id: 2, version: 1, parent_id: 1, position: 1, title: 'a' },
      { id: 1, version: 1, parent_id: null, position: 1, title: 'root' },
    ])
    expect(tree).toHaveLength(1)
    expect(tree[0]?.children.map((c) => c.item.title)).toEqual(['a', 'b'])
  })
})
