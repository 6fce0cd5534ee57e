// 统计概览: one round in figures for the dashboards (tag `rounds`, GET /rounds/{id}/overview).
// The office and the leading group get the whole round; group leaders and members the
// stationings of their own groups (404 for a round where they sit in no group).
import { http } from './http'
import type { RoundOverview } from './types'

export const getRoundOverview = (roundId: number) =>
  http.get<RoundOverview>(`/rounds/${roundId}/overview`)
