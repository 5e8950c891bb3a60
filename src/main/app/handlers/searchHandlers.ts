// One search over texts, notes and cards. The search service is built by the composition root:
// it starts once the bundled texts are in, and the library tells it about imported notes.
import type { SearchService } from '../../services/search/searchService'
import type { FeatureHandlers } from './feature'

export type SearchHandlerName = 'search' | 'getSearchStatus' | 'getSearchFacets'

export function createSearchHandlers(search: SearchService): FeatureHandlers<SearchHandlerName> {
  return {
    handlers: {
      search: (request) => search.search(request),
      getSearchStatus: () => search.status(),
      getSearchFacets: () => search.facets()
    },
    close: () => search.close()
  }
}
