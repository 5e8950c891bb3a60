// A passage's W3C selectors from the columns annotations and cards store them in (block, quote
// with its context, position): one place that knows the selector shapes, for both tables.
import type { AnnotationTarget } from '../../../shared/types'

export interface TargetColumns {
  blockId: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export function targetFromColumns(columns: TargetColumns): AnnotationTarget {
  const { blockId, exact, prefix, suffix, start, end } = columns
  return {
    blockId,
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start, end }
  }
}
