// Accounts and the two logs.
import { http } from './http'
import type { AuditEntry, LoginEntry, Page, PageQuery, User, UserInput } from './types'

export const listUsers = (q: PageQuery = {}) => http.get<Page<User>>('/users', { ...q })
export const getUser = (id: number) => http.get<User>(`/users/${id}`)
export const createUser = (u: UserInput) => http.post<User>('/users', u)
export const updateUser = (id: number, u: UserInput) => http.put<User>(`/users/${id}`, u)
export const resetPassword = (id: number, password: string) =>
  http.post<void>(`/users/${id}/password`, { password })

export const listAudit = (q: PageQuery = {}) => http.get<Page<AuditEntry>>('/audit', { ...q })
export const listLogins = (q: PageQuery = {}) => http.get<Page<LoginEntry>>('/logins', { ...q })
