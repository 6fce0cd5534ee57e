import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/session'
import { isApiError } from '@/api/http'
import type { Role, SessionInfo, User } from '@/api/types'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref('')
  const demo = ref(false)
  /** True once GET /me has been tried in this page load. */
  const probed = ref(false)

  const role = computed<Role | null>(() => user.value?.role ?? null)
  const loggedIn = computed(() => user.value !== null)
  const mustChangePassword = computed(() => user.value?.must_change_password ?? false)

  function apply(s: SessionInfo) {
    user.value = s.user
    csrfToken.value = s.csrf_token
    if (typeof s.demo === 'boolean') demo.value = s.demo
  }

  function clear() {
    user.value = null
    csrfToken.value = ''
  }

  /** Loads the session from the cookie; resolves false when not logged in. */
  async function probe(): Promise<boolean> {
    try {
      apply(await api.getMe())
      return true
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        clear()
        return false
      }
      throw e
    } finally {
      probed.value = true
    }
  }

  async function login(username: string, password: string) {
    apply(await api.login(username, password))
    probed.value = true
    // /me carries the demo flag; the login answer may not.
    try {
      apply(await api.getMe())
    } catch {
      // The login itself succeeded; the banner can wait for the next probe.
    }
  }

  async function logout() {
    try {
      await api.logout()
    } finally {
      clear()
    }
  }

  async function changePassword(oldPassword: string, newPassword: string) {
    await api.changePassword(oldPassword, newPassword)
    apply(await api.getMe())
  }

  return {
    user,
    csrfToken,
    demo,
    probed,
    role,
    loggedIn,
    mustChangePassword,
    probe,
    login,
    logout,
    changePassword,
    clear,
  }
})
