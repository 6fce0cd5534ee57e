import { ElMessage } from 'element-plus'
import { isApiError } from '@/api/http'
import { t } from '@/locales'

/** The Chinese text to show for any thrown value; never a stack or JSON. */
export function errorText(e: unknown): string {
  if (isApiError(e)) return e.message
  return t('errors.unknown')
}

/** Shows an error as a toast. 401s are already redirected to the login page. */
export function showError(e: unknown): void {
  if (isApiError(e) && e.status === 401) return
  if (!isApiError(e)) console.error(e)
  ElMessage.error({ message: errorText(e), grouping: true })
}

export const isNotFound = (e: unknown): boolean => isApiError(e) && e.status === 404
