// Pure helpers of the 问题线索 pages: tag colours, the moves as the buttons name them, the
// persons a clue concerns as one line, its handover history, and the form's persons rule.
import type { ClueDetail, ClueDisposal, ClueState, ClueSummary, Role } from '@/api/types'
import { CLUE_STATES } from '@/api/types'
import { leaderLabel } from './findings'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const CLUE_STATE_TAG: Record<ClueState, TagType> = {
  draft: 'warning',
  handed_over: 'primary',
  received: 'primary',
  disposed: 'success',
  withdrawn: 'info',
}

/**
 * A move as the user sees it. The target state alone does not say it: back to 草稿 is
 * 恢复为草稿 from 已撤销 but 撤回 (recalling a handover not yet signed for) from 已移交.
 */
export type ClueMove = 'handOver' | 'withdraw' | 'restore' | 'recall' | 'receive' | 'dispose'

/** The move that takes a clue from `from` to `to` (the server lists the allowed targets). */
export function clueMove(from: ClueState, to: ClueState): ClueMove {
  switch (to) {
    case 'handed_over':
      return 'handOver'
    case 'withdrawn':
      return 'withdraw'
    case 'received':
      return 'receive'
    case 'disposed':
      return 'dispose'
    case 'draft':
      return from === 'withdrawn' ? 'restore' : 'recall'
  }
}

export const CLUE_MOVE_BUTTON: Record<ClueMove, TagType> = {
  handOver: 'primary',
  receive: 'primary',
  dispose: 'primary',
  withdraw: 'danger',
  restore: 'warning',
  recall: 'warning',
}

/** The main moves are solid buttons, the others plain. */
export const isMainMove = (m: ClueMove): boolean =>
  m === 'handOver' || m === 'receive' || m === 'dispose'

/** The states a role meets in its lists: a recipient only those after the handover. */
export function clueStatesFor(role: Role | null): ClueState[] {
  if (role === 'clue_recipient') return ['handed_over', 'received', 'disposed']
  return [...CLUE_STATES]
}

/** The persons a clue concerns, as one line: roster leaders with their posts, then the rest. */
export function cluePersons(c: Pick<ClueSummary, 'leaders' | 'other_persons'>): string {
  const parts = c.leaders.map(leaderLabel)
  const other = c.other_persons.trim()
  if (other) parts.push(other)
  return parts.join('、')
}

/** The form's rule, as the server's `persons_required`: a roster leader or other persons. */
export const personsMissing = (leaders: readonly number[], otherPersons: string): boolean =>
  leaders.length === 0 && otherPersons.trim() === ''

/** One step of a clue's history (撰写, 移交, 签收, 反馈处置), in the order they happen. */
export interface ClueStep {
  step: 'created' | 'handed_over' | 'received' | 'disposed'
  at: string
  by: string | null
  disposal?: ClueDisposal | null
}

/** The steps the clue has been through, from the times the server records. */
export function clueHistory(
  c: Pick<
    ClueDetail,
    | 'created_at'
    | 'created_by'
    | 'handed_over_at'
    | 'handed_over_by'
    | 'received_at'
    | 'received_by'
    | 'disposed_at'
    | 'disposal'
  >,
): ClueStep[] {
  const out: ClueStep[] = [{ step: 'created', at: c.created_at, by: c.created_by }]
  if (c.handed_over_at) {
    out.push({ step: 'handed_over', at: c.handed_over_at, by: c.handed_over_by })
  }
  if (c.received_at) out.push({ step: 'received', at: c.received_at, by: c.received_by })
  if (c.disposed_at) {
    out.push({ step: 'disposed', at: c.disposed_at, by: null, disposal: c.disposal })
  }
  return out
}
