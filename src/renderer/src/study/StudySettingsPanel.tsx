// Study settings: the retention FSRS aims for, how many new cards a day, and the most reviews a
// day. Saved as they change; the review queue uses them from the next card on.
import { useEffect, useId, useState } from 'react'
import { defaultStudySettings, type StudySettings } from '../../../shared/study/types'
import { api } from '../api/client'
import { useToast } from '../app/toast'

export function StudySettingsPanel({ onSaved }: { onSaved?: (settings: StudySettings) => void }) {
  const [settings, setSettings] = useState<StudySettings | null>(null)
  const toast = useToast()
  const retentionId = useId()
  const newId = useId()
  const reviewsId = useId()

  useEffect(() => {
    api
      .getStudySettings({})
      .then(setSettings)
      .catch(() => setSettings(defaultStudySettings))
  }, [])

  const save = (change: Partial<StudySettings>): void => {
    setSettings((current) => (current ? { ...current, ...change } : current))
    api
      .updateStudySettings(change)
      .then((saved) => {
        setSettings(saved)
        onSaved?.(saved)
      })
      .catch((error: unknown) =>
        toast({ message: error instanceof Error ? error.message : String(error), tone: 'error' })
      )
  }

  if (!settings) return null
  const whole = (value: string, fallback: number): number => {
    const number = Number.parseInt(value, 10)
    return Number.isFinite(number) && number >= 0 ? number : fallback
  }
  return (
    <section className="study-settings" aria-labelledby="study-settings-heading">
      <h2 id="study-settings-heading">Study settings</h2>
      <div className="study-setting">
        <label htmlFor={retentionId}>Desired retention</label>
        <input
          id={retentionId}
          type="range"
          min={0.7}
          max={0.99}
          step={0.01}
          value={settings.desiredRetention}
          onChange={(event) => save({ desiredRetention: Number(event.target.value) })}
        />
        <output htmlFor={retentionId}>{Math.round(settings.desiredRetention * 100)}%</output>
        <p className="muted">
          Higher means shorter intervals and more reviews: the share of cards you aim to remember when they
          come due.
        </p>
      </div>
      <div className="study-setting">
        <label htmlFor={newId}>New cards per day</label>
        <input
          id={newId}
          type="number"
          min={0}
          max={9999}
          value={settings.newCardsPerDay}
          onChange={(event) =>
            save({ newCardsPerDay: Math.min(9999, whole(event.target.value, settings.newCardsPerDay)) })
          }
        />
      </div>
      <div className="study-setting">
        <label htmlFor={reviewsId}>Maximum reviews per day</label>
        <input
          id={reviewsId}
          type="number"
          min={0}
          max={99999}
          value={settings.maxReviewsPerDay}
          onChange={(event) =>
            save({ maxReviewsPerDay: Math.min(99_999, whole(event.target.value, settings.maxReviewsPerDay)) })
          }
        />
      </div>
    </section>
  )
}
