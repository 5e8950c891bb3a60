// Extraction of dated events, actors and flashcard suggestions from a document's blocks.

export { extractActors } from './actors'
export { suggestCards } from './cards'
export { findDateExpressions, parseDateExpression } from './dates'
export { extractDatedEvents } from './events'
export { nameKey, sameName } from './nameTokens'
export { splitSentences, type Sentence } from './sentences'
export type * from './types'
