// Attachments (附件) of a report: the limits the server enforces, checked in
// the browser before anything is sent, and how files are shown.
import type { FieldErrors } from '@/api/http'
import { t } from '@/locales'

/** At most this many files on one report (the server counts those already attached). */
export const MAX_FILES = 10
/** 10 MiB per file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** 30 MiB for the files of one upload. */
export const MAX_TOTAL_BYTES = 30 * 1024 * 1024

/** What the checks need of a browser File. */
export interface SizedFile {
  name: string
  size: number
}

export interface FilesCheck {
  /** Problems with one file, by its index in the list. */
  perFile: Record<number, string>
  /** A problem with the list as a whole (too many, too large in all); '' when none. */
  list: string
  ok: boolean
}

/**
 * Checks the chosen files against the server's limits. `already` is the
 * number of files the report has (adding to an existing report).
 */
export function checkFiles(files: readonly SizedFile[], already = 0): FilesCheck {
  const perFile: Record<number, string> = {}
  let total = 0
  files.forEach((f, i) => {
    total += f.size
    if (f.size > MAX_FILE_BYTES) perFile[i] = t('attachments.fileTooLarge')
    else if (f.size === 0) perFile[i] = t('attachments.fileEmpty')
  })
  let list = ''
  if (files.length + already > MAX_FILES) {
    list =
      already > 0
        ? t('attachments.tooManyWith', { max: MAX_FILES, already })
        : t('attachments.tooMany', { max: MAX_FILES })
  } else if (total > MAX_TOTAL_BYTES) {
    list = t('attachments.totalTooLarge')
  }
  return { perFile, list, ok: list === '' && Object.keys(perFile).length === 0 }
}

/** The form item's message: the list's problem, else a pointer to the marked files. */
export function filesMessage(c: FilesCheck): string {
  if (c.list) return c.list
  return Object.keys(c.perFile).length > 0 ? t('attachments.removeMarked') : ''
}

/** A byte count for people: 512 B, 1.5 KB, 2.3 MB (binary units, one decimal below 10). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return ''
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let v = bytes / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  const tenth = Math.round(v * 10) / 10
  return `${tenth < 10 ? tenth.toFixed(1) : String(Math.round(v))} ${units[u]}`
}

/**
 * The server's `files.N` field errors (N: the index among the files sent) as
 * messages by index; `files` itself (the list) is left to the form item.
 */
export function fileFieldErrors(fields: FieldErrors): Record<number, string> {
  const out: Record<number, string> = {}
  for (const [k, msg] of Object.entries(fields)) {
    const m = /^files\.(\d+)$/.exec(k)
    if (m) out[Number(m[1])] = msg
  }
  return out
}

/** Removes the `files` and `files.N` errors (the list changed, the indexes no longer match). */
export function clearFileErrors(fields: FieldErrors): void {
  for (const k of Object.keys(fields)) {
    if (k === 'files' || k.startsWith('files.')) delete fields[k]
  }
}

export type FileKind =
  'image' | 'pdf' | 'text' | 'audio' | 'video' | 'word' | 'excel' | 'email' | 'other'

/** The kind of a sniffed MIME type, for the 类型 column. */
export function fileKind(mime: string): FileKind {
  const m = mime.toLowerCase()
  if (m.startsWith('image/')) return 'image'
  if (m === 'application/pdf') return 'pdf'
  if (m.startsWith('text/')) return 'text'
  if (m.startsWith('audio/')) return 'audio'
  if (m.startsWith('video/')) return 'video'
  if (m === 'application/msword' || m.includes('wordprocessingml')) return 'word'
  if (m === 'application/vnd.ms-excel' || m.includes('spreadsheetml')) return 'excel'
  if (m === 'message/rfc822') return 'email'
  return 'other'
}

/**
 * Files the browser must save rather than open: a mail's original message
 * (原始邮件.eml, message/rfc822) is hostile content and means nothing rendered.
 */
export function isDownloadOnly(f: { mime: string; filename: string }): boolean {
  return fileKind(f.mime) === 'email' || /\.eml$/i.test(f.filename)
}
