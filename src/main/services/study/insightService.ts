// The timeline (every dated event of a document: those the text states and those of the person's
// own cards) and the who's-who (every actor with aliases, role and mentions), both read from the
// cached extraction.
import { fullTextOf } from '../../../shared/anchoring'
import { findDateExpressions } from '../../../shared/extraction'
import { clozeAnswer, clozePlainText } from '../../../shared/study/cloze'
import { axisBounds, dateSpan } from '../../../shared/study/timeline'
import type { Timeline, TimelineEvent, WhoActor, WhosWho } from '../../../shared/study/types'
import { UserError } from '../../../shared/userError'
import type { CardRepository } from '../../db/repositories/cardRepository'
import type { DocumentRepository } from '../../db/repositories/documentRepository'
import type { ExtractionCacheService } from './extractionCache'

export interface InsightServiceDependencies {
  cards: CardRepository
  documents: DocumentRepository
  extraction: ExtractionCacheService
}

/** Characters of context shown either side of a mention. */
const mentionContext = 70

export function createInsightService({ cards, documents, extraction }: InsightServiceDependencies) {
  async function load(documentId: string) {
    const document = documents.findById(documentId)
    if (!document || document.removedAt !== null) {
      throw new UserError('not-found', 'That document is not in the library (it may have been removed).')
    }
    return {
      document,
      result: await extraction.get(document.contentHash, () => documents.blocks(documentId))
    }
  }

  return {
    async getTimeline(documentId: string): Promise<Timeline> {
      const { document, result } = await load(documentId)
      const events: TimelineEvent[] = result.events.map((event) => ({
        id: event.id,
        origin: 'text',
        cardId: null,
        sentence: event.sentence,
        expression: event.expression,
        date: event.date,
        precision: event.date.precision,
        ...dateSpan(event.date),
        at: event.sentenceStart
      }))
      // The person's own cards whose answer is a date: accepted suggestions are already there.
      for (const card of cards.forDocument(documentId)) {
        if (card.suggestionKey !== null) continue
        const answer = card.clozeIndex === null ? card.back : clozeAnswer(card.front, card.clozeIndex)
        const match = findDateExpressions(answer)[0]
        if (!match) continue
        events.push({
          id: `card-${card.id}`,
          origin: 'card',
          cardId: card.id,
          sentence: card.clozeIndex === null ? `${card.front} — ${card.back}` : clozePlainText(card.front),
          expression: match.expression,
          date: match.date,
          precision: match.date.precision,
          ...dateSpan(match.date),
          at: card.source?.position.start ?? null
        })
      }
      events.sort((left, right) => left.from - right.from || left.to - right.to)
      return { documentId, title: document.metadata.title, events, ...axisBounds(events) }
    },

    async getWhosWho(documentId: string): Promise<WhosWho> {
      const { document, result } = await load(documentId)
      const text = fullTextOf(documents.blocks(documentId))
      const actors: WhoActor[] = result.actors.map((actor) => ({
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        aliases: actor.aliases,
        acronym: actor.acronym ?? null,
        role: actor.role,
        mentionCount: actor.mentions.length,
        mentions: actor.mentions.map((mention) => ({
          start: mention.start,
          end: mention.end,
          text: mention.text,
          before: text
            .slice(Math.max(0, mention.start - mentionContext), mention.start)
            .replace(/^\S*\s/, '…'),
          after: text.slice(mention.end, mention.end + mentionContext).replace(/\s\S*$/, '…')
        }))
      }))
      actors.sort(
        (left, right) => right.mentionCount - left.mentionCount || left.name.localeCompare(right.name)
      )
      return { documentId, title: document.metadata.title, actors }
    }
  }
}

export type InsightService = ReturnType<typeof createInsightService>
