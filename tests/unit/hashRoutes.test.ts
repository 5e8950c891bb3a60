// Hash routes: well-formed links open their screen; a malformed escape in a pasted or typed link
// (decodeURIComponent throws on it) falls back to home instead of blanking the app.
import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../src/renderer/src/app/useHashRoute'

describe('hash routes', () => {
  it('reads documents, passages and study screens', () => {
    expect(parseRoute('#/doc/a%20b?at=12')).toEqual({ name: 'document', documentId: 'a b', at: 12 })
    expect(parseRoute('#/deck/doc%2F1')).toEqual({ name: 'deck', documentId: 'doc/1' })
    expect(parseRoute('#/library')).toEqual({ name: 'library' })
    expect(parseRoute('')).toEqual({ name: 'home' })
  })

  it.each(['#/doc/%E0%A4%A', '#/doc/%', '#/doc/%E0%A4%A?at=3', '#/deck/%', '#/study/%E0', '#/people/%zz'])(
    'falls back home for the malformed link %s',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ name: 'home' })
    }
  )
})
