// A result's snippet with its matched words marked: ranges from the back end become <mark>
// elements; the text is only ever set as text.
import type { ReactNode } from 'react'
import type { Snippet } from '../../../shared/search/types'

export function SnippetText({ snippet }: { snippet: Snippet }) {
  const nodes: ReactNode[] = []
  let at = 0
  for (const [start, end] of snippet.ranges) {
    if (start < at || end <= start) continue
    if (start > at) nodes.push(snippet.text.slice(at, start))
    nodes.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>)
    at = end
  }
  if (at < snippet.text.length) nodes.push(snippet.text.slice(at))
  return (
    <>
      {snippet.cutStart && '… '}
      {nodes}
      {snippet.cutEnd && ' …'}
    </>
  )
}
