// 检索: full-text search over the reports, findings and clues the user may see (docs/search.md).
import { http } from './http'
import type {
  Channel,
  ClueState,
  DisciplineKey,
  FindingState,
  PageQuery,
  ReportState,
  SearchKind,
  SearchPage,
  SearchSort,
} from './types'

export interface SearchQuery extends PageQuery {
  /** The query: space = AND, OR / | / 或, -term or NOT term, "phrase", parentheses. */
  q: string
  /** Only reports, only findings or only clues; every kind the caller may read when left out. */
  kind?: SearchKind | ''
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
  /** Only reports (findings and clues have no channel). */
  channel?: Channel | ''
  /** A report state (only reports in it), a finding state or a clue state. */
  state?: ReportState | FindingState | ClueState | ''
  discipline?: DisciplineKey | ''
  /** Received (written) on or after this day, YYYY-MM-DD. */
  from?: string
  /** Received (written) on or before this day, YYYY-MM-DD. */
  to?: string
  sort?: SearchSort
}

export const search = (q: SearchQuery) => http.get<SearchPage>('/search', { ...q })
