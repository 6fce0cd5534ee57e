import { nextTick, reactive } from 'vue'
import { isApiError, type FieldErrors } from '@/api/http'
import { showError } from './errors'

/**
 * Field errors from a 422 answer, bound to `<el-form-item :error="errors.x">`
 * so the server's message appears on the matching field.
 */
export function useServerErrors() {
  const errors = reactive<FieldErrors>({})

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  async function set(fields: FieldErrors) {
    clear()
    // el-form-item only reacts to a change of `error`; let '' land first.
    await nextTick()
    Object.assign(errors, fields)
  }

  /**
   * Shows any thrown value: 422 field errors go on the fields (plus a toast),
   * everything else becomes a toast. Returns true when fields were marked.
   */
  async function handle(e: unknown): Promise<boolean> {
    showError(e)
    if (isApiError(e) && Object.keys(e.fields).length > 0) {
      await set(e.fields)
      return true
    }
    return false
  }

  return { errors, clear, set, handle }
}
