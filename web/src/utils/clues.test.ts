import { describe, expect, it } from 'vitest'
import type { ClueDetail, ClueState } from '@/api/types'
import {
  clueHistory,
  clueMove,
  cluePersons,
  clueStatesFor,
  isMainMove,
  personsMissing,
} from './clues'
import { searchKindsFor } from '@/router/access'

describe('clueMove', () => {
  it('names each move by where it leads and where it starts', () => {
    const moves: [ClueState, ClueState, string][] = [
      ['draft', 'handed_over', 'handOver'],
      ['draft', 'withdrawn', 'withdraw'],
      ['withdrawn', 'draft', 'restore'],
      ['handed_over', 'draft', 'recall'],
      ['handed_over', 'received', 'receive'],
      ['received', 'disposed', 'dispose'],
    ]
    for (const [from, to, move] of moves) expect(clueMove(from, to)).toBe(move)
  })

  it('makes handing over, signing and the disposal the main buttons', () => {
    expect(['handOver', 'receive', 'dispose'].every((m) => isMainMove(m as never))).toBe(true)
    expect(['withdraw', 'restore', 'recall'].some((m) => isMainMove(m as never))).toBe(false)
  })
})

describe('cluePersons and personsMissing', () => {
  it('lists the roster leaders with their posts, then the other persons', () => {
    expect(
      cluePersons({
        leaders: [
          { id: 1, name: '王胜宏', post: '局长' },
          { id: 2, name: '赵敏', post: '' },
        ],
        other_persons: ' 张某（财务科科长） ',
      }),
    ).toBe('王胜宏（局长）、赵敏、张某（财务科科长）')
    expect(cluePersons({ leaders: [], other_persons: '' })).toBe('')
  })

  it('asks for a roster leader or other persons, as the server does', () => {
    expect(personsMissing([], '')).toBe(true)
    expect(personsMissing([], ' \n ')).toBe(true)
    expect(personsMissing([3], '')).toBe(false)
    expect(personsMissing([], '张某')).toBe(false)
  })
})

describe('clueHistory', () => {
  const base = {
    created_at: '2026-11-20T02:00:00Z',
    created_by: '李明华',
    handed_over_at: null,
    handed_over_by: null,
    received_at: null,
    received_by: null,
    disposed_at: null,
    disposal: null,
  } satisfies Partial<ClueDetail>

  it('has only the writing for a draft', () => {
    expect(clueHistory(base).map((s) => s.step)).toEqual(['created'])
  })

  it('lists handover, receipt and disposal in order, with who and how', () => {
    const steps = clueHistory({
      ...base,
      handed_over_at: '2026-11-21T02:00:00Z',
      handed_over_by: '张建国',
      received_at: '2026-11-22T02:00:00Z',
      received_by: '纪委监委接收人',
      disposed_at: '2026-11-23T02:00:00Z',
      disposal: 'talk_inquiry',
    })
    expect(steps.map((s) => [s.step, s.by])).toEqual([
      ['created', '李明华'],
      ['handed_over', '张建国'],
      ['received', '纪委监委接收人'],
      ['disposed', null],
    ])
    expect(steps[3].disposal).toBe('talk_inquiry')
  })
})

describe('roles', () => {
  it('offers a recipient only the states after the handover', () => {
    expect(clueStatesFor('clue_recipient')).toEqual(['handed_over', 'received', 'disposed'])
    expect(clueStatesFor('group_member')).toContain('draft')
  })

  it('lets each role search the kinds it may read', () => {
    expect(searchKindsFor('office')).toEqual(['report', 'finding', 'clue', 'rectification'])
    expect(searchKindsFor('group_member')).toEqual(['report', 'finding', 'clue', 'rectification'])
    expect(searchKindsFor('leadership')).toEqual(['finding', 'rectification'])
    expect(searchKindsFor('clue_recipient')).toEqual(['clue'])
    expect(searchKindsFor('unit')).toEqual(['rectification'])
    expect(searchKindsFor('admin')).toEqual([])
  })
})
