// Reader settings (text size, column width, theme) and the reading position of each document.
import { defaultReaderSettings, type ReaderSettings, type ReadingPosition } from '../../shared/types'
import { blockIdFor } from '../../shared/document/layout'
import type {
  createReadingPositionRepository,
  createSettingsRepository
} from '../db/repositories/settingsRepository'
import { UserError } from '../../shared/userError'

const readerSettingsKey = 'reader'

export interface ReaderServiceDependencies {
  settings: ReturnType<typeof createSettingsRepository>
  positions: ReturnType<typeof createReadingPositionRepository>
  /** Throws when the document is missing; returns its block count. */
  blockCountOf: (documentId: string) => number
  now: () => number
}

export function createReaderService({ settings, positions, blockCountOf, now }: ReaderServiceDependencies) {
  return {
    getSettings(): ReaderSettings {
      return { ...defaultReaderSettings, ...(settings.get<Partial<ReaderSettings>>(readerSettingsKey) ?? {}) }
    },

    updateSettings(change: Partial<ReaderSettings>): ReaderSettings {
      const next = { ...this.getSettings(), ...change }
      settings.set(readerSettingsKey, next)
      return next
    },

    getReadingPosition(documentId: string): ReadingPosition | null {
      blockCountOf(documentId)
      const stored = positions.get(documentId)
      if (!stored) return null
      return {
        documentId,
        blockId: blockIdFor(stored.blockOrdinal),
        fraction: stored.fraction,
        updatedAt: stored.updatedAt
      }
    },

    saveReadingPosition(documentId: string, blockId: string, fraction: number): ReadingPosition {
      const blockCount = blockCountOf(documentId)
      const match = /^b(\d+)$/.exec(blockId)
      const ordinal = match ? Number(match[1]) : -1
      if (ordinal < 0 || ordinal >= blockCount)
        throw new UserError('invalid-input', `No block ${blockId} in that document.`)
      const updatedAt = now()
      positions.set(documentId, { blockOrdinal: ordinal, fraction, updatedAt })
      return { documentId, blockId, fraction, updatedAt }
    }
  }
}
