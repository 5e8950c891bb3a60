// Filters under the search box: which document, which kinds of result, which highlight colour,
// which tag. Colours and tags offered are those the indexed notes and cards use.
import { useEffect, useState } from 'react'
import {
  searchKindLabels,
  searchKinds,
  type SearchFacets,
  type SearchFilters,
  type SearchKind
} from '../../../shared/search/types'
import type { DocumentSummary } from '../../../shared/types'
import { api } from '../api/client'

export function SearchFiltersBar({
  filters,
  onChange
}: {
  filters: SearchFilters
  onChange: (filters: SearchFilters) => void
}) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const [facets, setFacets] = useState<SearchFacets>({ tags: [], colours: [] })
  useEffect(() => {
    let cancelled = false
    Promise.all([api.listDocuments({}), api.getSearchFacets({})])
      .then(([list, found]) => {
        if (cancelled) return
        setDocuments(list)
        setFacets(found)
      })
      .catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [])

  const kinds = filters.kinds ?? []
  const toggleKind = (kind: SearchKind): void => {
    const next = kinds.includes(kind) ? kinds.filter((other) => other !== kind) : [...kinds, kind]
    onChange({ ...filters, kinds: next.length > 0 ? next : undefined })
  }

  return (
    <div className="search-filters" role="group" aria-label="Filters">
      <div className="search-kinds">
        {searchKinds.map((kind) => (
          <label key={kind} className={`search-chip${kinds.includes(kind) ? ' on' : ''}`}>
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggleKind(kind)} />
            {searchKindLabels[kind]}
          </label>
        ))}
      </div>
      <div className="search-selects">
        {documents.length > 1 && (
          <select
            aria-label="Document"
            value={filters.documentId ?? ''}
            onChange={(event) => onChange({ ...filters, documentId: event.target.value || undefined })}
          >
            <option value="">All documents</option>
            {documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="Colour"
          value={filters.colour ?? ''}
          disabled={facets.colours.length === 0}
          onChange={(event) => onChange({ ...filters, colour: event.target.value || undefined })}
        >
          <option value="">{facets.colours.length === 0 ? 'No colours yet' : 'Any colour'}</option>
          {facets.colours.map((colour) => (
            <option key={colour.id} value={colour.id}>
              {colour.meaning || colour.id}
            </option>
          ))}
        </select>
        <select
          aria-label="Tag"
          value={filters.tag ?? ''}
          disabled={facets.tags.length === 0}
          onChange={(event) => onChange({ ...filters, tag: event.target.value || undefined })}
        >
          <option value="">{facets.tags.length === 0 ? 'No tags yet' : 'Any tag'}</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
