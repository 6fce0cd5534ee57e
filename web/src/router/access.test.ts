import { describe, expect, it } from 'vitest'
import { ALL_ROLES, OVERVIEW_READERS, homePath, menusFor } from './access'

describe('统计概览 in the menus', () => {
  it('comes first for the office, the leading group and the groups', () => {
    for (const r of ['office', 'leadership', 'group_leader', 'group_member'] as const) {
      expect(menusFor(r)[0]).toBe('overview')
      expect(OVERVIEW_READERS).toContain(r)
    }
  })

  it('is not offered to unit liaisons, clue recipients or admins', () => {
    for (const r of ['unit', 'clue_recipient', 'admin'] as const) {
      expect(menusFor(r)).not.toContain('overview')
      expect(OVERVIEW_READERS).not.toContain(r)
    }
  })

  it('is offered to exactly the roles the route lets in', () => {
    for (const r of ALL_ROLES) {
      expect(menusFor(r).includes('overview')).toBe(OVERVIEW_READERS.includes(r))
    }
  })

  it('leaves the other menus as they were', () => {
    expect(menusFor('leadership')).toEqual([
      'overview',
      'rounds',
      'groups',
      'units',
      'findings',
      'rectification',
      'search',
    ])
    expect(menusFor('admin')).toEqual(['users', 'logins'])
    expect(menusFor('clue_recipient')).toEqual(['rounds', 'clues', 'search'])
  })
})

describe('homePath', () => {
  it('opens the dashboards for the leading group, accounts for the admin, rounds otherwise', () => {
    expect(homePath('leadership')).toBe('/overview')
    expect(homePath('admin')).toBe('/users')
    for (const r of ['office', 'group_leader', 'group_member', 'unit', 'clue_recipient'] as const) {
      expect(homePath(r)).toBe('/rounds')
    }
  })
})
