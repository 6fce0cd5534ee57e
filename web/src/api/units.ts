import { API_BASE, http } from './http'
import type { Leader, LeaderInput, Page, PageQuery, Unit, UnitInput } from './types'

export interface UnitQuery extends PageQuery {
  q?: string
}

export const listUnits = (q: UnitQuery = {}) =>
  http.get<Page<Unit> | Unit[]>('/units', { page_size: 200, ...q })
export const getUnit = (id: number) => http.get<Unit>(`/units/${id}`)
export const createUnit = (u: UnitInput) => http.post<Unit>('/units', u)
export const updateUnit = (id: number, u: UnitInput) => http.put<Unit>(`/units/${id}`, u)

export const listLeaders = (unitId: number) =>
  http.get<{ items: Leader[] }>(`/units/${unitId}/leaders`)
export const createLeader = (unitId: number, l: LeaderInput) =>
  http.post<Leader>(`/units/${unitId}/leaders`, l)
export const updateLeader = (id: number, l: LeaderInput) => http.put<Leader>(`/leaders/${id}`, l)
export const deleteLeader = (id: number) => http.del(`/leaders/${id}`)

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const rosterUrl = (unitId: number) => `${API_BASE}/units/${unitId}/roster.xlsx`
export const importRoster = (unitId: number, file: Blob) =>
  http.post<{ imported: number }>(`/units/${unitId}/roster.xlsx`, undefined, {
    raw: file,
    contentType: XLSX_TYPE,
  })
