// Lays out a round's stationing periods as Gantt rows: one block of rows per
// group, with a second row (lane) only when the group's periods overlap.
import type { Assignment, Group } from '@/api/types'

export interface Lane {
  groupId: number
  /** The group's name on its first lane, '' on the following ones. */
  label: string
}

export interface Bar {
  lane: number
  groupIndex: number
  start: string
  end: string
  unitName: string
  groupName: string
  assignmentId: number
}

export interface TimelineLayout {
  lanes: Lane[]
  bars: Bar[]
  min: string | null
  max: string | null
}

export function layoutTimeline(groups: Group[], assignments: Assignment[]): TimelineLayout {
  const lanes: Lane[] = []
  const bars: Bar[] = []
  const ordered = [...groups].sort((a, b) => a.number - b.number)
  let min: string | null = null
  let max: string | null = null
  ordered.forEach((g, groupIndex) => {
    const mine = assignments
      .filter((a) => a.group_id === g.id)
      .sort((a, b) => a.station_start.localeCompare(b.station_start))
    // Each lane remembers the end of its last bar.
    const laneEnds: string[] = []
    const firstLane = lanes.length
    for (const a of mine) {
      let k = laneEnds.findIndex((end) => end < a.station_start)
      if (k < 0) {
        k = laneEnds.length
        laneEnds.push(a.station_end)
      } else {
        laneEnds[k] = a.station_end
      }
      bars.push({
        lane: firstLane + k,
        groupIndex,
        start: a.station_start,
        end: a.station_end,
        unitName: a.unit_name,
        groupName: g.name,
        assignmentId: a.id,
      })
      if (min === null || a.station_start < min) min = a.station_start
      if (max === null || a.station_end > max) max = a.station_end
    }
    const count = Math.max(1, laneEnds.length)
    for (let i = 0; i < count; i++) lanes.push({ groupId: g.id, label: i === 0 ? g.name : '' })
  })
  return { lanes, bars, min, max }
}

/** Local midnight of a YYYY-MM-DD date, in ms. */
export function dayMs(d: string): number {
  const [y, m, day] = d.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, day ?? 1).getTime()
}

export const DAY_MS = 24 * 3600 * 1000
