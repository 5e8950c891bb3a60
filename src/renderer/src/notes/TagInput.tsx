// Tags for a note: chips with a remove button, and an input that suggests the tags already used.
import { useId, useState } from 'react'

export function TagInput({
  tags,
  known,
  onChange
}: {
  tags: string[]
  known: { tag: string; count: number }[]
  onChange: (tags: string[]) => void
}) {
  const [draft, setDraft] = useState('')
  const listId = useId()
  const inputId = useId()
  const add = (value: string): void => {
    const tag = value.replace(/^#+/, '').trim()
    setDraft('')
    if (tag && !tags.some((existing) => existing.toLowerCase() === tag.toLowerCase()))
      onChange([...tags, tag])
  }
  return (
    <div className="tag-input">
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>#{tag}</span>
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((entry) => entry !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={inputId} className="visually-hidden">
        Add tag
      </label>
      <input
        id={inputId}
        list={listId}
        value={draft}
        placeholder="Add tag…"
        onChange={(event) => {
          const value = event.target.value
          if (value.endsWith(',')) add(value.slice(0, -1))
          else setDraft(value)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            add(draft)
          } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1))
          }
        }}
        onBlur={() => add(draft)}
      />
      <datalist id={listId}>
        {known
          .filter((entry) => !tags.includes(entry.tag))
          .map((entry) => (
            <option key={entry.tag} value={entry.tag}>
              {`${entry.tag} (${entry.count})`}
            </option>
          ))}
      </datalist>
    </div>
  )
}
