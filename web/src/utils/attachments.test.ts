import { describe, expect, it } from 'vitest'
import {
  MAX_FILE_BYTES,
  MAX_TOTAL_BYTES,
  checkFiles,
  clearFileErrors,
  fileFieldErrors,
  fileKind,
  filesMessage,
  formatSize,
  isDownloadOnly,
} from './attachments'

const MB = 1024 * 1024
const f = (size: number, name = 'a.jpg') => ({ name, size })

describe('checkFiles', () => {
  it('passes no files and files within the limits', () => {
    expect(checkFiles([]).ok).toBe(true)
    const c = checkFiles([f(MAX_FILE_BYTES), f(MAX_FILE_BYTES), f(MAX_FILE_BYTES)])
    expect(c).toEqual({ perFile: {}, list: '', ok: true })
    expect(filesMessage(c)).toBe('')
  })

  it('marks a file over 10 MB and an empty one', () => {
    const c = checkFiles([f(1), f(MAX_FILE_BYTES + 1), f(0)])
    expect(c.ok).toBe(false)
    expect(c.perFile).toEqual({ 1: '单个文件不能超过10MB', 2: '文件为空' })
    expect(c.list).toBe('')
    expect(filesMessage(c)).toBe('请移除标红的附件')
  })

  it('allows 10 files, not 11', () => {
    expect(checkFiles(Array.from({ length: 10 }, () => f(1))).ok).toBe(true)
    const c = checkFiles(Array.from({ length: 11 }, () => f(1)))
    expect(c.list).toBe('最多上传10个附件')
    expect(filesMessage(c)).toBe('最多上传10个附件')
  })

  it('counts the files a report already has', () => {
    expect(checkFiles([f(1), f(1)], 8).ok).toBe(true)
    expect(checkFiles([f(1), f(1), f(1)], 8).list).toBe('每件最多10个附件，本件已有8个')
  })

  it('refuses more than 30 MB in all', () => {
    expect(checkFiles([f(10 * MB), f(10 * MB), f(10 * MB)]).ok).toBe(true)
    const c = checkFiles([f(10 * MB), f(10 * MB), f(10 * MB), f(1)])
    expect(MAX_TOTAL_BYTES).toBe(30 * MB)
    expect(c.list).toBe('附件合计不能超过30MB')
    // The list's problem comes before the marked files.
    expect(filesMessage(checkFiles([f(10 * MB + 1), f(10 * MB), f(10 * MB)]))).toBe(
      '附件合计不能超过30MB',
    )
  })
})

describe('formatSize', () => {
  it('shows bytes, KB and MB', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(1023)).toBe('1023 B')
    expect(formatSize(1024)).toBe('1.0 KB')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(10 * 1024 - 1)).toBe('10 KB')
    expect(formatSize(200 * 1024)).toBe('200 KB')
    expect(formatSize(MB)).toBe('1.0 MB')
    expect(formatSize(2.34 * MB)).toBe('2.3 MB')
    expect(formatSize(10 * MB)).toBe('10 MB')
    expect(formatSize(3 * 1024 * MB)).toBe('3.0 GB')
  })

  it('shows nothing for nonsense', () => {
    expect(formatSize(-1)).toBe('')
    expect(formatSize(Number.NaN)).toBe('')
  })
})

describe('server field errors', () => {
  it('reads files.N and leaves the rest', () => {
    expect(
      fileFieldErrors({ 'files.1': '不支持该文件类型', files: '条目过多', content: '必填' }),
    ).toEqual({ 1: '不支持该文件类型' })
  })

  it('clears files and files.N only', () => {
    const fields: Record<string, string> = {
      files: '条目过多',
      'files.0': '文件已损坏',
      filesize: 'x',
      content: '必填',
    }
    clearFileErrors(fields)
    expect(fields).toEqual({ filesize: 'x', content: '必填' })
  })
})

describe('fileKind', () => {
  it('names the sniffed types', () => {
    expect(fileKind('image/jpeg')).toBe('image')
    expect(fileKind('application/pdf')).toBe('pdf')
    expect(fileKind('text/plain')).toBe('text')
    expect(fileKind('audio/mpeg')).toBe('audio')
    expect(fileKind('video/mp4')).toBe('video')
    expect(
      fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('word')
    expect(fileKind('application/vnd.ms-excel')).toBe('excel')
    expect(fileKind('message/rfc822')).toBe('email')
    expect(fileKind('application/octet-stream')).toBe('other')
  })

  it('has the original e-mail downloaded, never opened', () => {
    expect(isDownloadOnly({ mime: 'message/rfc822', filename: '原始邮件.eml' })).toBe(true)
    expect(isDownloadOnly({ mime: 'text/plain', filename: 'mail.EML' })).toBe(true)
    expect(isDownloadOnly({ mime: 'text/plain', filename: '说明.txt' })).toBe(false)
  })
})
