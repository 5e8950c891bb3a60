// "Go to page" in the Contents panel of a PDF: the printed page as the reader knows it ("74",
// "iv"); the text scrolls to where that page begins and the keyboard's focus goes to the passage
// there. A page
// the text does not have is answered in words, with the pages it does have.
import { useId, useState } from 'react'

export function GoToPage({ onGo }: { onGo: (label: string) => string | null }) {
  const [value, setValue] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const id = useId()
  return (
    <form
      className="go-to-page"
      onSubmit={(event) => {
        event.preventDefault()
        setMessage(onGo(value))
      }}
    >
      <label htmlFor={id}>Go to page</label>
      <div className="go-to-page-row">
        <input
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-describedby={message === null ? undefined : `${id}-message`}
          onChange={(event) => {
            setValue(event.target.value)
            setMessage(null)
          }}
        />
        <button type="submit" className="tool-button">
          Go
        </button>
      </div>
      <p id={`${id}-message`} className="go-to-page-message" role="status">
        {message}
      </p>
    </form>
  )
}
