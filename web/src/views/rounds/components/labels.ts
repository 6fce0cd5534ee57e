import type { RoundStatus } from '@/api/types'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const STATUS_TAG: Record<RoundStatus, TagType> = {
  planning: 'info',
  stationing: 'primary',
  reporting: 'warning',
  rectification: 'danger',
  closed: 'success',
}
