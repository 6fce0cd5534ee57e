// 问题线索: the possible violations by named persons that a group establishes at a unit and
// hands over (移交) to the discipline commission or the organisation department, which sign
// for them and report how they were disposed of (tag `clues` in docs/openapi.yaml).
import { http } from './http'
import type {
  ClueDetail,
  ClueEditInput,
  ClueInput,
  ClueState,
  ClueSummary,
  ClueTransitionInput,
  DisciplineKey,
  Organ,
  Page,
  PageQuery,
} from './types'

export interface ClueQuery extends PageQuery {
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
  state?: ClueState | ''
  organ?: Organ | ''
  discipline?: DisciplineKey | ''
}

export const listClues = (q: ClueQuery = {}) => http.get<Page<ClueSummary>>('/clues', { ...q })
export const getClue = (id: number) => http.get<ClueDetail>(`/clues/${id}`)
export const createClue = (c: ClueInput) => http.post<ClueDetail>('/clues', c)
export const updateClue = (id: number, c: ClueEditInput) => http.put<ClueDetail>(`/clues/${id}`, c)
/** The hand-over list (移交清单) of the clues the filters select, as .xlsx bytes (with content). */
export const exportClueList = (q: Omit<ClueQuery, 'page' | 'page_size'> = {}) =>
  http.getBytes('/clues.xlsx', { query: { ...q } })
/** Hand over, withdraw, restore or recall (the group's leader); sign for or report the
 * disposal (the recipient organ's accounts). */
export const transitionClue = (id: number, body: ClueTransitionInput) =>
  http.post<ClueDetail>(`/clues/${id}/transitions`, body)
