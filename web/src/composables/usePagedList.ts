import { onMounted, reactive, ref, type Ref } from 'vue'
import type { Page } from '@/api/types'
import { showError } from '@/utils/errors'

/**
 * The state of a server-paged table: rows, total, loading, and the query
 * (page, page_size and any filters) sent as is. Loads once on mount.
 */
export function usePagedList<T, Q extends { page: number; page_size: number }>(
  fetch: (q: Q) => Promise<Page<T>>,
  initial: Q,
) {
  const rows = ref<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const query = reactive(initial)

  async function load() {
    loading.value = true
    try {
      const r = await fetch({ ...query } as Q)
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  /** Back to the first page with the current filters. */
  function search() {
    query.page = 1
    void load()
  }

  onMounted(load)

  return { rows, total, loading, query, load, search }
}
