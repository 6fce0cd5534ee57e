import { describe, expect, it } from 'vitest'
import type { CatalogueArticle, Triage } from '@/api/triage'
import {
  articleChoices,
  confidenceTag,
  initialInput,
  isDirty,
  keepArticles,
  percent,
  suggestedInput,
  toggleDiscipline,
  toggleLeader,
} from './triage'

const leader = (id: number, name: string) => ({
  id,
  name,
  post: '副局长',
  tier: 'leadership' as const,
  org_name: '中共市财政局党组',
})

function triage(over: Partial<Triage> = {}): Triage {
  return {
    report_id: 7,
    classifier: 'trained',
    persons: [
      {
        leader: leader(27, '王胜宏'),
        evidence: { kind: 'same_pinyin', text: '王胜弘', confidence: 0.72, named: true },
        other_evidence: [],
      },
      {
        leader: leader(29, '张伟'),
        evidence: { kind: 'post_alone', text: '副局长', confidence: 0.2, named: false },
        other_evidence: [],
      },
    ],
    unmatched: [],
    scope: { kind: 'in_scope', transfer: 'none', confidence: 0.85, cues: [] },
    disciplines: [
      {
        discipline: 'mass',
        score: 0.6,
        articles: [{ number: 124, discipline: 'mass', description: '', cues: [], verified: true }],
        evidence_cues: ['优亲厚友'],
        evidence_ngrams: [],
      },
      {
        discipline: 'integrity',
        score: 0.5,
        articles: [
          { number: 119, discipline: 'integrity', description: '', cues: [], verified: false },
          { number: 100, discipline: 'integrity', description: '', cues: [], verified: false },
        ],
        evidence_cues: [],
        evidence_ngrams: [],
      },
    ],
    unclear: false,
    repeats: [],
    roster: [leader(27, '王胜宏'), leader(29, '张伟')],
    decision: null,
    ...over,
  }
}

const article = (number: number, discipline: CatalogueArticle['discipline']) => ({
  number,
  discipline,
  description: `第${number}条`,
  cues: [],
  verified: true,
})
const CATALOGUE: CatalogueArticle[] = [
  article(124, 'mass'),
  article(100, 'integrity'),
  article(119, 'integrity'),
  article(50, 'political'),
]

describe('percent and confidenceTag', () => {
  it('rounds to whole percent and clamps', () => {
    expect(percent(0.854)).toBe('85%')
    expect(percent(1.2)).toBe('100%')
    expect(percent(-1)).toBe('0%')
  })

  it('tells strong, middling and weak apart', () => {
    expect(confidenceTag(0.85)).toBe('success')
    expect(confidenceTag(0.6)).toBe('warning')
    expect(confidenceTag(0.2)).toBe('info')
  })
})

describe('suggestedInput', () => {
  it('takes the scope, the disciplines in the regulation order and their articles', () => {
    const f = suggestedInput(triage())
    expect(f.scope).toBe('in_scope')
    expect(f.disciplines).toEqual(['integrity', 'mass'])
    expect(f.articles).toEqual([100, 119, 124])
    expect(f.version).toBe(0)
    expect(f.note).toBe('')
  })

  it('ticks only the persons matched with enough confidence', () => {
    expect(suggestedInput(triage()).leaders).toEqual([27])
  })

  it('keeps the saved version so that adopting after a decision is not stale', () => {
    const t = triage({
      decision: {
        version: 3,
        scope: 'transfer',
        disciplines: [],
        articles: [],
        leaders: [],
        note: '转信访',
        decided_by: '陈国栋',
        decided_at: '2026-11-28T10:00:00+08:00',
      },
    })
    expect(suggestedInput(t).version).toBe(3)
  })
})

describe('initialInput', () => {
  it('starts from the suggestions when nothing is decided', () => {
    expect(initialInput(triage())).toEqual(suggestedInput(triage()))
  })

  it('starts from the saved decision when there is one', () => {
    const t = triage({
      decision: {
        version: 2,
        scope: 'transfer',
        disciplines: ['work', 'political'],
        articles: [50],
        leaders: [29],
        note: '转信访部门',
        decided_by: '陈国栋',
        decided_at: null,
      },
    })
    expect(initialInput(t)).toEqual({
      version: 2,
      scope: 'transfer',
      disciplines: ['political', 'work'],
      articles: [50],
      leaders: [29],
      note: '转信访部门',
    })
  })
})

describe('articles', () => {
  it('offers the articles of the chosen disciplines in order', () => {
    expect(articleChoices(CATALOGUE, ['integrity']).map((a) => a.number)).toEqual([100, 119])
    expect(articleChoices(CATALOGUE, [])).toEqual([])
  })

  it('drops the articles of a discipline that is unticked', () => {
    expect(keepArticles([100, 124, 119], CATALOGUE, ['mass'])).toEqual([124])
    expect(keepArticles([999], CATALOGUE, [])).toEqual([999])
  })
})

describe('isDirty', () => {
  it('is dirty until a decision is saved', () => {
    const t = triage()
    expect(isDirty(t, initialInput(t))).toBe(true)
  })

  it('compares with the saved decision, ignoring order and surrounding spaces', () => {
    const t = triage({
      decision: {
        version: 1,
        scope: 'in_scope',
        disciplines: ['mass', 'integrity'],
        articles: [124, 100],
        leaders: [27],
        note: '属实',
        decided_by: '陈国栋',
        decided_at: null,
      },
    })
    const f = initialInput(t)
    expect(isDirty(t, { ...f, articles: [100, 124], note: ' 属实 ' })).toBe(false)
    expect(isDirty(t, { ...f, scope: 'unclear' })).toBe(true)
    expect(isDirty(t, { ...f, leaders: [] })).toBe(true)
  })
})

describe('one click per suggestion', () => {
  it('takes a discipline with its articles, and drops both again', () => {
    const t = triage()
    const empty = { ...initialInput(t), disciplines: [], articles: [50] }
    const integrity = t.disciplines[1]!
    const taken = toggleDiscipline(empty, integrity)
    expect(taken.disciplines).toEqual(['integrity'])
    expect(taken.articles).toEqual([50, 100, 119])
    const withMass = toggleDiscipline(taken, t.disciplines[0]!)
    expect(withMass.disciplines).toEqual(['integrity', 'mass'])
    const dropped = toggleDiscipline(withMass, integrity)
    expect(dropped.disciplines).toEqual(['mass'])
    expect(dropped.articles).toEqual([50, 124])
  })

  it('ticks and unticks a leader', () => {
    const f = { ...initialInput(triage()), leaders: [27] }
    expect(toggleLeader(f, 29).leaders).toEqual([27, 29])
    expect(toggleLeader(f, 27).leaders).toEqual([])
  })
})
