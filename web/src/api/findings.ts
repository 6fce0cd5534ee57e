// 发现问题 / 问题底稿: the problems a group establishes at a unit it is stationed at, written
// by its members, confirmed, withdrawn or reopened by its leader (tag `findings` in
// docs/openapi.yaml).
import { http } from './http'
import type {
  DisciplineKey,
  FindingDetail,
  FindingEditInput,
  FindingInput,
  FindingState,
  FindingSummary,
  Page,
  PageQuery,
} from './types'

export interface FindingQuery extends PageQuery {
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
  state?: FindingState | ''
  focus_item_id?: number | null
  discipline?: DisciplineKey | ''
}

export const listFindings = (q: FindingQuery = {}) =>
  http.get<Page<FindingSummary>>('/findings', { ...q })
export const getFinding = (id: number) => http.get<FindingDetail>(`/findings/${id}`)
export const createFinding = (f: FindingInput) => http.post<FindingDetail>('/findings', f)
export const updateFinding = (id: number, f: FindingEditInput) =>
  http.put<FindingDetail>(`/findings/${id}`, f)
/** Confirm, withdraw or reopen (the group's leader only). */
export const transitionFinding = (id: number, to: FindingState, version: number) =>
  http.post<FindingDetail>(`/findings/${id}/transitions`, { to, version })
/** The problem list (问题清单) of the findings the filters select, as .xlsx bytes (with facts). */
export const exportProblemList = (q: Omit<FindingQuery, 'page' | 'page_size'> = {}) =>
  http.getBytes('/findings.xlsx', { query: { ...q } })
