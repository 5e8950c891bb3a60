// Annotation anchoring: describing a selection as W3C selectors, finding it again in a changed
// text, and converting offsets to code points for export. Pure string code.

export { blockAt, blockIndexAt, blockSeparator, fullTextOf, type BlockSpan } from './blocks'
export { approximateMatches, type Candidate } from './approximate'
export { contextLength, describeRange, prefixBefore, suffixAfter } from './describe'
export {
  anchor,
  anchorByPosition,
  anchorScoreWeights,
  anchorStatusOf,
  defaultAnchorThreshold,
  occurrencesNear,
  type AnchorMethod,
  type AnchorOptions,
  type AnchorWork,
  type OrphanReason,
  type AnchorResult
} from './anchor'
export {
  codePointToUtf16Offset,
  createCodePointConverter,
  splitsSurrogatePair,
  toCodePointOffsets,
  toUtf16Offsets,
  utf16ToCodePointOffset,
  type CodePointConverter
} from './codePoints'
export {
  createPlacementLookup,
  placeTarget,
  placeTargets,
  type Placement,
  type PlacementItem,
  type PlacementJob,
  type PlacementProgress,
  type PlannedPlacement
} from './place'
