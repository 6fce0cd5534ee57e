// Request and response shapes of the Xuncha HTTP API (docs/api.md).
// Field names follow the API exactly; the UI labels them in Chinese.

export type ISODate = string // YYYY-MM-DD
export type Timestamp = string // ISO-8601 UTC

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface PageQuery {
  page?: number
  page_size?: number
}

export type Role =
  'office' | 'group_leader' | 'group_member' | 'unit' | 'clue_recipient' | 'leadership' | 'admin'

export const ROLES: readonly Role[] = [
  'office',
  'group_leader',
  'group_member',
  'unit',
  'clue_recipient',
  'leadership',
  'admin',
]

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  must_change_password: boolean
  disabled: boolean
  inspector_id: number | null
  unit_id: number | null
  version: number
  demo: boolean
}

export interface SessionInfo {
  user: User
  csrf_token: string
  demo?: boolean
}

export interface Term {
  id: number
  version: number
  name: string
  number: number
  start_date: ISODate
  end_date: ISODate | null
  demo: boolean
}

export type RoundType = 'regular' | 'special' | 'mobile' | 'lookback'
export const ROUND_TYPES: readonly RoundType[] = ['regular', 'special', 'mobile', 'lookback']

export type RoundStatus = 'planning' | 'stationing' | 'reporting' | 'rectification' | 'closed'
export const ROUND_STATUSES: readonly RoundStatus[] = [
  'planning',
  'stationing',
  'reporting',
  'rectification',
  'closed',
]

export interface Round {
  id: number
  version: number
  term_id: number
  term_name: string
  number: number
  name: string
  type: RoundType
  start_date: ISODate
  end_date: ISODate
  status: RoundStatus
  demo: boolean
  group_count: number
  unit_count: number
}

export interface RoundInput {
  term_id: number | null
  number: number | null
  name: string
  type: RoundType | ''
  start_date: ISODate
  end_date: ISODate
  status?: RoundStatus
  version?: number
}

export interface FocusItem {
  id: number
  version: number
  parent_id: number | null
  position: number
  title: string
}

export type MemberRole = 'leader' | 'deputy' | 'member'
export const MEMBER_ROLES: readonly MemberRole[] = ['leader', 'deputy', 'member']

export interface GroupMember {
  inspector_id: number
  name: string
  role: MemberRole
}

export interface Group {
  id: number
  version: number
  round_id: number
  number: number
  name: string
  duty_phone: string
  phone_hours: string
  mailbox: string
  postal_address: string
  suggestion_boxes: string[]
  intake_cutoff: ISODate | null
  members: GroupMember[]
  demo: boolean
}

export interface GroupInput {
  round_id: number
  number: number | null
  name: string
  duty_phone: string
  phone_hours: string
  mailbox: string
  postal_address: string
  suggestion_boxes: string[]
  intake_cutoff: ISODate | null
  version?: number
}

export interface AddMemberInput {
  inspector_id: number
  role: MemberRole
  override_reason?: string
}

export interface RecusalConflict {
  unit_id: number
  unit_name: string
  reason: string
}

export type PartyOrgKind = 'party_group' | 'party_committee' | 'general_branch' | 'party_branch'
export const PARTY_ORG_KINDS: readonly PartyOrgKind[] = [
  'party_group',
  'party_committee',
  'general_branch',
  'party_branch',
]

export interface Unit {
  id: number
  version: number
  name: string
  kind: string
  parent_id: number | null
  party_org_name: string
  party_org_kind: PartyOrgKind
  demo: boolean
}

export interface UnitInput {
  name: string
  kind: string
  parent_id: number | null
  party_org_name: string
  party_org_kind: PartyOrgKind | ''
  version?: number
}

export type LeaderTier = 'leadership' | 'subordinate'

export interface Leader {
  id: number
  version: number
  unit_id: number
  name: string
  post: string
  tier: LeaderTier
  org_name: string
  term_from: ISODate
  term_to: ISODate | null
}

export type LeaderInput = Omit<Leader, 'id' | 'version' | 'unit_id'> & { version?: number }

export interface WorkHistory {
  org_name: string
  unit_id: number | null
  from: ISODate
  to: ISODate | null
}

export type RelationKind = 'kin' | 'superior'

export interface Relation {
  person_name: string
  unit_id: number | null
  relation: RelationKind
  note: string
}

export interface Inspector {
  id: number
  version: number
  name: string
  employer: string
  post: string
  phone: string
  history: WorkHistory[]
  relations: Relation[]
  demo: boolean
}

export type InspectorInput = Omit<Inspector, 'id' | 'version' | 'demo'> & { version?: number }

export interface Meeting {
  date: ISODate | null
  place: string
  attendees: string
  leader_remarks: string
  pledge: string
}

export interface Assignment {
  id: number
  version: number
  round_id: number
  group_id: number
  group_name: string
  unit_id: number
  unit_name: string
  station_start: ISODate
  station_end: ISODate
  notice_date: ISODate | null
  meeting: Meeting
  warnings: string[]
  demo: boolean
}

export interface AssignmentInput {
  round_id: number
  group_id: number | null
  unit_id: number | null
  station_start: ISODate
  station_end: ISODate
  notice_date: ISODate | null
  meeting?: Meeting
  version?: number
  /** Office only: assign despite a recusal conflict; the server logs the reason. */
  override_reason?: string
}

export interface Announcement {
  title: string
  text: string
}

export interface UserInput {
  username: string
  display_name: string
  role: Role | ''
  password?: string
  inspector_id: number | null
  unit_id: number | null
  disabled?: boolean
  version?: number
}

export interface AuditEntry {
  seq: number
  at: Timestamp
  username: string
  action: string
  object_type: string
  object_id: string | number | null
  detail: string
  ip: string
  hash: string
}

export interface LoginEntry {
  id: number
  at: Timestamp
  username: string
  ok: boolean
  reason: string
  ip: string
}
