// The bar above every screen: the app's name, the way back to the library, and screen-specific tools.
import type { ReactNode } from 'react'
import { SearchTools } from '../search/SearchTools'
import { StudyLink } from '../study/StudyLink'

export function TopBar({ children, title }: { children?: ReactNode; title?: string }) {
  return (
    <header className="top-bar">
      <a className="brand" href="#/library" aria-label="Scholia — Library">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <span className="brand-name">Scholia</span>
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
