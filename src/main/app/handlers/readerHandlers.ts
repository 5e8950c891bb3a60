// The reader's settings (text size, column width, theme) and the place kept in each document.
import type { Db } from '../../db/connection'
import {
  createReadingPositionRepository,
  createSettingsRepository
} from '../../db/repositories/settingsRepository'
import { createReaderService } from '../../services/readerService'
import type { FeatureHandlers } from './feature'

export type ReaderHandlerName =
  'getSettings' | 'updateSettings' | 'getReadingPosition' | 'saveReadingPosition'

export interface ReaderHandlerDependencies {
  db: Db
  /** How many blocks a document has: a saved position past its end is not restored. */
  blockCountOf: (documentId: string) => number
  now: () => number
}

export function createReaderHandlers({
  db,
  blockCountOf,
  now
}: ReaderHandlerDependencies): FeatureHandlers<ReaderHandlerName> {
  const reader = createReaderService({
    settings: createSettingsRepository(db),
    positions: createReadingPositionRepository(db),
    blockCountOf,
    now
  })
  return {
    handlers: {
      getSettings: () => reader.getSettings(),
      updateSettings: (change) => reader.updateSettings(change),
      getReadingPosition: ({ documentId }) => reader.getReadingPosition(documentId),
      saveReadingPosition: ({ documentId, blockId, fraction }) =>
        reader.saveReadingPosition(documentId, blockId, fraction)
    }
  }
}
