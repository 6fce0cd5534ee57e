// Pure helpers of the 整改台账 pages: tag colours, the moves as the buttons name them, and the
// measure form's deadline rules (as the server checks them).
import type { MeasureKind, MeasureState, ProblemStatus, RoundStatus } from '@/api/types'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const PROBLEM_STATUS_TAG: Record<ProblemStatus, TagType> = {
  no_measures: 'warning',
  in_progress: 'primary',
  closed_out: 'success',
}

export const MEASURE_STATE_TAG: Record<MeasureState, TagType> = {
  planned: 'primary',
  done: 'warning',
  accepted: 'success',
}

export const MEASURE_KIND_TAG: Record<MeasureKind, TagType> = {
  immediate: 'danger',
  by_deadline: 'warning',
  ongoing: 'info',
}

/**
 * A move as the user sees it: 报告完成 (the unit, to 已完成待验收), 验收销号 (the office, to
 * 已销号) or 退回 (the office, back to 整改中).
 */
export type MeasureMove = 'report' | 'accept' | 'return'

/** The move that leads to `to` (the server lists the allowed targets). */
export function measureMove(to: MeasureState): MeasureMove {
  switch (to) {
    case 'done':
      return 'report'
    case 'accepted':
      return 'accept'
    case 'planned':
      return 'return'
  }
}

export const MEASURE_MOVE_BUTTON: Record<MeasureMove, TagType> = {
  report: 'primary',
  accept: 'success',
  return: 'warning',
}

/** Whether the move needs a note: what was done (报告完成) and the reasons (退回) do; an
 * acceptance note is optional. */
export const noteRequired = (m: MeasureMove): boolean => m !== 'accept'

/** The deadline is asked for 限期整改 (required) and 立行立改 (optional); 长期坚持 has none. */
export const deadlineShown = (kind: MeasureKind | null | undefined): boolean =>
  kind === 'immediate' || kind === 'by_deadline'

export const deadlineRequired = (kind: MeasureKind | null | undefined): boolean =>
  kind === 'by_deadline'

/** The deadline to send: none for 长期坚持 (the server ignores it) or when left empty. */
export const deadlineToSend = (kind: MeasureKind, deadline: string | null): string | null =>
  kind === 'ongoing' || !deadline ? null : deadline

/** Measures are written and moved only while the round is in rectification; a closed round's
 * ledger is read-only. */
export const ledgerOpen = (status: RoundStatus): boolean => status === 'rectification'
