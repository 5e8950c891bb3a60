// Where a timeline's labels go, so that the chart reads without hovering: each event's label is
// written beside its mark, on the first of a few lines of its row where it overlaps nothing; where
// events are too dense for that, the ones left over become one group ("+3") covering their extent,
// which a zoom spreads apart again. Pure arithmetic on pixel positions, tested on its own.

export interface LabelItem {
  id: string
  /** Left and right of the event's mark, in pixels (equal for a point in time). */
  x0: number
  x1: number
  label: string
}

export interface PlacedLabel {
  id: string
  /** 0 is the row's first line. */
  line: number
  /** Where the label's text is anchored, in pixels: its start, or its end for a label written
   * to the left of its mark (near the chart's right edge). */
  labelX: number
  anchor: 'start' | 'end'
}

export interface LabelGroup {
  /** The events in the group, in the order given. */
  ids: string[]
  x0: number
  x1: number
}

export interface LaneLayout {
  placed: PlacedLabel[]
  groups: LabelGroup[]
  /** Lines the row needs: those with labels, and one more for groups if there are any. */
  lineCount: number
}

export interface LabelMetrics {
  /** Lines a row may take at most, the last kept for groups. */
  lines: number
  /** Width of one character of a label (an estimate: the SVG is laid out before it is drawn). */
  charWidth: number
  /** Space kept between two labels on a line, and after a mark before its label. */
  gap: number
}

export const defaultLabelMetrics: LabelMetrics = { lines: 5, charWidth: 7.2, gap: 14 }

/** The width a label takes on its line, in pixels. */
export function labelWidth(label: string, metrics: LabelMetrics = defaultLabelMetrics): number {
  return Math.ceil([...label].length * metrics.charWidth)
}

/**
 * Lays out one row's labels: items in order of their start, each on the first line where its
 * mark and label fit after what is there; those that fit nowhere join a group on the row's last
 * line, and groups that would touch merge. Labels never overlap, whatever the density; a row takes
 * only the lines it needs.
 */
export function layoutLane(
  items: readonly LabelItem[],
  metrics: LabelMetrics = defaultLabelMetrics,
  /** The chart's right edge: a label that would pass it is written to the left of its mark. */
  maxX = Infinity
): LaneLayout {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1 || a.id.localeCompare(b.id))
  const labelLines = Math.max(1, metrics.lines - 1)
  const lineEnds: number[] = Array.from({ length: labelLines }, () => -Infinity)
  const placed: PlacedLabel[] = []
  const leftOver: LabelItem[] = []
  for (const item of sorted) {
    const width = labelWidth(item.label, metrics)
    const after = item.x1 + metrics.gap / 2 + width <= maxX
    const start = after ? item.x0 : item.x0 - metrics.gap / 2 - width
    const end = after ? item.x1 + metrics.gap / 2 + width : item.x1
    const line = lineEnds.findIndex((lineEnd) => lineEnd + metrics.gap <= start)
    if (line === -1) {
      leftOver.push(item)
      continue
    }
    lineEnds[line] = end
    placed.push(
      after
        ? { id: item.id, line, labelX: item.x1 + metrics.gap / 2, anchor: 'start' }
        : { id: item.id, line, labelX: item.x0 - metrics.gap / 2, anchor: 'end' }
    )
  }
  const groups: LabelGroup[] = []
  for (const item of leftOver) {
    const last = groups.at(-1)
    // A group's label ("+12") sits after its extent: the next group starts clear of it.
    const lastEnd = last ? last.x1 + metrics.gap / 2 + labelWidth(groupLabel(last.ids.length), metrics) : 0
    if (last && item.x0 <= lastEnd + metrics.gap) {
      last.ids.push(item.id)
      last.x1 = Math.max(last.x1, item.x1)
    } else {
      groups.push({ ids: [item.id], x0: item.x0, x1: item.x1 })
    }
  }
  const labelled = placed.reduce((most, label) => Math.max(most, label.line + 1), 0)
  return { placed, groups, lineCount: Math.max(1, groups.length > 0 ? labelLines + 1 : labelled) }
}

/** What a group says on the chart: how many events it holds beyond the labelled ones. */
export function groupLabel(count: number): string {
  return `+${count}`
}

/** The zoom levels offered, as multiples of the width that fits the page. */
export const zoomLevels = [1, 2, 4, 8] as const

/** The next zoom level up or down from `current`, staying within the levels offered. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const index = zoomLevels.findIndex((level) => level >= current)
  const at = index === -1 ? zoomLevels.length - 1 : index
  const next = Math.min(zoomLevels.length - 1, Math.max(0, at + direction))
  return zoomLevels[next] ?? 1
}
