// Argument validation of the study methods (strict zod schemas), merged into apiArgumentSchemas.

import { z } from 'zod'
import type { StudyApiMethods } from './contract'

const id = z.string().min(1).max(200)
const key = z.string().min(1).max(200)
const empty = z.strictObject({})
const cardText = z.string().max(20_000)
const tags = z.array(z.string().min(1).max(100)).max(50)

export const studyArgumentSchemas: { [K in keyof StudyApiMethods]: z.ZodType<StudyApiMethods[K]['args']> } = {
  listCards: z.strictObject({
    search: z.string().max(500).optional(),
    documentId: id.optional(),
    sort: z.enum(['due', 'created', 'deck', 'kind', 'state', 'front']).optional(),
    descending: z.boolean().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional()
  }),
  getCard: z.strictObject({ cardId: id }),
  createCard: z.strictObject({
    documentId: id,
    kind: z.enum(['basic', 'cloze']),
    front: cardText.min(1),
    back: cardText,
    tags: tags.optional(),
    source: z
      .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
      .refine((range) => range.end > range.start, 'the source must not be empty')
      .optional()
  }),
  updateCard: z.strictObject({
    cardId: id,
    front: cardText.min(1).optional(),
    back: cardText.optional(),
    tags: tags.optional()
  }),
  deleteCard: z.strictObject({ cardId: id }),
  restoreCard: z.strictObject({ cardId: id }),
  setCardSuspended: z.strictObject({ cardId: id, suspended: z.boolean() }),
  resetCard: z.strictObject({ cardId: id }),
  generateSuggestions: z.strictObject({ documentId: id }),
  getSuggestionProgress: z.strictObject({ documentId: id }),
  stopSuggestions: z.strictObject({ documentId: id }),
  acceptSuggestion: z.strictObject({
    documentId: id,
    key,
    front: cardText.min(1).optional(),
    back: cardText.optional()
  }),
  rejectSuggestion: z.strictObject({ documentId: id, key }),
  acceptAllSuggestions: z.strictObject({
    documentId: id,
    keys: z.array(key).max(100_000).optional(),
    confirmed: z.array(key).max(100_000).optional()
  }),
  getReviewQueue: z.strictObject({ documentId: id.optional() }),
  answerCard: z.strictObject({
    cardId: id,
    grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    durationMs: z.number().int().min(0).max(86_400_000).optional()
  }),
  undoLastAnswer: empty,
  getStudySummary: empty,
  getStudyStats: empty,
  getStudySettings: empty,
  updateStudySettings: z.strictObject({
    desiredRetention: z.number().min(0.7).max(0.99).optional(),
    newCardsPerDay: z.number().int().min(0).max(9999).optional(),
    maxReviewsPerDay: z.number().int().min(0).max(99_999).optional()
  }),
  getTimeline: z.strictObject({ documentId: id }),
  getWhosWho: z.strictObject({ documentId: id })
}
