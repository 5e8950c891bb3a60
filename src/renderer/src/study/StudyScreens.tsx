// The study screens by route, so that the app's router needs one line for all of them.
import { CardBrowser } from './CardBrowser'
import { DeckView } from './DeckView'
import { PeopleView } from './PeopleView'
import { ReviewView } from './ReviewView'
import type { StudyRoute } from './routes'
import { StatsView } from './StatsView'
import { TimelineView } from './TimelineView'

export function StudyScreens({ route }: { route: StudyRoute }) {
  switch (route.name) {
    case 'study':
      return <ReviewView key={route.documentId ?? ''} documentId={route.documentId} />
    case 'cards':
      return <CardBrowser />
    case 'stats':
      return <StatsView />
    case 'deck':
      return <DeckView key={route.documentId} documentId={route.documentId} />
    case 'timeline':
      return <TimelineView key={route.documentId} documentId={route.documentId} />
    case 'people':
      return <PeopleView key={route.documentId} documentId={route.documentId} />
  }
}
