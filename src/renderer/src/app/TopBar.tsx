// The bar above every screen: the app's name, the way back to the library, and screen-specific tools.
// Its first stop is "Skip to content", for the keyboard to pass over the bar (and the contents).
// Each screen draws its own bar, so a bar appearing means a new screen: if the link that led here
// went with the old one, focus goes to the new screen's main content instead of the page body.
import { useEffect, type ReactNode } from 'react'
import { focusIsLost, focusPlace } from './focus'

/** Screens shown so far: the first one, on opening the app, leaves focus where the browser puts it. */
let screensShown = 0
import { SearchTools } from '../search/SearchTools'
import { StudyLink } from '../study/StudyLink'

export function TopBar({ children, title }: { children?: ReactNode; title?: string }) {
  useEffect(() => {
    if (screensShown++ > 0 && focusIsLost()) focusPlace(document.querySelector('main'))
  }, [])
  return (
    <header className="top-bar">
      <a
        className="skip-link"
        href="#content"
        onClick={(event) => {
          // Not a hash change: the hash is the app's route.
          event.preventDefault()
          focusPlace(document.querySelector<HTMLElement>('article.article') ?? document.querySelector('main'))
        }}
      >
        Skip to content
      </a>
      {/* Named by its visible text, then where it goes (not an aria-label that drops what is seen). */}
      <a className="brand" href="#/library">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <span className="brand-name">Scholia</span>
        <span className="visually-hidden"> — Library</span>
      </a>
      <a className="top-link" href="#/library">
        Library
      </a>
      <StudyLink />
      {title ? (
        <span className="top-title" title={title}>
          {title}
        </span>
      ) : (
        <span className="top-title" />
      )}
      <SearchTools />
      <div className="top-tools">{children}</div>
    </header>
  )
}
