// The persisted search segments (table search_segments, migration 3): one row per segment with
// the stamp of what it covers, read at start-up instead of rebuilding. Their rows' texts sit
// beside them in search_texts (migration 8), one row each, read only for the results shown.
import type { Db } from '../../db/connection'

export interface StoredSegmentInfo {
  key: string
  stamp: string
  words: number
}

export function createSegmentStore(db: Db) {
  const list = db.prepare<[], StoredSegmentInfo>('SELECT key, stamp, words FROM search_segments')
  const read = db.prepare<[string], { data: Buffer }>('SELECT data FROM search_segments WHERE key = ?')
  const readText = db
    .prepare<[string, number], string>('SELECT text FROM search_texts WHERE key = ? AND row = ?')
    .pluck()
  const write = db.prepare(
    `INSERT INTO search_segments (key, stamp, words, data, built_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET stamp = excluded.stamp, words = excluded.words, data = excluded.data, built_at = excluded.built_at`
  )
  const removeTexts = db.prepare('DELETE FROM search_texts WHERE key = ?')
  const writeText = db.prepare('INSERT INTO search_texts (key, row, text) VALUES (?, ?, ?)')
  const remove = db.prepare('DELETE FROM search_segments WHERE key = ?')
  return {
    list: (): StoredSegmentInfo[] => list.all(),
    read: (key: string): Uint8Array | null => read.get(key)?.data ?? null,
    /** A stored row's text; '' when it is missing (the snippet is then empty, the hit still shown). */
    readText: (key: string, row: number): string => readText.get(key, row) ?? '',
    /** Stores a segment and its rows' texts (in row order) together. */
    write: db.transaction(
      (
        key: string,
        stamp: string,
        words: number,
        data: Uint8Array,
        texts: readonly string[],
        now: number
      ): void => {
        write.run(key, stamp, words, Buffer.from(data.buffer, data.byteOffset, data.byteLength), now)
        removeTexts.run(key)
        texts.forEach((text, row) => writeText.run(key, row, text))
      }
    ),
    remove: db.transaction((key: string): void => {
      remove.run(key)
      removeTexts.run(key)
    })
  }
}

export type SegmentStore = ReturnType<typeof createSegmentStore>
