// The public pages' endpoints (网上举报, 查询办理情况): no session, so a 401
// is never a reason to send the reporter to the staff login page.
import { filesForm, http } from './http'
import type {
  PublicIntake,
  PublicMessage,
  PublicReceipt,
  PublicReportInput,
  PublicReportStatus,
} from './types'

const quiet = { silent401: true }

export const getPublicIntake = () => http.get<PublicIntake>('/public/intake', undefined, quiet)
export const getPowChallenge = () =>
  http.get<{ bits: number; challenge: string }>('/public/pow', undefined, quiet)
/** JSON without files; with files multipart/form-data (the report in a part named `report`). */
export const submitPublicReport = (r: PublicReportInput, files: readonly File[] = []) =>
  files.length === 0
    ? http.post<PublicReceipt>('/public/reports', r, quiet)
    : http.postForm<PublicReceipt>(
        '/public/reports',
        filesForm(files, { name: 'report', value: r }),
        quiet,
      )
export const getPublicStatus = (query_code: string) =>
  http.post<PublicReportStatus>('/public/reports/status', { query_code }, quiet)
export const sendPublicMessage = (query_code: string, text: string) =>
  http.post<PublicMessage>('/public/reports/messages', { query_code, text }, quiet)
