// 检索: full-text search over the reports the user may see (docs/search.md).
import { http } from './http'
import type { Channel, PageQuery, ReportState, SearchPage, SearchSort } from './types'

export interface SearchQuery extends PageQuery {
  /** The query: space = AND, OR / | / 或, -term or NOT term, "phrase", parentheses. */
  q: string
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
  channel?: Channel | ''
  state?: ReportState | ''
  /** Received on or after this day, YYYY-MM-DD. */
  from?: string
  /** Received on or before this day, YYYY-MM-DD. */
  to?: string
  sort?: SearchSort
}

export const searchReports = (q: SearchQuery) => http.get<SearchPage>('/search', { ...q })
