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
  /** Holds the key to reporters' identities: decides the requests to see them. */
  custodian?: boolean
  /** A clue recipient's organ (the clues handed over to it); null for every other role. */
  organ?: Organ | null
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
  /** The groups answer reporters through the system (replies and the reporter's messages). */
  reporter_replies: boolean
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
  /** Left out on update keeps the round's value; the form always sends it. */
  reporter_replies?: boolean
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
  /** Required for a clue recipient; ignored (returned null) for every other role. */
  organ: Organ | null
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

// ---- Public reports (来信来电来访) ----

export type Channel = 'web' | 'call' | 'letter' | 'box' | 'visit' | 'email'
export const CHANNELS: readonly Channel[] = ['web', 'call', 'letter', 'box', 'visit', 'email']
/** The channels staff register by hand; web and email come in by themselves. */
export type StaffChannel = 'call' | 'letter' | 'box' | 'visit'
export const STAFF_CHANNELS: readonly StaffChannel[] = ['call', 'letter', 'box', 'visit']
/** What the registration dialog registers: the staff channels, and a quarantined e-mail by hand. */
export type RegisterChannel = StaffChannel | 'email'

export type ReportState = 'registered' | 'accepted' | 'transferred' | 'filed' | 'closed'
export const REPORT_STATES: readonly ReportState[] = [
  'registered',
  'accepted',
  'transferred',
  'filed',
  'closed',
]
/** The states a transition may lead to. */
export type TransitionTarget = Exclude<ReportState, 'registered'>

export interface ReportedPerson {
  name: string
  unit: string
  post: string
}

export interface ReporterIdentity {
  name: string
  phone: string
  id_number: string
  address: string
  /** Mail imports only. */
  email?: string
}

export interface PetitionOffice {
  name: string
  address: string
  phone: string
}

export type PetitionOfficeInput = PetitionOffice

/** One group at one unit, as the public intake page lists it. */
export interface IntakeItem {
  assignment_id: number
  round_name: string
  group_name: string
  unit_name: string
  station_start: ISODate
  station_end: ISODate
  intake_cutoff: ISODate | null
  open: boolean
  duty_phone: string
  phone_hours: string
  mailbox: string
  postal_address: string
  suggestion_boxes: string[]
  replies_allowed: boolean
}

export interface PublicIntake {
  demo: boolean
  /** Proof of work asked of submissions (leading zero bits of SHA-256); 0 for none. */
  pow_bits: number
  petition_office: PetitionOffice
  items: IntakeItem[]
}

export interface PublicReportInput {
  assignment_id: number | null
  anonymous: boolean
  reporter: ReporterIdentity
  persons: ReportedPerson[]
  content: string
  happened: string
  place: string
  pow_challenge?: string
  pow_solution?: string
}

export interface PublicReceipt {
  number: string
  query_code: string
  received_at: Timestamp
}

export type MessageSender = 'reporter' | 'group'

export interface PublicMessage {
  at: Timestamp
  from: MessageSender
  text: string
}

export interface PublicReportStatus {
  number: string
  state: ReportState
  received_at: Timestamp
  group_name: string
  unit_name: string
  replies_allowed: boolean
  events: { at: Timestamp; state: ReportState }[]
  messages: PublicMessage[]
}

export type DeadlineKind = 'acceptance_notice' | 'result_notice'

export interface Deadline {
  kind: DeadlineKind
  due: ISODate
  overdue: boolean
  working_days_left: number
}

export interface ReportSummary {
  id: number
  number: string
  channel: Channel
  state: ReportState
  received_at: Timestamp
  registered_at?: Timestamp | null
  assignment_id: number
  round_id: number
  group_id: number
  group_name: string
  unit_id: number
  unit_name: string
  anonymous: boolean
  reporter_masked: string
  sealed: boolean
  excerpt: string
  persons: ReportedPerson[]
  due: Deadline | null
  /** When a named reporter was told of the acceptance / of the result (POST …/notices). */
  acceptance_notified_at?: Timestamp | null
  result_notified_at?: Timestamp | null
  registered_by: string | null
  demo: boolean
  version: number
}

/** One piece of a search snippet: `hit` pieces are the matched terms (to be marked). */
export interface SnippetPart {
  text: string
  hit: boolean
}

/** What `GET /search` finds: reports (信访举报), findings (问题底稿), clues (问题线索) and
 * rectification measures (整改措施). */
export type SearchKind = 'report' | 'finding' | 'clue' | 'rectification'
export const SEARCH_KINDS: readonly SearchKind[] = ['report', 'finding', 'clue', 'rectification']

/** The match part of a search hit. */
export interface SearchHitParts {
  score: number
  /** Text around the first match of each term; empty for sealed reports. */
  snippet: SnippetPart[]
}

/** A report found by `GET /search`: the inbox item plus the match. */
export interface ReportHit extends ReportSummary, SearchHitParts {
  kind: 'report'
}

/** A finding found by `GET /search`: the list item plus the match. */
export interface FindingHit extends FindingSummary, SearchHitParts {
  kind: 'finding'
}

/** A clue found by `GET /search`: the list item plus the match. */
export interface ClueHit extends ClueSummary, SearchHitParts {
  kind: 'clue'
}

/**
 * A rectification measure found by `GET /search`: the measure plus the match. Its `kind` is the
 * hit's (`rectification`); the measure's own kind (立行立改 …) comes as `measure_kind`.
 */
export interface MeasureHit extends Omit<Measure, 'kind'>, SearchHitParts {
  kind: 'rectification'
  measure_kind: MeasureKind
}

export type SearchHit = ReportHit | FindingHit | ClueHit | MeasureHit

export type SearchSort = 'relevance' | 'date'
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'date']

export interface SearchPage extends Page<SearchHit> {
  /** The positive terms of the query, normalised (Simplified, half-width, lower case). */
  terms: string[]
}

export interface ReportEvent {
  at: Timestamp
  from: ReportState | null
  to: ReportState
  reason: string
  department: string
  letter: string
  by: string | null
}

export interface ReportMessage {
  id: number
  at: Timestamp
  from: MessageSender
  author: string | null
  text: string
}

export type RevealState = 'pending' | 'approved' | 'rejected'
export const REVEAL_STATES: readonly RevealState[] = ['pending', 'approved', 'rejected']

export interface RevealRequest {
  id: number
  report_id: number
  report_number: string
  requested_by: string
  requested_at: Timestamp
  reason: string
  state: RevealState
  decided_by: string | null
  decided_at: Timestamp | null
  note: string
}

export interface ReporterBlock {
  anonymous: boolean
  masked: string
  identity_available: boolean
  reveal_request: RevealRequest | null
}

/** An attachment; its content is `GET /reports/{id}/files/{file id}`. */
export interface ReportFile {
  id: number
  position: number
  /** The sanitised original name; '' when the caller's session holds no key. */
  filename: string
  /** Sniffed from the content. */
  mime: string
  /** Bytes, after metadata stripping. */
  size: number
  /** EXIF/GPS, XMP or document info was removed (JPEG, PNG, PDF). */
  stripped: boolean
  added_at: Timestamp | null
}

export interface ReportDetail extends ReportSummary {
  content: string
  happened: string
  place: string
  box_location: string
  visitor_count: number | null
  received_by: string
  replies_allowed: boolean
  allowed_transitions: TransitionTarget[]
  /** Not sent by the server yet: `due` holds the one running deadline. */
  deadlines?: Deadline[]
  events: ReportEvent[]
  messages: ReportMessage[]
  /** Attachments, by position. */
  files: ReportFile[]
  /** The session opens the report key (file names and contents). */
  files_readable: boolean
  reporter: ReporterBlock
  /** Only in the answer to a staff registration: shown once, to pass on to the reporter. */
  query_code?: string
}

export interface ReportInput {
  assignment_id: number | null
  /** For `POST /mail/{id}/register` the server always takes `email`. */
  channel: RegisterChannel
  /** YYYY-MM-DDTHH:MM, China time. */
  received_at: string
  anonymous: boolean
  reporter: ReporterIdentity
  persons: ReportedPerson[]
  content: string
  happened: string
  place: string
  box_location?: string
  visitor_count?: number
  received_by: string
  sealed: boolean
}

// ---- The group mailbox (电子信箱) ----

/** imported: became a report by itself; quarantined: 待处理; registered: registered by hand. */
export type MailState = 'quarantined' | 'registered' | 'imported'
export const MAIL_STATES: readonly MailState[] = ['quarantined', 'registered', 'imported']
export type MailSource = 'maildir' | 'imap'
/** Why a message is in quarantine. */
export type MailReason =
  | 'bad_mime'
  | 'mime_limits'
  | 'mail_too_large'
  | 'no_assignment'
  | 'unit_ambiguous'
  | 'invalid_content'
export const MAIL_REASONS: readonly MailReason[] = [
  'bad_mime',
  'mime_limits',
  'mail_too_large',
  'no_assignment',
  'unit_ambiguous',
  'invalid_content',
]

export interface MailMessage {
  id: number
  group_id: number
  group_name: string
  source: MailSource
  fetched_at: Timestamp | null
  /** Bytes of the raw message. */
  size: number
  state: MailState
  /** A MailReason while quarantined, '' otherwise. */
  reason: string
  /** Notes on the import (Chinese, or technical such as a charset guess). */
  warnings: string[]
  report_id: number | null
  report_number: string | null
  handled_at: Timestamp | null
}

/** A group's IMAP mailbox, polled by the server. The password is never sent back. */
export interface MailAccount {
  group_id: number
  group_name: string
  /** imaps://host:993/INBOX */
  url: string
  username: string
  /** A CA certificate file on the server; '' = the system's. */
  ca_file: string
  enabled: boolean
  last_poll_at: Timestamp | null
  last_uid: number
  /** '' when the last poll went well. */
  last_error: string
}

export interface MailAccountInput {
  url: string
  username: string
  /** Required for a new account; omitted or '' keeps the stored one. */
  password?: string
  ca_file: string
  enabled: boolean
}

export interface MailPollResult {
  imported: number
  duplicates: number
  quarantined: number
  /** '' or a Chinese message. */
  error: string
}

export interface TransitionInput {
  to: TransitionTarget
  reason: string
  department: string
  letter: string
  version: number
}

// ---- Settings: the working-day calendar and the notice deadline rules ----

/** 放假 / 调休上班. */
export type DayKind = 'holiday' | 'makeup'
export const DAY_KINDS: readonly DayKind[] = ['holiday', 'makeup']

/** A listed day of the working-day calendar; every other Monday to Friday is a working day. */
export interface CalendarDay {
  date: ISODate
  kind: DayKind
  name: string
}

export interface CalendarDayInput {
  kind: DayKind
  name: string
}

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['acceptance_notice', 'result_notice']

export interface DeadlineRule {
  id: number
  version: number
  kind: DeadlineKind
  working_days: number
  effective_from: ISODate
  /** Last day in effect (included); null = open-ended. */
  effective_to: ISODate | null
  note: string
}

export interface DeadlineRuleInput {
  kind: DeadlineKind
  working_days: number | null
  effective_from: ISODate
  effective_to: ISODate | null
  note: string
  version?: number
}

// ---- Findings (发现问题 / 问题底稿) ----

/** The six disciplines of the regulation (政治、组织、廉洁、群众、工作、生活纪律). */
export type DisciplineKey =
  'political' | 'organizational' | 'integrity' | 'mass' | 'work' | 'personal'
/** In the order of the regulation. */
export const DISCIPLINES: readonly DisciplineKey[] = [
  'political',
  'organizational',
  'integrity',
  'mass',
  'work',
  'personal',
]

/** 底稿 → 已确认 (for the inspection report) or 已撤销; both go back to 底稿. */
export type FindingState = 'draft' | 'confirmed' | 'withdrawn'
export const FINDING_STATES: readonly FindingState[] = ['draft', 'confirmed', 'withdrawn']

/** A finding as lists and search show it: the title, no facts or evidence. */
export interface FindingSummary {
  id: number
  version: number
  assignment_id: number
  round_id: number
  round_name: string
  group_id: number
  group_name: string
  unit_id: number
  unit_name: string
  focus_item_id: number | null
  /** '' without a focus item. */
  focus_title: string
  state: FindingState
  disciplines: DisciplineKey[]
  title: string
  /** Display name of the member who wrote it. */
  created_by: string
  created_at: Timestamp
  updated_by: string | null
  updated_at: Timestamp | null
  demo: boolean
}

/** A roster leader a finding concerns. */
export interface FindingLeader {
  id: number
  name: string
  post: string
}

export interface FindingDetail extends FindingSummary {
  /** The facts (问题事实). */
  description: string
  evidence: string
  leaders: FindingLeader[]
  /** The caller may edit it now (a member of its group, and it is a draft). */
  editable: boolean
  /** The moves the caller may make (the group's leader only). */
  allowed_transitions: FindingState[]
}

/** `PUT /findings/{id}`: where it was found (the assignment) does not change. */
export interface FindingEditInput {
  version: number
  focus_item_id: number | null
  disciplines: DisciplineKey[]
  /** One line, at most 100 characters. */
  title: string
  description: string
  evidence: string
  /** Ids on the unit's roster. */
  leaders: number[]
}

/** `POST /findings`. */
export interface FindingInput extends Omit<FindingEditInput, 'version'> {
  assignment_id: number
}

// ---- Clues (问题线索) ----

/** Where a clue is handed over (移交): 纪委监委 or 组织部. */
export type Organ = 'discipline_commission' | 'organisation_department'
export const ORGANS: readonly Organ[] = ['discipline_commission', 'organisation_department']

/** 草稿 → 已移交 → 已签收 → 已反馈处置; a draft may be withdrawn (已撤销) and restored. */
export type ClueState = 'draft' | 'handed_over' | 'received' | 'disposed' | 'withdrawn'
export const CLUE_STATES: readonly ClueState[] = [
  'draft',
  'handed_over',
  'received',
  'disposed',
  'withdrawn',
]

/** How the recipient disposed of a clue (处置方式). */
export type ClueDisposal = 'talk_inquiry' | 'preliminary_verification' | 'hold' | 'close' | 'other'
export const CLUE_DISPOSALS: readonly ClueDisposal[] = [
  'talk_inquiry',
  'preliminary_verification',
  'hold',
  'close',
  'other',
]

/** A roster leader a clue concerns. */
export interface ClueLeader {
  id: number
  name: string
  post: string
}

/** A clue as lists and search show it: no content, source or disposal note. */
export interface ClueSummary {
  id: number
  version: number
  assignment_id: number
  round_id: number
  round_name: string
  group_id: number
  group_name: string
  unit_id: number
  unit_name: string
  organ: Organ
  state: ClueState
  disciplines: DisciplineKey[]
  title: string
  leaders: ClueLeader[]
  /** Persons not on the unit's roster, as written ('' when none). */
  other_persons: string
  handed_over_at: Timestamp | null
  /** Display name of who handed it over. */
  handed_over_by: string | null
  received_at: Timestamp | null
  received_by: string | null
  disposal: ClueDisposal | null
  disposed_at: Timestamp | null
  /** Display name of the member who wrote it. */
  created_by: string
  created_at: Timestamp
  updated_by: string | null
  updated_at: Timestamp | null
  demo: boolean
}

export interface ClueDetail extends ClueSummary {
  /** 线索内容. */
  description: string
  /** 线索来源. */
  evidence: string
  disposal_note: string
  /** The caller may edit it now (a member of its group, and it is a draft). */
  editable: boolean
  /** The moves the caller may make now. */
  allowed_transitions: ClueState[]
}

/** `PUT /clues/{id}`: the stationing it was established at does not change. */
export interface ClueEditInput {
  version: number
  organ: Organ
  disciplines: DisciplineKey[]
  /** One line, at most 100 characters. */
  title: string
  description: string
  evidence: string
  /** Ids on the unit's roster; with other_persons, at least one person. */
  leaders: number[]
  other_persons: string
}

/** `POST /clues`. */
export interface ClueInput extends Omit<ClueEditInput, 'version'> {
  assignment_id: number
}

/** `POST /clues/{id}/transitions`; disposal (and its note) only to `disposed`. */
export interface ClueTransitionInput {
  to: ClueState
  version: number
  disposal?: ClueDisposal
  disposal_note?: string
}

// ---- Rectification (整改) ----

/** 未制定措施, 整改中 (a measure not yet accepted), 已销号 (every measure accepted). */
export type ProblemStatus = 'no_measures' | 'in_progress' | 'closed_out'
export const PROBLEM_STATUSES: readonly ProblemStatus[] = [
  'no_measures',
  'in_progress',
  'closed_out',
]

/** 立行立改, 限期整改 (a deadline required), 长期坚持 (no deadline). */
export type MeasureKind = 'immediate' | 'by_deadline' | 'ongoing'
export const MEASURE_KINDS: readonly MeasureKind[] = ['immediate', 'by_deadline', 'ongoing']

/** 整改中 → 已完成待验收 (the unit reports it) → 已销号 (the office accepts) or back (退回). */
export type MeasureState = 'planned' | 'done' | 'accepted'
export const MEASURE_STATES: readonly MeasureState[] = ['planned', 'done', 'accepted']

/** An item of a unit's problem list (问题清单): a confirmed finding and the counts of its
 * measures. No facts, evidence or persons. */
export interface ProblemSummary {
  /** The finding's id: the problem's page is /rectification/problems/{finding_id}. */
  finding_id: number
  round_id: number
  round_name: string
  round_status: RoundStatus
  group_id: number
  group_name: string
  unit_id: number
  unit_name: string
  focus_item_id: number | null
  /** '' without a focus item. */
  focus_title: string
  disciplines: DisciplineKey[]
  title: string
  measures: number
  /** Reported done, awaiting acceptance. */
  done: number
  accepted: number
  /** Planned measures past their deadline (China time). */
  overdue: number
  status: ProblemStatus
  demo: boolean
}

export interface ProblemDetail extends ProblemSummary {
  /** The facts (问题事实); never the evidence. */
  description: string
  measure_list: Measure[]
  /** The caller is the unit's liaison and the round is in rectification. */
  can_add_measure: boolean
}

/** A rectification measure (整改措施). */
export interface Measure {
  id: number
  version: number
  finding_id: number
  problem_title: string
  round_id: number
  group_id: number
  unit_id: number
  unit_name: string
  kind: MeasureKind
  /** YYYY-MM-DD; null without one (always for 长期坚持). */
  deadline: string | null
  state: MeasureState
  /** Planned and past its deadline. */
  overdue: boolean
  content: string
  responsible_department: string
  /** '' when not given. */
  responsible_leader: string
  /** What the unit reports it did; '' before. */
  completion: string
  /** The office's reasons when it last returned the measure; '' if never. */
  return_note: string
  done_at: Timestamp | null
  accepted_by: string | null
  accepted_at: Timestamp | null
  created_by: string
  created_at: Timestamp
  updated_by: string | null
  updated_at: Timestamp | null
  demo: boolean
  /** The caller may edit it now (the unit's liaison, while it is planned). */
  editable: boolean
  /** The moves the caller may make now. */
  allowed_transitions: MeasureState[]
}

/** `PUT /rectification/measures/{id}`: the problem does not change. */
export interface MeasureEditInput {
  version: number
  kind: MeasureKind
  /** Required for 限期整改; ignored for 长期坚持. */
  deadline: string | null
  content: string
  responsible_department: string
  responsible_leader: string
}

/** `POST /rectification/measures`. */
export interface MeasureInput extends Omit<MeasureEditInput, 'version'> {
  finding_id: number
}

/** `POST /rectification/measures/{id}/transitions`: `note` is the completion (to done), the
 * acceptance note (to accepted, optional) or the reasons for returning it (to planned). */
export interface MeasureTransitionInput {
  to: MeasureState
  version: number
  note?: string
}

// ---- 统计概览 (GET /rounds/{id}/overview) ----

/** Whose stationings a round's overview counts: the whole round (office, leading group) or the
 * stationings of the caller's own groups (group leaders and members). */
export type OverviewScope = 'all' | 'own_groups'

/** One count under an enum value; the server lists every value in the enum's order, zeros
 * included. */
export interface Tally<K extends string = string> {
  key: K
  count: number
}

/** Findings under one top-level point of the round's focus checklist (its sub-items included);
 * `focus_item_id` null (title '') for findings filed under no point. */
export interface FocusTally {
  focus_item_id: number | null
  title: string
  count: number
}

/** The figures of a round, or of one stationing. Withdrawn findings and clues are not counted. */
export interface OverviewFigures {
  /** Reports counted (sealed ones only where the caller may list them: a custodian all, a group leader his groups’). */
  reports: number
  /** Of `reports`, the sealed (越级) ones; 0 for whoever may not list them. */
  sealed_reports: number
  /** Findings in draft or confirmed. */
  findings: number
  findings_confirmed: number
  /** Clues not withdrawn. */
  clues: number
  /** Handed over, received or disposed. */
  clues_handed_over: number
  /** Confirmed findings once the round is in rectification or closed; 0 before. */
  problems: number
  /** Problems whose measures (at least one) are all accepted. */
  problems_closed: number
  measures: number
  measures_accepted: number
  /** Planned measures past their deadline on `as_of`. */
  measures_overdue: number
}

/** One stationing (assignment) and its figures. */
export interface OverviewUnitRow extends OverviewFigures {
  assignment_id: number
  group_id: number
  group_name: string
  unit_id: number
  unit_name: string
  station_start: ISODate
  station_end: ISODate
}

/** `GET /rounds/{id}/overview`: counts only, never a title of a report or a person's name. */
export interface RoundOverview {
  round_id: number
  round_name: string
  round_status: RoundStatus
  /** The round is demo data (示例数据). */
  demo: boolean
  scope: OverviewScope
  /** The China date overdue measures are counted on. */
  as_of: ISODate
  totals: OverviewFigures
  /** Every channel in the Channel enum's order. */
  reports_by_channel: Tally<Channel>[]
  /** Every report state in the ReportState enum's order. */
  reports_by_state: Tally<ReportState>[]
  /** Every discipline in the regulation's order; a finding naming two counts under each. */
  findings_by_discipline: Tally<DisciplineKey>[]
  /** Every top-level point in checklist order, then findings under no point (if any). */
  findings_by_focus: FocusTally[]
  /** Both organs (clues not withdrawn). */
  clues_by_organ: Tally<Organ>[]
  /** One row per stationing in scope, by group number then stationing start. */
  units: OverviewUnitRow[]
}
