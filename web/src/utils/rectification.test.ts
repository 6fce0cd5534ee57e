import { describe, expect, it } from 'vitest'
import type { MeasureState } from '@/api/types'
import {
  MEASURE_MOVE_BUTTON,
  deadlineRequired,
  deadlineShown,
  deadlineToSend,
  ledgerOpen,
  measureMove,
  noteRequired,
} from './rectification'
import { RECTIFICATION_READERS, menusFor } from '@/router/access'

describe('measureMove', () => {
  it('names each move by where it leads', () => {
    const moves: [MeasureState, string][] = [
      ['done', 'report'],
      ['accepted', 'accept'],
      ['planned', 'return'],
    ]
    for (const [to, move] of moves) expect(measureMove(to)).toBe(move)
  })

  it('asks a note for 报告完成 and 退回, not for 验收销号', () => {
    expect(noteRequired('report')).toBe(true)
    expect(noteRequired('return')).toBe(true)
    expect(noteRequired('accept')).toBe(false)
  })

  it('makes 退回 the warning button', () => {
    expect(MEASURE_MOVE_BUTTON.return).toBe('warning')
    expect(MEASURE_MOVE_BUTTON.report).toBe('primary')
  })
})

describe('the deadline rules of the measure form', () => {
  it('shows the deadline for 立行立改 and 限期整改, requires it for 限期整改 only', () => {
    expect(deadlineShown('immediate')).toBe(true)
    expect(deadlineShown('by_deadline')).toBe(true)
    expect(deadlineShown('ongoing')).toBe(false)
    expect(deadlineShown(undefined)).toBe(false)
    expect(deadlineRequired('by_deadline')).toBe(true)
    expect(deadlineRequired('immediate')).toBe(false)
    expect(deadlineRequired('ongoing')).toBe(false)
  })

  it('sends no deadline for 长期坚持 or when none is given', () => {
    expect(deadlineToSend('by_deadline', '2026-12-31')).toBe('2026-12-31')
    expect(deadlineToSend('immediate', '2026-12-01')).toBe('2026-12-01')
    expect(deadlineToSend('immediate', null)).toBeNull()
    expect(deadlineToSend('immediate', '')).toBeNull()
    expect(deadlineToSend('ongoing', '2026-12-31')).toBeNull()
  })

  it('keeps the ledger open only while the round is in rectification', () => {
    expect(ledgerOpen('rectification')).toBe(true)
    expect(ledgerOpen('closed')).toBe(false)
    expect(ledgerOpen('reporting')).toBe(false)
  })
})

describe('who sees 整改台账', () => {
  it('gives the menu to the office, the leading group, the groups and the unit', () => {
    for (const r of RECTIFICATION_READERS) expect(menusFor(r)).toContain('rectification')
    expect(menusFor('clue_recipient')).not.toContain('rectification')
    expect(menusFor('admin')).not.toContain('rectification')
  })

  it('gives the unit’s liaison 检索 (its measures only)', () => {
    expect(menusFor('unit')).toEqual(['rounds', 'myUnit', 'rectification', 'search'])
  })
})
