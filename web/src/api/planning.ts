// Terms, rounds and the focus checklist of a round.
import { http } from './http'
import type { FocusItem, Page, PageQuery, Round, RoundInput, RoundStatus, Term } from './types'

export const listTerms = () => http.get<Page<Term> | Term[]>('/terms', { page_size: 200 })

export interface RoundQuery extends PageQuery {
  term_id?: number
  status?: RoundStatus | ''
  q?: string
}

export const listRounds = (q: RoundQuery = {}) => http.get<Page<Round>>('/rounds', { ...q })
export const getRound = (id: number) => http.get<Round>(`/rounds/${id}`)
export const createRound = (r: RoundInput) => http.post<Round>('/rounds', r)
export const updateRound = (id: number, r: RoundInput) => http.put<Round>(`/rounds/${id}`, r)

export const listFocus = (roundId: number) =>
  http.get<{ items: FocusItem[] }>(`/rounds/${roundId}/focus`)
export const createFocus = (roundId: number, parent_id: number | null, title: string) =>
  http.post<FocusItem>(`/rounds/${roundId}/focus`, { parent_id, title })
export const updateFocus = (id: number, f: { title: string; position: number; version: number }) =>
  http.put<FocusItem>(`/focus/${id}`, f)
export const deleteFocus = (id: number) => http.del(`/focus/${id}`)
