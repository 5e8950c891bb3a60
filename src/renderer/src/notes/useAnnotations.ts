// The reader's annotations on one document, kept in step with the store: every change is saved
// as it is made (a note's text a moment after typing stops), and each one can be undone.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Annotation, HighlightColour, HighlightColourId } from '../../../shared/types'
import { defaultHighlightColours } from '../../../shared/types'
import { api } from '../api/client'
import { useToast } from '../app/toast'
import { pushUndo } from '../app/undo'
import { onAnnotationsChanged } from '../export/annotationsChanged'

export interface AnnotationsState {
  annotations: Annotation[]
  colours: HighlightColour[]
  tags: { tag: string; count: number }[]
  loaded: boolean
  meaningOf: (colour: HighlightColourId | null) => string
  create: (input: {
    start: number
    end: number
    colour: HighlightColourId | null
    note?: string
  }) => Promise<Annotation | null>
  update: (id: string, change: { note?: string; tags?: string[]; colour?: HighlightColourId | null }) => void
  remove: (id: string) => Promise<void>
  reattach: (id: string, start: number, end: number) => Promise<void>
  renameColour: (id: HighlightColourId, meaning: string) => Promise<void>
}

const noteSaveDelayMs = 400

export function useAnnotations(documentId: string): AnnotationsState {
  const [annotations, setAnnotations] = useState<Annotation[]>([])
  const [colours, setColours] = useState<HighlightColour[]>(defaultHighlightColours)
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([])
  const [loaded, setLoaded] = useState(false)
  const toast = useToast()
  const pendingNotes = useRef(
    new Map<
      string,
      {
        timer: number
        change: { note?: string; tags?: string[]; colour?: HighlightColourId | null }
        before: Annotation
      }
    >()
  )

  const report = useCallback(
    (error: unknown) =>
      toast({ message: error instanceof Error ? error.message : String(error), tone: 'error' }),
    [toast]
  )
  const refreshTags = useCallback(() => {
    api
      .listTags({})
      .then(setTags)
      .catch(() => undefined)
  }, [])

  useEffect(() => {
    let cancelled = false
    const load = (): void => {
      Promise.all([api.listAnnotations({ documentId }), api.getHighlightColours({}), api.listTags({})])
        .then(([list, loadedColours, loadedTags]) => {
          if (cancelled) return
          setAnnotations(list)
          setColours(loadedColours)
          setTags(loadedTags)
          setLoaded(true)
        })
        .catch(report)
    }
    load()
    // Notes imported from a file (Export → Import annotations) arrive without a page reload.
    const stopListening = onAnnotationsChanged(documentId, load)
    return () => {
      cancelled = true
      stopListening()
    }
  }, [documentId, report])

  const replace = useCallback((annotation: Annotation) => {
    setAnnotations((current) => {
      const others = current.filter((entry) => entry.id !== annotation.id)
      return [...others, annotation].sort(
        (a, b) => a.target.position.start - b.target.position.start || a.createdAt - b.createdAt
      )
    })
  }, [])
  const drop = useCallback(
    (id: string) => setAnnotations((current) => current.filter((entry) => entry.id !== id)),
    []
  )

  // Save pending note edits before the page goes away (a reload, closing the window).
  useEffect(() => {
    const pending = pendingNotes.current
    const flushAll = (): void => {
      for (const [id, entry] of pending) {
        window.clearTimeout(entry.timer)
        void api.updateAnnotation({ id, ...entry.change }).catch(() => undefined)
      }
      pending.clear()
    }
    window.addEventListener('pagehide', flushAll)
    return () => {
      window.removeEventListener('pagehide', flushAll)
      flushAll()
    }
  }, [])

  const meaningOf = useCallback(
    (colour: HighlightColourId | null) =>
      colour === null ? 'Note' : (colours.find((entry) => entry.id === colour)?.meaning ?? colour),
    [colours]
  )

  const create = useCallback(
    async (input: { start: number; end: number; colour: HighlightColourId | null; note?: string }) => {
      try {
        const annotation = await api.createAnnotation({ documentId, ...input })
        replace(annotation)
        pushUndo({
          label: input.colour ? `Highlight (${meaningOf(input.colour)})` : 'Note',
          undo: async () => {
            await api.deleteAnnotation({ id: annotation.id })
            drop(annotation.id)
          }
        })
        return annotation
      } catch (error) {
        report(error)
        return null
      }
    },
    [documentId, replace, drop, meaningOf, report]
  )

  const update = useCallback(
    (id: string, change: { note?: string; tags?: string[]; colour?: HighlightColourId | null }) => {
      const current = annotations.find((entry) => entry.id === id)
      if (!current) return
      const optimistic = { ...current, ...change }
      replace(optimistic)
      const pending = pendingNotes.current.get(id)
      const before = pending?.before ?? current
      if (pending) window.clearTimeout(pending.timer)
      const merged = { ...pending?.change, ...change }
      const save = (): void => {
        pendingNotes.current.delete(id)
        api
          .updateAnnotation({ id, ...merged })
          .then((saved) => {
            replace(saved)
            if (merged.tags) refreshTags()
            pushUndo({
              label: 'Note edit',
              undo: async () => {
                replace(
                  await api.updateAnnotation({
                    id,
                    note: before.note,
                    tags: before.tags,
                    colour: before.colour
                  })
                )
                refreshTags()
              }
            })
          })
          .catch((error: unknown) => {
            replace(before)
            report(error)
          })
      }
      // Typing is saved a moment after it stops; tags and colours at once.
      if (change.note !== undefined && change.tags === undefined && change.colour === undefined) {
        pendingNotes.current.set(id, {
          timer: window.setTimeout(save, noteSaveDelayMs),
          change: merged,
          before
        })
      } else {
        save()
      }
    },
    [annotations, replace, refreshTags, report]
  )

  const remove = useCallback(
    async (id: string) => {
      const pending = pendingNotes.current.get(id)
      if (pending) {
        window.clearTimeout(pending.timer)
        pendingNotes.current.delete(id)
      }
      try {
        await api.deleteAnnotation({ id })
        drop(id)
        refreshTags()
        const entry = pushUndo({
          label: 'Note deleted',
          undo: async () => {
            replace(await api.restoreAnnotation({ id }))
            refreshTags()
          }
        })
        toast({ message: 'Note deleted', undoEntry: entry })
      } catch (error) {
        report(error)
      }
    },
    [drop, replace, refreshTags, toast, report]
  )

  const reattach = useCallback(
    async (id: string, start: number, end: number) => {
      try {
        replace(await api.reattachAnnotation({ id, start, end }))
        toast({ message: 'Note attached to the selected passage' })
      } catch (error) {
        report(error)
      }
    },
    [replace, toast, report]
  )

  const renameColour = useCallback(
    async (id: HighlightColourId, meaning: string) => {
      try {
        setColours(await api.updateHighlightColours({ colours: [{ id, meaning }] }))
      } catch (error) {
        report(error)
      }
    },
    [report]
  )

  return useMemo(
    () => ({ annotations, colours, tags, loaded, meaningOf, create, update, remove, reattach, renameColour }),
    [annotations, colours, tags, loaded, meaningOf, create, update, remove, reattach, renameColour]
  )
}
