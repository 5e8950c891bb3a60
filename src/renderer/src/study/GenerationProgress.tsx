// How far "Generate cards" has read the text: a book takes seconds, so while the back end reads it
// the dialog polls getSuggestionProgress (as the library polls a PDF import's pages) and shows the
// stage, the passage reached and a bar.
import { useEffect, useState } from 'react'
import type { SuggestionProgress } from '../../../shared/study/contract'
import { api } from '../api/client'

const pollMs = 250
const count = new Intl.NumberFormat()

const stageLabels: Record<SuggestionProgress['stage'], string> = {
  dates: 'Finding dates',
  actors: 'Finding people, states and organisations',
  cards: 'Ranking the suggestions'
}

/** The latest progress of the document's suggestion run while `running`, else null. */
export function useSuggestionProgress(documentId: string, running: boolean): SuggestionProgress | null {
  const [progress, setProgress] = useState<SuggestionProgress | null>(null)
  useEffect(() => {
    if (!running) return
    let live = true
    const poll = window.setInterval(() => {
      api
        .getSuggestionProgress({ documentId })
        .then((latest) => {
          if (live && latest) setProgress(latest)
        })
        .catch(() => undefined)
    }, pollMs)
    return () => {
      live = false
      window.clearInterval(poll)
      // The next run starts from nothing, not from where this one ended.
      setProgress(null)
    }
  }, [documentId, running])
  return progress
}

/** The status line while the text is read: "Finding dates: passage 1,200 of 4,800". */
export function progressText(progress: SuggestionProgress | null): string {
  if (!progress) return 'Finding dates and actors in the text…'
  const label = stageLabels[progress.stage]
  return progress.stage === 'cards'
    ? `${label}…`
    : `${label}: passage ${count.format(progress.passagesRead + 1)} of ${count.format(progress.passageCount)}`
}

/** The bar under the status line (indeterminate until the first report). */
export function GenerationProgressBar({ progress }: { progress: SuggestionProgress | null }) {
  return progress ? (
    <progress
      className="generation-progress"
      aria-label="Generation progress"
      max={1}
      value={progress.fraction}
    />
  ) : (
    <progress className="generation-progress" aria-label="Generation progress" />
  )
}
