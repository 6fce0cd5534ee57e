// The pure part of the 研判 panel: the form a decision starts from, the article choices the
// chosen disciplines allow, and how sure a suggestion is (docs/triage.md).
import type {
  CatalogueArticle,
  DisciplineKey,
  Triage,
  TriageDiscipline,
  TriageInput,
} from '@/api/triage'
import { DISCIPLINES } from '@/api/triage'

/** A roster match at or above this confidence is ticked when the staff adopt the suggestions. */
export const LEADER_ADOPT_CONFIDENCE = 0.5

type Tag = 'success' | 'warning' | 'info'

/** 0.85 → "85%". */
export function percent(x: number): string {
  return `${Math.round(Math.min(1, Math.max(0, x)) * 100)}%`
}

/** Green when the suggestion is likely right, amber when it needs a look, grey when weak. */
export function confidenceTag(x: number): Tag {
  if (x >= 0.8) return 'success'
  if (x >= 0.5) return 'warning'
  return 'info'
}

/** What the system suggests, as a decision the staff can save or change. */
export function suggestedInput(t: Triage): TriageInput {
  const disciplines = DISCIPLINES.filter((d) => t.disciplines.some((s) => s.discipline === d))
  const articles = [...new Set(t.disciplines.flatMap((d) => d.articles.map((a) => a.number)))]
  const leaders = t.persons
    .filter((p) => p.evidence.confidence >= LEADER_ADOPT_CONFIDENCE)
    .map((p) => p.leader.id)
  return {
    version: t.decision?.version ?? 0,
    scope: t.scope.kind,
    disciplines,
    articles: articles.sort((a, b) => a - b),
    leaders: [...new Set(leaders)],
    note: '',
  }
}

/** The form a decision starts from: the saved decision, else the suggestions. */
export function initialInput(t: Triage): TriageInput {
  const d = t.decision
  if (!d) return suggestedInput(t)
  return {
    version: d.version,
    scope: d.scope,
    disciplines: DISCIPLINES.filter((k) => d.disciplines.includes(k)),
    articles: [...d.articles],
    leaders: [...d.leaders],
    note: d.note,
  }
}

/** The articles of the chosen disciplines, in the regulation's order. */
export function articleChoices(
  catalogue: readonly CatalogueArticle[],
  disciplines: readonly DisciplineKey[],
): CatalogueArticle[] {
  return catalogue
    .filter((a) => disciplines.includes(a.discipline))
    .sort((a, b) => a.number - b.number)
}

/** Drops the chosen articles whose discipline is no longer chosen (unknown numbers stay). */
export function keepArticles(
  chosen: readonly number[],
  catalogue: readonly CatalogueArticle[],
  disciplines: readonly DisciplineKey[],
): number[] {
  const of = new Map(catalogue.map((a) => [a.number, a.discipline]))
  return chosen.filter((n) => {
    const d = of.get(n)
    return d === undefined || disciplines.includes(d)
  })
}

/** True when the form says something other than the saved decision (or there is none yet). */
export function isDirty(t: Triage, form: TriageInput): boolean {
  if (!t.decision) return true
  const saved = initialInput(t)
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join()
  return !(
    saved.scope === form.scope &&
    same(saved.disciplines, form.disciplines) &&
    same(saved.articles, form.articles) &&
    same(saved.leaders, form.leaders) &&
    saved.note === form.note.trim()
  )
}

/** One click on a suggested discipline: takes it with its articles, or drops both. */
export function toggleDiscipline(form: TriageInput, d: TriageDiscipline): TriageInput {
  const numbers = d.articles.map((a) => a.number)
  if (form.disciplines.includes(d.discipline)) {
    return {
      ...form,
      disciplines: form.disciplines.filter((k) => k !== d.discipline),
      articles: form.articles.filter((n) => !numbers.includes(n)),
    }
  }
  return {
    ...form,
    disciplines: DISCIPLINES.filter((k) => k === d.discipline || form.disciplines.includes(k)),
    articles: [...new Set([...form.articles, ...numbers])].sort((a, b) => a - b),
  }
}

/** One click on a matched person: ticks or unticks the leader. */
export function toggleLeader(form: TriageInput, id: number): TriageInput {
  return {
    ...form,
    leaders: form.leaders.includes(id)
      ? form.leaders.filter((l) => l !== id)
      : [...form.leaders, id],
  }
}
