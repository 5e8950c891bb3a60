// Highlights and notes: made from a selection (described by W3C selectors), edited, tagged,
// deleted with Undo, re-anchored when their document's text changes — or listed as orphaned,
// never silently moved.
import { randomUUID } from 'node:crypto'
import {
  createPlacementLookup,
  describeRange,
  type PlacementItem,
  type PlannedPlacement
} from '../../shared/anchoring'
import {
  defaultHighlightColours,
  highlightColourIds,
  type Annotation,
  type Block,
  type HighlightColour,
  type HighlightColourId
} from '../../shared/types'
import type { AnnotationRepository } from '../db/repositories/annotationRepository'
import type { createSettingsRepository } from '../db/repositories/settingsRepository'
import { UserError } from '../../shared/userError'

export const maxNoteLength = 100_000
export const maxTagLength = 64
export const maxTagsPerAnnotation = 50
const coloursKey = 'highlightColours'

export interface AnnotationServiceDependencies {
  annotations: AnnotationRepository
  settings: ReturnType<typeof createSettingsRepository>
  documentText: (documentId: string) => { fullText: string; blocks: Block[] }
  now: () => number
  newId?: () => string
}

/** Trims, drops a leading '#', folds inner white space, removes duplicates (case-insensitively). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of tags) {
    const tag = raw.replace(/^#+/, '').replace(/\s+/g, ' ').trim()
    if (!tag) continue
    if (tag.length > maxTagLength) {
      throw new UserError(
        'invalid-input',
        `A tag can be at most ${maxTagLength} characters; "${tag.slice(0, 20)}…" is longer.`
      )
    }
    const key = tag.toLocaleLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    result.push(tag)
  }
  if (result.length > maxTagsPerAnnotation) {
    throw new UserError('invalid-input', `A note can have at most ${maxTagsPerAnnotation} tags.`)
  }
  return result
}

function checkNote(note: string): void {
  if (note.length > maxNoteLength) {
    throw new UserError(
      'invalid-input',
      `This note is ${note.length.toLocaleString('en')} characters long; a note can hold at most ${maxNoteLength.toLocaleString('en')}. Split it into several notes.`
    )
  }
}

export function createAnnotationService(dependencies: AnnotationServiceDependencies) {
  const { annotations, settings, documentText, now } = dependencies
  const newId = dependencies.newId ?? randomUUID

  function describe(documentId: string, start: number, end: number) {
    const { fullText, blocks } = documentText(documentId)
    let target
    try {
      target = describeRange(fullText, blocks, start, end)
    } catch {
      throw new UserError(
        'invalid-input',
        'That selection is not inside this document. Select the text again.'
      )
    }
    if (!target)
      throw new UserError(
        'invalid-input',
        'Select some text first: an empty selection has nothing to highlight.'
      )
    return target
  }

  function requireLive(id: string): Annotation {
    const found = annotations.findById(id)
    if (!found || found.deletedAt !== null)
      throw new UserError('not-found', 'That note no longer exists (it may have been deleted).')
    const { deletedAt: _deletedAt, ...annotation } = found
    return annotation
  }

  return {
    list(documentId: string): Annotation[] {
      documentText(documentId)
      return annotations.listForDocument(documentId)
    },

    create(input: {
      documentId: string
      start: number
      end: number
      colour: HighlightColourId | null
      note?: string
      tags?: string[]
    }): Annotation {
      const note = input.note ?? ''
      checkNote(note)
      const tags = normalizeTags(input.tags ?? [])
      const target = describe(input.documentId, input.start, input.end)
      const time = now()
      const annotation: Annotation = {
        id: newId(),
        documentId: input.documentId,
        target,
        colour: input.colour,
        note,
        tags,
        createdAt: time,
        updatedAt: time,
        anchor: { state: 'anchored', score: 1 }
      }
      annotations.insert(annotation)
      return annotation
    },

    update(input: {
      id: string
      note?: string
      tags?: string[]
      colour?: HighlightColourId | null
    }): Annotation {
      const existing = requireLive(input.id)
      if (input.note !== undefined) checkNote(input.note)
      const next: Annotation = {
        ...existing,
        note: input.note ?? existing.note,
        tags: input.tags === undefined ? existing.tags : normalizeTags(input.tags),
        colour: input.colour === undefined ? existing.colour : input.colour,
        updatedAt: now()
      }
      annotations.update(next)
      return next
    },

    delete(id: string): { deleted: true } {
      requireLive(id)
      annotations.setDeleted(id, now(), now())
      return { deleted: true }
    },

    restore(id: string): Annotation {
      const found = annotations.findById(id)
      if (!found) throw new UserError('not-found', 'That note can no longer be restored.')
      annotations.setDeleted(id, null, now())
      return requireLive(id)
    },

    /** Attaches an annotation (typically an orphaned one) to a new selection. */
    reattach(id: string, start: number, end: number): Annotation {
      const existing = requireLive(id)
      const next: Annotation = {
        ...existing,
        target: describe(existing.documentId, start, end),
        anchor: { state: 'anchored', score: 1 },
        updatedAt: now()
      }
      annotations.update(next)
      return next
    },

    /** Where each live annotation of a document is, for planning their places in a changed text. */
    placementItems(documentId: string): PlacementItem[] {
      return annotations.listForDocument(documentId).map(({ id, target }) => ({ id, target }))
    },

    /**
     * Finds every annotation of a document again after its text changed: by position, then by
     * quote, then approximately with a score; what cannot be placed above the threshold is
     * marked orphaned and keeps its old selectors. Placements planned on the import thread are
     * used for annotations still where they were planned from; the others are placed now.
     */
    reanchorDocument(
      documentId: string,
      planned: readonly PlannedPlacement[] = []
    ): { anchored: number; orphaned: number } {
      const { fullText, blocks } = documentText(documentId)
      const placementOf = createPlacementLookup(fullText, blocks, planned)
      const time = now()
      const changed: Annotation[] = []
      let orphanedCount = 0
      for (const annotation of annotations.listForDocument(documentId)) {
        const placement = placementOf(annotation)
        if (placement.state === 'orphaned') {
          orphanedCount++
          changed.push({
            ...annotation,
            anchor: { state: 'orphaned', score: placement.score },
            updatedAt: time
          })
          continue
        }
        changed.push({
          ...annotation,
          target: placement.target,
          anchor: { state: 'anchored', score: placement.score },
          updatedAt: time
        })
      }
      annotations.updateMany(changed)
      return { anchored: changed.length - orphanedCount, orphaned: orphanedCount }
    },

    tags(): { tag: string; count: number }[] {
      return annotations.tagCounts()
    },

    colours(): HighlightColour[] {
      const stored = settings.get<HighlightColour[]>(coloursKey) ?? []
      return defaultHighlightColours.map((colour) => stored.find((entry) => entry.id === colour.id) ?? colour)
    },

    renameColours(colours: HighlightColour[]): HighlightColour[] {
      const current = this.colours()
      const next = current.map((colour) => {
        const change = colours.find((entry) => entry.id === colour.id)
        const meaning = change?.meaning.replace(/\s+/g, ' ').trim()
        return meaning ? { id: colour.id, meaning } : colour
      })
      settings.set(coloursKey, next)
      return next
    }
  }
}

export { highlightColourIds }
export type AnnotationService = ReturnType<typeof createAnnotationService>
