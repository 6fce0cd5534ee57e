// 检索: full-text search over the reports, findings, clues and rectification measures the user
// may see (docs/search.md).
import { http } from './http'
import type {
  Channel,
  ClueState,
  DisciplineKey,
  FindingState,
  MeasureState,
  PageQuery,
  ReportState,
  SearchKind,
  SearchPage,
  SearchSort,
} from './types'

export interface SearchQuery extends PageQuery {
  /** The query: space = AND, OR / | / 或, -term or NOT term, "phrase", parentheses. */
  q: string
  /** Only reports, findings, clues or measures; every kind the caller may read when left out. */
  kind?: SearchKind | ''
  round_id?: number | null
  group_id?: number | null
  unit_id?: number | null
  /** Only reports (findings, clues and measures have no channel). */
  channel?: Channel | ''
  /** A report state (only reports in it), a finding, clue or measure state. */
  state?: ReportState | FindingState | ClueState | MeasureState | ''
  discipline?: DisciplineKey | ''
  /** Received (written) on or after this day, YYYY-MM-DD. */
  from?: string
  /** Received (written) on or before this day, YYYY-MM-DD. */
  to?: string
  sort?: SearchSort
}

export const search = (q: SearchQuery) => http.get<SearchPage>('/search', { ...q })
