// Who may use what. The server enforces data scopes (out of scope → 404);
// this file only decides which menus and buttons a role is shown.
import type { Group, Role, SearchKind, User } from '@/api/types'

export type MenuKey =
  | 'overview'
  | 'rounds'
  | 'groups'
  | 'units'
  | 'myUnit'
  | 'intake'
  | 'findings'
  | 'clues'
  | 'rectification'
  | 'search'
  | 'revealRequests'
  | 'intakeSettings'
  | 'inspectors'
  | 'users'
  | 'audit'
  | 'logins'

const MENUS: Record<Role, MenuKey[]> = {
  office: [
    'overview',
    'rounds',
    'groups',
    'units',
    'intake',
    'findings',
    'clues',
    'rectification',
    'search',
    'revealRequests',
    'intakeSettings',
    'inspectors',
    'users',
    'audit',
    'logins',
  ],
  admin: ['users', 'logins'],
  group_leader: [
    'overview',
    'rounds',
    'groups',
    'units',
    'intake',
    'findings',
    'clues',
    'rectification',
    'search',
  ],
  group_member: [
    'overview',
    'rounds',
    'groups',
    'units',
    'intake',
    'findings',
    'clues',
    'rectification',
    'search',
  ],
  unit: ['rounds', 'myUnit', 'rectification', 'search'],
  leadership: ['overview', 'rounds', 'groups', 'units', 'findings', 'rectification', 'search'],
  clue_recipient: ['rounds', 'clues', 'search'],
}

export function menusFor(role: Role): MenuKey[] {
  return MENUS[role] ?? []
}

export const ALL_ROLES: Role[] = [
  'office',
  'group_leader',
  'group_member',
  'unit',
  'clue_recipient',
  'leadership',
  'admin',
]
export const PLANNING_READERS: Role[] = [
  'office',
  'leadership',
  'group_leader',
  'group_member',
  'unit',
  'clue_recipient',
]
export const GROUP_READERS: Role[] = [
  'office',
  'leadership',
  'group_leader',
  'group_member',
  'unit',
]
export const UNIT_LIST_READERS: Role[] = ['office', 'leadership', 'group_leader', 'group_member']
/** Who works the 受理台: the office and the groups (the server scopes groups to their own reports). */
export const INTAKE_STAFF: Role[] = ['office', 'group_leader', 'group_member']
/** 问题底稿: the office and the leading group read every finding; the groups read and write their own. */
export const FINDING_READERS: Role[] = ['office', 'leadership', 'group_leader', 'group_member']
/** 问题线索: the office reads every clue; the groups read and write their own; a clue recipient
 * reads those handed over to its organ. The leading group, unit liaisons and admins: none. */
export const CLUE_READERS: Role[] = ['office', 'group_leader', 'group_member', 'clue_recipient']
/** 整改台账 (the problem lists and their measures): the office (accepts or returns measures) and
 * the leading group read every unit's; the groups read their own groups'; a unit's liaison reads
 * his unit's list and writes its measures. Clue recipients and admins: none. */
export const RECTIFICATION_READERS: Role[] = [
  'office',
  'leadership',
  'group_leader',
  'group_member',
  'unit',
]
/** 检索 (GET /search): the roles that read reports, findings, clues or measures; the server
 * scopes the results as the 受理台, 问题底稿, 问题线索 and 整改台账 do (the leading group finds
 * findings and measures, a clue recipient clues only, a unit's liaison his unit's measures). */
export const SEARCH_USERS: Role[] = [
  'office',
  'leadership',
  'group_leader',
  'group_member',
  'clue_recipient',
  'unit',
]
/** 统计概览 (GET /rounds/{id}/overview): the office and the leading group count whole rounds, the
 * groups the stationings of their own groups. Unit liaisons, clue recipients and admins: none
 * (the server answers them 403). */
export const OVERVIEW_READERS: Role[] = ['office', 'leadership', 'group_leader', 'group_member']
/** Who lists the requests to see a reporter's identity; only the custodian decides them. */
export const REVEAL_READERS: Role[] = ['office']
/** 邮箱设置 (the groups' IMAP accounts): the office, and group leaders for the groups they lead. */
export const MAILBOX_EDITORS: Role[] = ['office', 'group_leader']
/** 受理设置 (working-day calendar, deadline rules, 信访 department): the office. */
export const INTAKE_SETTINGS_EDITORS: Role[] = ['office']

/** The first page after login: the leading group reads the dashboards (统计概览), the admin
 * the accounts, everyone else the rounds. */
export function homePath(role: Role): string {
  if (role === 'admin') return '/users'
  if (role === 'leadership') return '/overview'
  return '/rounds'
}

/** Office plans: rounds, groups, units, focus, assignments, inspectors. */
export const canEditPlanning = (role: Role | null): boolean => role === 'office'

/** The office, or the leader of this very group (channels and meeting details). */
export function canEditGroupChannels(
  role: Role | null,
  inspectorId: number | null,
  group: Pick<Group, 'members'> | null,
): boolean {
  if (role === 'office') return true
  if (role !== 'group_leader' || inspectorId === null || !group) return false
  return group.members.some((m) => m.inspector_id === inspectorId && m.role === 'leader')
}

/** Whether the 邮箱设置 tab is shown (the server still checks each group). */
export const canSeeMailboxes = (role: Role | null): boolean =>
  role !== null && MAILBOX_EDITORS.includes(role)

/** The office and group leaders move reports, record notices and reply; members register and read. */
export const canDecideReport = (role: Role | null): boolean =>
  role === 'office' || role === 'group_leader'

/** 研判 (GET/PUT /reports/{id}/triage): the office and the groups, on the reports they may open. */
export const canTriage = (role: Role | null): boolean =>
  role !== null && INTAKE_STAFF.includes(role)

/** Attaching files to a report (scans of a letter, photos): the office and the groups. */
export const canAddReportFiles = (role: Role | null): boolean =>
  role !== null && INTAKE_STAFF.includes(role)

/** The custodian of reporters' identities approves or rejects the requests to see one. */
export const canDecideReveal = (user: Pick<User, 'role' | 'custodian'> | null): boolean =>
  !!user && user.role === 'office' && user.custodian === true

export const canManageUsers = (role: Role | null): boolean => role === 'admin' || role === 'office'
// docs/api.md says admin; docs/openapi.yaml and the server allow admin and office.
export const canResetPasswords = (role: Role | null): boolean =>
  role === 'admin' || role === 'office'

/** Writing findings (新建问题, 编辑 while a draft): the groups' members; the server checks the group. */
export const canWriteFindings = (role: Role | null): boolean =>
  role === 'group_leader' || role === 'group_member'

/** Writing clues (新建线索, 编辑 while a draft): the groups' members; the server checks the group. */
export const canWriteClues = (role: Role | null): boolean =>
  role === 'group_leader' || role === 'group_member'

/** Whether a role may open a clue's stationing (the assignment page): not a clue recipient. */
export const canOpenAssignments = (role: Role | null): boolean =>
  role !== null && GROUP_READERS.includes(role)

/** Whether a role may open the finding behind a problem (问题底稿). */
export const canOpenFindings = (role: Role | null): boolean =>
  role !== null && FINDING_READERS.includes(role)

/** The kinds a role finds with 检索, as the server scopes GET /search: the leading group
 * findings and measures, a clue recipient clues only, a unit's liaison his unit's measures
 * only, the office and the groups all four. */
export function searchKindsFor(role: Role | null): SearchKind[] {
  if (role === 'leadership') return ['finding', 'rectification']
  if (role === 'clue_recipient') return ['clue']
  if (role === 'unit') return ['rectification']
  if (role !== null && SEARCH_USERS.includes(role)) {
    return ['report', 'finding', 'clue', 'rectification']
  }
  return []
}
