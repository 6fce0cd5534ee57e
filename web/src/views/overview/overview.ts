// Pure helpers of the 统计概览 page: the chosen round ⇄ the URL (`?round_id=N`, so back/forward
// and links work), the round chosen when the URL names none, and whether a round has any
// figure yet.
import type { LocationQuery } from 'vue-router'
import type { OverviewFigures, Round, RoundStatus } from '@/api/types'

/** The round named by `?round_id=` (a positive integer), or null. */
export function roundIdFromQuery(q: LocationQuery): number | null {
  const v = q.round_id
  const s = Array.isArray(v) ? v[0] : v
  if (typeof s !== 'string' || !/^[1-9]\d{0,15}$/.test(s)) return null
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : null
}

/** The query that shows round `id`, keeping whatever else the URL holds. */
export function queryForRound(q: LocationQuery, id: number): LocationQuery {
  return { ...q, round_id: String(id) }
}

/** The round shown when the URL names none: the first of the list (newest first) that is past
 * planning — a round in planning has nothing to count yet —, else the first; null without
 * rounds. */
export function defaultRoundId(rounds: readonly Pick<Round, 'id' | 'status'>[]): number | null {
  const under = rounds.find((r) => r.status !== 'planning')
  return (under ?? rounds[0])?.id ?? null
}

/** Whether nothing has been counted in the round yet (the page then explains what will be). */
export function isEmptyOverview(t: OverviewFigures): boolean {
  return (
    t.reports === 0 && t.findings === 0 && t.clues === 0 && t.problems === 0 && t.measures === 0
  )
}

/** Problems exist once the round is in rectification or closed; before, the card says so. */
export const countsProblems = (status: RoundStatus): boolean =>
  status === 'rectification' || status === 'closed'

/** 「3（2）」: a count and, in brackets, the part of it the column names second. */
export const withPart = (n: number, part: number): string => `${n}（${part}）`
