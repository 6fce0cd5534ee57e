import type { RecusalConflict } from '@/api/types'

/** Reads `error.conflicts` of a 409 key `recusal` answer, ignoring malformed entries. */
export function parseConflicts(v: unknown): RecusalConflict[] {
  if (!Array.isArray(v)) return []
  return v.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return []
    const o = c as Record<string, unknown>
    return [
      {
        unit_id: typeof o.unit_id === 'number' ? o.unit_id : 0,
        unit_name: typeof o.unit_name === 'string' ? o.unit_name : '',
        reason: typeof o.reason === 'string' ? o.reason : '',
      },
    ]
  })
}
