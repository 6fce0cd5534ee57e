// Pure helpers of the 问题底稿 pages: tag colours, the focus checklist as indented options,
// and the labels of roster leaders and assignments.
import type { Assignment, DisciplineKey, FindingState, FocusItem } from '@/api/types'
import { DISCIPLINES } from '@/api/types'
import { buildFocusTree, type FocusNode } from '@/views/rounds/detail/focus'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const FINDING_STATE_TAG: Record<FindingState, TagType> = {
  draft: 'warning',
  confirmed: 'success',
  withdrawn: 'info',
}

/** The buttons of the leader's moves: confirming is the main one. */
export const FINDING_TRANSITION_BUTTON: Record<FindingState, TagType> = {
  confirmed: 'primary',
  withdrawn: 'danger',
  draft: 'warning',
}

/** One option of the focus select: the item, and how deep it sits in the checklist. */
export interface FocusOption {
  id: number
  title: string
  depth: number
}

/** The focus checklist in its order (depth first), each item with its depth. */
export function focusOptions(items: readonly FocusItem[]): FocusOption[] {
  const out: FocusOption[] = []
  const walk = (nodes: FocusNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ id: n.id, title: n.item.title, depth })
      walk(n.children, depth + 1)
    }
  }
  walk(buildFocusTree([...items]), 0)
  return out
}

/** 王胜宏（党组书记、局长）; the name alone without a post. */
export const leaderLabel = (l: { name: string; post: string }): string =>
  l.post ? `${l.name}（${l.post}）` : l.name

/** The disciplines in the order of the regulation, whatever order they came in. */
export const orderedDisciplines = (ds: readonly DisciplineKey[]): DisciplineKey[] =>
  DISCIPLINES.filter((d) => ds.includes(d))

/** The group's assignments, current stationings first, then the most recent. */
export function sortAssignments(list: readonly Assignment[], today: string): Assignment[] {
  const current = (a: Assignment) => a.station_start <= today && today <= a.station_end
  return [...list].sort(
    (a, b) =>
      Number(current(b)) - Number(current(a)) || b.station_start.localeCompare(a.station_start),
  )
}

/** A title is one line: line breaks (pasted text) become spaces, the ends are trimmed. */
export const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim()
