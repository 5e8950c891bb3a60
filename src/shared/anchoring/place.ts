// Placing stored passages in a changed text: each target found again (position, quote, then an
// approximate match) and described anew, or orphaned. Notes, cards and imported annotations are
// placed the same way. A whole document's passages are planned on the import thread
// (placeTargets), because an approximate search through a long text can take seconds, and the
// plan is applied in the one transaction that replaces the text, for every target still as planned.
import type { AnnotationTarget } from '../types'
import { anchor, type AnchorOptions, type OrphanReason } from './anchor'
import type { BlockSpan } from './blocks'
import { describeRange } from './describe'

export type Placement =
  | { state: 'anchored'; target: AnnotationTarget; score: number }
  | { state: 'orphaned'; score: number; reason: OrphanReason }

/** A stored passage to place: its id (a note's or a card's) and where it was. */
export interface PlacementItem {
  id: string
  target: AnnotationTarget
}

/** What the import thread worked out for one passage, and the target it started from. */
export interface PlannedPlacement extends PlacementItem {
  placement: Placement
}

export interface PlacementJob {
  fullText: string
  blocks: BlockSpan[]
  items: PlacementItem[]
}

export interface PlacementProgress {
  done: number
  total: number
}

export function placeTarget(
  fullText: string,
  blocks: readonly BlockSpan[],
  target: AnnotationTarget,
  options: AnchorOptions = {}
): Placement {
  const result = anchor(fullText, target, options)
  if (result.state === 'orphaned') return result
  return {
    state: 'anchored',
    target: describeRange(fullText, blocks, result.start, result.end) ?? target,
    score: result.score
  }
}

/** Every passage of a job placed, in order; reports progress every `step` passages. */
export function placeTargets(
  job: PlacementJob,
  onProgress: (progress: PlacementProgress) => void = () => undefined,
  step = 25
): PlannedPlacement[] {
  const { fullText, blocks, items } = job
  return items.map((item, index) => {
    if (index % step === 0) onProgress({ done: index, total: items.length })
    return { ...item, placement: placeTarget(fullText, blocks, item.target) }
  })
}

function sameTarget(left: AnnotationTarget, right: AnnotationTarget): boolean {
  return (
    left.blockId === right.blockId &&
    left.quote.exact === right.quote.exact &&
    left.quote.prefix === right.quote.prefix &&
    left.quote.suffix === right.quote.suffix &&
    left.position.start === right.position.start &&
    left.position.end === right.position.end
  )
}

/**
 * Looks placements up by id for applying a plan: a passage planned from the target it still has
 * takes its planned placement; one changed or created since the plan was made is placed now.
 */
export function createPlacementLookup(
  fullText: string,
  blocks: readonly BlockSpan[],
  planned: readonly PlannedPlacement[]
): (item: PlacementItem) => Placement {
  const byId = new Map(planned.map((entry) => [entry.id, entry]))
  return (item) => {
    const entry = byId.get(item.id)
    return entry !== undefined && sameTarget(entry.target, item.target)
      ? entry.placement
      : placeTarget(fullText, blocks, item.target)
  }
}
