import { ref, type Ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { isApiError } from '@/api/http'
import { t } from '@/locales'
import { useServerErrors } from '@/utils/serverErrors'

export interface FormDialogOptions<T> {
  /** The dialog's v-model; closed after a successful save. */
  visible: Ref<boolean>
  /** Validated before saving, when given. */
  formRef?: Ref<FormInstance | undefined>
  /** The toast shown after a successful save. */
  successMessage: () => string
  /** Called with the server's answer after the dialog is closed (usually emits `saved`). */
  onSaved: (saved: T) => void
  /**
   * Whether a 409 `aborted` answer marks the form stale (alert + 「数据已被他人修改」 toast);
   * default true. When false it is shown like any other error.
   */
  detectStale?: boolean
  /** Handles a dialog-specific error before the generic handling; returns true when it did. */
  onError?: (e: unknown) => boolean
}

/**
 * The submit logic shared by the edit dialogs: validate, call the API, on
 * success toast + close + report the saved record; on 409 `aborted` keep the
 * dialog open with the user's input and mark it stale; 422 `fields` go onto
 * the matching form items (utils/serverErrors), anything else is a toast.
 */
export function useFormDialog<T>(opts: FormDialogOptions<T>) {
  const server = useServerErrors()
  const busy = ref(false)
  const stale = ref(false)
  const detectStale = opts.detectStale ?? true

  /** Clears the stale mark and the server's field errors (on opening). */
  function reset() {
    stale.value = false
    server.clear()
  }

  /** Front-end validation of `formRef`; true when there is no form to validate. */
  async function validate(): Promise<boolean> {
    if (!opts.formRef) return true
    return !!(await opts.formRef.value?.validate().catch(() => false))
  }

  /** Saves without validating. */
  async function run(save: () => Promise<T>): Promise<void> {
    busy.value = true
    stale.value = false
    server.clear()
    try {
      const saved = await save()
      ElMessage.success(opts.successMessage())
      opts.visible.value = false
      opts.onSaved(saved)
    } catch (e) {
      if (detectStale && isApiError(e) && e.isStale) {
        stale.value = true
        ElMessage.error(t('errors.stale'))
      } else if (!opts.onError?.(e)) {
        await server.handle(e)
      }
    } finally {
      busy.value = false
    }
  }

  /** Validates, then saves. */
  async function submit(save: () => Promise<T>): Promise<void> {
    if (!(await validate())) return
    await run(save)
  }

  return { server, busy, stale, reset, validate, run, submit }
}
