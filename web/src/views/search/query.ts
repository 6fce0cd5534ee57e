// Pure helpers of the 检索 page: the form ⇄ the URL (so back/forward and links
// work), the form → the API request, and snippet parts → the segments shown.
import type { LocationQuery } from 'vue-router'
import type { SearchQuery } from '@/api/search'
import {
  CHANNELS,
  CLUE_STATES,
  DISCIPLINES,
  FINDING_STATES,
  MEASURE_STATES,
  REPORT_STATES,
  SEARCH_KINDS,
  SEARCH_SORTS,
  type Channel,
  type ClueState,
  type DisciplineKey,
  type FindingState,
  type MeasureState,
  type ReportState,
  type SearchKind,
  type SearchSort,
  type SnippetPart,
} from '@/api/types'

/** What to search: every kind, or only reports (信访举报), findings (问题底稿), clues (问题线索) or
 * rectification measures (整改措施). */
export type KindFilter = SearchKind | 'all'

export interface SearchForm {
  q: string
  kind: KindFilter
  round_id: number | null
  group_id: number | null
  unit_id: number | null
  /** Reports only: cleared when another kind alone is searched. */
  channel: Channel | ''
  /** A state of the kinds searched (statesFor). */
  state: SearchState | ''
  /** Reports whose triage decision names it, findings and clues that name it; measures name
   * none, so they drop out (cleared when measures alone are searched). */
  discipline: DisciplineKey | ''
  /** Received from / to (inclusive), YYYY-MM-DD or ''. */
  from: string
  to: string
  sort: SearchSort
  page: number
  page_size: number
}

export const PAGE_SIZES = [10, 20, 50, 100]
export const DEFAULT_PAGE_SIZE = 20

export const emptyForm = (): SearchForm => ({
  q: '',
  kind: 'all',
  round_id: null,
  group_id: null,
  unit_id: null,
  channel: '',
  state: '',
  discipline: '',
  from: '',
  to: '',
  sort: 'relevance',
  page: 1,
  page_size: DEFAULT_PAGE_SIZE,
})

/** The first value of a query parameter ('' when absent). */
function first(v: LocationQuery[string] | undefined): string {
  const x = Array.isArray(v) ? v[0] : v
  return typeof x === 'string' ? x : ''
}

function positiveInt(s: string, max = Number.MAX_SAFE_INTEGER): number | null {
  if (!/^[1-9]\d{0,15}$/.test(s)) return null
  const n = Number(s)
  return n <= max ? n : null
}

const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s)

function oneOf<T extends string>(s: string, allowed: readonly T[]): T | '' {
  return (allowed as readonly string[]).includes(s) ? (s as T) : ''
}

export type SearchState = ReportState | FindingState | ClueState | MeasureState

const STATES: Record<SearchKind, readonly SearchState[]> = {
  report: REPORT_STATES,
  finding: FINDING_STATES,
  clue: CLUE_STATES,
  rectification: MEASURE_STATES,
}

/** The states of one kind, offered together under the kind's name. */
export interface StateGroup {
  kind: SearchKind
  states: SearchState[]
}

/**
 * The states the state filter offers for a kind, grouped by the kind they belong to: a
 * report's, a finding's, a clue's or a measure's. All kinds together offer the report and
 * finding states only (of the kinds the caller finds): a clue's 草稿 and 已撤销 have the same
 * keys as a finding's, and a measure's 已销号 (`accepted`) the key of a report's 已受理, so the
 * clue and measure states are offered once that kind alone is searched.
 */
export function stateGroups(
  kind: KindFilter,
  kinds: readonly SearchKind[] = SEARCH_KINDS,
): StateGroup[] {
  const shown: SearchKind[] =
    kind === 'all' ? kinds.filter((k) => k === 'report' || k === 'finding') : [kind]
  return shown.map((k) => ({ kind: k, states: [...STATES[k]] }))
}

/** The states the state filter offers for a kind (stateGroups, flattened). */
export function statesFor(kind: KindFilter, kinds?: readonly SearchKind[]): SearchState[] {
  return stateGroups(kind, kinds).flatMap((g) => g.states)
}

/** Whether the channel filter applies: reports only, when the caller finds reports. */
export const takesChannel = (kind: KindFilter, kinds: readonly SearchKind[] = SEARCH_KINDS) =>
  kind === 'report' || (kind === 'all' && kinds.includes('report'))

/** Whether the discipline filter applies: to reports, findings and clues, not to measures. */
export const takesDiscipline = (kind: KindFilter, kinds: readonly SearchKind[] = SEARCH_KINDS) =>
  kind === 'all' ? kinds.some((k) => k !== 'rectification') : kind !== 'rectification'

/** Clears the filters the kind does not take (after the user changes the kind). */
export function fitToKind(f: SearchForm, kinds?: readonly SearchKind[]): void {
  if (!takesChannel(f.kind, kinds)) f.channel = ''
  if (!takesDiscipline(f.kind, kinds)) f.discipline = ''
  if (f.state && !statesFor(f.kind, kinds).includes(f.state)) f.state = ''
}

export interface RouteOptions {
  /**
   * The kinds the caller may find (access.searchKindsFor; default all). With one kind (a clue
   * recipient: clues, a unit's liaison: measures) the kind is fixed to it.
   */
  kinds?: readonly SearchKind[]
}

/**
 * The form a URL describes. Values the page could not have written (a bad
 * channel, a page 0, a date that is no YYYY-MM-DD, a report state with kind
 * finding) fall back to the defaults, so a hand-edited link still opens a
 * working page.
 */
export function formFromRoute(query: LocationQuery, opts: RouteOptions = {}): SearchForm {
  const f = emptyForm()
  f.q = first(query.q)
  const kinds = opts.kinds ?? SEARCH_KINDS
  f.kind = kinds.length === 1 ? kinds[0] : oneOf(first(query.kind), kinds) || 'all'
  f.round_id = positiveInt(first(query.round_id))
  f.group_id = f.round_id === null ? null : positiveInt(first(query.group_id))
  f.unit_id = f.round_id === null ? null : positiveInt(first(query.unit_id))
  f.channel = takesChannel(f.kind, kinds) ? oneOf(first(query.channel), CHANNELS) : ''
  f.state = oneOf(first(query.state), statesFor(f.kind, kinds))
  f.discipline = takesDiscipline(f.kind, kinds) ? oneOf(first(query.discipline), DISCIPLINES) : ''
  const from = first(query.from)
  const to = first(query.to)
  if (isDay(from) && isDay(to) && from <= to) {
    f.from = from
    f.to = to
  }
  f.sort = oneOf(first(query.sort), SEARCH_SORTS) || 'relevance'
  f.page = positiveInt(first(query.page), 1_000_000) ?? 1
  f.page_size = positiveInt(first(query.page_size), 200) ?? DEFAULT_PAGE_SIZE
  return f
}

/** The URL query of a form: only what differs from the defaults, in a stable order. */
export function routeFromForm(f: SearchForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.q !== '') out.q = f.q
  if (f.kind !== 'all') out.kind = f.kind
  if (f.round_id !== null) {
    out.round_id = String(f.round_id)
    if (f.group_id !== null) out.group_id = String(f.group_id)
    if (f.unit_id !== null) out.unit_id = String(f.unit_id)
  }
  if (f.channel) out.channel = f.channel
  if (f.state) out.state = f.state
  if (f.discipline) out.discipline = f.discipline
  if (f.from && f.to) {
    out.from = f.from
    out.to = f.to
  }
  if (f.sort !== 'relevance') out.sort = f.sort
  if (f.page > 1) out.page = String(f.page)
  if (f.page_size !== DEFAULT_PAGE_SIZE) out.page_size = String(f.page_size)
  return out
}

/** Whether the form holds something to search for (the server refuses a blank query). */
export const hasQuery = (f: Pick<SearchForm, 'q'>): boolean => f.q.trim() !== ''

/** The request for `GET /search`; empty filters are left out by the HTTP wrapper. */
export function requestFromForm(f: SearchForm): SearchQuery {
  return {
    q: f.q.trim(),
    kind: f.kind === 'all' ? '' : f.kind,
    round_id: f.round_id,
    group_id: f.round_id === null ? null : f.group_id,
    unit_id: f.round_id === null ? null : f.unit_id,
    channel: takesChannel(f.kind) ? f.channel : '',
    state: f.state,
    discipline: takesDiscipline(f.kind) ? f.discipline : '',
    from: f.from && f.to ? f.from : '',
    to: f.from && f.to ? f.to : '',
    sort: f.sort,
    page: f.page,
    page_size: f.page_size,
  }
}

/** Two URL queries name the same search (the order of the keys aside). */
export function sameQuery(a: Record<string, string>, b: LocationQuery): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) {
    if ((a[k] ?? '') !== first(b[k])) return false
  }
  return true
}

/**
 * The snippet as it is drawn: empty pieces dropped and neighbours of the same
 * kind joined, so each marked run is one <mark>. The text is never parsed as
 * markup: the page interpolates it.
 */
export function snippetSegments(parts: readonly SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = []
  for (const p of parts) {
    if (typeof p?.text !== 'string' || p.text === '') continue
    const hit = p.hit === true
    const last = out[out.length - 1]
    if (last && last.hit === hit) last.text += p.text
    else out.push({ text: p.text, hit })
  }
  return out
}
