import { http } from './http'
import type { Announcement, Assignment, AssignmentInput, Page, PageQuery } from './types'

export interface AssignmentQuery extends PageQuery {
  round_id?: number
  group_id?: number
  unit_id?: number
}

export const listAssignments = (q: AssignmentQuery = {}) =>
  http.get<Page<Assignment> | Assignment[]>('/assignments', { page_size: 200, ...q })
export const getAssignment = (id: number) => http.get<Assignment>(`/assignments/${id}`)
export const createAssignment = (a: AssignmentInput) => http.post<Assignment>('/assignments', a)
export const updateAssignment = (id: number, a: AssignmentInput) =>
  http.put<Assignment>(`/assignments/${id}`, a)
export const getAnnouncement = (id: number) =>
  http.get<Announcement>(`/assignments/${id}/announcement`)
