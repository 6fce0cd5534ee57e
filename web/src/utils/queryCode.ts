// The 16-digit query code (查询码) a reporter gets once, on the receipt.
// Shown as 4-4-4-4 groups; typed back with any spaces or dashes.

export const QUERY_CODE_LENGTH = 16

/** Digits of a typed code with spaces and dashes (ASCII or full-width) removed. */
export function stripQueryCode(typed: string): string {
  return typed.replace(/[\s\-－—–_]/g, '')
}

/** The 16 digits of a typed code, or null when it is not 16 digits. */
export function normalizeQueryCode(typed: string): string | null {
  const s = stripQueryCode(typed).replace(/[０-９]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
  return /^\d{16}$/.test(s) ? s : null
}

/** "1234567890123456" → "1234 5678 9012 3456"; anything else is grouped as far as it goes. */
export function formatQueryCode(code: string, sep = ' '): string {
  return (stripQueryCode(code).match(/.{1,4}/g) ?? []).join(sep)
}
