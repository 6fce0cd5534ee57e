import { describe, expect, it } from 'vitest'
import type { FocusTally, Tally } from '@/api/types'
import {
  COLORS,
  columnOption,
  describe as describeChart,
  escapeHtml,
  focusChartHeight,
  focusOption,
  focusTitle,
  hasData,
  labelled,
  percent,
  pieOption,
  wrapLabel,
  type Slice,
} from './charts'

/** The option's only series (each chart here has one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const seriesOf = (o: any) => (Array.isArray(o.series) ? o.series[0] : o.series)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const tooltipOf = (o: any) => o.tooltip.formatter as (p: unknown) => string

const NAMES: Record<string, string> = { web: '网上举报', call: '来电', letter: '来信' }
const channels: Tally<'web' | 'call' | 'letter'>[] = [
  { key: 'web', count: 3 },
  { key: 'call', count: 0 },
  { key: 'letter', count: 1 },
]

describe('labelled', () => {
  it('names each tally and keeps the server’s order and zeros', () => {
    expect(labelled(channels, (k) => NAMES[k] ?? k)).toEqual([
      { key: 'web', name: '网上举报', value: 3 },
      { key: 'call', name: '来电', value: 0 },
      { key: 'letter', name: '来信', value: 1 },
    ])
  })
})

describe('hasData / percent / describe', () => {
  it('tells all zeros from something counted', () => {
    expect(hasData([])).toBe(false)
    expect(hasData([{ value: 0 }, { value: 0 }])).toBe(false)
    expect(hasData([{ count: 0 }, { count: 2 }])).toBe(true)
  })

  it('rounds shares to whole percents, 0 of nothing', () => {
    expect(percent(1, 3)).toBe('33')
    expect(percent(2, 3)).toBe('67')
    expect(percent(0, 0)).toBe('0')
  })

  it('says what a chart shows in words', () => {
    const s = labelled(channels, (k) => NAMES[k] ?? k)
    expect(describeChart('举报渠道', s, '件')).toBe('举报渠道：网上举报 3 件，来电 0 件，来信 1 件')
    expect(describeChart('举报渠道', [], '件')).toBe('举报渠道')
  })
})

describe('pieOption', () => {
  const slices = labelled(channels, (k) => NAMES[k] ?? k)

  it('leaves zero slices out and labels the rest with name and count', () => {
    const s = seriesOf(pieOption(slices, '件'))
    expect(s.type).toBe('pie')
    expect(s.data).toEqual([
      { name: '网上举报', value: 3 },
      { name: '来信', value: 1 },
    ])
    expect(s.label.formatter).toBe('{b}\n{c} 件')
  })

  it('shows count and share in the tooltip, by the shown slice', () => {
    const f = tooltipOf(pieOption(slices, '件'))
    expect(f({ dataIndex: 0 })).toBe('网上举报：3 件（75%）')
    expect(f({ dataIndex: 1 })).toBe('来信：1 件（25%）')
    expect(f({ dataIndex: 5 })).toBe('')
  })

  it('escapes names in the tooltip', () => {
    const f = tooltipOf(pieOption([{ key: 'x', name: '<b>x</b>', value: 1 }], '件'))
    expect(f({ dataIndex: 0 })).toBe('&lt;b&gt;x&lt;/b&gt;：1 件（100%）')
  })
})

describe('columnOption', () => {
  const slices: Slice[] = [
    { key: 'political', name: '政治纪律', value: 0 },
    { key: 'integrity', name: '廉洁纪律', value: 2 },
  ]

  it('keeps every category, zeros included, in order, with whole-number ticks', () => {
    const o = columnOption(slices, '个', COLORS.discipline)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const any = o as any
    expect(any.xAxis.data).toEqual(['政治纪律', '廉洁纪律'])
    expect(any.xAxis.axisLabel.interval).toBe(0)
    expect(any.yAxis.minInterval).toBe(1)
    const s = seriesOf(o)
    expect(s.data).toEqual([0, 2])
    expect(s.itemStyle.color).toBe(COLORS.discipline)
    expect(s.label.show).toBe(true)
  })

  it('reads the hovered category in the tooltip (axis trigger: an array)', () => {
    const f = tooltipOf(columnOption(slices, '个', COLORS.discipline))
    expect(f([{ dataIndex: 1 }])).toBe('廉洁纪律：2 个')
    expect(f([])).toBe('')
  })
})

describe('wrapLabel', () => {
  it('leaves a short title as it is', () => {
    expect(wrapLabel('四风问题', 14)).toBe('四风问题')
  })

  it('wraps onto a second line', () => {
    expect(wrapLabel('落实全面从严治党战略部署情况', 8)).toBe('落实全面从严治党\n战略部署情况')
  })

  it('cuts what does not fit two lines with …', () => {
    const title = '落实党的路线方针政策和党中央重大决策部署情况'
    const out = wrapLabel(title, 8)
    expect(out).toBe('落实党的路线方针\n政策和党中央重…')
    expect(out.split('\n').every((l) => Array.from(l).length <= 8)).toBe(true)
  })

  it('counts characters, not UTF-16 units, and trims', () => {
    expect(wrapLabel('  𠮷𠮷𠮷  ', 2, 1)).toBe('𠮷…')
  })
})

describe('focusOption', () => {
  const rows: FocusTally[] = [
    { focus_item_id: 1, title: '落实党的路线方针政策和党中央重大决策部署情况', count: 2 },
    { focus_item_id: 2, title: '落实全面从严治党战略部署情况', count: 0 },
    { focus_item_id: 3, title: '落实全面从严治党战略部署情况', count: 1 },
    { focus_item_id: null, title: '', count: 1 },
  ]

  it('names findings under no point', () => {
    expect(focusTitle(rows[3]!, '未归入巡察重点')).toBe('未归入巡察重点')
    expect(focusTitle(rows[1]!, '未归入巡察重点')).toBe('落实全面从严治党战略部署情况')
  })

  it('draws one bar per row, top to bottom, even for equal titles', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const o = focusOption(rows, '个', '未归入巡察重点', 8) as any
    expect(o.yAxis.type).toBe('category')
    expect(o.yAxis.inverse).toBe(true)
    expect(o.yAxis.data).toEqual(['0', '1', '2', '3'])
    expect(seriesOf(o).data).toEqual([2, 0, 1, 1])
    const fmt = o.yAxis.axisLabel.formatter as (v: string | number) => string
    expect(fmt('0')).toBe('落实党的路线方针\n政策和党中央重…')
    expect(fmt('3')).toBe('未归入巡察重点')
  })

  it('shows the whole title in the tooltip, escaped', () => {
    const f = tooltipOf(
      focusOption(
        [{ focus_item_id: 9, title: '<img src=x onerror=alert(1)>', count: 3 }],
        '个',
        '无',
      ),
    )
    expect(f([{ dataIndex: 0 }])).toBe('&lt;img src=x onerror=alert(1)&gt;<br/>3 个')
  })

  it('grows with the number of points', () => {
    expect(focusChartHeight(1)).toBe(160)
    expect(focusChartHeight(5)).toBe(280)
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })
})
