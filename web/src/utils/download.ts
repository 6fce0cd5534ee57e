// Saving bytes the app fetched (an export, an original message) as a file: the fetch goes through
// the API wrapper first, so a refusal is shown as a message instead of being saved as a file.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Offers `bytes` to the browser as a download named `filename`. */
export function saveBytes(bytes: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
