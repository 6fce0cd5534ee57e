// The group mailbox (电子信箱): the messages taken from it, the quarantine of
// those that could not become reports (待处理邮件), and the groups' IMAP accounts.
import { http } from './http'
import type {
  MailAccount,
  MailAccountInput,
  MailMessage,
  MailPollResult,
  MailState,
  Page,
  PageQuery,
  ReportDetail,
  ReportInput,
} from './types'

export interface MailQuery extends PageQuery {
  state?: MailState | ''
  group_id?: number | null
}

export const listMail = (q: MailQuery = {}) => http.get<Page<MailMessage>>('/mail', { ...q })
/**
 * The raw bytes of a quarantined message (message/rfc822, hostile content:
 * show it only as text). The server writes every read to the operation log.
 */
export const getMailRaw = (id: number) => http.getBytes(`/mail/${id}/raw`)
/** Registers a quarantined message by hand; the channel is always `email`. */
export const registerMail = (id: number, r: ReportInput) =>
  http.post<ReportDetail>(`/mail/${id}/register`, r)

export const listMailAccounts = () => http.get<{ items: MailAccount[] }>('/mail-accounts')
export const saveMailAccount = (groupId: number, a: MailAccountInput) =>
  http.put<MailAccount>(`/mail-accounts/${groupId}`, a)
export const deleteMailAccount = (groupId: number) => http.del(`/mail-accounts/${groupId}`)
export const pollMailAccount = (groupId: number) =>
  http.post<MailPollResult>(`/mail-accounts/${groupId}/poll`)
