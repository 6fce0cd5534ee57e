import { describe, expect, it } from 'vitest'
import {
  emptyForm,
  fitToKind,
  formFromRoute,
  hasQuery,
  requestFromForm,
  routeFromForm,
  sameQuery,
  snippetSegments,
  stateGroups,
  takesChannel,
  takesDiscipline,
} from './query'

describe('formFromRoute', () => {
  it('gives the defaults for an empty URL', () => {
    expect(formFromRoute({})).toEqual(emptyForm())
  })

  it('reads every field the page writes', () => {
    const f = formFromRoute({
      q: '公款 OR 吃喝',
      kind: 'report',
      round_id: '2',
      group_id: '5',
      unit_id: '8',
      channel: 'web',
      state: 'accepted',
      discipline: 'integrity',
      from: '2026-11-01',
      to: '2026-11-30',
      sort: 'date',
      page: '3',
      page_size: '50',
    })
    expect(f).toEqual({
      q: '公款 OR 吃喝',
      kind: 'report',
      round_id: 2,
      group_id: 5,
      unit_id: 8,
      channel: 'web',
      state: 'accepted',
      discipline: 'integrity',
      from: '2026-11-01',
      to: '2026-11-30',
      sort: 'date',
      page: 3,
      page_size: 50,
    })
  })

  it('drops values the page could not have written', () => {
    const f = formFromRoute({
      q: ['宴请', '公车'],
      kind: 'audit',
      round_id: '0',
      group_id: '5',
      channel: 'fax',
      state: 'open',
      discipline: 'honesty',
      from: '2026-11-30',
      to: '2026-11-01',
      sort: 'random',
      page: '-1',
      page_size: '500',
    })
    expect(f).toEqual({ ...emptyForm(), q: '宴请' })
  })

  it('offers the states of the kinds searched; findings take no channel', () => {
    expect(formFromRoute({ state: 'draft' }).state).toBe('draft')
    expect(formFromRoute({ state: 'accepted' }).state).toBe('accepted')
    expect(formFromRoute({ kind: 'finding', state: 'accepted' }).state).toBe('')
    expect(formFromRoute({ kind: 'report', state: 'confirmed' }).state).toBe('')
    expect(formFromRoute({ kind: 'finding', channel: 'web' }).channel).toBe('')
  })

  it('fixes the kind to findings for whom finds findings only', () => {
    const f = formFromRoute(
      { q: '整改', kind: 'report', state: 'accepted' },
      { kinds: ['finding'] },
    )
    expect([f.kind, f.state]).toEqual(['finding', ''])
    expect(formFromRoute({}, { kinds: ['finding'] }).kind).toBe('finding')
  })

  it('reads kind clue with the clue states and no channel', () => {
    const f = formFromRoute({ q: '宴请', kind: 'clue', state: 'handed_over', channel: 'web' })
    expect([f.kind, f.state, f.channel]).toEqual(['clue', 'handed_over', ''])
    expect(formFromRoute({ kind: 'clue', state: 'accepted' }).state).toBe('')
    // All kinds together offer no clue-only state (a clue's 草稿 is a finding's key too).
    expect(formFromRoute({ state: 'handed_over' }).state).toBe('')
  })

  it('fixes the kind to clues for a clue recipient; other kinds fall back', () => {
    const f = formFromRoute({ kind: 'report', state: 'received' }, { kinds: ['clue'] })
    expect([f.kind, f.state]).toEqual(['clue', 'received'])
    expect(formFromRoute({ kind: 'clue' }, { kinds: ['report', 'finding'] }).kind).toBe('all')
  })

  it('reads kind rectification with the measure states; accepted is 已销号 there', () => {
    const f = formFromRoute({ q: '腾退', kind: 'rectification', state: 'accepted', channel: 'web' })
    expect([f.kind, f.state, f.channel]).toEqual(['rectification', 'accepted', ''])
    expect(formFromRoute({ kind: 'rectification', state: 'planned' }).state).toBe('planned')
    expect(formFromRoute({ kind: 'rectification', state: 'registered' }).state).toBe('')
    // All kinds together offer no measure-only state (a measure's 已销号 is a report's key).
    expect(formFromRoute({ state: 'planned' }).state).toBe('')
    expect(formFromRoute({ kind: 'finding', state: 'done' }).state).toBe('')
  })

  it('fixes the kind to measures for a unit’s liaison; no channel, no report states', () => {
    const f = formFromRoute(
      { q: '腾退', kind: 'report', channel: 'web', state: 'done' },
      { kinds: ['rectification'] },
    )
    expect([f.kind, f.channel, f.state]).toEqual(['rectification', '', 'done'])
    expect(formFromRoute({}, { kinds: ['rectification'] }).kind).toBe('rectification')
  })

  it('offers the leading group findings and measures, without channel or report states', () => {
    const kinds = ['finding', 'rectification'] as const
    expect(formFromRoute({ kind: 'rectification' }, { kinds }).kind).toBe('rectification')
    expect(formFromRoute({ kind: 'report' }, { kinds }).kind).toBe('all')
    expect(formFromRoute({ channel: 'web' }, { kinds }).channel).toBe('')
    expect(formFromRoute({ state: 'registered' }, { kinds }).state).toBe('')
    expect(formFromRoute({ state: 'confirmed' }, { kinds }).state).toBe('confirmed')
  })

  it('takes a discipline for reports, findings and clues, not for measures alone', () => {
    expect(formFromRoute({ kind: 'clue', discipline: 'work' }).discipline).toBe('work')
    expect(formFromRoute({ kind: 'rectification', discipline: 'work' }).discipline).toBe('')
    expect(formFromRoute({ discipline: 'work' }, { kinds: ['rectification'] }).discipline).toBe('')
    const leadership = ['finding', 'rectification'] as const
    expect(formFromRoute({ discipline: 'mass' }, { kinds: leadership }).discipline).toBe('mass')
    expect(takesDiscipline('all', ['rectification'])).toBe(false)
    expect(takesDiscipline('report')).toBe(true)
  })

  it('keeps group and unit only under a round; a half date range is dropped', () => {
    expect(formFromRoute({ group_id: '5', unit_id: '8' }).group_id).toBeNull()
    const f = formFromRoute({ from: '2026-11-01' })
    expect([f.from, f.to]).toEqual(['', ''])
    expect(formFromRoute({ q: null }).q).toBe('')
  })
})

describe('routeFromForm', () => {
  it('writes only what differs from the defaults', () => {
    expect(routeFromForm(emptyForm())).toEqual({})
    expect(routeFromForm({ ...emptyForm(), q: '宴请' })).toEqual({ q: '宴请' })
  })

  it('round-trips through formFromRoute', () => {
    const f = {
      ...emptyForm(),
      q: '"违规 发放" -公车',
      round_id: 2,
      group_id: 5,
      channel: 'call' as const,
      discipline: 'organizational' as const,
      from: '2026-01-01',
      to: '2026-01-31',
      sort: 'date' as const,
      page: 2,
      page_size: 10,
    }
    const url = routeFromForm(f)
    expect(url).toEqual({
      q: '"违规 发放" -公车',
      round_id: '2',
      group_id: '5',
      channel: 'call',
      discipline: 'organizational',
      from: '2026-01-01',
      to: '2026-01-31',
      sort: 'date',
      page: '2',
      page_size: '10',
    })
    expect(formFromRoute(url)).toEqual(f)
  })

  it('leaves out a group without its round', () => {
    expect(routeFromForm({ ...emptyForm(), q: 'x', group_id: 5 })).toEqual({ q: 'x' })
  })
})

describe('requestFromForm', () => {
  it('trims the query and sends the filters as set', () => {
    const r = requestFromForm({ ...emptyForm(), q: '  宴请 ', round_id: 2, unit_id: 8 })
    expect(r).toEqual({
      q: '宴请',
      kind: '',
      round_id: 2,
      group_id: null,
      unit_id: 8,
      channel: '',
      state: '',
      discipline: '',
      from: '',
      to: '',
      sort: 'relevance',
      page: 1,
      page_size: 20,
    })
  })

  it('sends the kind, and no channel when only findings are searched', () => {
    const r = requestFromForm({ ...emptyForm(), q: 'a', kind: 'finding', channel: 'web' })
    expect([r.kind, r.channel]).toEqual(['finding', ''])
  })

  it('sends no discipline when measures alone are searched', () => {
    const r = requestFromForm({ ...emptyForm(), q: 'a', discipline: 'work' })
    expect(r.discipline).toBe('work')
    const m = requestFromForm({ ...emptyForm(), q: 'a', kind: 'rectification', discipline: 'work' })
    expect(m.discipline).toBe('')
  })

  it('sends no channel when only clues are searched', () => {
    const r = requestFromForm({ ...emptyForm(), q: 'a', kind: 'clue', channel: 'web' })
    expect([r.kind, r.channel]).toEqual(['clue', ''])
  })

  it('never sends half a date range', () => {
    const r = requestFromForm({ ...emptyForm(), q: 'a', from: '2026-01-01' })
    expect([r.from, r.to]).toEqual(['', ''])
  })
})

describe('stateGroups', () => {
  it('groups the states by kind: reports and findings together, the others alone', () => {
    expect(stateGroups('all').map((g) => g.kind)).toEqual(['report', 'finding'])
    expect(stateGroups('clue').map((g) => g.kind)).toEqual(['clue'])
    expect(stateGroups('rectification')).toEqual([
      { kind: 'rectification', states: ['planned', 'done', 'accepted'] },
    ])
    expect(stateGroups('all', ['finding', 'rectification']).map((g) => g.kind)).toEqual(['finding'])
  })

  it('offers the channel only to whom finds reports', () => {
    expect(takesChannel('all')).toBe(true)
    expect(takesChannel('all', ['finding', 'rectification'])).toBe(false)
    expect(takesChannel('report')).toBe(true)
    expect(takesChannel('rectification')).toBe(false)
  })
})

describe('fitToKind', () => {
  it('clears the filters the kind does not take', () => {
    const f = {
      ...emptyForm(),
      kind: 'finding' as const,
      channel: 'web' as const,
      state: 'accepted' as const,
    }
    fitToKind(f)
    expect([f.channel, f.state]).toEqual(['', ''])
    const g = {
      ...emptyForm(),
      kind: 'report' as const,
      channel: 'web' as const,
      state: 'accepted' as const,
    }
    fitToKind(g)
    expect([g.channel, g.state]).toEqual(['web', 'accepted'])
    const c = {
      ...emptyForm(),
      kind: 'clue' as const,
      channel: 'web' as const,
      state: 'draft' as const,
      discipline: 'work' as const,
    }
    fitToKind(c)
    expect([c.channel, c.state, c.discipline]).toEqual(['', 'draft', 'work'])
    const m = {
      ...emptyForm(),
      kind: 'rectification' as const,
      channel: 'web' as const,
      state: 'accepted' as const,
      discipline: 'work' as const,
    }
    fitToKind(m)
    expect([m.channel, m.state, m.discipline]).toEqual(['', 'accepted', ''])
    const h = { ...emptyForm(), channel: 'web' as const, state: 'registered' as const }
    fitToKind(h, ['finding', 'rectification'])
    expect([h.channel, h.state]).toEqual(['', ''])
  })
})

describe('hasQuery and sameQuery', () => {
  it('a blank query is no query', () => {
    expect(hasQuery({ q: ' \u3000 '.trim() })).toBe(false)
    expect(hasQuery({ q: '  ' })).toBe(false)
    expect(hasQuery({ q: '违' })).toBe(true)
  })

  it('compares URL queries whatever their key order', () => {
    expect(sameQuery({ q: 'a', page: '2' }, { page: '2', q: 'a' })).toBe(true)
    expect(sameQuery({ q: 'a' }, { q: 'a', page: '2' })).toBe(false)
    expect(sameQuery({}, {})).toBe(true)
  })
})

describe('snippetSegments', () => {
  it('keeps the parts in order, marks the hits', () => {
    expect(
      snippetSegments([
        { text: '…违规接受', hit: false },
        { text: '宴请', hit: true },
        { text: '。', hit: false },
      ]),
    ).toEqual([
      { text: '…违规接受', hit: false },
      { text: '宴请', hit: true },
      { text: '。', hit: false },
    ])
  })

  it('drops empty parts and joins neighbours of the same kind', () => {
    expect(
      snippetSegments([
        { text: '', hit: true },
        { text: '公', hit: true },
        { text: '车', hit: true },
        { text: '', hit: false },
        { text: '私用', hit: false },
        { text: '现象', hit: false },
      ]),
    ).toEqual([
      { text: '公车', hit: true },
      { text: '私用现象', hit: false },
    ])
    expect(snippetSegments([])).toEqual([])
  })

  it('keeps markup as text, untouched', () => {
    const evil = '<img src=x onerror=alert(1)>'
    expect(snippetSegments([{ text: evil, hit: false }])).toEqual([{ text: evil, hit: false }])
  })

  it('does not change the parts it was given', () => {
    const parts = [
      { text: 'a', hit: true },
      { text: 'b', hit: true },
    ]
    snippetSegments(parts)
    expect(parts[0].text).toBe('a')
  })
})
