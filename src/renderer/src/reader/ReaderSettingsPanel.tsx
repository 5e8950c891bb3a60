// Text size, column width and theme, applied as they change and remembered.
import { useId } from 'react'
import type { HighlightColour, HighlightColourId, ReaderSettings, Theme } from '../../../shared/types'

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

function MeaningInput({
  colour,
  onRename
}: {
  colour: HighlightColour
  onRename: (id: HighlightColourId, meaning: string) => void
}) {
  const id = useId()
  const commit = (value: string): void => {
    const meaning = value.trim()
    if (meaning && meaning !== colour.meaning) onRename(colour.id, meaning)
  }
  return (
    <div className="meaning-row">
      <span className={`swatch swatch-${colour.id}`} aria-hidden="true" />
      <label htmlFor={id} className="visually-hidden">
        Meaning of the {colour.id} highlight
      </label>
      <input
        id={id}
        defaultValue={colour.meaning}
        maxLength={40}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value)
        }}
      />
    </div>
  )
}

export function ReaderSettingsPanel({
  settings,
  onChange,
  colours,
  onRenameColour
}: {
  settings: ReaderSettings
  onChange: (change: Partial<ReaderSettings>) => void
  colours: HighlightColour[]
  onRenameColour: (id: HighlightColourId, meaning: string) => void
}) {
  const sizeId = useId()
  const widthId = useId()
  return (
    <div className="settings-panel" role="group" aria-label="Reader settings">
      <div className="setting">
        <label htmlFor={sizeId}>Text size</label>
        <input
          id={sizeId}
          type="range"
          min={14}
          max={28}
          step={1}
          value={settings.fontSize}
          onChange={(event) => onChange({ fontSize: Number(event.target.value) })}
        />
        <output htmlFor={sizeId}>{settings.fontSize}px</output>
      </div>
      <div className="setting">
        <label htmlFor={widthId}>Column width</label>
        <input
          id={widthId}
          type="range"
          min={50}
          max={90}
          step={2}
          value={settings.columnWidth}
          onChange={(event) => onChange({ columnWidth: Number(event.target.value) })}
        />
        <output htmlFor={widthId}>{settings.columnWidth} characters</output>
      </div>
      <fieldset className="setting">
        <legend>Theme</legend>
        {themes.map((theme) => (
          <label key={theme.value} className="radio">
            <input
              type="radio"
              name="theme"
              value={theme.value}
              checked={settings.theme === theme.value}
              onChange={() => onChange({ theme: theme.value })}
            />
            {theme.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="setting meanings">
        <legend>Highlight meanings</legend>
        {colours.map((colour) => (
          <MeaningInput key={`${colour.id}:${colour.meaning}`} colour={colour} onRename={onRenameColour} />
        ))}
      </fieldset>
    </div>
  )
}
