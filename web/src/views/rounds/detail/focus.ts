import type { FocusItem } from '@/api/types'

export interface FocusNode {
  id: number
  item: FocusItem
  children: FocusNode[]
}

/** Builds the checklist tree from the flat list, ordered by position. */
export function buildFocusTree(items: FocusItem[]): FocusNode[] {
  const nodes = new Map<number, FocusNode>()
  for (const item of items) nodes.set(item.id, { id: item.id, item, children: [] })
  const roots: FocusNode[] = []
  for (const node of nodes.values()) {
    const parent = node.item.parent_id === null ? undefined : nodes.get(node.item.parent_id)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: FocusNode[]) => {
    list.sort((a, b) => a.item.position - b.item.position || a.id - b.id)
    for (const n of list) sort(n.children)
  }
  sort(roots)
  return roots
}
