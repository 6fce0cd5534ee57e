import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'
import { useSessionStore } from '@/stores/session'
import Layout from '@/layout/index.vue'
import {
  ALL_ROLES,
  CLUE_READERS,
  FINDING_READERS,
  GROUP_READERS,
  INTAKE_SETTINGS_EDITORS,
  INTAKE_STAFF,
  MAILBOX_EDITORS,
  OVERVIEW_READERS,
  PLANNING_READERS,
  RECTIFICATION_READERS,
  REVEAL_READERS,
  SEARCH_USERS,
  UNIT_LIST_READERS,
  homePath,
} from './access'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean
    /** Roles that may open the page; others see 未找到, as the server answers 404. */
    roles?: Role[]
    /** i18n key of the page title. */
    title?: string
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { public: true, title: 'login.title' },
  },
  // The public pages (no session, no staff layout): a citizen's report and its status.
  {
    path: '/report',
    name: 'report',
    component: () => import('@/views/public/report/index.vue'),
    meta: { public: true, title: 'publicReport.navReport' },
  },
  {
    path: '/report/status',
    name: 'report-status',
    component: () => import('@/views/public/status/index.vue'),
    meta: { public: true, title: 'publicReport.navStatus' },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/views/password/index.vue'),
    meta: { roles: ALL_ROLES, title: 'password.title' },
  },
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', name: 'home', component: () => import('@/views/error/NotFound.vue') },
      {
        path: 'overview',
        name: 'overview',
        component: () => import('@/views/overview/index.vue'),
        meta: { roles: OVERVIEW_READERS, title: 'menu.overview' },
      },
      {
        path: 'rounds',
        name: 'rounds',
        component: () => import('@/views/rounds/list/index.vue'),
        meta: { roles: PLANNING_READERS, title: 'menu.rounds' },
      },
      {
        path: 'rounds/:id(\\d+)',
        name: 'round',
        component: () => import('@/views/rounds/detail/index.vue'),
        meta: { roles: PLANNING_READERS, title: 'menu.rounds' },
      },
      {
        path: 'groups',
        name: 'groups',
        component: () => import('@/views/groups/list/index.vue'),
        meta: { roles: GROUP_READERS, title: 'menu.groups' },
      },
      {
        path: 'groups/:id(\\d+)',
        name: 'group',
        component: () => import('@/views/groups/detail/index.vue'),
        meta: { roles: GROUP_READERS, title: 'menu.groups' },
      },
      {
        path: 'assignments/:id(\\d+)',
        name: 'assignment',
        component: () => import('@/views/assignments/detail/index.vue'),
        meta: { roles: GROUP_READERS, title: 'assignment.detail' },
      },
      {
        path: 'units',
        name: 'units',
        component: () => import('@/views/units/list/index.vue'),
        meta: { roles: UNIT_LIST_READERS, title: 'menu.units' },
      },
      {
        path: 'units/:id(\\d+)',
        name: 'unit',
        component: () => import('@/views/units/detail/index.vue'),
        meta: { roles: GROUP_READERS, title: 'menu.units' },
      },
      {
        path: 'intake',
        name: 'intake',
        component: () => import('@/views/intake/list/index.vue'),
        meta: { roles: INTAKE_STAFF, title: 'menu.intake' },
      },
      {
        path: 'intake/reports/:id(\\d+)',
        name: 'intake-report',
        component: () => import('@/views/intake/detail/index.vue'),
        meta: { roles: INTAKE_STAFF, title: 'intake.detail' },
      },
      {
        path: 'intake/mail',
        name: 'intake-mail',
        component: () => import('@/views/intake/mail/index.vue'),
        meta: { roles: INTAKE_STAFF, title: 'mail.title' },
      },
      {
        path: 'intake/mailboxes',
        name: 'intake-mailboxes',
        component: () => import('@/views/intake/mailboxes/index.vue'),
        meta: { roles: MAILBOX_EDITORS, title: 'mailbox.title' },
      },
      {
        path: 'findings',
        name: 'findings',
        component: () => import('@/views/findings/list/index.vue'),
        meta: { roles: FINDING_READERS, title: 'menu.findings' },
      },
      {
        path: 'findings/:id(\\d+)',
        name: 'finding',
        component: () => import('@/views/findings/detail/index.vue'),
        meta: { roles: FINDING_READERS, title: 'finding.detail' },
      },
      {
        path: 'clues',
        name: 'clues',
        component: () => import('@/views/clues/list/index.vue'),
        meta: { roles: CLUE_READERS, title: 'menu.clues' },
      },
      {
        path: 'clues/:id(\\d+)',
        name: 'clue',
        component: () => import('@/views/clues/detail/index.vue'),
        meta: { roles: CLUE_READERS, title: 'clue.detail' },
      },
      {
        path: 'rectification',
        name: 'rectification',
        component: () => import('@/views/rectification/list/index.vue'),
        meta: { roles: RECTIFICATION_READERS, title: 'menu.rectification' },
      },
      {
        path: 'rectification/problems/:id(\\d+)',
        name: 'rectification-problem',
        component: () => import('@/views/rectification/detail/index.vue'),
        meta: { roles: RECTIFICATION_READERS, title: 'rectification.detail' },
      },
      {
        path: 'search',
        name: 'search',
        component: () => import('@/views/search/index.vue'),
        meta: { roles: SEARCH_USERS, title: 'menu.search' },
      },
      {
        path: 'reveal-requests',
        name: 'reveal-requests',
        component: () => import('@/views/reveal/index.vue'),
        meta: { roles: REVEAL_READERS, title: 'menu.revealRequests' },
      },
      {
        path: 'settings/intake',
        name: 'intake-settings',
        component: () => import('@/views/settings/intake/index.vue'),
        meta: { roles: INTAKE_SETTINGS_EDITORS, title: 'menu.intakeSettings' },
      },
      {
        path: 'inspectors',
        name: 'inspectors',
        component: () => import('@/views/inspectors/list/index.vue'),
        meta: { roles: ['office'], title: 'menu.inspectors' },
      },
      {
        path: 'inspectors/:id(\\d+|new)',
        name: 'inspector',
        component: () => import('@/views/inspectors/detail/index.vue'),
        meta: { roles: ['office'], title: 'menu.inspectors' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('@/views/users/index.vue'),
        meta: { roles: ['office', 'admin'], title: 'menu.users' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/logs/audit/index.vue'),
        meta: { roles: ['office'], title: 'menu.audit' },
      },
      {
        path: 'logins',
        name: 'logins',
        component: () => import('@/views/logs/logins/index.vue'),
        meta: { roles: ['office', 'admin'], title: 'menu.logins' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/error/NotFound.vue'),
        meta: { roles: ALL_ROLES, title: 'notFound.title' },
      },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
})

router.beforeEach(async (to) => {
  // The citizen's pages need no session: do not even ask GET /me.
  if (to.meta.public && to.name !== 'login') return true
  const session = useSessionStore()
  if (!session.probed) {
    try {
      await session.probe()
    } catch {
      // Server unreachable: treat as logged out; the login page reports errors.
    }
  }
  const user = session.user
  if (to.meta.public) {
    if (user && to.name === 'login') {
      return user.must_change_password ? { name: 'password' } : homePath(user.role)
    }
    return true
  }
  if (!user) {
    return to.fullPath === '/'
      ? { name: 'login' }
      : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (user.must_change_password && to.name !== 'password') return { name: 'password' }
  if (to.name === 'home') return homePath(user.role)
  if (to.meta.roles && !to.meta.roles.includes(user.role)) {
    // Keep the URL; render 未找到 as the server would answer 404.
    return {
      name: 'not-found',
      params: { pathMatch: to.path.substring(1).split('/') },
      query: to.query,
      hash: to.hash,
    }
  }
  return true
})
