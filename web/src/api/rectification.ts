// 整改: each unit's problem list (问题清单, the confirmed findings of a round in rectification),
// the measures (整改措施) its liaison takes and reports done, and the office's acceptance
// (验收销号) or return (退回) (tag `rectification` in docs/openapi.yaml).
import { http } from './http'
import type {
  Measure,
  MeasureEditInput,
  MeasureInput,
  MeasureTransitionInput,
  Page,
  PageQuery,
  ProblemDetail,
  ProblemStatus,
  ProblemSummary,
} from './types'

export interface ProblemQuery extends PageQuery {
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
  status?: ProblemStatus | ''
}

export const listProblems = (q: ProblemQuery = {}) =>
  http.get<Page<ProblemSummary>>('/rectification/problems', { ...q })
/** One problem by its finding's id, with its facts and measures. */
export const getProblem = (findingId: number) =>
  http.get<ProblemDetail>(`/rectification/problems/${findingId}`)
/** The unit's liaison adds a measure to a problem of his unit's list. */
export const createMeasure = (m: MeasureInput) => http.post<Measure>('/rectification/measures', m)
/** The unit's liaison edits a measure while it is planned. */
export const updateMeasure = (id: number, m: MeasureEditInput) =>
  http.put<Measure>(`/rectification/measures/${id}`, m)
/** Report it done (the unit's liaison); accept it or return it (the office). */
export const transitionMeasure = (id: number, body: MeasureTransitionInput) =>
  http.post<Measure>(`/rectification/measures/${id}/transitions`, body)
