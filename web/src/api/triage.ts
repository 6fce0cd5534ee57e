// 研判: the server's suggestions for one report (who it is about, scope, disciplines, repeat
// reports) and the staff's versioned decision (docs/triage.md, tag `triage` in openapi.yaml).
import { http } from './http'
import type { DisciplineKey, LeaderTier, ReportSummary } from './types'

// The disciplines are shared with the findings; they live with the other API types.
export { DISCIPLINES, type DisciplineKey } from './types'

export type ScopeKind = 'in_scope' | 'transfer' | 'above_level' | 'unclear'
export const SCOPE_KINDS: readonly ScopeKind[] = ['in_scope', 'transfer', 'above_level', 'unclear']
export type TransferKind = 'none' | 'personal_claim' | 'legal' | 'other_organ'
export type ScopeCueKind =
  'leader' | 'leader_post' | 'key_post' | 'personal_claim' | 'legal' | 'other_organ' | 'above_level'
export type MatchKind = 'exact_name' | 'same_pinyin' | 'surname_post' | 'post_alone'

export interface TriageLeader {
  id: number
  name: string
  post: string
  tier: LeaderTier
  org_name: string
}

export interface TriageEvidence {
  kind: MatchKind
  /** The words of the report that matched. */
  text: string
  confidence: number
  /** From the persons the reporter named (not the free text). */
  named: boolean
}

export interface TriagePerson {
  leader: TriageLeader
  evidence: TriageEvidence
  other_evidence: TriageEvidence[]
}

export interface TriageArticle {
  number: number
  discipline: DisciplineKey
  description: string
  cues: string[]
  /** False when the number is inferred and must be checked (待核对). */
  verified: boolean
  cue_matched?: boolean
  matched_cues?: string[]
}

export interface TriageDiscipline {
  discipline: DisciplineKey
  score: number
  articles: TriageArticle[]
  evidence_cues: string[]
  evidence_ngrams: string[]
}

export interface TriageRepeat extends ReportSummary {
  similarity: number
  link_origin: 'automatic' | 'staff' | null
  /** Why the link was made: similar wording, the same facts in other words, or staff. */
  link_basis: 'text' | 'facts' | 'staff' | null
  /** For a facts link: the places, amounts and dates both reports state. */
  shared_facts: string[]
  /** Linked to this report itself (not only through another report). */
  direct: boolean
}

export interface Triage {
  report_id: number
  classifier: 'trained' | 'cues'
  persons: TriagePerson[]
  unmatched: string[]
  scope: {
    kind: ScopeKind
    transfer: TransferKind
    confidence: number
    cues: { kind: ScopeCueKind; phrase: string }[]
  }
  disciplines: TriageDiscipline[]
  /** No discipline suggested. */
  unclear: boolean
  repeats: TriageRepeat[]
  roster: TriageLeader[]
  decision: TriageDecision | null
}

export interface TriageInput {
  /** The current decision's version; 0 for the first. */
  version: number
  scope: ScopeKind
  disciplines: DisciplineKey[]
  articles: number[]
  leaders: number[]
  note: string
}

/** The saved decision: what was put, by whom and when. */
export interface TriageDecision extends TriageInput {
  decided_by: string
  decided_at: string | null
}

export interface CatalogueArticle {
  number: number
  discipline: DisciplineKey
  description: string
  cues: string[]
  verified: boolean
}

export interface DisciplineCatalogue {
  regulation: string
  revision: string
  chapters: {
    chapter: number
    discipline: DisciplineKey
    from: number
    to: number
    verified: boolean
  }[]
  articles: CatalogueArticle[]
}

export const getTriage = (reportId: number) => http.get<Triage>(`/reports/${reportId}/triage`)
export const decideTriage = (reportId: number, input: TriageInput) =>
  http.put<Triage>(`/reports/${reportId}/triage`, input)
/** Not the same matter after all: the two reports are kept apart from now on. */
export const splitRepeat = (reportId: number, other: number) =>
  http.post<void>(`/reports/${reportId}/repeats/${other}/split`)
/** The same matter: links the two (a staff link, which wins over the automatic ones). */
export const linkRepeat = (reportId: number, other: number) =>
  http.post<void>(`/reports/${reportId}/repeats/${other}/link`)
export const getDisciplineCatalogue = () => http.get<DisciplineCatalogue>('/discipline-articles')
