// Reports as the staff see them (受理台) and the requests to see a reporter's identity.
import { API_BASE, filesForm, http } from './http'
import type {
  Channel,
  DeadlineKind,
  Page,
  PageQuery,
  ReportDetail,
  ReportInput,
  ReportMessage,
  ReportState,
  ReportSummary,
  ReporterIdentity,
  RevealRequest,
  RevealState,
  TransitionInput,
} from './types'

export type DueFilter = 'overdue' | 'soon'

export interface ReportQuery extends PageQuery {
  channel?: Channel | ''
  state?: ReportState | ''
  due?: DueFilter | ''
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
}

export const listReports = (q: ReportQuery = {}) =>
  http.get<Page<ReportSummary>>('/reports', { ...q })
export const getReport = (id: number) => http.get<ReportDetail>(`/reports/${id}`)
/** JSON without files; with files multipart/form-data (the report in a part named `report`). */
export const createReport = (r: ReportInput, files: readonly File[] = []) =>
  files.length === 0
    ? http.post<ReportDetail>('/reports', r)
    : http.postForm<ReportDetail>('/reports', filesForm(files, { name: 'report', value: r }))
/** Attaches files (parts named `files`); answers the report with its files. */
export const addReportFiles = (id: number, files: readonly File[]) =>
  http.postForm<ReportDetail>(`/reports/${id}/files`, filesForm(files))
/** Where the browser opens an attachment (inline, with the session cookie). */
export const reportFileUrl = (id: number, fileId: number) =>
  `${API_BASE}/reports/${id}/files/${fileId}`
export const transitionReport = (id: number, t: TransitionInput) =>
  http.post<ReportDetail>(`/reports/${id}/transitions`, t)
/** Records that a named reporter was told of the acceptance or of the result. */
export const recordNotice = (id: number, kind: DeadlineKind, version: number) =>
  http.post<ReportDetail>(`/reports/${id}/notices`, { kind, version })
export const replyToReport = (id: number, text: string) =>
  http.post<ReportMessage>(`/reports/${id}/messages`, { text })
export const requestReveal = (id: number, reason: string) =>
  http.post<RevealRequest>(`/reports/${id}/reveal-requests`, { reason })
export const getReporterIdentity = (id: number) =>
  http.get<ReporterIdentity>(`/reports/${id}/identity`)

export interface RevealQuery extends PageQuery {
  state?: RevealState | ''
}

export const listRevealRequests = (q: RevealQuery = {}) =>
  http.get<Page<RevealRequest>>('/reveal-requests', { ...q })
export const decideReveal = (id: number, approve: boolean, note: string) =>
  http.post<RevealRequest>(`/reveal-requests/${id}/decision`, { approve, note })
