import { http } from './http'
import type { Inspector, InspectorInput, Page, PageQuery } from './types'

export interface InspectorQuery extends PageQuery {
  q?: string
}

export const listInspectors = (q: InspectorQuery = {}) =>
  http.get<Page<Inspector>>('/inspectors', { ...q })
export const getInspector = (id: number) => http.get<Inspector>(`/inspectors/${id}`)
export const createInspector = (i: InspectorInput) => http.post<Inspector>('/inspectors', i)
export const updateInspector = (id: number, i: InspectorInput) =>
  http.put<Inspector>(`/inspectors/${id}`, i)
