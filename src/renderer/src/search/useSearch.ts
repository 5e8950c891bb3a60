// Search as you type: each change of the query or filters asks the back end once the person pauses
// for a moment; answers to older queries are dropped when they arrive late.
import { useEffect, useRef, useState } from 'react'
import type { SearchFilters, SearchResults } from '../../../shared/search/types'
import { api } from '../api/client'

const pauseMs = 40

export function useSearch(
  query: string,
  filters: SearchFilters
): { results: SearchResults | null; error: string | null } {
  const [results, setResults] = useState<SearchResults | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)
  const filtersKey = JSON.stringify(filters)

  useEffect(() => {
    const ticket = ++latest.current
    if (query.trim() === '') return
    const timer = window.setTimeout(() => {
      api
        .search({ query, filters: JSON.parse(filtersKey) as SearchFilters, limit: 8 })
        .then((answer) => {
          if (ticket !== latest.current) return
          setResults(answer)
          setError(null)
        })
        .catch((cause: unknown) => {
          if (ticket === latest.current) setError(cause instanceof Error ? cause.message : String(cause))
        })
    }, pauseMs)
    return () => window.clearTimeout(timer)
  }, [query, filtersKey])

  // An empty box shows nothing, whatever the last answer was.
  return query.trim() === '' ? { results: null, error: null } : { results, error }
}
