import { ref, type Ref } from 'vue'
import { isNotFound, showError } from '@/utils/errors'

/**
 * The main record of a detail page: `loading` while it is read, `notFound`
 * when the GET answers 404 (the page then renders 未找到), any other error
 * as a toast.
 */
export function useDetailRecord<T>(fetch: () => Promise<T>) {
  const record = ref(null) as Ref<T | null>
  const notFound = ref(false)
  const loading = ref(true)

  /** Reads the record; returns it, or null when it could not be read. */
  async function loadRecord(): Promise<T | null> {
    loading.value = true
    let r: T
    try {
      r = await fetch()
    } catch (e) {
      if (isNotFound(e)) notFound.value = true
      else showError(e)
      loading.value = false
      return null
    }
    record.value = r
    loading.value = false
    return r
  }

  return { record, notFound, loading, loadRecord }
}
