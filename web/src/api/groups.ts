import { http } from './http'
import type { AddMemberInput, Group, GroupInput, Page, PageQuery } from './types'

export interface GroupQuery extends PageQuery {
  round_id?: number
}

export const listGroups = (q: GroupQuery = {}) =>
  http.get<Page<Group> | Group[]>('/groups', { page_size: 200, ...q })
export const getGroup = (id: number) => http.get<Group>(`/groups/${id}`)
export const createGroup = (g: GroupInput) => http.post<Group>('/groups', g)
export const updateGroup = (id: number, g: GroupInput) => http.put<Group>(`/groups/${id}`, g)
export const addMember = (groupId: number, m: AddMemberInput) =>
  http.post<Group>(`/groups/${groupId}/members`, m)
export const removeMember = (groupId: number, inspectorId: number) =>
  http.del(`/groups/${groupId}/members/${inspectorId}`)
