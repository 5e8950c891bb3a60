import { describe, expect, it } from 'vitest'
import {
  defaultLabelMetrics,
  groupLabel,
  labelWidth,
  layoutLane,
  stepZoom,
  type LabelItem
} from '../../src/shared/study/timelineLayout'
import { axisTicks, axisYearLabel } from '../../src/shared/study/timeline'

const point = (id: string, x: number, label = id): LabelItem => ({ id, x0: x, x1: x, label })

/** The horizontal extent each placed label's text takes, by line. */
function labelBoxes(items: LabelItem[], maxX = Infinity) {
  const layout = layoutLane(items, defaultLabelMetrics, maxX)
  return layout.placed.map((placed) => {
    const item = items.find((candidate) => candidate.id === placed.id)!
    const width = labelWidth(item.label)
    const from = placed.anchor === 'start' ? item.x0 : placed.labelX - width
    const to = placed.anchor === 'start' ? placed.labelX + width : item.x1
    return { line: placed.line, from, to }
  })
}

describe('timeline labels', () => {
  it('labels sparse events on the first line, each after its mark', () => {
    const layout = layoutLane([point('a', 10, '1948'), point('b', 300, '1950')])
    expect(layout.groups).toEqual([])
    expect(layout.lineCount).toBe(1)
    expect(layout.placed.map((placed) => [placed.id, placed.line, placed.anchor])).toEqual([
      ['a', 0, 'start'],
      ['b', 0, 'start']
    ])
  })

  it('puts overlapping labels on further lines, never on top of one another', () => {
    const items = [point('a', 10, 'June 1950'), point('b', 20, 'July 1950'), point('c', 30, 'May 1951')]
    const boxes = labelBoxes(items)
    for (const box of boxes)
      for (const other of boxes)
        if (box !== other && box.line === other.line)
          expect(box.to <= other.from || other.to <= box.from).toBe(true)
    expect(new Set(boxes.map((box) => box.line)).size).toBe(boxes.length)
  })

  it('groups what does not fit, on the last line, and counts it', () => {
    const items = Array.from({ length: 10 }, (_, index) => point(`e${index}`, 100 + index, '25 June 1950'))
    const layout = layoutLane(items)
    expect(layout.placed).toHaveLength(defaultLabelMetrics.lines - 1)
    expect(layout.groups).toHaveLength(1)
    expect(layout.lineCount).toBe(defaultLabelMetrics.lines)
    expect(layout.groups[0]?.ids).toHaveLength(10 - layout.placed.length)
    expect(groupLabel(layout.groups[0]?.ids.length ?? 0)).toBe('+6')
  })

  it('keeps every event either labelled or in a group, whatever the density', () => {
    const items = Array.from({ length: 300 }, (_, index) =>
      point(`e${index}`, (index * 37) % 900, `Event ${index}`)
    )
    const layout = layoutLane(items)
    const seen = [...layout.placed.map((placed) => placed.id), ...layout.groups.flatMap((group) => group.ids)]
    expect(seen.sort()).toEqual(items.map((item) => item.id).sort())
  })

  it('spreads a dense cluster apart once zoomed in (no group left)', () => {
    const years = [0, 1, 2, 3, 4]
    const at = (zoom: number) =>
      years.map((year) => point(`y${year}`, 20 + year * 10 * zoom, String(1950 + year)))
    expect(layoutLane(at(1)).groups.length).toBeGreaterThan(0)
    expect(layoutLane(at(8)).groups).toEqual([])
  })

  it('writes a label to the left of its mark near the right edge', () => {
    const layout = layoutLane([point('late', 890, '1953')], defaultLabelMetrics, 900)
    expect(layout.placed[0]).toMatchObject({ anchor: 'end', labelX: 890 - defaultLabelMetrics.gap / 2 })
  })

  it('steps through the zoom levels and stops at their ends', () => {
    expect(stepZoom(1, 1)).toBe(2)
    expect(stepZoom(2, -1)).toBe(1)
    expect(stepZoom(1, -1)).toBe(1)
    expect(stepZoom(8, 1)).toBe(8)
  })
})

describe('timeline axis before year 1', () => {
  it('labels ticks and ends in BC across the missing year 0', () => {
    // 510 BC to AD 20, astronomically -509 to 20.
    const labels = axisTicks(-509, 20).map((tick) => tick.label)
    expect(labels).toContain('500 BC')
    expect(labels).not.toContain('0')
    expect(axisYearLabel(-489)).toBe('490 BC')
    expect(axisYearLabel(0)).toBe('1 BC')
  })
})
