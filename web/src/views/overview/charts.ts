// The chart options of the 统计概览 page, built from the overview's tallies. Pure: labels and
// units come in as arguments, so the options can be tested without a browser or i18n.
// Tooltips are HTML: every text that goes into one is escaped here (a focus point's title is
// typed by the office and may hold markup).
import type { EChartsOption } from 'echarts'
import type { FocusTally, Tally } from '@/api/types'

/** One labelled count. */
export interface Slice {
  key: string
  name: string
  value: number
}

/** The colours of the slices and bars (the round timeline's palette). */
export const PALETTE = ['#c0392b', '#2e86c1', '#28b463', '#d68910', '#7d3c98', '#17a589']

export const COLORS = {
  state: '#d68910',
  discipline: '#c0392b',
  focus: '#2e86c1',
} as const

/** The tallies with their Chinese names, in the server's (the enum's) order. */
export function labelled<K extends string>(
  tallies: readonly Tally<K>[],
  label: (key: K) => string,
): Slice[] {
  return tallies.map((x) => ({ key: x.key, name: label(x.key), value: x.count }))
}

/** Whether anything was counted (all zeros: the page shows an empty state instead). */
export const hasData = (xs: readonly { value?: number; count?: number }[]): boolean =>
  xs.some((x) => (x.value ?? x.count ?? 0) > 0)

export const sumOf = (xs: readonly Slice[]): number => xs.reduce((n, x) => n + x.value, 0)

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  )
}

/** A whole-number share in percent ('0' of nothing). */
export function percent(value: number, total: number): string {
  if (total <= 0) return '0'
  return String(Math.round((value * 100) / total))
}

/** 「网上举报 3 件，来电 2 件」: what a chart shows, as text (the chart's aria label). */
export function describe(title: string, slices: readonly Slice[], unit: string): string {
  const parts = slices.map((x) => `${x.name} ${x.value} ${unit}`)
  return parts.length ? `${title}：${parts.join('，')}` : title
}

/** The first index of a tooltip's params (one item, or the items of an axis). */
function dataIndexOf(p: unknown): number {
  const one = (Array.isArray(p) ? p[0] : p) as { dataIndex?: number } | undefined
  return typeof one?.dataIndex === 'number' ? one.dataIndex : -1
}

const TEXT = '#303133'
const MUTED = '#909399'
const SPLIT = '#ebeef5'

/**
 * A pie (a ring) of the non-zero slices, each labelled with its name and count; the tooltip
 * adds the share. Zero slices are left out: their labels would pile up at one point.
 */
export function pieOption(slices: readonly Slice[], unit: string, radius = ['38%', '66%']) {
  const shown = slices.filter((x) => x.value > 0)
  const total = sumOf(shown)
  const option: EChartsOption = {
    animation: false,
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = shown[dataIndexOf(p)]
        if (!x) return ''
        return `${escapeHtml(x.name)}：${x.value} ${escapeHtml(unit)}（${percent(x.value, total)}%）`
      },
    },
    series: [
      {
        type: 'pie',
        radius,
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        label: { formatter: `{b}\n{c} ${unit}`, color: TEXT, fontSize: 12, lineHeight: 16 },
        labelLine: { length: 8, length2: 8 },
        data: shown.map((x) => ({ name: x.name, value: x.value })),
      },
    ],
  }
  return option
}

/** Upright bars, one per slice in the given order (zeros kept: the scale shows them), each
 * with its count above it. */
export function columnOption(slices: readonly Slice[], unit: string, color: string) {
  const option: EChartsOption = {
    animation: false,
    grid: { left: 40, right: 16, top: 28, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const x = slices[dataIndexOf(p)]
        return x ? `${escapeHtml(x.name)}：${x.value} ${escapeHtml(unit)}` : ''
      },
    },
    xAxis: {
      type: 'category',
      data: slices.map((x) => x.name),
      axisTick: { show: false },
      axisLabel: { color: TEXT, fontSize: 12, interval: 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: SPLIT } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color, borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: TEXT },
        data: slices.map((x) => x.value),
      },
    ],
  }
  return option
}

/**
 * A long title on at most `maxLines` lines of `perLine` characters, the last one ending in …
 * when the title does not fit (the tooltip shows it whole). Characters, not bytes: the titles
 * are Chinese.
 */
export function wrapLabel(title: string, perLine = 14, maxLines = 2): string {
  const chars = Array.from(title.trim())
  const lines: string[] = []
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine) {
    lines.push(chars.slice(i, i + perLine).join(''))
  }
  if (chars.length > perLine * maxLines) {
    const last = Array.from(lines[maxLines - 1] ?? '')
    lines[maxLines - 1] = last.slice(0, perLine - 1).join('') + '…'
  }
  return lines.join('\n')
}

/** The title a focus row is shown under ('' — findings under no point — gets `none`). */
export const focusTitle = (row: FocusTally, none: string): string =>
  row.focus_item_id === null || row.title === '' ? none : row.title

/** Height of the focus chart: one band per point, room for two-line labels. */
export const focusChartHeight = (rows: number): number => Math.max(160, rows * 48 + 40)

/**
 * Horizontal bars, one per top-level point of the checklist in its order (top to bottom),
 * the count at the end of each bar. The axis shows each title on two lines at most; the
 * tooltip the whole title. The categories are the row indexes, so two points with the same
 * title stay two bars.
 */
export function focusOption(rows: readonly FocusTally[], unit: string, none: string, perLine = 14) {
  const titles = rows.map((r) => focusTitle(r, none))
  const option: EChartsOption = {
    animation: false,
    grid: { left: 16, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p: unknown) => {
        const i = dataIndexOf(p)
        const r = rows[i]
        return r ? `${escapeHtml(titles[i] ?? '')}<br/>${r.count} ${escapeHtml(unit)}` : ''
      },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: SPLIT } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((_, i) => String(i)),
      axisTick: { show: false },
      axisLabel: {
        color: TEXT,
        fontSize: 12,
        lineHeight: 16,
        interval: 0,
        formatter: (v: string | number) => wrapLabel(titles[Number(v)] ?? '', perLine),
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: COLORS.focus, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: TEXT },
        data: rows.map((r) => r.count),
      },
    ],
  }
  return option
}
