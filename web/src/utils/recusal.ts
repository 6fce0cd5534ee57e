import type { Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { isApiError } from '@/api/http'
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

/**
 * An `onError` for useFormDialog: a 409 key `recusal` answer fills `conflicts`
 * (shown by RecusalPanel) and shows the server's message. Returns true when it did.
 */
export function recusalHandler(conflicts: Ref<RecusalConflict[]>) {
  return (e: unknown): boolean => {
    if (!(isApiError(e) && e.key === 'recusal')) return false
    conflicts.value = parseConflicts(e.details.conflicts)
    ElMessage.error(e.message)
    return true
  }
}
