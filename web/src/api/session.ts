import { http } from './http'
import type { SessionInfo } from './types'

export const login = (username: string, password: string) =>
  http.post<SessionInfo>('/session', { username, password }, { silent401: true })

export const logout = () => http.del('/session', { silent401: true })

export const getMe = () => http.get<SessionInfo>('/me', undefined, { silent401: true })

export const changePassword = (old_password: string, new_password: string) =>
  http.post<void>('/me/password', { old_password, new_password })
