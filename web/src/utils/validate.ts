// Front-end rules that mirror the server's validation, so most mistakes are
// caught before a round trip. The server remains the authority (422 fields).
import type { FormItemRule } from 'element-plus'
import { t } from '@/locales'

export const required = (field: string, select = false): FormItemRule => ({
  required: true,
  message: t(select ? 'common.requiredSelect' : 'common.required', { field }),
  trigger: select ? 'change' : 'blur',
})

export const positiveInt = (message: string): FormItemRule => ({
  validator: (_r, v: unknown, cb) => {
    if (v === null || v === undefined || v === '') return cb()
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return cb()
    cb(new Error(message))
  },
  trigger: 'blur',
})

/** True when both dates are set and end < start (YYYY-MM-DD sorts as text). */
export function endBeforeStart(start: string | null | undefined, end: string | null | undefined) {
  return !!start && !!end && end < start
}

/** Rule for an end date field: not before `start()`. */
export const notBefore = (
  start: () => string | null | undefined,
  message: string,
): FormItemRule => ({
  validator: (_r, v: string | null | undefined, cb) =>
    endBeforeStart(start(), v) ? cb(new Error(message)) : cb(),
  trigger: 'change',
})

/** Rule for an optional text field: blank, or `ok` of the trimmed text. */
export const textCheck = (ok: (v: string) => boolean, message: string): FormItemRule => ({
  validator: (_r, v: string | null | undefined, cb) =>
    !v || ok(v.trim()) ? cb() : cb(new Error(message)),
  trigger: 'blur',
})
