// Cards: made by hand (basic, or cloze with one card per deletion number), made from a selection
// (anchored like an annotation), or accepted from generated suggestions; edited, deleted (softly,
// for Undo), suspended and reset. Generated suggestions are listed until decided, and a decision
// is stored so that regenerating never brings the same card back.
import { randomUUID } from 'node:crypto'
import { describeRange, fullTextOf } from '../../../shared/anchoring'
import type { CardSuggestion } from '../../../shared/extraction/types'
import { clozeIndices } from '../../../shared/study/cloze'
import { newSchedule } from '../../../shared/study/scheduling'
import type { CardDraft, CardListPage, CardListQuery, StudyCard } from '../../../shared/study/types'
import type { SuggestionProgress } from '../../../shared/study/contract'
import type { AnnotationTarget, CardKind } from '../../../shared/types'
import { UserError } from '../../../shared/userError'
import type { Db } from '../../db/connection'
import type { CardRepository, StoredCard } from '../../db/repositories/cardRepository'
import type { DocumentRepository } from '../../db/repositories/documentRepository'
import type { SuggestionDecisionRepository } from '../../db/repositories/reviewRepository'
import type { ExtractionCacheService } from './extractionCache'

export interface CardServiceDependencies {
  db: Db
  cards: CardRepository
  documents: DocumentRepository
  decisions: SuggestionDecisionRepository
  extraction: ExtractionCacheService
  now: () => number
}

function publicCard(card: StoredCard): StudyCard {
  const { suggestionKey: _key, deletedAt: _deleted, ...rest } = card
  return rest
}

interface NoteContent {
  documentId: string
  kind: CardKind
  front: string
  back: string
  tags: string[]
  source: AnnotationTarget | null
  suggestionKey: string | null
}

export function createCardService({
  db,
  cards,
  documents,
  decisions,
  extraction,
  now
}: CardServiceDependencies) {
  function requireDocument(documentId: string) {
    const document = documents.findById(documentId)
    if (!document || document.removedAt !== null) {
      throw new UserError('not-found', 'That document is not in the library (it may have been removed).')
    }
    return document
  }

  function requireCard(cardId: string, allowDeleted = false): StoredCard {
    const card = cards.find(cardId)
    if (!card || (!allowDeleted && card.deletedAt !== null)) {
      throw new UserError('not-found', 'That card no longer exists.')
    }
    return card
  }

  function sourceOf(documentId: string, start: number, end: number): AnnotationTarget {
    const blocks = documents.blocks(documentId)
    const text = fullTextOf(blocks)
    if (end > text.length || start >= end) {
      throw new UserError('invalid-input', 'The selected passage is not in this document.')
    }
    const target = describeRange(text, blocks, start, end)
    if (!target) throw new UserError('invalid-input', 'Select some text to make a card from.')
    return target
  }

  /** Cloze notes (and generated notes written as clozes) make one card per deletion number. */
  function deletionNumbers(kind: CardKind, front: string): (number | null)[] {
    if (kind === 'basic') return [null]
    const numbers = clozeIndices(front)
    if (numbers.length > 0) return numbers
    if (kind === 'cloze') {
      throw new UserError('invalid-input', 'A cloze card needs at least one deletion, like {{c1::1966}}.')
    }
    return [null]
  }

  /** Stores the cards of a new note; returns them in deletion order. */
  function insertNote(content: NoteContent): StudyCard[] {
    const time = now()
    const noteId = randomUUID()
    const ids = deletionNumbers(content.kind, content.front).map((clozeIndex) => {
      const id = randomUUID()
      cards.insert({
        id,
        noteId,
        clozeIndex,
        ...content,
        suspended: false,
        createdAt: time,
        schedule: newSchedule(time)
      })
      return id
    })
    return ids.map((id) => publicCard(requireCard(id)))
  }

  async function pendingSuggestions(
    documentId: string
  ): Promise<{ pending: CardSuggestion[]; decided: number }> {
    const document = requireDocument(documentId)
    const all = (await extraction.get(document.contentHash, () => documents.blocks(documentId))).suggestions
    // Read after the extraction: a decision taken while it ran must not be undone.
    const decided = decisions.decidedKeys(documentId)
    return { pending: all.filter((suggestion) => !decided.has(suggestion.key)), decided: decided.size }
  }

  function acceptOne(
    documentId: string,
    suggestion: CardSuggestion,
    edit: { front?: string; back?: string }
  ) {
    // A date question reads best as its sentence with the date hidden; other kinds as written.
    const front =
      edit.front ??
      (suggestion.kind === 'date' && suggestion.clozeText ? suggestion.clozeText : suggestion.front)
    const made = insertNote({
      documentId,
      kind: suggestion.kind,
      front,
      back: edit.back ?? suggestion.back,
      tags: [suggestion.kind === 'date' ? 'date' : 'actor'],
      source: sourceOf(documentId, suggestion.sourceStart, suggestion.sourceEnd),
      suggestionKey: suggestion.key
    })
    decisions.record(documentId, suggestion.key, 'accepted', now())
    return made
  }

  return {
    listCards(query: CardListQuery): CardListPage {
      const { total, rows } = cards.list(query)
      return { total, offset: query.offset ?? 0, rows }
    },

    getCard(cardId: string): StudyCard {
      return publicCard(requireCard(cardId))
    },

    createCard(draft: CardDraft): StudyCard[] {
      requireDocument(draft.documentId)
      return db.transaction(() =>
        insertNote({
          documentId: draft.documentId,
          kind: draft.kind,
          front: draft.front.trim(),
          back: draft.back.trim(),
          tags: draft.tags ?? [],
          source: draft.source ? sourceOf(draft.documentId, draft.source.start, draft.source.end) : null,
          suggestionKey: null
        })
      )()
    },

    /** Edits a card; for a cloze note, every sibling follows and deletions added or removed add or delete cards. */
    updateCard(cardId: string, change: { front?: string; back?: string; tags?: string[] }): StudyCard[] {
      const card = requireCard(cardId)
      const front = change.front?.trim() ?? card.front
      const back = change.back?.trim() ?? card.back
      const tags = change.tags ?? card.tags
      return db.transaction(() => {
        const time = now()
        if (card.clozeIndex === null) {
          cards.updateContent(card.id, front, back, tags, time)
          return [publicCard(requireCard(card.id))]
        }
        const wanted = deletionNumbers(card.kind === 'basic' ? 'cloze' : card.kind, front)
        if (wanted.includes(null)) {
          throw new UserError('invalid-input', 'A cloze card needs at least one deletion, like {{c1::1966}}.')
        }
        const siblings = cards.note(card.noteId)
        for (const sibling of siblings) {
          if (wanted.includes(sibling.clozeIndex)) cards.updateContent(sibling.id, front, back, tags, time)
          else cards.setDeleted(sibling.id, time, time)
        }
        for (const clozeIndex of wanted) {
          if (siblings.some((sibling) => sibling.clozeIndex === clozeIndex)) continue
          cards.insert({
            ...card,
            id: randomUUID(),
            clozeIndex,
            front,
            back,
            tags,
            suspended: false,
            createdAt: time,
            schedule: newSchedule(time)
          })
        }
        return cards.note(card.noteId).map(publicCard)
      })()
    },

    deleteCard(cardId: string): { deleted: true } {
      requireCard(cardId)
      const time = now()
      cards.setDeleted(cardId, time, time)
      return { deleted: true }
    },

    restoreCard(cardId: string): StudyCard {
      requireCard(cardId, true)
      cards.setDeleted(cardId, null, now())
      return publicCard(requireCard(cardId))
    },

    setSuspended(cardId: string, suspended: boolean): StudyCard {
      requireCard(cardId)
      cards.setSuspended(cardId, suspended, now())
      return publicCard(requireCard(cardId))
    },

    resetCard(cardId: string): StudyCard {
      requireCard(cardId)
      const time = now()
      cards.updateSchedule(cardId, newSchedule(time), time)
      return publicCard(requireCard(cardId))
    },

    suggestionProgress(documentId: string): SuggestionProgress | null {
      const progress = extraction.progress(requireDocument(documentId).contentHash)
      if (!progress) return null
      const { stage, passagesRead, passageCount, fraction } = progress
      return { stage, passagesRead, passageCount, fraction }
    },

    stopSuggestions(documentId: string): { stopped: boolean } {
      return { stopped: extraction.stop(requireDocument(documentId).contentHash) }
    },

    async generateSuggestions(
      documentId: string
    ): Promise<{ suggestions: CardSuggestion[]; decided: number }> {
      const { pending, decided } = await pendingSuggestions(documentId)
      return { suggestions: pending, decided }
    },

    async acceptSuggestion(
      documentId: string,
      key: string,
      edit: { front?: string; back?: string }
    ): Promise<StudyCard[]> {
      const suggestion = (await pendingSuggestions(documentId)).pending.find(
        (candidate) => candidate.key === key
      )
      if (!suggestion) {
        throw new UserError(
          'conflict',
          'That suggestion was already accepted or rejected, or is no longer made.'
        )
      }
      return db.transaction(() => acceptOne(documentId, suggestion, edit))()
    },

    rejectSuggestion(documentId: string, key: string): { rejected: true } {
      requireDocument(documentId)
      decisions.record(documentId, key, 'rejected', now())
      return { rejected: true }
    },

    async acceptAllSuggestions(
      documentId: string,
      choice: { keys?: readonly string[] | undefined; confirmed?: readonly string[] | undefined } = {}
    ): Promise<{ accepted: number; heldBack: number }> {
      const { pending } = await pendingSuggestions(documentId)
      const wanted = choice.keys ? new Set(choice.keys) : null
      const confirmed = new Set(choice.confirmed ?? [])
      const chosen = pending.filter((suggestion) => !wanted || wanted.has(suggestion.key))
      // A suspect suggestion (a date read with a correction) becomes a card only once confirmed.
      const accepting = chosen.filter((suggestion) => !suggestion.warning || confirmed.has(suggestion.key))
      db.transaction(() => {
        for (const suggestion of accepting) acceptOne(documentId, suggestion, {})
      })()
      return { accepted: accepting.length, heldBack: chosen.length - accepting.length }
    }
  }
}

export type CardService = ReturnType<typeof createCardService>
