// 受理设置: the working-day calendar, the notice deadline rules and the 信访
// department the public form names once a group's intake has closed.
import { http } from './http'
import type {
  CalendarDay,
  CalendarDayInput,
  DeadlineRule,
  DeadlineRuleInput,
  ISODate,
  PetitionOffice,
  PetitionOfficeInput,
} from './types'

/** Every listed day (all years), by date; the answer has no `total`. */
export const listCalendar = () => http.get<{ items: CalendarDay[] }>('/calendar')
/** Lists the day as a holiday or a make-up workday, replacing any listing it had. */
export const putCalendarDay = (date: ISODate, d: CalendarDayInput) =>
  http.put<CalendarDay>(`/calendar/${date}`, d)
export const deleteCalendarDay = (date: ISODate) => http.del(`/calendar/${date}`)

export const listDeadlineRules = () => http.get<{ items: DeadlineRule[] }>('/deadline-rules')
export const createDeadlineRule = (r: DeadlineRuleInput) =>
  http.post<DeadlineRule>('/deadline-rules', r)
export const updateDeadlineRule = (id: number, r: DeadlineRuleInput) =>
  http.put<DeadlineRule>(`/deadline-rules/${id}`, r)

export const getPetitionOffice = () => http.get<PetitionOffice>('/settings/petition-office')
export const setPetitionOffice = (p: PetitionOfficeInput) =>
  http.put<PetitionOffice>('/settings/petition-office', p)
